"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ServerNamespace = exports.CONNECT_FAILED_MESSAGE = void 0;
const errors_1 = require("../errors");
const debug_1 = require("../debug");
const packet_1 = require("../protocol/packet");
const socket_1 = require("./socket");
const broadcast_operator_1 = require("./broadcast-operator");
const dispatch_1 = require("./dispatch");
const util_1 = require("./util");
const debug = (0, debug_1.createDebug)('classio:namespace');
/**
 * What the client reads in `connect_error` when its connect failed on an error that is not a refusal: a bug in a
 * guard, `on_connect`, a connect hook or a middleware. The error itself goes to the error handlers and the log.
 */
exports.CONNECT_FAILED_MESSAGE = 'server error';
/**
 * The server side of one namespace: its connected sockets, its adapter (rooms), its compiled routes and the
 * connect flow. Sockets join their sid room before the connect hook runs, so the hook may emit and join rooms.
 */
// The namespace is also the `DispatchScope` dispatch runs in (checked where it is passed): an `implements` clause
// would name members the package's declarations strip as internal.
class ServerNamespace {
    /** The target of the namespace-wide shortcuts (`emit`, `to`, `fetchSockets`, ...). */
    #everyone;
    /** The namespace-wide error handler of each installed table that has one, in installation order. */
    #tableErrorHandlers;
    #middlewares;
    #connectionListeners;
    #serverSideListeners;
    constructor(server, name, createAdapter, params = NO_PARAMS) {
        this.sockets = new Map();
        /** @internal The compiled routes, by event name; filled at registration, read on every message. */
        this.routes = new Map();
        /** @internal The compiled connect hooks, chained in installation order. */
        this.connectHook = null;
        /** @internal The compiled disconnect hooks, chained in installation order. */
        this.disconnectHook = null;
        /** @internal The namespace's compiled error handler. */
        this.onError = null;
        /** @internal The `@OnAny` catch-alls of the installed tables, chained; null without any. */
        this.anyHandler = null;
        /** @internal The `@OnUnknown` route, or null. */
        this.unknownRoute = null;
        /** @internal Called when the last socket left (set on the children of a dynamic namespace), or null. */
        this.onEmpty = null;
        /** @internal The compiled `on_session_expired` hooks, chained in installation order. */
        this.sessionExpiredHook = null;
        /** @internal Asynchronous route handlers that have not settled yet (a graceful close waits for them). */
        this.handlersInFlight = 0;
        /** The namespace-wide error handler of each installed table that has one, in installation order. */
        this.#tableErrorHandlers = [];
        this.#middlewares = [];
        this.#connectionListeners = [];
        this.#serverSideListeners = new Map();
        this.server = server;
        this.name = name;
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
        this.#everyone = new broadcast_operator_1.BroadcastOperator(this);
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
    install(table, owner = 'route table') {
        const own = table.onError;
        const withErrors = (route) => {
            const first = route.onError ?? own;
            return first === null ? route : { ...route, onError: this.#errorChainFrom(first, own) };
        };
        for (const route of table.routes.values())
            this.addRoute(withErrors(route), owner);
        if (table.unknown != null) {
            if (this.unknownRoute !== null) {
                throw new errors_1.ConfigurationError(`namespace ${this.name} already has an @OnUnknown handler; ${owner} declares another`);
            }
            this.unknownRoute = withErrors(table.unknown);
        }
        if (table.onAny != null)
            this.anyHandler = chainAny(this.anyHandler, table.onAny);
        if (table.connect !== null)
            this.connectHook = chainConnect(this.connectHook, table.connect);
        if (table.disconnect !== null)
            this.disconnectHook = chainDisconnect(this.disconnectHook, table.disconnect);
        const expired = table.sessionExpired ?? null;
        if (expired !== null) {
            const previous = this.sessionExpiredHook;
            this.sessionExpiredHook =
                previous === null ? expired : (session) => Promise.all([previous(session), expired(session)]);
        }
        if (own !== null) {
            this.#tableErrorHandlers.push(own);
            this.onError ??= (error, socket, event, args) => tryErrorHandlers(this.#tableErrorHandlers, error, socket, event, args);
        }
    }
    /**
     * The error handler of a route whose table has handlers: `first`, then the other tables' (all but `skip`, the
     * route's own table's, which `first` already includes) in installation order, read when an error happens, so
     * that tables installed after this route count too. Built once per route, at installation.
     */
    #errorChainFrom(first, skip) {
        const tables = this.#tableErrorHandlers;
        return (error, socket, event, args) => {
            const chain = [first];
            for (const handler of tables)
                if (handler !== skip)
                    chain.push(handler);
            return tryErrorHandlers(chain, error, socket, event, args);
        };
    }
    /**
     * @internal Adds one compiled route; a duplicate event is a registration mistake. With metrics or tracing on, the
     * route is wrapped here, once, so that the per-message path of an uninstrumented server stays as it was.
     */
    addRoute(route, owner = 'route') {
        if (this.routes.has(route.event)) {
            throw new errors_1.ConfigurationError(`event "${route.event}" of namespace ${this.name} already has a handler; ${owner} declares another`);
        }
        const instrumentation = this.server.instrumentation;
        this.routes.set(route.event, instrumentation === null ? route : instrumentation.wrapRoute(this.name, route));
    }
    /** @internal DispatchScope: the server-wide error handler, for events the namespace's handlers do not take. */
    get defaultErrorHandler() {
        return this.server.defaultErrorHandler;
    }
    /** @internal DispatchScope: reports an error nobody handled, through the server's logger. */
    logError(message, err, fields) {
        this.server.logError(message, err, fields);
    }
    /** Adds a connect middleware (Socket.IO's `namespace.use`). Middlewares run before the connect hook. */
    use(middleware) {
        this.#middlewares.push(middleware);
        return this;
    }
    on(event, listener) {
        // The overloads tie each listener type to its event names.
        if (event === 'connection' || event === 'connect')
            this.#connectionListeners.push(listener);
        else {
            const list = this.#serverSideListeners.get(event);
            if (list === undefined)
                this.#serverSideListeners.set(event, [listener]);
            else
                list.push(listener);
        }
        return this;
    }
    /** AdapterHost: a connected local socket by sid. */
    socket(sid) {
        return this.sockets.get(sid);
    }
    /** AdapterHost: a saved session ended without its client coming back; the `on_session_expired` hooks run. */
    onSessionExpired(session) {
        const hook = this.sessionExpiredHook;
        if (hook === null)
            return;
        const fail = (err) => this.server.logError(`session expiry handler of ${this.name} failed`, err);
        try {
            const result = hook(session);
            if ((0, util_1.isThenable)(result))
                result.then(undefined, fail);
        }
        catch (err) {
            fail(err);
        }
    }
    /** AdapterHost: a server-side emit from another process. */
    onServerSideEmit(args, reply) {
        const [event, ...rest] = args;
        const listeners = this.#serverSideListeners.get(event);
        if (listeners === undefined)
            return;
        const callArgs = reply === null ? rest : [...rest, reply];
        for (const listener of listeners) {
            try {
                const result = listener(...callArgs);
                if ((0, util_1.isThenable)(result)) {
                    result.then(undefined, (err) => this.server.logError(`server-side listener "${String(event)}" of ${this.name} failed`, err));
                }
            }
            catch (err) {
                this.server.logError(`server-side listener "${String(event)}" of ${this.name} threw`, err);
            }
        }
    }
    // Broadcasting starts from the operator that targets the whole namespace: kept, as operators are immutable, so a
    // plain `emit` builds none and `to(room)` builds one.
    emit(event, ...args) {
        return this.#everyone.emitList(event, args);
    }
    emitWithAck(event, ...args) {
        return this.#everyone.emitWithAck(event, ...args);
    }
    send(...args) {
        return this.#everyone.emitList('message', args);
    }
    to(room) {
        return this.#everyone.to(room);
    }
    in(room) {
        return this.to(room);
    }
    except(room) {
        return this.#everyone.except(room);
    }
    timeout(ms) {
        return this.#everyone.timeout(ms);
    }
    get local() {
        return this.#everyone.local;
    }
    get volatile() {
        return this.#everyone.volatile;
    }
    compress(shouldCompress) {
        return this.#everyone.compress(shouldCompress);
    }
    socketsJoin(rooms) {
        this.#everyone.socketsJoin(rooms);
    }
    socketsLeave(rooms) {
        this.#everyone.socketsLeave(rooms);
    }
    disconnectSockets(close = false) {
        this.#everyone.disconnectSockets(close);
    }
    fetchSockets() {
        return this.#everyone.fetchSockets();
    }
    allSockets() {
        return this.#everyone.allSockets();
    }
    /** Emits an event to the namespace's listeners on the other processes of the cluster. */
    serverSideEmit(event, ...args) {
        this.adapter.serverSideEmit([event, ...args]);
    }
    // Helpers by sid: the local socket directly when it is here, the adapter (cluster-wide) otherwise.
    /** Makes a socket (of any process) join a room. */
    joinRoom(sid, room) {
        const socket = this.sockets.get(sid);
        if (socket !== undefined)
            socket.join(room);
        else
            this.to(sid).socketsJoin(room);
    }
    /** Makes a socket (of any process) leave a room. */
    leaveRoom(sid, room) {
        const socket = this.sockets.get(sid);
        if (socket !== undefined)
            socket.leave(room);
        else
            this.to(sid).socketsLeave(room);
    }
    /** Removes every member from a room (across the cluster). */
    closeRoom(room) {
        this.to(room).socketsLeave(room);
    }
    /** The rooms of a local socket, its sid room included; empty for a sid this process does not hold. */
    roomsOf(sid) {
        const rooms = this.adapter.socketRooms(sid);
        return rooms === undefined ? [] : [...rooms];
    }
    /** Disconnects a socket of any process. */
    disconnectSid(sid, close = false) {
        const socket = this.sockets.get(sid);
        if (socket !== undefined)
            socket.disconnect(close);
        else
            this.to(sid).disconnectSockets(close);
    }
    /**
     * Emits to one socket (of any process) and resolves with the arguments of its ack. Rejects with
     * `AckTimeoutError` after `timeoutMs`, or `DisconnectedError` when no such socket answers.
     */
    call(sid, event, args, timeoutMs) {
        const socket = this.sockets.get(sid);
        if (socket !== undefined) {
            return new Promise((resolve, reject) => {
                socket
                    .timeout(timeoutMs)
                    .emit(event, ...args, (err, ...answer) => (err ? reject(err) : resolve(answer)));
            });
        }
        return new Promise((resolve, reject) => {
            this.to(sid)
                .timeout(timeoutMs)
                .collectAcks(event, [...args], (err, answers) => {
                if (err)
                    reject(err);
                else if (answers.length === 0)
                    reject(new errors_1.DisconnectedError(`no socket ${sid} in namespace ${this.name}`));
                else
                    resolve(answers[0]);
            });
        });
    }
    /**
     * @internal The connect flow of a CONNECT packet: middlewares, then the connect hook, then CONNECT (or
     * CONNECT_ERROR). The socket is in its sid room and in `sockets` from the start, so the hook can use it.
     */
    connect(client, auth) {
        const pid = auth.pid;
        if (this.recovery !== null && typeof pid === 'string') {
            this.#recover(client, auth, pid, typeof auth.offset === 'string' ? auth.offset : undefined);
            return;
        }
        this.#start(new socket_1.Socket(this, client, auth), [], false);
    }
    /**
     * A client asks to recover session `pid` (socket.io-client sends `pid` and `offset` in its CONNECT). The adapter
     * calls back, when it can, at a point where no newer packet reached the session's rooms: the socket is rebuilt
     * and put in its rooms there, and the missed packets are held back behind its CONNECT, before anything newer.
     */
    #recover(client, auth, pid, offset) {
        const restore = (session) => {
            // The client may have gone (or connected anew) while an asynchronous adapter looked the session up.
            if (client.conn.readyState !== 'open' || client.socketOf(this.name) !== undefined)
                return;
            const socket = new socket_1.Socket(this, client, auth, session);
            for (const packet of session.missed)
                socket.writeStored(packet.frames, packet.offset);
            this.#start(socket, session.rooms, socket.shouldSkipMiddlewares);
        };
        const fresh = () => {
            if (client.conn.readyState === 'open' && client.socketOf(this.name) === undefined) {
                this.#start(new socket_1.Socket(this, client, auth), [], false);
            }
        };
        let result;
        try {
            result = this.adapter.restoreSession(pid, offset, restore);
        }
        catch (err) {
            this.server.logError(`restoring a session in ${this.name} failed`, err);
            result = false;
        }
        if (result === true)
            return;
        if (result === false)
            fresh();
        else {
            result.then((isRestored) => isRestored || fresh(), (err) => {
                this.server.logError(`restoring a session in ${this.name} failed`, err);
                fresh();
            });
        }
    }
    /** Registers a socket (in its sid room and `rooms`) and runs the connect flow; a recovery may skip middlewares. */
    #start(socket, rooms, shouldSkipMiddlewares) {
        socket.client.attach(socket);
        this.sockets.set(socket.id, socket);
        this.adapter.addAll(socket.id, rooms.length === 0 ? [socket.id] : [socket.id, ...rooms]);
        debug('socket %s %s to %s', socket.id, socket.recovered ? 'recovering' : 'connecting', this.name);
        if (this.#middlewares.length === 0 || shouldSkipMiddlewares)
            this.#runConnectHook(socket);
        else
            this.#runMiddleware(socket, 0);
    }
    /** @internal Removes a socket that ended: the disconnect hook first (rooms still readable), then its rooms. */
    remove(socket, reason, wasConnected) {
        if (wasConnected && this.disconnectHook !== null) {
            try {
                const result = this.disconnectHook(socket, reason);
                if ((0, util_1.isThenable)(result)) {
                    result.then(undefined, (err) => this.server.logError(`disconnect handler of ${this.name} failed`, err));
                }
            }
            catch (err) {
                this.server.logError(`disconnect handler of ${this.name} failed`, err);
            }
        }
        this.adapter.delAll(socket.id);
        this.sockets.delete(socket.id);
        this.server.instrumentation?.socketDisconnected(socket, reason, wasConnected);
        debug('socket %s left %s (%s)', socket.id, this.name, reason);
        if (this.sockets.size === 0 && this.onEmpty !== null)
            this.onEmpty(this);
    }
    #runMiddleware(socket, index) {
        if (index === this.#middlewares.length) {
            this.#runConnectHook(socket);
            return;
        }
        let isCalled = false;
        const next = (err) => {
            if (isCalled)
                return;
            isCalled = true;
            if (err)
                this.#refuse(socket, err);
            else
                this.#runMiddleware(socket, index + 1);
        };
        const fail = (err) => {
            if (isCalled) {
                this.server.logError(`middleware ${index} of ${this.name} failed after calling next()`, err);
                return;
            }
            isCalled = true;
            this.#refuse(socket, this.failConnect(socket, err));
        };
        try {
            // Socket.IO's middlewares return nothing, but an async one returns a promise: its rejection fails the connect.
            const result = this.#middlewares[index](socket, next);
            if ((0, util_1.isThenable)(result))
                result.then(undefined, fail);
        }
        catch (err) {
            fail(err);
        }
    }
    #runConnectHook(socket) {
        const hook = this.connectHook;
        if (hook === null) {
            this.#accept(socket);
            return;
        }
        let result;
        try {
            result = hook(socket);
        }
        catch (err) {
            this.#refuse(socket, this.#asRefusal(socket, err));
            return;
        }
        if ((0, util_1.isThenable)(result)) {
            result.then((value) => (value === false ? this.#refuse(socket, null) : this.#accept(socket)), (err) => this.#refuse(socket, this.#asRefusal(socket, err)));
        }
        else if (result === false) {
            this.#refuse(socket, null);
        }
        else {
            this.#accept(socket);
        }
    }
    #accept(socket) {
        // The client may have gone while an asynchronous guard was running.
        if (socket.disconnected)
            return;
        socket.onConnected();
        socket.client.onNamespaceConnected();
        this.server.instrumentation?.socketConnected(socket);
        debug('socket %s connected to %s', socket.id, this.name);
        for (const listener of this.#connectionListeners) {
            try {
                const result = listener(socket);
                if ((0, util_1.isThenable)(result)) {
                    result.then(undefined, (err) => this.server.logError(`"connection" listener of ${this.name} failed`, err));
                }
            }
            catch (err) {
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
    failConnect(socket, err) {
        (0, dispatch_1.handleError)(this, null, socket, 'connect', [socket.handshake.auth], null, err);
        return new errors_1.ConnectError(exports.CONNECT_FAILED_MESSAGE, undefined, { cause: err });
    }
    /** Only a `ConnectError` chooses what the client reads; any other error from a connect hook is a failure. */
    #asRefusal(socket, err) {
        return err instanceof errors_1.ConnectError ? err : this.failConnect(socket, err);
    }
    /**
     * Refuses a connection with CONNECT_ERROR `{ message, data }`: a `ConnectError` or an error a middleware passed
     * to `next(err)` keeps its message and data; `false` (err null) means `unauthorized`.
     */
    #refuse(socket, err) {
        if (socket.disconnected)
            return;
        let message = 'unauthorized';
        let data;
        if (err instanceof Error) {
            // A ConnectError, or the Error a middleware chose to pass to next(err): both are meant for the client.
            message = err.message;
            data = err.data;
        }
        else if (err !== null && err !== undefined) {
            // Only next(value) from untyped code gets here (thrown values become failConnect's ConnectError first).
            // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the middleware chose this value for the client
            message = String(err);
        }
        debug('socket %s refused by %s: %s', socket.id, this.name, message);
        this.server.instrumentation?.socketRefused(socket, message);
        socket.client.writePacket({
            type: packet_1.PacketType.CONNECT_ERROR,
            nsp: this.name,
            // A v2 client's `error` listener gets the data, or the message (Socket.IO's v2 compatibility).
            data: socket.client.isV2 ? (data ?? message) : data === undefined ? { message } : { message, data },
        });
        socket.onClose('server namespace disconnect');
    }
}
exports.ServerNamespace = ServerNamespace;
/** Offers the error to `handlers` in turn (see {@link offerInTurn}); throws it when none takes it. */
function tryErrorHandlers(handlers, error, socket, event, args) {
    return (0, util_1.offerInTurn)(handlers.length, error, (i) => handlers[i](error, socket, event, args));
}
const NO_PARAMS = Object.freeze({});
function chainAny(first, second) {
    if (first === null)
        return second;
    return (socket, event, args) => {
        first(socket, event, args);
        return second(socket, event, args);
    };
}
function chainConnect(first, second) {
    if (first === null)
        return second;
    return async (socket) => ((await first(socket)) === false ? false : second(socket));
}
function chainDisconnect(first, second) {
    if (first === null)
        return second;
    // Each hook runs even when the other throws, and no rejection is left unobserved: every failure is handed to
    // remove(), which logs it (several as one AggregateError).
    return (socket, reason) => {
        const outcomes = [first, second].map((hook) => {
            try {
                return Promise.resolve(hook(socket, reason));
            }
            catch (err) {
                return Promise.reject(err);
            }
        });
        return Promise.allSettled(outcomes).then((settled) => {
            const failures = settled.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
            if (failures.length === 1)
                throw failures[0];
            if (failures.length > 1)
                throw new AggregateError(failures, `${failures.length} disconnect hooks failed`);
        });
    };
}
//# sourceMappingURL=server-namespace.js.map