import { type Server as HttpServer } from 'node:http';
import { type DependencyContainer } from 'tsyringe';
import { EngineServer } from './engine/server';
import { type EngineServerOptions } from './engine/options';
import type { EngineConnection } from './engine/types';
import type { AdapterFactory, RecoverySettings } from './adapter/adapter';
import { type ConnectionStateRecoveryOptions } from './recovery-options';
import { type ClientHost } from './namespace/client';
import { ServerNamespace, type ListenerBinder, type Middleware, type NamespaceHost } from './namespace/server-namespace';
import { ParentNamespace } from './namespace/parent-namespace';
import { type NamespaceFunction } from './namespace/namespace-pattern';
import type { GuardToken, InterceptorToken } from '../decorators/metadata';
import type { ErrorHandler } from './namespace/route-table';
import type { BroadcastOperator } from './namespace/broadcast-operator';
import { type PacketEncoder, type Parser } from './protocol/custom-parser';
import { type FunctionalConnectHandler, type FunctionalDisconnectHandler, type FunctionalHandler } from './runtime/functional';
import type { ConnectionListener, OtherEvent } from './namespace/listeners';
import type { Instrumentation, LogFields } from './namespace/instrumentation';
import type { Logger, LogLevel } from './observability/structured-log';
import { type MetricsOptions, type TracingOptions } from './observability/options';
import type { Registry as PromRegistry } from 'prom-client';
export type { Logger, LogLevel } from './observability/structured-log';
export type { MetricsOptions, TracingOptions } from './observability/options';
/**
 * A connection the server accepts from outside its engine: the in-process test client's (`classio/testing`).
 * The engine ends its own sessions when the server closes; these the server ends itself, through `shutDown`.
 */
export interface InProcessConnection extends EngineConnection {
    /** The server is shutting down: end the session as the engine ends its own (reason `forced server close`). */
    shutDown(): void;
}
/** Options of {@link Server.close}. */
export interface CloseOptions {
    /**
     * Milliseconds to wait, before disconnecting anyone, for asynchronous handlers still running and for the acks
     * the server awaits from clients; then for the clients to receive the disconnect (at least 1 s for that, so that
     * a polling client between two requests still learns why). Default 0: disconnect at once.
     */
    timeout?: number;
}
/** Options of {@link Server}; every one has a default. */
export interface ServerOptions extends EngineServerOptions {
    /** How long a connection may stay without joining any namespace before it is closed, in ms. Default 45000. */
    connectTimeout?: number;
    /** The most binary attachments one packet may announce; more is a parse error. Default 10. */
    maxAttachments?: number;
    /**
     * The most server-to-client acks one socket may await at once; one more makes `emit(..., cb)` throw and
     * `emitWithAck` reject with `AckLimitError` (a broadcast with acks skips that socket). Default 1000.
     */
    maxPendingAcks?: number;
    /** Creates each namespace's adapter. Default: in-memory (one process), or Redis when `messageQueue` is set. */
    adapter?: AdapterFactory;
    /**
     * `redis://host:port/db`: broadcast through Redis pub/sub so that several processes serve one cluster (Flask's
     * `message_queue`). Default: none (in-memory).
     */
    messageQueue?: string;
    /** The Redis channel prefix; servers with the same Redis and channel form one cluster. Default `classio`. */
    channel?: string;
    /** The tsyringe container namespace classes and guards are resolved from. Default: tsyringe's root container. */
    container?: DependencyContainer;
    /**
     * Where log records go: `console`, any object with `error(message, err)` (and optionally `warn`, `info`, `debug`),
     * or a pino-style logger (one with `child()`), which receives structured records `(fields, msg)`. Default:
     * `console`; `false` silences them. See docs/observability.md.
     */
    logger?: Logger | false;
    /**
     * A Socket.IO parser (`{ Encoder, Decoder }`, socket.io-parser's interface), such as
     * `require('socket.io-msgpack-parser')`; the clients must use the same one. Default: the built-in socket.io-parser
     * path.
     */
    parser?: Parser;
    /**
     * Serves the browser builds of the installed `socket.io-client` (an optional peer) under `path`:
     * `socket.io.js`, `.min.js`, `.esm.min.js`, `.msgpack.min.js` and their `.map` files, with ETag and 304. On
     * without the package is a `ConfigurationError` at startup. Default `false` (the package is optional here).
     */
    serveClient?: boolean;
    /**
     * How much is logged: `error` (unhandled errors, cluster faults), `warn` (slow consumers), `info` (connects,
     * refusals, disconnects), `debug`, or `silent`. Default `warn`. `DEBUG=classio:*` still prints the debug trace.
     */
    logLevel?: LogLevel;
    /**
     * Per-event metrics through the OpenTelemetry metrics API and/or prom-client (both optional peers). Default false.
     * See docs/observability.md for the metrics and their labels.
     */
    metrics?: boolean | MetricsOptions;
    /**
     * A span per handled event (`<namespace> <event>`) through the OpenTelemetry API (optional peer), child spans for
     * guards, interceptors and validation, parented by a `traceparent` passed in the handshake. Default false.
     */
    tracing?: boolean | TracingOptions;
    /**
     * Removes a child of a dynamic namespace (`/tenant/:id`) when its last client leaves, with its rooms and
     * adapter; the next connect creates it again. Default false: children stay.
     */
    cleanupEmptyChildNamespaces?: boolean;
    /**
     * Connection state recovery (Socket.IO's option): a client whose transport was lost and that comes back within
     * `maxDisconnectionDuration` keeps its id, rooms and `data` and receives what it missed. Default: off. With the
     * in-memory adapter (and adapters that store packets, as the Redis Streams one); see docs/recovery.md.
     */
    connectionStateRecovery?: ConnectionStateRecoveryOptions | false;
}
/**
 * A Socket.IO v5 server: one Engine.IO server shared by every namespace.
 *
 * @example
 * const server = new Server({ cors: { origin: '*' } });
 * server.register(ChatNamespace);
 * await server.listen(5000);
 */
