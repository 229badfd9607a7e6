import { ConnectError } from '../errors';
import type { PacketEncoder } from '../protocol/custom-parser';
import type { Adapter, AdapterFactory, AdapterHost, RecoverySettings, SessionState, SocketDescription } from '../adapter/adapter';
import type { AnyHandler, ConnectHook, DisconnectHook, ErrorHandler, Route, RouteTable, SessionExpiredHook } from './route-table';
import type { DisconnectReason } from './disconnect-reason';
import type { Client } from './client';
import { Socket } from './socket';
import { BroadcastOperator } from './broadcast-operator';
import type { ConnectionListener, OtherEvent, ServerSideListener } from './listeners';
import type { Instrumentation, LogFields } from './instrumentation';
/** What a namespace sees of its server. */
export interface NamespaceHost {
    /** The server-wide error handler (Flask's `on_error_default`), or null. */
    readonly defaultErrorHandler: ErrorHandler | null;
    /** @internal Reports an error nobody handled (`fields`: where, when known); never throws. */
    logError(message: string, err: unknown, fields?: LogFields): void;
    /** The most server-to-client acks one socket may await at once. */
    readonly maxPendingAcks: number;
    /** Another namespace of the same server (for emits that cross namespaces). */
    of(name: string): ServerNamespace;
    /** @internal Adapts each Socket.IO-style listener as it is registered (see {@link ListenerBinder}), or null. */
    readonly listenerBinder: ListenerBinder | null;
    /** @internal Encodes packets for the server's clients (the `parser` option). */
    readonly encode: PacketEncoder;
    /** @internal Metrics, traces and logs (see {@link Instrumentation}), or null when all are off. */
    readonly instrumentation: Instrumentation | null;
    /** @internal The `connectionStateRecovery` settings, or null when recovery is off. */
    readonly recovery?: RecoverySettings | null;
}
/**
 * Called by `socket.on`, `once` and `onAny` with the listener being registered (`event` null for `onAny`); what it
 * returns is what the socket calls. The runtime uses it to run the listeners registered inside a handler in that
 * socket's handler context; it returns the listener itself otherwise, so that the others cost nothing more.
 */
