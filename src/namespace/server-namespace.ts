import { ConfigurationError, ConnectError, DisconnectedError } from '../errors';
import { createDebug } from '../debug';
import { PacketType } from '../protocol/packet';
import type { PacketEncoder } from '../protocol/custom-parser';
import type {
  Adapter,
  AdapterFactory,
  AdapterHost,
  RecoverySettings,
  RestoredSession,
  SessionState,
  SocketDescription,
} from '../adapter/adapter';
import type {
  AnyHandler,
  ConnectHook,
  DisconnectHook,
  ErrorHandler,
  Route,
  RouteTable,
  SessionExpiredHook,
} from './route-table';
import type { DisconnectReason } from './disconnect-reason';
import type { Client } from './client';
import { Socket } from './socket';
import { BroadcastOperator } from './broadcast-operator';
import { handleError } from './dispatch';
import type { ConnectionListener, OtherEvent, ServerSideListener } from './listeners';
import type { Instrumentation, LogFields } from './instrumentation';
import { isThenable, offerInTurn } from './util';
import type {
  AckEmitArgs,
  AckResult,
  ArgsWithoutAck,
  BroadcastAckArgs,
  DefaultEventsMap,
  EventNames,
  EventNamesWithAck,
  EventParams,
  EventsMap,
} from './typed-events';

const debug = createDebug('classio:namespace');

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
  /** @internal The cluster's medium became unreachable: counted and logged. */
  reportClusterFault?(err: unknown): void;
}

/**
 * Called by `socket.on`, `once` and `onAny` with the listener being registered (`event` null for `onAny`); what it
 * returns is what the socket calls. The runtime uses it to run the listeners registered inside a handler in that
 * socket's handler context; it returns the listener itself otherwise, so that the others cost nothing more.
 */
export type ListenerBinder = (
  socket: Socket,
  event: string | null,
  listener: (...args: unknown[]) => unknown,
) => (...args: unknown[]) => unknown;

/**
 * What the client reads in `connect_error` when its connect failed on an error that is not a refusal: a bug in a
 * guard, `on_connect`, a connect hook or a middleware. The error itself goes to the error handlers and the log.
 */
export const CONNECT_FAILED_MESSAGE = 'server error';

/**
 * Socket.IO-style connect middleware: call `next()` to go on, `next(err)` to refuse with `err.message`/`err.data`.
 * A middleware that throws, or an async one that rejects, has failed: the client reads {@link CONNECT_FAILED_MESSAGE}.
 * `S` is the socket's type (a typed namespace's middlewares receive its typed sockets).
 */
export type Middleware<S = Socket> = (socket: S, next: (err?: Error & { data?: unknown }) => void) => unknown;

/**
 * The server side of one namespace: its connected sockets, its adapter (rooms), its compiled routes and the
 * connect flow. Sockets join their sid room before the connect hook runs, so the hook may emit and join rooms.
 *
 * The type parameters are Socket.IO's (see {@link Socket}): what the clients send, what the server sends, what the
 * servers of a cluster send each other, and the sockets' `data`. The defaults are untyped.
 */
// The namespace is also the `DispatchScope` dispatch runs in (checked where it is passed): an `implements` clause
// would name members the package's declarations strip as internal.
export class ServerNamespace<
  ListenEvents extends EventsMap = DefaultEventsMap,
  EmitEvents extends EventsMap = DefaultEventsMap,
  ServerSideEvents extends EventsMap = DefaultEventsMap,
  SocketData = Record<string, unknown>,
