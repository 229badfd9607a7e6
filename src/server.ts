import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { EngineServer } from './engine/server';
import { checkAllowRequest, ENGINE_OPTION_NAMES, type EngineServerOptions } from './engine/options';
import type { EngineConnection } from './engine/types';
import type { AdapterFactory, RecoverySettings } from './adapter/adapter';
import { InMemoryAdapter } from './adapter/in-memory-adapter';
import { SessionAwareAdapter } from './adapter/session-aware-adapter';
import { resolveRecovery, type ConnectionStateRecoveryOptions } from './recovery-options';
import { Client, type ClientHost } from './namespace/client';
import {
  ServerNamespace,
  type ListenerBinder,
  type Middleware,
  type NamespaceHost,
} from './namespace/server-namespace';
import { ParentNamespace } from './namespace/parent-namespace';
import {
  compileNamespacePattern,
  isPatternPath,
  type NamespaceFunction,
  type NamespaceMatcher,
  type PatternMatch,
} from './namespace/namespace-pattern';
import type { GuardToken, InterceptorToken } from '../decorators/metadata';
import { resolveEnhancer, enhancerName } from './runtime/enhancers';
import type { GlobalEnhancers } from './runtime/explorer';
import type { Guard } from './runtime/guard-context';
import type { Interceptor } from './runtime/interceptor';
import type { ErrorHandler } from './namespace/route-table';
import type { BroadcastOperator } from './namespace/broadcast-operator';
import type * as RedisAdapterModule from './adapter/redis';
import { ClientBundle } from './client-bundle';
import { ClusterError, ConfigurationError, ProtocolError } from './errors';
import { encodePacket } from './protocol/packet';
import { checkParser, createCustomEncoder, type PacketEncoder, type Parser } from './protocol/custom-parser';
import { checkOptionNames, SOCKET_IO_OPTIONS } from './option-names';
import { registerNamespace } from './runtime/explorer';
import {
  compileFunctional,
  type FunctionalConnectHandler,
  type FunctionalDisconnectHandler,
  type FunctionalHandler,
} from './runtime/functional';
import { bindListenerToContext } from './runtime/listener-context';
import type { ConnectionListener, OtherEvent } from './namespace/listeners';
import type { Socket } from './namespace/socket';
import type { BroadcastAckArgs, DefaultEventsMap, EventNames, EventParams, EventsMap } from './namespace/typed-events';
import { isThenable } from './namespace/util';
import { createDebug } from './debug';
import type { Instrumentation, LogFields, TrafficProbe } from './namespace/instrumentation';
import { combineTrafficProbes } from './observability/traffic';
import type { Observer } from './observability/observer';
import type { LogSink, Logger, LogLevel } from './observability/structured-log';
import {
  setUpObservability,
  type MetricsOptions,
  type PrometheusRegistry,
  type TracingOptions,
} from './observability/options';
import type * as AsyncApiModule from './contract/asyncapi';
import type { AsyncApiDocument, AsyncApiOptions } from './contract/asyncapi';
import type { Registration } from './contract/describe-contract';

const debug = createDebug('classio:server');

export type { Logger, LogLevel } from './observability/structured-log';
export type {
  MeterProvider,
  MetricsOptions,
  PrometheusRegistry,
  TracerProvider,
  TracingOptions,
} from './observability/options';

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
 * How long a closing server waits at least for its sessions to deliver their DISCONNECT packets, whatever the
 * `timeout` of `close()`. A live polling client sends its next GET as soon as it has read an answer, so this only
 * runs out for a client that stopped polling, and it bounds how long such a client holds the shutdown.
 */
const DISCONNECT_GRACE_MS = 1000;

/**
 * The server's own options, complete (the engine's are `ENGINE_DEFAULTS`); `undefined` means "none" or a default
 * chosen later. `path` replaces the engine's `/engine.io/`.
 */
