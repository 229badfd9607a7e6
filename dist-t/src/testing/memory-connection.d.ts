import { EventEmitter } from 'node:events';
import type { EngineCloseReason, EngineConnection, EngineData, HandshakeRequest, TransportName } from '../engine/types';
import type { InProcessConnection } from '../server';
/** What the in-memory handshake request looks like to the server. */
export interface MemoryRequestOptions {
    /** Request headers (lower-cased names). A `host` header is added when missing. */
    readonly headers?: Readonly<Record<string, string | string[]>>;
    /** Query parameters, sent as the handshake URL's query string. */
    readonly query?: Readonly<Record<string, string | readonly string[]>>;
    /** The client's address, as `conn.remoteAddress` and `handshake.address` report it. */
    readonly remoteAddress?: string;
    /** The Socket.IO path the URL starts with. */
    readonly path?: string;
}
/** Receives what the server writes to a {@link MemoryEngineConnection}. */
export interface MemoryPeer {
    /** @internal One Engine.IO message packet written by the server. */
    receive(data: EngineData): void;
    /** @internal The server closed the session. */
    closed(reason: EngineCloseReason): void;
}
/**
 * The server's half of an in-memory Engine.IO session: it implements {@link EngineConnection} exactly as the engine's
 * socket does, so the namespace layer cannot tell it from a real client, but there is no HTTP, no transport and no
 * heartbeat. Messages are delivered synchronously in both directions, in order, each Buffer copied as a wire would.
 */
export declare class MemoryEngineConnection extends EventEmitter implements InProcessConnection {
    #private;
    readonly id: string;
    readonly request: HandshakeRequest;
    readonly remoteAddress: string;
    readonly transportName: TransportName;
    constructor(peer: MemoryPeer, options?: MemoryRequestOptions);
    get readyState(): EngineConnection['readyState'];
    send(data: EngineData): void;
    sendAll(data: readonly EngineData[]): void;
    /**
     * Server-side close, as the engine's socket does it: `forced close` when the server closes this connection,
     * `forced server close` when the whole server shuts down.
     */
    close(reason?: 'forced close' | 'forced server close'): void;
    /** The server is shutting down: it closes this connection as the engine closes its sessions. */
    shutDown(): void;
    /** Client side: delivers one message to the server's `message` listeners. Dropped once closed. */
    deliver(data: EngineData): void;
    /** Client side: the client went away (reason `transport close`, as when a browser tab closes). */
    hangUp(): void;
}