> implements AdapterHost {
  readonly name: string;
  readonly server: NamespaceHost;
  /** The connected sockets of this process, by sid. */
  readonly sockets: Map<string, Socket<ListenEvents, EmitEvents, ServerSideEvents, SocketData>>;
  readonly adapter: Adapter;
  /** @internal AdapterHost: the server's packet encoder, which every broadcast of this namespace uses. */
  readonly encode: PacketEncoder;

  /** @internal The compiled routes, by event name; filled at registration, read on every message. */
  readonly routes = new Map<string, Route>();
  /** @internal The compiled connect hooks, chained in installation order. */
  connectHook: ConnectHook | null = null;
  /** @internal The compiled disconnect hooks, chained in installation order. */
  disconnectHook: DisconnectHook | null = null;
  /** @internal The namespace's compiled error handler. */
  onError: ErrorHandler | null = null;
  /** @internal The `@OnAny` catch-alls of the installed tables, chained; null without any. */
  anyHandler: AnyHandler | null = null;
  /** @internal The `@OnUnknown` route, or null. */
  unknownRoute: Route | null = null;
  /**
   * The parameters of a dynamic namespace's name (`{ id: 'acme' }` for `/tenant/acme` of `/tenant/:id`, a RegExp's
   * named groups); empty for a literal namespace.
   */
  readonly params: Readonly<Record<string, string>>;
  /** @internal Called when the last socket left (set on the children of a dynamic namespace), or null. */
  onEmpty: ((nsp: ServerNamespace) => void) | null = null;
  /** @internal The compiled `on_session_expired` hooks, chained in installation order. */
  sessionExpiredHook: SessionExpiredHook | null = null;
  /**
   * @internal Connection state recovery, or null when it is off or the adapter cannot store packets (the Redis
   * pub/sub adapter, for one): then nothing is stored, no `pid` is sent and no client recovers.
   */
  readonly recovery: RecoverySettings | null;
  /** @internal Asynchronous route handlers that have not settled yet (a graceful close waits for them). */
  handlersInFlight = 0;
  /**
   * @internal The server's instrumentation when it records metrics, else null: what the per-packet counters
   * (events without a route, deliveries, broadcasts, acks) check, once each.
   */
  readonly metricsProbe: Instrumentation | null;

  /** The target of the namespace-wide shortcuts (`emit`, `to`, `fetchSockets`, ...). */
  readonly #everyone: BroadcastOperator<EmitEvents, SocketData>;
  /** The namespace-wide error handler of each installed table that has one, in installation order. */
  readonly #tableErrorHandlers: ErrorHandler[] = [];
  readonly #middlewares: Middleware[] = [];
  readonly #connectionListeners: ConnectionListener[] = [];
  /**
   * This namespace and its sockets map as the layers below see them. The type parameters type the public API only:
   * the connect flow, dispatch and the hooks handle every namespace and socket alike, so they see these (the same
   * objects, no copy).
   */
  readonly #untyped: ServerNamespace;
  readonly #sockets = new Map<string, Socket>();
  readonly #serverSideListeners = new Map<string, ServerSideListener[]>();

  constructor(
    server: NamespaceHost,
    name: string,
    createAdapter: AdapterFactory,
    params: Readonly<Record<string, string>> = NO_PARAMS,
  ) {
    this.server = server;
    this.name = name;
    this.#untyped = this as unknown as ServerNamespace;
    this.sockets = this.#sockets as unknown as Map<
      string,
      Socket<ListenEvents, EmitEvents, ServerSideEvents, SocketData>
    >;
    this.encode = server.encode;
    this.metricsProbe = server.instrumentation?.hasMetrics === true ? server.instrumentation : null;
    this.params = params;
    // Read by the adapter factory (through AdapterHost), then kept only if the adapter can recover sessions.
    this.recovery = server.recovery ?? null;
    this.adapter = createAdapter(this);
    if (this.recovery !== null && typeof this.adapter.restoreSession !== 'function') {
      debug('the adapter of %s cannot recover sessions: connectionStateRecovery is off there', name);
      this.recovery = null;
    }
    this.#everyone = new BroadcastOperator(this);
  }

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
  install(table: RouteTable, owner = 'route table'): void {
    const own = table.onError;
    const withErrors = (route: Route): Route => {
      const first = route.onError ?? own;
      return first === null ? route : { ...route, onError: this.#errorChainFrom(first, own) };
    };
    for (const route of table.routes.values()) this.addRoute(withErrors(route), owner);
    if (table.unknown != null) {
      if (this.unknownRoute !== null) {
        throw new ConfigurationError(
          `namespace ${this.name} already has an @OnUnknown handler; ${owner} declares another`,
        );
      }
      this.unknownRoute = withErrors(table.unknown);
    }
    if (table.onAny != null) this.anyHandler = chainAny(this.anyHandler, table.onAny);
    if (table.connect !== null) {
      const instrumentation = this.server.instrumentation;
      const hook = instrumentation === null ? table.connect : instrumentation.wrapConnect(this.name, table.connect);
      this.connectHook = chainConnect(this.connectHook, hook);
    }
    if (table.disconnect !== null) this.disconnectHook = chainDisconnect(this.disconnectHook, table.disconnect);
    const expired = table.sessionExpired ?? null;
    if (expired !== null) {
      const previous = this.sessionExpiredHook;
      this.sessionExpiredHook =
        previous === null ? expired : (session) => Promise.all([previous(session), expired(session)]);
    }
    if (own !== null) {
      this.#tableErrorHandlers.push(own);
      this.onError ??= (error, socket, event, args) =>
        tryErrorHandlers(this.#tableErrorHandlers, error, socket, event, args);
    }
  }

  /**
   * The error handler of a route whose table has handlers: `first`, then the other tables' (all but `skip`, the
   * route's own table's, which `first` already includes) in installation order, read when an error happens, so
   * that tables installed after this route count too. Built once per route, at installation.
   */
  #errorChainFrom(first: ErrorHandler, skip: ErrorHandler | null): ErrorHandler {
    const tables = this.#tableErrorHandlers;
    return (error, socket, event, args) => {
      const chain = [first];
      for (const handler of tables) if (handler !== skip) chain.push(handler);
      return tryErrorHandlers(chain, error, socket, event, args);
    };
  }

  /**
   * @internal Adds one compiled route; a duplicate event is a registration mistake. With metrics or tracing on, the
   * route is wrapped here, once, so that the per-message path of an uninstrumented server stays as it was.
   */
  addRoute(route: Route, owner = 'route'): void {
    if (this.routes.has(route.event)) {
      throw new ConfigurationError(
        `event "${route.event}" of namespace ${this.name} already has a handler; ${owner} declares another`,
      );
    }
    const instrumentation = this.server.instrumentation;
    this.routes.set(route.event, instrumentation === null ? route : instrumentation.wrapRoute(this.name, route));
  }

  /** @internal DispatchScope: the server-wide error handler, for events the namespace's handlers do not take. */
  get defaultErrorHandler(): ErrorHandler | null {
    return this.server.defaultErrorHandler;
  }

  /** @internal DispatchScope: reports an error nobody handled, through the server's logger. */
  logError(message: string, err: unknown, fields?: LogFields): void {
    this.server.logError(message, err, fields);
  }

  /** Adds a connect middleware (Socket.IO's `namespace.use`). Middlewares run before the connect hook. */
  use(middleware: Middleware<Socket<ListenEvents, EmitEvents, ServerSideEvents, SocketData>>): this {
    this.#middlewares.push(middleware as Middleware);
    return this;
  }

  /**
   * `connection` (or `connect`): a socket finished connecting. Any other name listens to server-side emits from
   * the other processes of a cluster (`serverSideEmit`).
   */
  on(
    event: 'connection' | 'connect',
    listener: ConnectionListener<Socket<ListenEvents, EmitEvents, ServerSideEvents, SocketData>>,
  ): this;
  on<E extends EventNames<ServerSideEvents>>(
    event: OtherEvent<E, 'connection' | 'connect'>,
    listener: ServerSideEvents[E],
  ): this;
  on(
    event: string,
    listener: ConnectionListener<Socket<ListenEvents, EmitEvents, ServerSideEvents, SocketData>> | ServerSideListener,
  ): this {
    // The overloads tie each listener type to its event names.
    if (event === 'connection' || event === 'connect') {
      this.#connectionListeners.push(listener as ConnectionListener);
    } else {
      const list = this.#serverSideListeners.get(event);
      if (list === undefined) this.#serverSideListeners.set(event, [listener]);
      else list.push(listener);
    }
    return this;
  }

  /** AdapterHost: a connected local socket by sid. */
  socket(sid: string): Socket<ListenEvents, EmitEvents, ServerSideEvents, SocketData> | undefined {
    return this.sockets.get(sid);
  }

  /** AdapterHost: the cluster's medium became unreachable; the server counts and logs the outage. */
  onClusterFault(err: Error): void {
    this.server.reportClusterFault?.(err);
  }

  /** AdapterHost: a saved session ended without its client coming back; the `on_session_expired` hooks run. */
  onSessionExpired(session: SessionState): void {
    const hook = this.sessionExpiredHook;
    if (hook === null) return;
    const fail = (err: unknown) => this.server.logError(`session expiry handler of ${this.name} failed`, err);
    try {
      const result = hook(session);
      if (isThenable(result)) result.then(undefined, fail);
    } catch (err) {
      fail(err);
    }
  }

  /** AdapterHost: a server-side emit from another process. */
  onServerSideEmit(args: unknown[], reply: ((...args: unknown[]) => void) | null): void {
    const [event, ...rest] = args;
    const listeners = this.#serverSideListeners.get(event as string);
    if (listeners === undefined) return;
    const callArgs = reply === null ? rest : [...rest, reply];
    for (const listener of listeners) {
      try {
        const result = listener(...callArgs);
        if (isThenable(result)) {
          result.then(undefined, (err: unknown) =>
            this.server.logError(`server-side listener "${String(event)}" of ${this.name} failed`, err),
          );
        }
      } catch (err) {
        this.server.logError(`server-side listener "${String(event)}" of ${this.name} threw`, err);
      }
    }
  }

  // Broadcasting starts from the operator that targets the whole namespace: kept, as operators are immutable, so a
  // plain `emit` builds none and `to(room)` builds one.

  emit<K extends EventNames<EmitEvents>>(event: K, ...args: BroadcastAckArgs<EventParams<EmitEvents, K>>): boolean {
    return this.#everyone.emitList(event, args);
  }

  emitWithAck<K extends EventNamesWithAck<EmitEvents>>(
    event: K,
    ...args: AckEmitArgs<EmitEvents, K>
  ): Promise<AckResult<EmitEvents, K>[]> {
    return this.#everyone.emitWithAck(event, ...args);
  }

  send(...args: unknown[]): boolean {
    return this.#everyone.emitList('message', args);
  }

  to(room: string | readonly string[]): BroadcastOperator<EmitEvents, SocketData> {
    return this.#everyone.to(room);
  }

  in(room: string | readonly string[]): BroadcastOperator<EmitEvents, SocketData> {
    return this.to(room);
  }

  except(room: string | readonly string[]): BroadcastOperator<EmitEvents, SocketData> {
    return this.#everyone.except(room);
  }

  timeout(ms: number): BroadcastOperator<EmitEvents, SocketData> {
    return this.#everyone.timeout(ms);
  }

  get local(): BroadcastOperator<EmitEvents, SocketData> {
    return this.#everyone.local;
  }

  get volatile(): BroadcastOperator<EmitEvents, SocketData> {
    return this.#everyone.volatile;
  }

  compress(shouldCompress: boolean): BroadcastOperator<EmitEvents, SocketData> {
    return this.#everyone.compress(shouldCompress);
  }

  socketsJoin(rooms: string | readonly string[]): void {
    this.#everyone.socketsJoin(rooms);
  }

  socketsLeave(rooms: string | readonly string[]): void {
    this.#everyone.socketsLeave(rooms);
  }

  disconnectSockets(close = false): void {
    this.#everyone.disconnectSockets(close);
  }

  fetchSockets(): Promise<SocketDescription<SocketData>[]> {
    return this.#everyone.fetchSockets();
  }

  allSockets(): Promise<Set<string>> {
    return this.#everyone.allSockets();
  }

  /**
   * Emits an event to the namespace's listeners on the other processes of the cluster. The typed signature takes no
   * ack; at run time a function as the last argument is one, `(err, answers)`, called once every other server
   * answered (a request, counted by the metrics with its latency).
   */
  serverSideEmit<K extends EventNames<ServerSideEvents>>(
    event: K,
    ...typedArgs: ArgsWithoutAck<EventParams<ServerSideEvents, K>>
  ): void {
    const args = typedArgs as unknown[];
    const probe = this.metricsProbe;
    if (probe === null) {
      this.adapter.serverSideEmit([event, ...args]);
      return;
    }
    // Reading index -1 of an empty array is a slow named-property lookup: check the length first.
    const last = args.length === 0 ? undefined : args[args.length - 1];
    if (typeof last !== 'function') {
      probe.adapterCommand(this.name, 'serverSideEmit');
      this.adapter.serverSideEmit([event, ...args]);
      return;
    }
    // With an ack it is a request: measured from here to the adapter's answer (or its ClusterError).
    const ack = args.pop() as (err: Error | null, answers: unknown[]) => void;
    const pending = new Promise<unknown[]>((resolve, reject) => {
      const settle = (err: Error | null, answers: unknown[]) => (err === null ? resolve(answers) : reject(err));
      this.adapter.serverSideEmit([event, ...args, settle]);
    });
    probe.adapterRequest(this.name, 'serverSideEmit', pending).then(
      (answers) => ack(null, answers),
      (err: Error) => ack(err, []),
    );
  }

  // Helpers by sid: the local socket directly when it is here, the adapter (cluster-wide) otherwise.

  /** Makes a socket (of any process) join a room. */
  joinRoom(sid: string, room: string): void {
    const socket = this.#sockets.get(sid);
    if (socket !== undefined) socket.join(room);
    else this.to(sid).socketsJoin(room);
  }

  /** Makes a socket (of any process) leave a room. */
  leaveRoom(sid: string, room: string): void {
    const socket = this.#sockets.get(sid);
    if (socket !== undefined) socket.leave(room);
    else this.to(sid).socketsLeave(room);
  }

  /** Removes every member from a room (across the cluster). */
  closeRoom(room: string): void {
    this.to(room).socketsLeave(room);
  }

  /** The rooms of a local socket, its sid room included; empty for a sid this process does not hold. */
  roomsOf(sid: string): string[] {
    const rooms = this.adapter.socketRooms(sid);
    return rooms === undefined ? [] : [...rooms];
  }

  /** Disconnects a socket of any process. */
  disconnectSid(sid: string, close = false): void {
    const socket = this.#sockets.get(sid);
    if (socket !== undefined) socket.disconnect(close);
    else this.to(sid).disconnectSockets(close);
  }

  /**
   * Emits to one socket (of any process) and resolves with the arguments of its ack. Rejects with
   * `AckTimeoutError` after `timeoutMs`, or `DisconnectedError` when no such socket answers.
   */
  call(sid: string, event: string, args: readonly unknown[], timeoutMs: number): Promise<unknown[]> {
    const socket = this.#sockets.get(sid);
    if (socket !== undefined) {
      return new Promise((resolve, reject) => {
        socket
          .timeout(timeoutMs)
          .emit(event, ...args, (err: Error | null, ...answer: unknown[]) => (err ? reject(err) : resolve(answer)));
      });
    }
    return new Promise((resolve, reject) => {
      this.to(sid)
        .timeout(timeoutMs)
        .collectAcks(event, [...args], (err, answers) => {
          if (err) reject(err);
          else if (answers.length === 0) reject(new DisconnectedError(`no socket ${sid} in namespace ${this.name}`));
          else resolve(answers[0]);
        });
    });
  }

  /**
   * @internal The connect flow of a CONNECT packet: middlewares, then the connect hook, then CONNECT (or
   * CONNECT_ERROR). The socket is in its sid room and in `sockets` from the start, so the hook can use it.
   */
  connect(client: Client, auth: Record<string, unknown>): void {
    const pid = auth.pid;
    if (this.recovery !== null && typeof pid === 'string') {
      this.#recover(client, auth, pid, typeof auth.offset === 'string' ? auth.offset : undefined);
      return;
    }
    this.#start(new Socket(this.#untyped, client, auth), [], false);
  }

  /**
   * A client asks to recover session `pid` (socket.io-client sends `pid` and `offset` in its CONNECT). The adapter
   * calls back, when it can, at a point where no newer packet reached the session's rooms: the socket is rebuilt
   * and put in its rooms there, and the missed packets are held back behind its CONNECT, before anything newer.
   */
  #recover(client: Client, auth: Record<string, unknown>, pid: string, offset: string | undefined): void {
    const restore = (session: RestoredSession) => {
      // The client may have gone (or connected anew) while an asynchronous adapter looked the session up.
      if (client.conn.readyState !== 'open' || client.socketOf(this.name) !== undefined) return;
      const socket = new Socket(this.#untyped, client, auth, session);
      for (const packet of session.missed) socket.writeStored(packet.frames, packet.offset);
      this.#start(socket, session.rooms, socket.shouldSkipMiddlewares);
    };
    const fresh = () => {
      if (client.conn.readyState === 'open' && client.socketOf(this.name) === undefined) {
        this.#start(new Socket(this.#untyped, client, auth), [], false);
      }
    };
    let result: boolean | Promise<boolean>;
    try {
      result = this.adapter.restoreSession!(pid, offset, restore);
    } catch (err) {
      this.server.logError(`restoring a session in ${this.name} failed`, err);
      result = false;
    }
    if (result === true) return;
    if (result === false) fresh();
    else {
      result.then(
        (isRestored) => isRestored || fresh(),
        (err: unknown) => {
          this.server.logError(`restoring a session in ${this.name} failed`, err);
          fresh();
        },
      );
    }
  }

  /** Registers a socket (in its sid room and `rooms`) and runs the connect flow; a recovery may skip middlewares. */
  #start(socket: Socket, rooms: readonly string[], shouldSkipMiddlewares: boolean): void {
    socket.client.attach(socket);
    this.#sockets.set(socket.id, socket);
    this.adapter.addAll(socket.id, rooms.length === 0 ? [socket.id] : [socket.id, ...rooms]);
    debug('socket %s %s to %s', socket.id, socket.recovered ? 'recovering' : 'connecting', this.name);
    if (this.#middlewares.length === 0 || shouldSkipMiddlewares) this.#runConnectHook(socket);
    else this.#runMiddleware(socket, 0);
  }

  /** @internal Removes a socket that ended: the disconnect hook first (rooms still readable), then its rooms. */
  remove(socket: Socket, reason: DisconnectReason, wasConnected: boolean): void {
    if (wasConnected && this.disconnectHook !== null) {
      try {
        const result = this.disconnectHook(socket, reason);
        if (isThenable(result)) {
          result.then(undefined, (err) => this.server.logError(`disconnect handler of ${this.name} failed`, err));
        }
      } catch (err) {
        this.server.logError(`disconnect handler of ${this.name} failed`, err);
      }
    }
    this.adapter.delAll(socket.id);
    this.#sockets.delete(socket.id);
    this.server.instrumentation?.socketDisconnected(socket, reason, wasConnected);
    debug('socket %s left %s (%s)', socket.id, this.name, reason);
    if (this.#sockets.size === 0 && this.onEmpty !== null) this.onEmpty(this.#untyped);
  }

  #runMiddleware(socket: Socket, index: number): void {
    if (index === this.#middlewares.length) {
      this.#runConnectHook(socket);
      return;
    }
    let isCalled = false;
    const next = (err?: Error & { data?: unknown }) => {
      if (isCalled) return;
      isCalled = true;
      if (err) this.#refuse(socket, err);
      else this.#runMiddleware(socket, index + 1);
    };
    const fail = (err: unknown) => {
      if (isCalled) {
        this.server.logError(`middleware ${index} of ${this.name} failed after calling next()`, err);
        return;
      }
      isCalled = true;
      this.#refuse(socket, this.failConnect(socket, err));
    };
    try {
      // Socket.IO's middlewares return nothing, but an async one returns a promise: its rejection fails the connect.
      const result: unknown = this.#middlewares[index](socket, next);
      if (isThenable(result)) result.then(undefined, fail);
    } catch (err) {
      fail(err);
    }
  }

  #runConnectHook(socket: Socket): void {
    const hook = this.connectHook;
    if (hook === null) {
      this.#accept(socket);
      return;
    }
    let result: unknown;
    try {
      result = hook(socket);
    } catch (err) {
      this.#refuse(socket, this.#asRefusal(socket, err));
      return;
    }
    if (isThenable(result)) {
      result.then(
        (value) => (value === false ? this.#refuse(socket, null) : this.#accept(socket)),
        (err) => this.#refuse(socket, this.#asRefusal(socket, err)),
      );
    } else if (result === false) {
      this.#refuse(socket, null);
    } else {
      this.#accept(socket);
    }
  }

  #accept(socket: Socket): void {
    // The client may have gone while an asynchronous guard was running.
    if (socket.disconnected) return;
    socket.onConnected();
    socket.client.onNamespaceConnected();
    this.server.instrumentation?.socketConnected(socket);
    debug('socket %s connected to %s', socket.id, this.name);
    for (const listener of this.#connectionListeners) {
      try {
        const result = listener(socket);
        if (isThenable(result)) {
          result.then(undefined, (err: unknown) =>
            this.server.logError(`"connection" listener of ${this.name} failed`, err),
          );
        }
      } catch (err) {
        this.server.logError(`"connection" listener of ${this.name} threw`, err);
      }
    }
  }

  /**
   * @internal A connect failed on an error that is not a refusal. The error goes down the error path of an event,
   * with the connect as its context (event `connect`, arguments `[auth]`): the namespace's error handlers, then the
   * server's default, and the log when none takes it; their answers are not sent (there is no ack). Returns the
   * `ConnectError` to refuse with, which tells the client nothing of the error. The runtime calls this itself
   * while a connection-scoped instance whose `on_connect` threw still exists, so that its `@OnError` can run.
   */
  failConnect(socket: Socket, err: unknown): ConnectError {
    handleError(this, null, socket, 'connect', [socket.handshake.auth], null, err);
    return new ConnectError(CONNECT_FAILED_MESSAGE, undefined, { cause: err });
  }

  /** Only a `ConnectError` chooses what the client reads; any other error from a connect hook is a failure. */
  #asRefusal(socket: Socket, err: unknown): unknown {
    return err instanceof ConnectError ? err : this.failConnect(socket, err);
  }

  /**
   * Refuses a connection with CONNECT_ERROR `{ message, data }`: a `ConnectError` or an error a middleware passed
   * to `next(err)` keeps its message and data; `false` (err null) means `unauthorized`.
   */
  #refuse(socket: Socket, err: unknown): void {
    if (socket.disconnected) return;
    let message = 'unauthorized';
    let data: unknown;
    if (err instanceof Error) {
      // A ConnectError, or the Error a middleware chose to pass to next(err): both are meant for the client.
      message = err.message;
      data = (err as Error & { data?: unknown }).data;
    } else if (err !== null && err !== undefined) {
      // Only next(value) from untyped code gets here (thrown values become failConnect's ConnectError first).
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the middleware chose this value for the client
      message = String(err);
    }
    debug('socket %s refused by %s: %s', socket.id, this.name, message);
    this.server.instrumentation?.socketRefused(socket, message);
    socket.client.writePacket({
      type: PacketType.CONNECT_ERROR,
      nsp: this.name,
      // A v2 client's `error` listener gets the data, or the message (Socket.IO's v2 compatibility).
      data: socket.client.isV2 ? (data ?? message) : data === undefined ? { message } : { message, data },
    });
    socket.onClose('server namespace disconnect');
  }
}

