import { type Socket as ClientSocket, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import { type ChatApp, type ChatAppOptions } from '../../examples/chat/server';
/** How socket.io-client reaches the server: each end-to-end suite runs once per mode. */
export interface TransportMode {
    readonly name: string;
    readonly options: Partial<ManagerOptions & SocketOptions>;
}
export declare const TRANSPORT_MODES: readonly TransportMode[];
/** A chat app listening on 127.0.0.1, port 0, with its base URL. */
export interface RunningChat {
    readonly app: ChatApp;
    readonly url: string;
    /** Lines the app logged (disconnects, the background task). */
    readonly logs: string[];
    /** Resolves with the first logged line (already logged or to come) that matches. */
    waitForLog(pattern: RegExp): Promise<string>;
}
/** Starts the chat app on a free port; the background task is off unless the options turn it on. */
export declare function startChat(options?: Partial<ChatAppOptions>): Promise<RunningChat>;
/** Buffers every occurrence of one event, so that a test can await them in order without racing the listener. */
export declare class EventQueue {
    #private;
    constructor(socket: ClientSocket, event: string);
    /** The arguments of the next occurrence. */
    next(): Promise<unknown[]>;
    /** The first argument of the next occurrence. */
    nextPayload(): Promise<unknown>;
}
/** A client socket with its `my response` queue, created before connecting so nothing is missed. */
export interface ChatClient {
    readonly socket: ClientSocket;
    readonly responses: EventQueue;
}
/**
 * Creates a socket.io-client socket on `namespace` with reconnection off and a fresh manager, and waits for
 * `connect` (resolves) or `connect_error` (rejects with the client's error).
 */
export declare function connectClient(url: string, namespace: string, mode: TransportMode, extra?: Partial<ManagerOptions & SocketOptions>): Promise<ChatClient>;
/** Resolves with the arguments of the next `event` on the socket. */
export declare function once(socket: ClientSocket, event: string): Promise<unknown[]>;
/** Closes every client socket (their managers too), waits for their engines to close, then closes the app. */
export declare function closeAll(chat: RunningChat | undefined, clients: ClientSocket[]): Promise<void>;
export type { ChatApp };