const SERVER_DEFAULTS = {
  path: '/socket.io/',
  connectTimeout: 45_000,
  maxAttachments: 10,
  maxPendingAcks: 1000,
  adapter: undefined as AdapterFactory | undefined,
  messageQueue: undefined as string | undefined,
  channel: undefined as string | undefined,
  container: undefined as DependencyContainer | undefined,
  logger: undefined as Logger | false | undefined,
  parser: undefined as Parser | undefined,
  serveClient: false,
  logLevel: undefined as LogLevel | undefined,
  metrics: undefined as boolean | MetricsOptions | undefined,
  tracing: undefined as boolean | TracingOptions | undefined,
  cleanupEmptyChildNamespaces: false,
  connectionStateRecovery: undefined as ConnectionStateRecoveryOptions | false | undefined,
};

/** Every option name a `Server` reads: its own and the engine's. */
const OPTION_NAMES: readonly string[] = [...new Set([...Object.keys(SERVER_DEFAULTS), ...ENGINE_OPTION_NAMES])];

/**
 * A Socket.IO v5 server: one Engine.IO server shared by every namespace.
 *
 * The type parameters are Socket.IO's, and every namespace of the server shares them: the events the clients send
 * (`ListenEvents`), the events the server sends (`EmitEvents`), the events between the servers of a cluster
 * (`ServerSideEvents`) and the type of each socket's `data`. The defaults are untyped: any event, arguments
 * `unknown` until narrowed, `data` a record. They are types only: nothing checks a client's arguments at run time
 * (a class handler's `@Payload()` DTO does).
 *
 * @example
 * const server = new Server({ cors: { origin: '*' } });
 * server.register(ChatNamespace);
 * await server.listen(5000);
 *
 * @example
 * const typed = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>();
 * typed.on('connection', (socket) => socket.emit('news', 'welcome'), { namespace: '/chat' });
 */
export class Server<
  ListenEvents extends EventsMap = DefaultEventsMap,
  EmitEvents extends EventsMap = DefaultEventsMap,
  ServerSideEvents extends EventsMap = DefaultEventsMap,
  SocketData = Record<string, unknown>,
