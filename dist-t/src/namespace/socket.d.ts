import { type Packet } from '../protocol/packet';
import type { EngineConnection, EngineData } from '../engine/types';
import type { AdapterSocket, RestoredSession, SessionToPersist, SocketDescription } from '../adapter/adapter';
import type { Client } from './client';
import type { ServerNamespace } from './server-namespace';
import type { DisconnectReason } from './disconnect-reason';
import { type Handshake } from './handshake';
import { BroadcastOperator } from './broadcast-operator';
import type { CatchAllListener, DisconnectListener, EventListener, OtherEvent, PacketMiddleware } from './listeners';
/** The events a socket emits locally, with the reason it ends (clients may not send them). */
type LocalEvent = 'disconnecting' | 'disconnect';
/**
 * One client's membership of one namespace. A connection (Client) multiplexes several sockets, one per
 * namespace, each with its own sid (socket.io-protocol, "Connection to a namespace").
 *
 * A socket is `connecting` while its middlewares and connect hook run: what the server writes to it then is
 * held back and flushed right after the CONNECT packet, so the client always sees CONNECT first.
 */
export declare class Socket implements AdapterSocket {
    #private;
    /** The socket's sid in this namespace (not the Engine.IO session id). */
    readonly id: string;
    readonly nsp: ServerNamespace;
    readonly client: Client;
    readonly handshake: Handshake;
    /**
     * True when this socket is a recovered one (connection state recovery): the same id, rooms and `data` as before
     * its client's transport was lost, and the packets it missed delivered right after the CONNECT.
     */
    readonly recovered: boolean;
    constructor(nsp: ServerNamespace, client: Client, auth: Record<string, unknown>, restored?: RestoredSession);
    /** The private session id with which the client can recover this socket, or null when recovery is off. */
    get pid(): string | null;
    /** @internal Whether a recovered client skips the middlewares and the class guards (`skipMiddlewares`). */
    get shouldSkipMiddlewares(): boolean;
    /**
     * The per-connection session (Flask's `session`): arbitrary data that lives as long as this socket and is
     * shared by all its events. Created on first use, so that idle connections that never use it do not pay for it.
     */
    get data(): Record<string, unknown>;
    set data(value: Record<string, unknown>);
    /** True once the CONNECT packet has been sent, until the socket disconnects. */
    get connected(): boolean;
    get disconnected(): boolean;
    /** The underlying Engine.IO connection (shared with the client's other namespaces). */
    get conn(): EngineConnection;
    /** The rooms this socket is in, its own sid room included. */
    get rooms(): ReadonlySet<string>;
    /**
     * Flags the next emit volatile (Socket.IO's `socket.volatile.emit()`): it is dropped unless the transport can
     * write it at once (a polling client with a GET waiting, a websocket with nothing queued behind the network).
     * Carried over by the next `to`/`in`/`except`/`broadcast`.
     */
    get volatile(): this;
    /** `compress(false)` sends the next emit uncompressed (Socket.IO's `socket.compress(false).emit()`). */
    compress(shouldCompress: boolean): this;
    /**
     * Emits an event to this client. When the last argument is a function, it receives the client's ack answer.
     *
     * @example socket.emit('my response', { data: 'hi' });
     */
    emit(event: string, ...args: unknown[]): boolean;
    /**
     * @internal `emit` with the arguments as an array the socket takes over (it becomes the packet's data), so the
     * runtime's helpers pass their rest arguments on without spreading them again.
     */
    emitList(event: string, args: unknown[]): boolean;
    /**
     * Emits an event and resolves with the client's answer (its first argument, or all of them when there are
     * several). Without a timeout it waits as long as the socket is connected.
     */
    emitWithAck(event: string, ...args: unknown[]): Promise<unknown>;
    /** Sets a timeout for the next acknowledged emit: `socket.timeout(5000).emitWithAck('ping')`. */
    timeout(ms: number): TimedSocketEmitter;
    /** Emits the unnamed event `message` (Socket.IO's and Flask's `send`). */
    send(...args: unknown[]): this;
    /** Joins one or more rooms. */
    join(rooms: string | readonly string[]): void;
    /** Leaves a room. */
    leave(room: string): void;
    /** Broadcasts to a room (or rooms), excluding this socket. */
    to(room: string | readonly string[]): BroadcastOperator;
    in(room: string | readonly string[]): BroadcastOperator;
    /** Broadcasts to the whole namespace, excluding this socket and the sockets of a room (or rooms). */
    except(room: string | readonly string[]): BroadcastOperator;
    /** Broadcasts to the whole namespace, excluding this socket. */
    get broadcast(): BroadcastOperator;
    /**
     * Disconnects this socket from its namespace (the client sees `io server disconnect`), or closes the whole
     * connection when `close` is true (every namespace of the client).
     */
    disconnect(close?: boolean): this;
    /**
     * @internal The server is closing: the client receives DISCONNECT (`io server disconnect`) and the server side
     * sees the reason `server shutting down`.
     */
    shutDown(): void;
    /**
     * Listens to an event from the client, Socket.IO style. Used when the namespace has no compiled route for the
     * event; `disconnecting` and `disconnect` are emitted locally with the reason. The client's arguments are
     * `unknown` until the listener narrows them (see {@link EventListener}). A listener registered inside a handler of
     * this socket (`this.socket.on(...)` in `on_connect`) runs in this socket's handler context, so `this.socket`,
     * `this.session` and the context functions work in it as in the handler.
     *
     * @example socket.on('join', (room) => { if (typeof room === 'string') socket.join(room); });
     */
    on(event: LocalEvent, listener: DisconnectListener): this;
    on<E extends string>(event: OtherEvent<E, LocalEvent>, listener: EventListener): this;
    /** Like {@link on}, for the next time only. */
    once(event: LocalEvent, listener: DisconnectListener): this;
    once<E extends string>(event: OtherEvent<E, LocalEvent>, listener: EventListener): this;
    /** Removes a listener added with {@link on}, or every listener of the event. */
    off(event: LocalEvent, listener?: DisconnectListener): this;
    off<E extends string>(event: OtherEvent<E, LocalEvent>, listener?: EventListener): this;
    /** Listens to every incoming event: `listener(event, ...args)`, the arguments `unknown` as for {@link on}; in a
     * handler's context as {@link on} says. */
    onAny(listener: CatchAllListener): this;
    /** Like {@link onAny}, called before the catch-all listeners already registered. */
    prependAny(listener: CatchAllListener): this;
    /** Removes a listener added with {@link onAny} or {@link prependAny}, or every one of them without an argument. */
    offAny(listener?: CatchAllListener): this;
    /** The incoming catch-all listeners, in calling order (a copy). */
    listenersAny(): CatchAllListener[];
    /**
     * Listens to every event sent to this client: `listener(event, ...args)`, called before the packet is written.
     * It sees this socket's own emits and every broadcast that reaches it (from this process, another one of the
     * cluster or an emitter), but not ack answers. A broadcast is encoded once for all its recipients, so a listener
     * of a broadcast receives the arguments as the client will (decoded from the frames: dates as strings, binary
     * as Buffers).
     *
     * @example socket.onAnyOutgoing((event, ...args) => log.debug({ sid: socket.id, event }, 'sent'));
     */
    onAnyOutgoing(listener: CatchAllListener): this;
    /** Like {@link onAnyOutgoing}, called before the outgoing listeners already registered. */
    prependAnyOutgoing(listener: CatchAllListener): this;
    /** Removes a listener added with {@link onAnyOutgoing} or {@link prependAnyOutgoing}, or all without an argument. */
    offAnyOutgoing(listener?: CatchAllListener): this;
    /** The outgoing catch-all listeners, in calling order (a copy). */
    listenersAnyOutgoing(): CatchAllListener[];
    /**
     * Adds a per-packet middleware (Socket.IO's `socket.use`): it sees every incoming event as `[event, ...args]`
     * before any handler and calls `next()` to go on, or `next(err)` to drop the packet: `err` then reaches the error
     * handler and answers the client's ack (a classio `HandlerError` with its code, anything else as `server error`).
     *
     * @example socket.use(([event], next) => next(event === 'admin' ? new ForbiddenError('no') : undefined));
     */
    use(middleware: PacketMiddleware): this;
    /** @internal The per-packet middlewares, or null. */
    get packetMiddlewares(): readonly PacketMiddleware[] | null;
    /** @internal Socket.IO-style listeners of an event, or undefined. */
    listenersOf(event: string): readonly EventListener[] | undefined;
    /** @internal The catch-all listeners, or null. */
    get anyListeners(): readonly CatchAllListener[] | null;
    /**
     * AdapterSocket: writes encoded frames (a broadcast, or an event another layer encoded), holding them back while
     * the socket is still connecting (a volatile packet cannot be written at once then, so it is dropped). Outgoing
     * catch-all listeners see the event first.
     */
    writeEncoded(frames: readonly EngineData[], isVolatile?: boolean, shouldCompress?: boolean): void;
    /** AdapterSocket: writes a stored packet and remembers its offset as the last one this socket was sent. */
    writeStored(frames: readonly EngineData[], offset: string): void;
    /**
     * AdapterSocket: registers a server-to-client ack. With a timeout the callback is error-first (`AckTimeoutError`,
     * or `DisconnectedError` when the socket goes first); `isErrorFirst` alone asks for the same without a timer.
     * Throws `AckLimitError` when the socket already awaits `maxPendingAcks` answers (nothing is registered).
     * `event` names the emitted event for the ack metrics.
     */
    registerAck(callback: (...args: unknown[]) => void, timeoutMs?: number, isErrorFirst?: boolean, event?: string): number;
    /** @internal How many server-to-client acks this socket awaits. */
    get pendingAckCount(): number;
    /** AdapterSocket: a description that can cross processes. */
    describe(): SocketDescription;
    /** @internal Called by the namespace once the connect hook accepted: sends CONNECT, then what was held back. */
    onConnected(): void;
    /** @internal Routes a decoded packet addressed to this socket's namespace. */
    onPacket(packet: Packet): void;
    /** @internal Ends the socket once: leaves its rooms, runs the disconnect hook and listeners, fails pending acks. */
    onClose(reason: DisconnectReason): void;
    /** AdapterSocket: the session this socket would leave now, or null when recovery is off. */
    sessionState(): SessionToPersist | null;
}
/** The acknowledged emit of `socket.timeout(ms)`. */
export interface TimedSocketEmitter {
    /** The callback (last argument) is error-first: `(err, ...answer)`. */
    emit(event: string, ...args: unknown[]): boolean;
    emitWithAck(event: string, ...args: unknown[]): Promise<unknown>;
}
export {};