export declare class Server implements ClientHost, NamespaceHost {
    #private;
    readonly engine: EngineServer;
    readonly container: DependencyContainer;
    readonly connectTimeout: number;
    readonly maxAttachments: number;
    readonly maxPendingAcks: number;
    /** @internal ClientHost: the custom parser, or null for the default path. */
    readonly parser: Parser | null;
    /** @internal ClientHost, NamespaceHost: how packets are encoded for this server's clients. */
    readonly encode: PacketEncoder;
    defaultErrorHandler: ErrorHandler | null;
    /** @internal NamespaceHost: listeners registered inside a handler run in its context. */
    readonly listenerBinder: ListenerBinder;
    /** @internal NamespaceHost: the resolved `connectionStateRecovery`, or null when it is off. */
    readonly recovery: RecoverySettings | null;
    /** The HTTP server the engine is attached to (one of ours after `listen`). */
    httpServer: HttpServer | null;
    /** @internal NamespaceHost, ClientHost: metrics, traces and logs, or null when all are off. */
    readonly instrumentation: Instrumentation | null;
    /**
     * The prom-client registry of `metrics: { prometheus }`, or null: serve `await registry.metrics()` with
     * `registry.contentType` on `/metrics`.
     */
    readonly metricsRegistry: PromRegistry | null;
    constructor(options?: ServerOptions);
    constructor(httpServer: HttpServer, options?: ServerOptions);
    /** Serves Engine.IO requests under `path` on an existing HTTP server; other requests keep their handlers. */
    attach(httpServer: HttpServer): this;
    /** Starts an HTTP server of its own on `port` (0 for any) and resolves once it listens. */
    listen(port: number, host?: string): Promise<HttpServer>;
    /** The port the HTTP server listens on (after `listen` or attaching to a listening server). */
    get port(): number;
    /**
     * The namespace at `name`, created on first use (which calls the `new_namespace` listeners). A pattern
     * (`/tenant/:id`), a RegExp or a function `(name, auth) => boolean | Promise<boolean>` gives the dynamic
     * namespace serving every matching name: what is declared on it (`use`, `on('connection')`, routes) applies to
     * each concrete child, and its `emit` reaches every child. A literal namespace wins over a pattern.
     */
    of(name: string): ServerNamespace;
    of(pattern: RegExp | NamespaceFunction): ParentNamespace;
    of(name: string | RegExp | NamespaceFunction): ServerNamespace;
    /** Every namespace, by name. */
    get namespaces(): ReadonlyMap<string, ServerNamespace>;
    /**
     * @internal ClientHost: the namespace a client may connect to: a literal one, else the first dynamic namespace
     * that accepts the name (its child, created now). A function path may answer asynchronously.
     */
    namespace(name: string, auth: Record<string, unknown>): ServerNamespace | undefined | Promise<ServerNamespace | undefined>;
    /**
     * Registers a namespace: a decorated class (resolved through the container, compiled once) or an instance
     * (Flask's `on_namespace`). Mistakes throw a `ConfigurationError` naming the class and method.
     *
     * @example server.register(ChatNamespace).register(new AdminNamespace('/admin'));
     */
    register(target: (new (...args: never[]) => object) | object): this;
    /**
     * Guards every event of every namespace, class-based or functional (NestJS's `useGlobalGuards`). Guards are
     * classes resolved from the server's container, or instances; they run before the class's and the method's
     * guards, and a refusal answers the ack with `CLASSIO_ERR_FORBIDDEN`. They are compiled into the routes, so call
     * this before `register()` and `on()`.
     *
     * @example server.useGlobalGuards(SessionStillValid).register(Chat);
     */
    useGlobalGuards(...guards: GuardToken[]): this;
    /**
     * Wraps every event of every namespace, class-based or functional, in interceptors (see `@UseInterceptors`);
     * they run outside the class's and the method's. Call this before `register()` and `on()`.
     *
     * @example server.useGlobalInterceptors(new LoggingInterceptor(logger)).register(Chat);
     */
    useGlobalInterceptors(...interceptors: InterceptorToken[]): this;
    /** Adds a connect middleware to the main namespace `/` (Socket.IO's `io.use`). */
    use(middleware: Middleware): this;
    /**
     * The functional form (Flask's `@socketio.on`): `handler(...args)` handles `event` in `namespace` (default
     * `/`), its return value answers the ack, and the context functions (`emit`, `currentSid`, ...) work inside it.
     * `connect` receives the auth payload and may refuse (`false` or a throw); `disconnect` receives the reason.
     * `connection` is Socket.IO's listener, called with each connected socket. A client's arguments are `unknown`
     * until the handler narrows them (it may declare their types, unchecked, as a Socket.IO listener may).
     *
     * Socket.IO's server-level events are never routes a client could trigger: `connection` is called with each
     * connected socket of `namespace`, and `new_namespace` with each namespace created from then on (`of`,
     * `register`; the main namespace `/` exists from the start). The names no client can send (`connect_error`,
     * `disconnecting`, `newListener`, `removeListener`) throw a `ConfigurationError`.
     *
     * @example server.on('chat', (text) => (typeof text === 'string' ? text.length : 0), { namespace: '/chat' });
     */
    on(event: 'connection', listener: ConnectionListener, options?: {
        namespace?: string;
    }): this;
    on(event: 'connect', handler: FunctionalConnectHandler, options?: {
        namespace?: string;
    }): this;
    on(event: 'disconnect', handler: FunctionalDisconnectHandler, options?: {
        namespace?: string;
    }): this;
    /** `new_namespace`: called with each namespace created from now on, as above. */
    on(event: 'new_namespace', listener: (nsp: ServerNamespace) => unknown): this;
    on<E extends string>(event: OtherEvent<E, 'connection' | 'connect' | 'disconnect' | 'new_namespace'>, handler: FunctionalHandler, options?: {
        namespace?: string;
    }): this;
    /** Sets the server-wide error handler for namespaces without their own (Flask's `on_error_default`). */
    setDefaultErrorHandler(handler: ErrorHandler): this;
    emit(event: string, ...args: unknown[]): boolean;
    send(...args: unknown[]): boolean;
    to(room: string | readonly string[]): BroadcastOperator;
    in(room: string | readonly string[]): BroadcastOperator;
    except(room: string | readonly string[]): BroadcastOperator;
    timeout(ms: number): BroadcastOperator;
    /** The main namespace's volatile operator (see {@link BroadcastOperator.volatile}). */
    get volatile(): BroadcastOperator;
    /** The main namespace's operator with the compress flag (see {@link BroadcastOperator.compress}). */
    compress(shouldCompress: boolean): BroadcastOperator;
    /**
     * @internal Accepts an in-process connection as the engine accepts its sessions (the test client of
     * `classio/testing` calls it); `close()` shuts it down with the engine's sessions.
     */
    acceptConnection(conn: InProcessConnection): void;
    /** @internal Reports an error nobody handled; `fields` say where (sid, namespace, event) when known. */
    logError(message: string, err: unknown, fields?: LogFields): void;
    /** @internal The message queue became unreachable: counted (`classio.cluster.outages`) and logged. */
    reportClusterFault(err: unknown): void;
    /**
     * Closes gracefully. New sessions are refused at once; for up to `timeout` ms the server waits for asynchronous
     * handlers in flight and for the acks it awaits; then every socket is disconnected (the client sees
     * `io server disconnect`, over every transport, and so does a test client; the server side sees the reason
     * `server shutting down`) and, within what is left of the deadline but at least 1 s, the sessions deliver that
     * and end; then the adapters close, and the HTTP server when `listen` started it. A second call returns the same
     * promise.
     *
     * @example process.on('SIGTERM', () => void server.close({ timeout: 10_000 }).then(() => process.exit(0)));
     */
    close(options?: CloseOptions): Promise<void>;
}