> implements ClientHost {
  readonly engine: EngineServer;
  readonly container: DependencyContainer;
  readonly connectTimeout: number;
  readonly maxAttachments: number;
  readonly maxPendingAcks: number;
  /** @internal ClientHost: the custom parser, or null for the default path. */
  readonly parser: Parser | null;
  /** @internal ClientHost, NamespaceHost: how packets are encoded for this server's clients. */
  readonly encode: PacketEncoder;
  defaultErrorHandler: ErrorHandler | null = null;
  /** @internal NamespaceHost: listeners registered inside a handler run in its context. */
  readonly listenerBinder: ListenerBinder = bindListenerToContext;
  /** @internal NamespaceHost: the resolved `connectionStateRecovery`, or null when it is off. */
  readonly recovery: RecoverySettings | null;
  /** The HTTP server the engine is attached to (one of ours after `listen`). */
  httpServer: HttpServer | null = null;
  /** @internal NamespaceHost, ClientHost: metrics, traces and logs, or null when all are off. */
  readonly instrumentation: Instrumentation | null;
  /**
   * @internal ClientHost: what counts each connection's bytes (the metrics, the Admin UI), or null. A connection
   * reads it once, when it opens, so that a server counting nothing checks one null per message.
   */
  trafficProbe: TrafficProbe | null = null;
  /**
   * The prom-client registry of `metrics: { prometheus }`, or null: serve `await registry.metrics()` with
   * `registry.contentType` on `/metrics`.
   */
  readonly metricsRegistry: PrometheusRegistry | null;

  readonly #namespaces = new Map<string, ServerNamespace>();
  readonly #trafficProbes: TrafficProbe[] = [];
  readonly #createAdapter: AdapterFactory;
  /** The client bundle `serveClient` serves, or null. */
  readonly #clientBundle: ClientBundle | null;
  readonly #log: LogSink | null;
  readonly #observer: Observer | null;
  #ownsHttpServer = false;
  /** Set by the first `close()`: the shutdown in progress. */
  #closing: Promise<void> | null = null;
  /** In-process connections still open (`acceptConnection`), shut down by `close()`. */
  readonly #inProcess = new Set<InProcessConnection>();
  /** The main namespace `/`, which exists from the start: the target of the shortcuts (`emit`, `to`, ...). */
  readonly #main: ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData>;
  /**
   * This server as its namespaces and the runtime see it (their `NamespaceHost`): the same object, its type
   * parameters erased. They type the public API only; the layers below handle every namespace and socket alike.
   */
  readonly #untyped: Server & NamespaceHost;
  /** `server.on('new_namespace', ...)` listeners. */
  readonly #namespaceListeners: ((nsp: ServerNamespace) => unknown)[] = [];
  /** The dynamic namespaces, in declaration order, with their compiled matchers. */
  readonly #parents: {
    readonly path: string | RegExp | NamespaceFunction;
    readonly match: NamespaceMatcher;
    readonly nsp: ParentNamespace;
  }[] = [];
  readonly #cleanupEmptyChildren: boolean;
  /** `useGlobalGuards` / `useGlobalInterceptors`, resolved; every route compiled afterwards runs them first. */
  readonly #globals: { guardNames: string[]; resolvedGuards: Guard[]; interceptors: Interceptor[] } = {
    guardNames: [],
    resolvedGuards: [],
    interceptors: [],
  };
  /** Set once a route is installed: global enhancers must come before, as they are compiled into the routes. */
  #hasRoutes = false;
  /** The registered namespace classes, in order: what `asyncapi()` describes. */
  readonly #registrations: Registration[] = [];

  constructor(options?: ServerOptions);
  constructor(httpServer: HttpServer, options?: ServerOptions);
  constructor(serverOrOptions?: HttpServer | ServerOptions, maybeOptions?: ServerOptions) {
    const httpServer = serverOrOptions instanceof Object && 'listen' in serverOrOptions ? serverOrOptions : null;
    const options: ServerOptions =
      (httpServer === null ? (serverOrOptions as ServerOptions | undefined) : maybeOptions) ?? {};
    this.#untyped = this as unknown as Server;
    checkOptionNames(options, OPTION_NAMES, 'new Server()', SOCKET_IO_OPTIONS);
    // Spread over the defaults, except that `undefined` asks for the default (as the engine reads it too).
    const settings: typeof SERVER_DEFAULTS & ServerOptions = { ...SERVER_DEFAULTS };
    const fields = settings as unknown as Record<string, unknown>;
    for (const [name, value] of Object.entries(options)) if (value !== undefined) fields[name] = value;
    if (!(settings.connectTimeout > 0))
      throw new ConfigurationError(`connectTimeout must be a positive number of ms, got ${settings.connectTimeout}`);
    if (!Number.isInteger(settings.maxAttachments) || settings.maxAttachments < 0) {
      throw new ConfigurationError(`maxAttachments must be a non-negative integer, got ${settings.maxAttachments}`);
    }
    this.connectTimeout = settings.connectTimeout;
    if (!Number.isInteger(settings.maxPendingAcks) || settings.maxPendingAcks < 1) {
      throw new ConfigurationError(`maxPendingAcks must be a positive integer, got ${settings.maxPendingAcks}`);
    }
    this.maxAttachments = settings.maxAttachments;
    const parser = settings.parser ?? null;
    checkParser(parser);
    this.parser = parser;
    // The default parser is the module's own function: nothing is wrapped around the compiled fast path.
    this.encode = parser === null ? encodePacket : createCustomEncoder(parser);
    if (typeof settings.cleanupEmptyChildNamespaces !== 'boolean') {
      throw new ConfigurationError(
        `cleanupEmptyChildNamespaces must be a boolean, got ${String(settings.cleanupEmptyChildNamespaces)}`,
      );
    }
    this.#cleanupEmptyChildren = settings.cleanupEmptyChildNamespaces;
    this.maxPendingAcks = settings.maxPendingAcks;
    this.container = settings.container ?? rootContainer;
    const observability = setUpObservability(settings, console, {
      connections: () => [[{}, this.engine.clientsCount + this.#inProcess.size]],
      sockets: () => [...this.#namespaces.values()].map((nsp) => [{ namespace: nsp.name }, nsp.sockets.size] as const),
    });
    this.#log = observability.log;
    this.#observer = observability.observer;
    this.instrumentation = observability.observer;
    if (observability.observer?.hasMetrics === true) this.addTrafficProbe(observability.observer);
    this.metricsRegistry = observability.registry;
    this.recovery = resolveRecovery(settings.connectionStateRecovery);
    const recovery = this.recovery;
    if (recovery !== null && settings.messageQueue !== undefined && settings.adapter === undefined) {
      // The pub/sub adapter stores no packets: recovery would be silently off, which is worse than a clear refusal.
      throw new ConfigurationError(
        'connectionStateRecovery needs an adapter that stores packets: the Redis pub/sub adapter of messageQueue ' +
          "does not; for a cluster use adapter: createRedisStreamsAdapter({ url }) from 'classio/redis' instead of " +
          'messageQueue, or the in-memory adapter (one process)',
      );
    }
    this.#createAdapter =
      settings.adapter ??
      (recovery !== null
        ? (host) => new SessionAwareAdapter(host, recovery)
        : chooseAdapter(settings.messageQueue, settings.channel));
    const allowRequest = settings.allowRequest ?? null;
    checkAllowRequest(allowRequest);
    const engineOptions: Record<string, unknown> = {};
    for (const name of ENGINE_OPTION_NAMES) engineOptions[name] = fields[name];
    // A closing server refuses new sessions (Engine.IO error 4, message `server shutting down`) while the ones it
    // has drain; the listening socket stays open meanwhile, so that polling clients can still deliver their acks.
    this.engine = new EngineServer({
      ...(engineOptions as EngineServerOptions),
      allowRequest: (req) => {
        if (this.#closing !== null) throw new ProtocolError(4, {}, 'server shutting down');
        return allowRequest === null ? true : allowRequest(req);
      },
    });
    if (typeof settings.serveClient !== 'boolean') {
      throw new ConfigurationError(`serveClient must be a boolean, got ${String(settings.serveClient)}`);
    }
    this.#clientBundle = settings.serveClient ? new ClientBundle(this.engine.settings.path) : null;
    this.engine.on('connection', (conn: EngineConnection) => new Client(this, conn));
    this.#main = this.of('/');
    if (httpServer !== null) this.attach(httpServer);
  }

  /** Serves Engine.IO requests under `path` on an existing HTTP server; other requests keep their handlers. */
  attach(httpServer: HttpServer): this {
    this.engine.attach(httpServer);
    // After the engine, so that the bundle's files are answered before the engine sees their path.
    this.#clientBundle?.attach(httpServer);
    this.httpServer = httpServer;
    return this;
  }

  /** Starts an HTTP server of its own on `port` (0 for any) and resolves once it listens. */
  listen(port: number, host = '127.0.0.1'): Promise<HttpServer> {
    const httpServer = createServer();
    this.attach(httpServer);
    this.#ownsHttpServer = true;
    return new Promise((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, host, () => {
        httpServer.off('error', reject);
        debug('listening on %s:%d', host, (httpServer.address() as AddressInfo).port);
        resolve(httpServer);
      });
    });
  }

  /** The port the HTTP server listens on (after `listen` or attaching to a listening server). */
  get port(): number {
    const address = this.httpServer?.address();
    if (address === null || address === undefined || typeof address === 'string') {
      throw new ConfigurationError('the server is not listening on a TCP port');
    }
    return address.port;
  }

  /**
   * The namespace at `name`, created on first use (which calls the `new_namespace` listeners). A pattern
   * (`/tenant/:id`), a RegExp or a function `(name, auth) => boolean | Promise<boolean>` gives the dynamic
   * namespace serving every matching name: what is declared on it (`use`, `on('connection')`, routes) applies to
   * each concrete child, and its `emit` reaches every child. A literal namespace wins over a pattern.
   */
  of(name: string): ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData>;
  of(pattern: RegExp | NamespaceFunction): ParentNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData>;
  of(
    name: string | RegExp | NamespaceFunction,
  ): ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData>;
  of(
    name: string | RegExp | NamespaceFunction,
  ): ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData> {
    return this.#of(name) as unknown as ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData>;
  }

  #of(name: string | RegExp | NamespaceFunction): ServerNamespace {
    if (typeof name !== 'string' || isPatternPath(name)) return this.#parentOf(name);
    const path = name.startsWith('/') ? name : `/${name}`;
    // A literal name is a namespace of its own even when a pattern matches it (as in Socket.IO): it wins over the
    // pattern. A child that exists is returned as it is.
    return this.#namespaces.get(path) ?? this.#add(new ServerNamespace(this.#untyped, path, this.#createAdapter));
  }

  #add(nsp: ServerNamespace): ServerNamespace {
    const path = nsp.name;
    this.#namespaces.set(path, nsp);
    const init = nsp.adapter.init();
    if (init instanceof Promise) init.catch((err) => this.logError(`adapter of ${path} failed to start`, err));
    for (const listener of this.#namespaceListeners) {
      try {
        const result = listener(nsp);
        if (isThenable(result)) {
          result.then(undefined, (err: unknown) => this.logError(`"new_namespace" listener failed for ${path}`, err));
        }
      } catch (err) {
        this.logError(`"new_namespace" listener threw for ${path}`, err);
      }
    }
    return nsp;
  }

  #parentOf(path: string | RegExp | NamespaceFunction): ParentNamespace {
    const same = this.#parents.find((parent) =>
      typeof path === 'string' || path instanceof RegExp ? String(parent.path) === String(path) : parent.path === path,
    );
    if (same !== undefined) return same.nsp;
    if (typeof path !== 'function' && !(path instanceof RegExp) && !path.startsWith('/')) {
      throw new ConfigurationError(`namespace pattern ${path} must start with "/"`);
    }
    // The parent is never connected to: it is not among the namespaces a client can name.
    const nsp = new ParentNamespace(
      this.#untyped,
      typeof path === 'function' ? `<${path.name || 'function'}>` : String(path),
      this.#createAdapter,
    );
    this.#parents.push({ path, match: compileNamespacePattern(path), nsp });
    return nsp;
  }

  /** Creates the child `name` of a dynamic namespace, once the name matched. */
  #createChild(parent: ParentNamespace, name: string, params: PatternMatch): ServerNamespace {
    // Another connect may have created it while an asynchronous test ran.
    const existing = this.#namespaces.get(name);
    if (existing !== undefined) return existing;
    const child = parent.createChild(name, params ?? {});
    if (this.#cleanupEmptyChildren) {
      child.onEmpty = (empty) => {
        if (this.#namespaces.get(empty.name) !== empty || this.#closing !== null) return;
        this.#namespaces.delete(empty.name);
        parent.children.delete(empty.name);
        debug('removed empty child namespace %s', empty.name);
        void Promise.resolve(empty.adapter.close()).catch((err: unknown) =>
          this.logError(`adapter of ${empty.name} failed to close`, err),
        );
      };
    }
    return this.#add(child);
  }

  /** Every namespace, by name. */
  get namespaces(): ReadonlyMap<string, ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData>> {
    // The map holds them as the layers below see them; they are this server's, with its type parameters.
    return this.#namespaces as ReadonlyMap<string, ServerNamespace> as ReadonlyMap<
      string,
      ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData>
    >;
  }

  /**
   * @internal ClientHost: the namespace a client may connect to: a literal one, else the first dynamic namespace
   * that accepts the name (its child, created now). A function path may answer asynchronously.
   */
  namespace(
    name: string,
    auth: Record<string, unknown>,
  ): ServerNamespace | undefined | Promise<ServerNamespace | undefined> {
    const literal = this.#namespaces.get(name);
    if (literal !== undefined || this.#parents.length === 0) return literal;
    return this.#matchParent(name, auth, 0);
  }

  #matchParent(
    name: string,
    auth: Record<string, unknown>,
    from: number,
  ): ServerNamespace | undefined | Promise<ServerNamespace | undefined> {
    for (let i = from; i < this.#parents.length; i++) {
      const parent = this.#parents[i];
      const match = parent.match(name, auth);
      if (match instanceof Promise) {
        return match.then((params) =>
          params === null ? this.#matchParent(name, auth, i + 1) : this.#createChild(parent.nsp, name, params),
        );
      }
      if (match !== null) return this.#createChild(parent.nsp, name, match);
    }
    return undefined;
  }

  /**
   * Registers a namespace: a decorated class (resolved through the container, compiled once) or an instance
   * (Flask's `on_namespace`). Mistakes throw a `ConfigurationError` naming the class and method.
   *
   * @example server.register(ChatNamespace).register(new AdminNamespace('/admin'));
   */
  register(target: (new (...args: never[]) => object) | object): this {
    this.#hasRoutes = true;
    const compiled = registerNamespace(this.#untyped, target, this.container, this.#globalEnhancers());
    const cls = (typeof target === 'function' ? target : target.constructor) as Registration['target'];
    this.#registrations.push({ target: cls, path: compiled.path });
    return this;
  }

  /**
   * Guards every event of every namespace, class-based or functional (NestJS's `useGlobalGuards`). Guards are
   * classes resolved from the server's container, or instances; they run before the class's and the method's
   * guards, and a refusal answers the ack with `CLASSIO_ERR_FORBIDDEN`. They are compiled into the routes, so call
   * this before `register()` and `on()`.
   *
   * @example server.useGlobalGuards(SessionStillValid).register(Chat);
   */
  useGlobalGuards(...guards: GuardToken[]): this {
    this.#checkGlobalsOpen('useGlobalGuards');
    for (const token of guards) {
      this.#globals.resolvedGuards.push(resolveEnhancer(this.container, 'guard', token, 'useGlobalGuards'));
      this.#globals.guardNames.push(enhancerName(token));
    }
    return this;
  }

  /**
   * Wraps every event of every namespace, class-based or functional, in interceptors (see `@UseInterceptors`);
   * they run outside the class's and the method's. Call this before `register()` and `on()`.
   *
   * @example server.useGlobalInterceptors(new LoggingInterceptor(logger)).register(Chat);
   */
  useGlobalInterceptors(...interceptors: InterceptorToken[]): this {
    this.#checkGlobalsOpen('useGlobalInterceptors');
    for (const token of interceptors) {
      this.#globals.interceptors.push(resolveEnhancer(this.container, 'interceptor', token, 'useGlobalInterceptors'));
    }
    return this;
  }

  /** Adds a connect middleware to the main namespace `/` (Socket.IO's `io.use`). */
  use(middleware: Middleware<Socket<ListenEvents, EmitEvents, ServerSideEvents, SocketData>>): this {
    this.#main.use(middleware);
    return this;
  }

  #checkGlobalsOpen(method: string): void {
    if (this.#hasRoutes) {
      throw new ConfigurationError(
        `${method}() must be called before register() and on(): global enhancers are compiled into each route`,
      );
    }
  }

  #globalEnhancers(): GlobalEnhancers {
    return {
      guards: this.#globals.resolvedGuards,
      guardNames: this.#globals.guardNames,
      interceptors: this.#globals.interceptors,
    };
  }

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
  on(
    event: 'connection',
    listener: ConnectionListener<Socket<ListenEvents, EmitEvents, ServerSideEvents, SocketData>>,
    options?: { namespace?: string },
  ): this;
  on(event: 'connect', handler: FunctionalConnectHandler, options?: { namespace?: string }): this;
  on(event: 'disconnect', handler: FunctionalDisconnectHandler, options?: { namespace?: string }): this;
  /** `new_namespace`: called with each namespace created from now on, as above. */
  on(
    event: 'new_namespace',
    listener: (nsp: ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData>) => unknown,
  ): this;
  on<E extends string>(
    event: OtherEvent<E, 'connection' | 'connect' | 'disconnect' | 'new_namespace'>,
    handler: FunctionalHandler,
    options?: { namespace?: string },
  ): this;
  on(
    event: string,
    handler:
      | ConnectionListener<Socket<ListenEvents, EmitEvents, ServerSideEvents, SocketData>>
      | FunctionalConnectHandler
      | FunctionalDisconnectHandler
      | FunctionalHandler
      | ((nsp: ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData>) => unknown),
    options: { namespace?: string } = {},
  ): this {
    if (event === 'new_namespace') {
      if (options.namespace !== undefined) {
        throw new ConfigurationError(
          `server.on("new_namespace") listens to the whole server; it takes no namespace (got ${options.namespace})`,
        );
      }
      if (typeof handler !== 'function') {
        throw new ConfigurationError('server.on("new_namespace", listener): the listener must be a function');
      }
      this.#namespaceListeners.push(handler as (nsp: ServerNamespace) => unknown);
      return this;
    }
    const nsp = this.#of(options.namespace ?? '/');
    // The overloads tie each handler type to its event name; compileFunctional calls each with what it expects.
    if (event === 'connection') nsp.on('connection', handler as ConnectionListener);
    else {
      this.#hasRoutes = true;
      nsp.install(compileFunctional(event, handler, this.#globalEnhancers()), `server.on("${event}")`);
    }
    return this;
  }

  /**
   * The API contract of the registered namespace classes as an AsyncAPI 3.0 document (plain JSON): one channel per
   * namespace (a `/tenant/:id` pattern is a parameterised channel), a `receive` operation per handled event with
   * its `@Payload()` DTOs as JSON Schemas, a `send` operation per `@Emits` declaration, `@Replies` and `@Emits`
   * acks as replies, connect guards and the error codes. Payload schemas come from class-validator's metadata
   * through the optional peer class-validator-jsonschema. Namespaces made with `of(...).on(...)` carry no
   * declarations and are not described. `classio asyncapi <entry>` writes the same document from the command line.
   *
   * @example writeFileSync('asyncapi.json', JSON.stringify(server.asyncapi({ title: 'Chat', version: '2.1.0' })));
   */
  asyncapi(options?: AsyncApiOptions): AsyncApiDocument {
    // Loaded when asked for: a server that never writes its contract never loads the generator or its peer.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, which a static import cannot be
    const contract = require('./contract/asyncapi') as typeof AsyncApiModule;
    return contract.buildAsyncApi(this.#registrations, options);
  }

  /** Sets the server-wide error handler for namespaces without their own (Flask's `on_error_default`). */
  setDefaultErrorHandler(handler: ErrorHandler): this {
    this.defaultErrorHandler = handler;
    return this;
  }

  // Shortcuts to the main namespace `/`, as Socket.IO's `io.emit` and `io.to`.

  emit<K extends EventNames<EmitEvents>>(event: K, ...args: BroadcastAckArgs<EventParams<EmitEvents, K>>): boolean {
    return this.#main.emit(event, ...args);
  }

  send(...args: unknown[]): boolean {
    return this.#main.send(...args);
  }

  to(room: string | readonly string[]): BroadcastOperator<EmitEvents, SocketData> {
    return this.#main.to(room);
  }

  in(room: string | readonly string[]): BroadcastOperator<EmitEvents, SocketData> {
    return this.#main.in(room);
  }

  except(room: string | readonly string[]): BroadcastOperator<EmitEvents, SocketData> {
    return this.#main.except(room);
  }

  timeout(ms: number): BroadcastOperator<EmitEvents, SocketData> {
    return this.#main.timeout(ms);
  }

  /** The main namespace's volatile operator (see {@link BroadcastOperator.volatile}). */
  get volatile(): BroadcastOperator<EmitEvents, SocketData> {
    return this.#main.volatile;
  }

  /** The main namespace's operator with the compress flag (see {@link BroadcastOperator.compress}). */
  compress(shouldCompress: boolean): BroadcastOperator<EmitEvents, SocketData> {
    return this.#main.compress(shouldCompress);
  }

  /**
   * @internal Accepts an in-process connection as the engine accepts its sessions (the test client of
   * `classio/testing` calls it); `close()` shuts it down with the engine's sessions.
   */
  acceptConnection(conn: InProcessConnection): void {
    // A closing server takes no new sessions (as the engine refuses them): nothing would ever shut this one down.
    if (this.#closing !== null) {
      conn.shutDown();
      return;
    }
    this.#inProcess.add(conn);
    conn.on('close', () => this.#inProcess.delete(conn));
    new Client(this, conn);
  }

  /**
   * @internal Counts the bytes of every connection opened from now on with `probe` too (the Admin UI's dashboard
   * calls it in `instrument()`).
   */
  addTrafficProbe(probe: TrafficProbe): void {
    this.#trafficProbes.push(probe);
    this.trafficProbe = combineTrafficProbes(this.#trafficProbes);
  }

  /** @internal Reports an error nobody handled; `fields` say where (sid, namespace, event) when known. */
  logError(message: string, err: unknown, fields?: LogFields): void {
    this.#log?.write('error', message, fields, err);
  }

  /** @internal The message queue became unreachable: counted (`classio.cluster.outages`) and logged. */
  reportClusterFault(err: unknown): void {
    // Logged as a ClusterError, so that the record's code says what failed (`CLASSIO_ERR_CLUSTER`), with the cause.
    const fault = new ClusterError(
      `the message queue is unreachable: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
    if (this.#observer === null) this.logError('message queue unreachable', fault);
    else this.#observer.clusterFault(fault);
  }

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
  close(options: CloseOptions = {}): Promise<void> {
    const timeout = options.timeout ?? 0;
    if (typeof timeout !== 'number' || !(timeout >= 0)) {
      return Promise.reject(
        new ConfigurationError(`close() timeout must be a non-negative number of ms, got ${String(timeout)}`),
      );
    }
    this.#closing ??= this.#close(Date.now() + timeout);
    return this.#closing;
  }

  /** Whether a handler is still running or a socket still awaits an ack. */
  #hasWorkInFlight(): boolean {
    for (const nsp of this.#namespaces.values()) {
      if (nsp.handlersInFlight > 0) return true;
      for (const socket of nsp.sockets.values()) if (socket.pendingAckCount > 0) return true;
    }
    return false;
  }

  async #close(deadline: number): Promise<void> {
    debug('closing: waiting up to %d ms for handlers and acks', Math.max(0, deadline - Date.now()));
    while (this.#hasWorkInFlight() && Date.now() < deadline) await delay(Math.min(10, deadline - Date.now()));
    // Every socket first, in-process ones included: each writes its DISCONNECT while its connection is still open.
    for (const nsp of this.#namespaces.values()) for (const socket of [...nsp.sockets.values()]) socket.shutDown();
    // In-process connections are not the engine's: close them as the engine closes its sessions.
    for (const conn of [...this.#inProcess]) conn.shutDown();
    // An orderly close delivers each session's DISCONNECT packets first. A polling client that has no GET waiting
    // (it just read an answer) receives them on its next GET, so the sessions get at least DISCONNECT_GRACE_MS for
    // that even with `timeout: 0`; the engine then cuts whatever is left.
    for (const conn of [...this.engine.clients.values()]) conn.close();
    await new Promise<void>((resolve) => setImmediate(resolve));
    const drainDeadline = Math.max(deadline, Date.now() + DISCONNECT_GRACE_MS);
    while (this.engine.clientsCount > 0 && Date.now() < drainDeadline) {
      await delay(Math.min(10, drainDeadline - Date.now()));
    }
    await this.engine.close();
    for (const nsp of this.#namespaces.values()) {
      try {
        await nsp.adapter.close();
      } catch (err) {
        this.logError(`adapter of ${nsp.name} failed to close`, err);
      }
    }
    const httpServer = this.httpServer;
    if (httpServer !== null && this.#ownsHttpServer) {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections?.();
      });
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

function chooseAdapter(messageQueue: string | undefined, channel: string | undefined): AdapterFactory {
  if (messageQueue === undefined) return (host) => new InMemoryAdapter(host);
  // Loaded only when asked for, so that a single-process server never loads ioredis. Outages reach the server
  // through its namespaces (AdapterHost.onClusterFault): counted, and logged by its logger (`logger: false` silences
  // them too).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, which a static import cannot be
  const redis = require('./adapter/redis') as typeof RedisAdapterModule;
  return redis.createRedisAdapter({ url: messageQueue, channel });
}