export type ListenerBinder = (socket: Socket, event: string | null, listener: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown;
/**
 * What the client reads in `connect_error` when its connect failed on an error that is not a refusal: a bug in a
 * guard, `on_connect`, a connect hook or a middleware. The error itself goes to the error handlers and the log.
 */
export declare const CONNECT_FAILED_MESSAGE = "server error";
/**
 * Socket.IO-style connect middleware: call `next()` to go on, `next(err)` to refuse with `err.message`/`err.data`.
 * A middleware that throws, or an async one that rejects, has failed: the client reads {@link CONNECT_FAILED_MESSAGE}.
 */
export type Middleware = (socket: Socket, next: (err?: Error & {
    data?: unknown;
}) => void) => unknown;
/**
 * The server side of one namespace: its connected sockets, its adapter (rooms), its compiled routes and the
 * connect flow. Sockets join their sid room before the connect hook runs, so the hook may emit and join rooms.
 */
export declare class ServerNamespace implements AdapterHost {
    #private;
    readonly name: string;
    readonly server: NamespaceHost;
    readonly sockets: Map<string, Socket>;
    readonly adapter: Adapter;
    /** @internal AdapterHost: the server's packet encoder, which every broadcast of this namespace uses. */
    readonly encode: PacketEncoder;
    /** @internal The compiled routes, by event name; filled at registration, read on every message. */
    readonly routes: Map<string, Route>;
    /** @internal The compiled connect hooks, chained in installation order. */
    connectHook: ConnectHook | null;
    /** @internal The compiled disconnect hooks, chained in installation order. */
    disconnectHook: DisconnectHook | null;
    /** @internal The namespace's compiled error handler. */
    onError: ErrorHandler | null;
    /** @internal The `@OnAny` catch-alls of the installed tables, chained; null without any. */
    anyHandler: AnyHandler | null;
    /** @internal The `@OnUnknown` route, or null. */
    unknownRoute: Route | null;
    /**
     * The parameters of a dynamic namespace's name (`{ id: 'acme' }` for `/tenant/acme` of `/tenant/:id`, a RegExp's
     * named groups); empty for a literal namespace.
     */
    readonly params: Readonly<Record<string, string>>;
    /** @internal Called when the last socket left (set on the children of a dynamic namespace), or null. */
    onEmpty: ((nsp: ServerNamespace) => void) | null;
    /** @internal The compiled `on_session_expired` hooks, chained in installation order. */
    sessionExpiredHook: SessionExpiredHook | null;
    /**
     * @internal Connection state recovery, or null when it is off or the adapter cannot store packets (the Redis
     * pub/sub adapter, for one): then nothing is stored, no `pid` is sent and no client recovers.
     */
    readonly recovery: RecoverySettings | null;
    /** @internal Asynchronous route handlers that have not settled yet (a graceful close waits for them). */
    handlersInFlight: number;
    /**
     * @internal The server's instrumentation when it records metrics, else null: what the per-packet counters
     * (events without a route, deliveries, broadcasts, acks) check, once each.
     */
    readonly metricsProbe: Instrumentation | null;
    constructor(server: NamespaceHost, name: string, createAdapter: AdapterFactory, params?: Readonly<Record<string, string>>);
    /**
     * @internal Installs a compiled route table. Several tables may share a namespace (classes and functional handlers), but
     * an event has one route: a second one is a registration mistake. Connect hooks run in installation order.
     *
     * Error handlers combine as routes do. An error of a route goes first to the handlers of the table that brought
     * the route (its event-specific ones, then its namespace-wide ones), then to the namespace-wide handlers of the
     * other tables in installation order; a handler that rethrows the very error it was given passes it on, and when
     * every one has passed, the server's default handler gets it. Errors that belong to no table (Socket.IO-style
     * listeners, the connect flow) go through every table's handlers in installation order.
     */
    install(table: RouteTable, owner?: string): void;
    /**
     * @internal Adds one compiled route; a duplicate event is a registration mistake. With metrics or tracing on, the
     * route is wrapped here, once, so that the per-message path of an uninstrumented server stays as it was.
     */
    addRoute(route: Route, owner?: string): void;
    /** @internal DispatchScope: the server-wide error handler, for events the namespace's handlers do not take. */
    get defaultErrorHandler(): ErrorHandler | null;
    /** @internal DispatchScope: reports an error nobody handled, through the server's logger. */
    logError(message: string, err: unknown, fields?: LogFields): void;
    /** Adds a connect middleware (Socket.IO's `namespace.use`). Middlewares run before the connect hook. */
    use(middleware: Middleware): this;
    /**
     * `connection` (or `connect`): a socket finished connecting. Any other name listens to server-side emits from
     * the other processes of a cluster (`serverSideEmit`).
     */
    on(event: 'connection' | 'connect', listener: ConnectionListener): this;
    on<E extends string>(event: OtherEvent<E, 'connection' | 'connect'>, listener: ServerSideListener): this;
    /** AdapterHost: a connected local socket by sid. */
    socket(sid: string): Socket | undefined;
    /** AdapterHost: a saved session ended without its client coming back; the `on_session_expired` hooks run. */
    onSessionExpired(session: SessionState): void;
    /** AdapterHost: a server-side emit from another process. */
    onServerSideEmit(args: unknown[], reply: ((...args: unknown[]) => void) | null): void;
    emit(event: string, ...args: unknown[]): boolean;
    emitWithAck(event: string, ...args: unknown[]): Promise<unknown[]>;
    send(...args: unknown[]): boolean;
    to(room: string | readonly string[]): BroadcastOperator;
    in(room: string | readonly string[]): BroadcastOperator;
    except(room: string | readonly string[]): BroadcastOperator;
    timeout(ms: number): BroadcastOperator;
    get local(): BroadcastOperator;
    get volatile(): BroadcastOperator;
    compress(shouldCompress: boolean): BroadcastOperator;
    socketsJoin(rooms: string | readonly string[]): void;
    socketsLeave(rooms: string | readonly string[]): void;
    disconnectSockets(close?: boolean): void;
    fetchSockets(): Promise<SocketDescription[]>;
    allSockets(): Promise<Set<string>>;
    /** Emits an event to the namespace's listeners on the other processes of the cluster. */
    serverSideEmit(event: string, ...args: unknown[]): void;
    /** Makes a socket (of any process) join a room. */
    joinRoom(sid: string, room: string): void;
    /** Makes a socket (of any process) leave a room. */
    leaveRoom(sid: string, room: string): void;
    /** Removes every member from a room (across the cluster). */
    closeRoom(room: string): void;
    /** The rooms of a local socket, its sid room included; empty for a sid this process does not hold. */
    roomsOf(sid: string): string[];
    /** Disconnects a socket of any process. */
    disconnectSid(sid: string, close?: boolean): void;
    /**
     * Emits to one socket (of any process) and resolves with the arguments of its ack. Rejects with
     * `AckTimeoutError` after `timeoutMs`, or `DisconnectedError` when no such socket answers.
     */
    call(sid: string, event: string, args: readonly unknown[], timeoutMs: number): Promise<unknown[]>;
    /**
     * @internal The connect flow of a CONNECT packet: middlewares, then the connect hook, then CONNECT (or
     * CONNECT_ERROR). The socket is in its sid room and in `sockets` from the start, so the hook can use it.
     */
    connect(client: Client, auth: Record<string, unknown>): void;
    /** @internal Removes a socket that ended: the disconnect hook first (rooms still readable), then its rooms. */
    remove(socket: Socket, reason: DisconnectReason, wasConnected: boolean): void;
    /**
     * @internal A connect failed on an error that is not a refusal. The error goes down the error path of an event,
     * with the connect as its context (event `connect`, arguments `[auth]`): the namespace's error handlers, then the
     * server's default, and the log when none takes it; their answers are not sent (there is no ack). Returns the
     * `ConnectError` to refuse with, which tells the client nothing of the error. The runtime calls this itself
     * while a connection-scoped instance whose `on_connect` threw still exists, so that its `@OnError` can run.
     */
    failConnect(socket: Socket, err: unknown): ConnectError;
}