/** Offers the error to `handlers` in turn (see {@link offerInTurn}); throws it when none takes it. */
function tryErrorHandlers(
  handlers: readonly ErrorHandler[],
  error: unknown,
  socket: Socket,
  event: string,
  args: unknown[],
): unknown {
  return offerInTurn(handlers.length, error, (i) => handlers[i](error, socket, event, args));
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

/** Two `@OnAny` handlers (two classes on one namespace) as one: the second runs once the first has settled. */
function chainAny(first: AnyHandler | null, second: AnyHandler): AnyHandler {
  if (first === null) return second;
  return (socket, event, args) => {
    const result = first(socket, event, args);
    if (isThenable(result)) return result.then(() => second(socket, event, args));
    return second(socket, event, args);
  };
}

function chainConnect(first: ConnectHook | null, second: ConnectHook): ConnectHook {
  if (first === null) return second;
  return async (socket) => ((await first(socket)) === false ? false : second(socket));
}

function chainDisconnect(first: DisconnectHook | null, second: DisconnectHook): DisconnectHook {
  if (first === null) return second;
  // Each hook runs even when the other throws, and no rejection is left unobserved: every failure is handed to
  // remove(), which logs it (several as one AggregateError).
  return (socket, reason) => {
    const outcomes = [first, second].map((hook) => {
      try {
        return Promise.resolve(hook(socket, reason));
      } catch (err) {
        return Promise.reject(err);
      }
    });
    return Promise.allSettled(outcomes).then((settled) => {
      const failures = settled.flatMap((outcome): unknown[] => (outcome.status === 'rejected' ? [outcome.reason] : []));
      if (failures.length === 1) throw failures[0];
      if (failures.length > 1) throw new AggregateError(failures, `${failures.length} disconnect hooks failed`);
    });
  };
}
