import { Namespace, type AckArguments, type ErrorContext, type GuardContext } from '../../src';
import { BackgroundTicker, ChatSettings } from './services';
/** `{ data }`: what Echo and Broadcast send. */
export declare class TextMessage {
    data: unknown;
}
/** `{ room }`: join, leave, close_room. */
export declare class RoomRequest {
    room: string;
}
/** `{ room, data }`: my_room_event. */
export declare class RoomMessage extends RoomRequest {
    data: unknown;
}
/** What the server sends as `my response`. */
export interface ChatResponse {
    data: unknown;
    count: number;
}
/** The server-to-client events of `/test`: with this map a misspelt event or payload does not compile. */
export interface TestServerEvents {
    'my response': (response: ChatResponse) => void;
    'my pong': () => void;
    'my error': (error: {
        event: string;
        message: string;
    }) => void;
}
/**
 * `/test`: the example's main namespace. Events whose names have spaces use `@On(...)`; the others use Flask's
 * `on_<event>` method names. One instance serves every client (singleton scope); per-client state lives in the
 * session, which classio keeps per connection.
 */
export declare class TestNamespace extends Namespace<Record<string, never>, TestServerEvents> {
    private readonly settings;
    private readonly ticker;
    constructor(settings: ChatSettings, ticker: BackgroundTicker);
    /** 1. Greets the client; the first connection starts the server-wide background task. */
    on_connect(): void;
    /** 2. Echo to the sender. */
    echo(message: TextMessage): void;
    /** 3. To every client of the namespace, sender included; at most 20 a second per client (`CLASSIO_ERR_THROTTLED`). */
    broadcast(message: TextMessage): void;
    /** 4. */
    on_join(request: RoomRequest): void;
    /** 5. */
    on_leave(request: RoomRequest): void;
    /** 6. Tells the room, then empties it. */
    on_close_room(request: RoomRequest): void;
    /** 7. */
    on_my_room_event(message: RoomMessage): void;
    /** 8. Says goodbye, and disconnects once the client has acknowledged it. */
    on_disconnect_request(): Promise<void>;
    /** 9. The page measures its latency with these. */
    ping(): void;
    /** 10. The client's ack receives the event's own arguments (`ackArgs` answers with several, like Flask's tuple). */
    on_ack(...args: unknown[]): AckArguments;
    /** 11. Fails on purpose, to show the error handler. */
    fail(): never;
    /** The namespace's error handler: the sender learns which event failed and why. */
    reportError(error: unknown, context: ErrorContext): void;
    /** 12. */
    on_disconnect(reason: string): void;
    /** The per-connection counter of Flask's example (`session['receive_count']`). */
    private countEvent;
}
/** Accepts a connection only when the handshake's auth carries the app's token. */
export declare class TokenGuard {
    private readonly settings;
    constructor(settings: ChatSettings);
    canActivate(context: GuardContext): boolean;
}
/** `/private`: only for clients that know the token; anyone else gets connect_error `unauthorized`. */
export declare class PrivateNamespace extends Namespace {
    /** Answers the ack with the client's sid. */
    on_whoami(): string;
}
/** `/`: sends every `message` straight back. */
export declare class RootNamespace extends Namespace {
    on_message(...args: unknown[]): void;
}
