import type { EngineCloseReason, EngineData } from '../engine/types';
import type { Server } from '../server';
import { type MemoryPeer } from './memory-connection';
import { TestClientNamespace } from './test-client-namespace';
import type { ReceivedPacket, TestClientOptions, TestConnectError } from './types';
/**
 * An in-process Socket.IO client for tests (Flask-SocketIO's `SocketIOTestClient`, improved). It speaks to the real
 * server through socket.io-parser's encoder and decoder and the real namespace runtime, over an in-memory
 * {@link MemoryEngineConnection} (an `EngineConnection`): no port, no HTTP, no heartbeat.
 *
 * Server writes are delivered synchronously, so after `emit()` of an event whose handler answers synchronously the
 * answer is already in {@link TestClient.getReceived}. For handlers that await, use {@link TestClient.waitFor} or
 * {@link TestClient.emitWithAck}.
 *
 * @example
 * import { TestClient } from 'classio/testing';
 *
 * const client = new TestClient(server, '/chat', { auth: { token: 'let-me-in' } });
 * await client.ready;                                   // false when refused: see client.connectError()
 * const [answer] = await client.emitWithAck('set_name', 'alice');
 */
export declare class TestClient implements MemoryPeer {
    #private;
    /** The namespace used when a method is called without one. */
    readonly namespace: string;
    /** Settles once the first namespace's CONNECT is answered: true when accepted. */
    readonly ready: Promise<boolean>;
    /**
     * Opens an in-memory connection to `server` and starts connecting to `namespace` at once; `await client.ready`
     * for the answer. `server.close()` shuts the connection down with the server's other sessions.
     */
    constructor(server: Server, namespace?: string, options?: TestClientOptions);
    /** The engine-level session id. */
    get engineId(): string;
    /**
     * Connects a namespace on this client (Socket.IO multiplexes namespaces over one connection). Resolves `true`
     * when accepted, `false` when refused (see {@link connectError}).
     */
    connect(namespace?: string, options?: {
        auth?: Record<string, unknown>;
    }): Promise<boolean>;
    /**
     * Simulates a lost transport (a network drop, not a disconnect): the server sees `transport close` and, with
     * `connectionStateRecovery` on, keeps the session. Every namespace of this client is disconnected with reason
     * `transport close`; {@link reconnect} comes back.
     */
    dropTransport(): void;
    /**
     * Opens a new connection after {@link dropTransport} (or a server-side close) and connects again every namespace
     * that lost its transport, with its auth and, as socket.io-client does, its pid and last offset: with recovery
     * on, the server restores the session (see {@link recovered}). Resolves as {@link ready} does, for the default
     * namespace.
     */
    reconnect(): Promise<boolean>;
    /** Whether the namespace's last connect recovered its session (socket.io-client's `socket.recovered`). */
    recovered(namespace?: string): boolean;
    /** Leaves a namespace (client-side DISCONNECT); the engine connection stays open for the others. */
    disconnect(namespace?: string): void;
    /** Closes the whole connection, as a closed browser tab does (the server sees `transport close`). */
    close(): void;
    /** Whether the namespace's CONNECT was accepted and it has not disconnected since. */
    isConnected(namespace?: string): boolean;
    /** The namespace's sid, once connected. */
    id(namespace?: string): string | undefined;
    /** The refusal of the namespace's last CONNECT, if it was refused. */
    connectError(namespace?: string): TestConnectError | undefined;
    /** Why the namespace was disconnected (`io server disconnect`, `io client disconnect`, `transport close`). */
    disconnectReason(namespace?: string): string | undefined;
    /** Emits an event on the default namespace. */
    emit(event: string, ...args: unknown[]): this;
    /** Emits an event on the default namespace and resolves with the arguments of the server's ack. */
    emitWithAck(event: string, ...args: unknown[]): Promise<unknown[]>;
    /** A view of another namespace of this client. */
    of(namespace: string): TestClientNamespace;
    /** Emits on a given namespace (what {@link of} uses). */
    emitTo(namespace: string, event: string, ...args: unknown[]): this;
    /** Emits on a given namespace and resolves with the ack's arguments. */
    emitWithAckTo(namespace: string, event: string, ...args: unknown[]): Promise<unknown[]>;
    /** Returns the events received on a namespace since the last call, and forgets them. */
    getReceived(namespace?: string): ReceivedPacket[];
    /**
     * Resolves with the next `event` on the namespace, taking it from the received list (already received or still
     * to come). Rejects after `timeout` ms (default 5000) with a message naming what was awaited.
     */
    waitFor(event: string, options?: {
        namespace?: string;
        timeout?: number;
    }): Promise<ReceivedPacket>;
    /** @internal MemoryPeer: one message from the server. */
    receive(data: EngineData): void;
    /** @internal MemoryPeer: the server closed the connection. */
    closed(reason: EngineCloseReason): void;
}
