"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Server = void 0;
const node_http_1 = require("node:http");
const tsyringe_1 = require("tsyringe");
const server_1 = require("./engine/server");
const options_1 = require("./engine/options");
const in_memory_adapter_1 = require("./adapter/in-memory-adapter");
const session_aware_adapter_1 = require("./adapter/session-aware-adapter");
const recovery_options_1 = require("./recovery-options");
const client_1 = require("./namespace/client");
const server_namespace_1 = require("./namespace/server-namespace");
const parent_namespace_1 = require("./namespace/parent-namespace");
const namespace_pattern_1 = require("./namespace/namespace-pattern");
const enhancers_1 = require("./runtime/enhancers");
const client_bundle_1 = require("./client-bundle");
const errors_1 = require("./errors");
const packet_1 = require("./protocol/packet");
const custom_parser_1 = require("./protocol/custom-parser");
const option_names_1 = require("./option-names");
const explorer_1 = require("./runtime/explorer");
const functional_1 = require("./runtime/functional");
const listener_context_1 = require("./runtime/listener-context");
const util_1 = require("./namespace/util");
const debug_1 = require("./debug");
const options_2 = require("./observability/options");
const debug = (0, debug_1.createDebug)('classio:server');
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
    adapter: undefined,
    messageQueue: undefined,
    channel: undefined,
    container: undefined,
    logger: undefined,
    parser: undefined,
    serveClient: false,
    logLevel: undefined,
    metrics: undefined,
    tracing: undefined,
    cleanupEmptyChildNamespaces: false,
    connectionStateRecovery: undefined,
};
/** Every option name a `Server` reads: its own and the engine's. */
const OPTION_NAMES = [...new Set([...Object.keys(SERVER_DEFAULTS), ...options_1.ENGINE_OPTION_NAMES])];
/**
 * A Socket.IO v5 server: one Engine.IO server shared by every namespace.
 *
 * @example
 * const server = new Server({ cors: { origin: '*' } });
 * server.register(ChatNamespace);
 * await server.listen(5000);
 */
class Server {
    #namespaces;
    #createAdapter;
    /** The client bundle `serveClient` serves, or null. */
    #clientBundle;
    #log;
    #observer;
    #ownsHttpServer;
    /** Set by the first `close()`: the shutdown in progress. */
    #closing;
    /** In-process connections still open (`acceptConnection`), shut down by `close()`. */
    #inProcess;
    /** The main namespace `/`, which exists from the start: the target of the shortcuts (`emit`, `to`, ...). */
    #main;
    /** `server.on('new_namespace', ...)` listeners. */
    #namespaceListeners;
    /** The dynamic namespaces, in declaration order, with their compiled matchers. */
    #parents;
    #cleanupEmptyChildren;
    /** `useGlobalGuards` / `useGlobalInterceptors`, resolved; every route compiled afterwards runs them first. */
    #globals;
    /** Set once a route is installed: global enhancers must come before, as they are compiled into the routes. */
    #hasRoutes;
    constructor(serverOrOptions, maybeOptions) {
        this.defaultErrorHandler = null;
        /** @internal NamespaceHost: listeners registered inside a handler run in its context. */
        this.listenerBinder = listener_context_1.bindListenerToContext;
        /** The HTTP server the engine is attached to (one of ours after `listen`). */
        this.httpServer = null;
        this.#namespaces = new Map();
        this.#ownsHttpServer = false;
        /** Set by the first `close()`: the shutdown in progress. */
        this.#closing = null;
        /** In-process connections still open (`acceptConnection`), shut down by `close()`. */
        this.#inProcess = new Set();
        /** `server.on('new_namespace', ...)` listeners. */
        this.#namespaceListeners = [];
        /** The dynamic namespaces, in declaration order, with their compiled matchers. */
        this.#parents = [];
        /** `useGlobalGuards` / `useGlobalInterceptors`, resolved; every route compiled afterwards runs them first. */
        this.#globals = {
            guardNames: [],
            resolvedGuards: [],
            interceptors: [],
        };
        /** Set once a route is installed: global enhancers must come before, as they are compiled into the routes. */
        this.#hasRoutes = false;
        const httpServer = serverOrOptions instanceof Object && 'listen' in serverOrOptions ? serverOrOptions : null;
        const options = (httpServer === null ? serverOrOptions : maybeOptions) ?? {};
        (0, option_names_1.checkOptionNames)(options, OPTION_NAMES, 'new Server()', option_names_1.SOCKET_IO_OPTIONS);
        // Spread over the defaults, except that `undefined` asks for the default (as the engine reads it too).
        const settings = { ...SERVER_DEFAULTS };
        const fields = settings;
        for (const [name, value] of Object.entries(options))
            if (value !== undefined)
                fields[name] = value;
        if (!(settings.connectTimeout > 0))
            throw new errors_1.ConfigurationError(`connectTimeout must be a positive number of ms, got ${settings.connectTimeout}`);
        if (!Number.isInteger(settings.maxAttachments) || settings.maxAttachments < 0) {
            throw new errors_1.ConfigurationError(`maxAttachments must be a non-negative integer, got ${settings.maxAttachments}`);
        }
        this.connectTimeout = settings.connectTimeout;
        if (!Number.isInteger(settings.maxPendingAcks) || settings.maxPendingAcks < 1) {
            throw new errors_1.ConfigurationError(`maxPendingAcks must be a positive integer, got ${settings.maxPendingAcks}`);
        }
        this.maxAttachments = settings.maxAttachments;
        const parser = settings.parser ?? null;
        (0, custom_parser_1.checkParser)(parser);
        this.parser = parser;
        // The default parser is the module's own function: nothing is wrapped around the compiled fast path.
        this.encode = parser === null ? packet_1.encodePacket : (0, custom_parser_1.createCustomEncoder)(parser);
        if (typeof settings.cleanupEmptyChildNamespaces !== 'boolean') {
            throw new errors_1.ConfigurationError(`cleanupEmptyChildNamespaces must be a boolean, got ${String(settings.cleanupEmptyChildNamespaces)}`);
        }
        this.#cleanupEmptyChildren = settings.cleanupEmptyChildNamespaces;
        this.maxPendingAcks = settings.maxPendingAcks;
        this.container = settings.container ?? tsyringe_1.container;
        const observability = (0, options_2.setUpObservability)(settings, console, {
            connections: () => [[{}, this.engine.clientsCount + this.#inProcess.size]],
            sockets: () => [...this.#namespaces.values()].map((nsp) => [{ namespace: nsp.name }, nsp.sockets.size]),
        });
        this.#log = observability.log;
        this.#observer = observability.observer;
        this.instrumentation = observability.observer;
        this.metricsRegistry = observability.registry;
        this.recovery = (0, recovery_options_1.resolveRecovery)(settings.connectionStateRecovery);
        const recovery = this.recovery;
        if (recovery !== null && settings.messageQueue !== undefined && settings.adapter === undefined) {
            // The pub/sub adapter stores no packets: recovery would be silently off, which is worse than a clear refusal.
            throw new errors_1.ConfigurationError('connectionStateRecovery needs an adapter that stores packets: the Redis pub/sub adapter of messageQueue ' +
                "does not; for a cluster use adapter: createRedisStreamsAdapter({ url }) from 'classio/redis' instead of " +
                'messageQueue, or the in-memory adapter (one process)');
        }
        this.#createAdapter =
            settings.adapter ??
                (recovery !== null
                    ? (host) => new session_aware_adapter_1.SessionAwareAdapter(host, recovery)
                    : chooseAdapter(settings.messageQueue, settings.channel, (err) => this.reportClusterFault(err)));
        const allowRequest = settings.allowRequest ?? null;
        (0, options_1.checkAllowRequest)(allowRequest);
        const engineOptions = {};
        for (const name of options_1.ENGINE_OPTION_NAMES)
            engineOptions[name] = fields[name];
        // A closing server refuses new sessions (Engine.IO error 4, message `server shutting down`) while the ones it
        // has drain; the listening socket stays open meanwhile, so that polling clients can still deliver their acks.
        this.engine = new server_1.EngineServer({
            ...engineOptions,
            allowRequest: (req) => {
                if (this.#closing !== null)
                    throw new errors_1.ProtocolError(4, {}, 'server shutting down');
                return allowRequest === null ? true : allowRequest(req);
            },
        });
        if (typeof settings.serveClient !== 'boolean') {
            throw new errors_1.ConfigurationError(`serveClient must be a boolean, got ${String(settings.serveClient)}`);
        }
        this.#clientBundle = settings.serveClient ? new client_bundle_1.ClientBundle(this.engine.settings.path) : null;
        this.engine.on('connection', (conn) => new client_1.Client(this, conn));
        this.#main = this.of('/');
        if (httpServer !== null)
            this.attach(httpServer);
    }
    /** Serves Engine.IO requests under `path` on an existing HTTP server; other requests keep their handlers. */
    attach(httpServer) {
        this.engine.attach(httpServer);
        // After the engine, so that the bundle's files are answered before the engine sees their path.
        this.#clientBundle?.attach(httpServer);
        this.httpServer = httpServer;
        return this;
    }
    /** Starts an HTTP server of its own on `port` (0 for any) and resolves once it listens. */
    listen(port, host = '127.0.0.1') {
        const httpServer = (0, node_http_1.createServer)();
        this.attach(httpServer);
        this.#ownsHttpServer = true;
        return new Promise((resolve, reject) => {
            httpServer.once('error', reject);
            httpServer.listen(port, host, () => {
                httpServer.off('error', reject);
                debug('listening on %s:%d', host, httpServer.address().port);
                resolve(httpServer);
            });
        });
    }
    /** The port the HTTP server listens on (after `listen` or attaching to a listening server). */
    get port() {
        const address = this.httpServer?.address();
        if (address === null || address === undefined || typeof address === 'string') {
            throw new errors_1.ConfigurationError('the server is not listening on a TCP port');
        }
        return address.port;
    }
    of(name) {
        if (typeof name !== 'string' || (0, namespace_pattern_1.isPatternPath)(name))
            return this.#parentOf(name);
        const path = name.startsWith('/') ? name : `/${name}`;
        // A literal name is a namespace of its own even when a pattern matches it (as in Socket.IO): it wins over the
        // pattern. A child that exists is returned as it is.
        return this.#namespaces.get(path) ?? this.#add(new server_namespace_1.ServerNamespace(this, path, this.#createAdapter));
    }
    #add(nsp) {
        const path = nsp.name;
        this.#namespaces.set(path, nsp);
        const init = nsp.adapter.init();
        if (init instanceof Promise)
            init.catch((err) => this.logError(`adapter of ${path} failed to start`, err));
        for (const listener of this.#namespaceListeners) {
            try {
                const result = listener(nsp);
                if ((0, util_1.isThenable)(result)) {
                    result.then(undefined, (err) => this.logError(`"new_namespace" listener failed for ${path}`, err));
                }
            }
            catch (err) {
                this.logError(`"new_namespace" listener threw for ${path}`, err);
            }
        }
        return nsp;
    }
    #parentOf(path) {
        const same = this.#parents.find((parent) => typeof path === 'string' || path instanceof RegExp ? String(parent.path) === String(path) : parent.path === path);
        if (same !== undefined)
            return same.nsp;
        if (typeof path !== 'function' && !(path instanceof RegExp) && !path.startsWith('/')) {
            throw new errors_1.ConfigurationError(`namespace pattern ${path} must start with "/"`);
        }
        // The parent is never connected to: it is not among the namespaces a client can name.
        const nsp = new parent_namespace_1.ParentNamespace(this, typeof path === 'function' ? `<${path.name || 'function'}>` : String(path), this.#createAdapter);
        this.#parents.push({ path, match: (0, namespace_pattern_1.compileNamespacePattern)(path), nsp });
        return nsp;
    }
    /** Creates the child `name` of a dynamic namespace, once the name matched. */
    #createChild(parent, name, params) {
        // Another connect may have created it while an asynchronous test ran.
        const existing = this.#namespaces.get(name);
        if (existing !== undefined)
            return existing;
        const child = parent.createChild(name, params ?? {});
        if (this.#cleanupEmptyChildren) {
            child.onEmpty = (empty) => {
                if (this.#namespaces.get(empty.name) !== empty || this.#closing !== null)
                    return;
                this.#namespaces.delete(empty.name);
                parent.children.delete(empty.name);
                debug('removed empty child namespace %s', empty.name);
                void Promise.resolve(empty.adapter.close()).catch((err) => this.logError(`adapter of ${empty.name} failed to close`, err));
            };
        }
        return this.#add(child);
    }
    /** Every namespace, by name. */
    get namespaces() {
        return this.#namespaces;
    }
    /**
     * @internal ClientHost: the namespace a client may connect to: a literal one, else the first dynamic namespace
     * that accepts the name (its child, created now). A function path may answer asynchronously.
     */
    namespace(name, auth) {
        const literal = this.#namespaces.get(name);
        if (literal !== undefined || this.#parents.length === 0)
            return literal;
        return this.#matchParent(name, auth, 0);
    }
    #matchParent(name, auth, from) {
        for (let i = from; i < this.#parents.length; i++) {
            const parent = this.#parents[i];
            const match = parent.match(name, auth);
            if (match instanceof Promise) {
                return match.then((params) => params === null ? this.#matchParent(name, auth, i + 1) : this.#createChild(parent.nsp, name, params));
            }
            if (match !== null)
                return this.#createChild(parent.nsp, name, match);
        }
        return undefined;
    }
    /**
     * Registers a namespace: a decorated class (resolved through the container, compiled once) or an instance
     * (Flask's `on_namespace`). Mistakes throw a `ConfigurationError` naming the class and method.
     *
     * @example server.register(ChatNamespace).register(new AdminNamespace('/admin'));
     */
    register(target) {
        this.#hasRoutes = true;
        (0, explorer_1.registerNamespace)(this, target, this.container, this.#globalEnhancers());
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
    useGlobalGuards(...guards) {
        this.#checkGlobalsOpen('useGlobalGuards');
        for (const token of guards) {
            this.#globals.resolvedGuards.push((0, enhancers_1.resolveEnhancer)(this.container, 'guard', token, 'useGlobalGuards'));
            this.#globals.guardNames.push((0, enhancers_1.enhancerName)(token));
        }
        return this;
    }
    /**
     * Wraps every event of every namespace, class-based or functional, in interceptors (see `@UseInterceptors`);
     * they run outside the class's and the method's. Call this before `register()` and `on()`.
     *
     * @example server.useGlobalInterceptors(new LoggingInterceptor(logger)).register(Chat);
     */
    useGlobalInterceptors(...interceptors) {
        this.#checkGlobalsOpen('useGlobalInterceptors');
        for (const token of interceptors) {
            this.#globals.interceptors.push((0, enhancers_1.resolveEnhancer)(this.container, 'interceptor', token, 'useGlobalInterceptors'));
        }
        return this;
    }
    /** Adds a connect middleware to the main namespace `/` (Socket.IO's `io.use`). */
    use(middleware) {
        this.#main.use(middleware);
        return this;
    }
    #checkGlobalsOpen(method) {
        if (this.#hasRoutes) {
            throw new errors_1.ConfigurationError(`${method}() must be called before register() and on(): global enhancers are compiled into each route`);
        }
    }
    #globalEnhancers() {
        return {
            guards: this.#globals.resolvedGuards,
            guardNames: this.#globals.guardNames,
            interceptors: this.#globals.interceptors,
        };
    }
    on(event, handler, options = {}) {
        if (event === 'new_namespace') {
            if (options.namespace !== undefined) {
                throw new errors_1.ConfigurationError(`server.on("new_namespace") listens to the whole server; it takes no namespace (got ${options.namespace})`);
            }
            if (typeof handler !== 'function') {
                throw new errors_1.ConfigurationError('server.on("new_namespace", listener): the listener must be a function');
            }
            this.#namespaceListeners.push(handler);
            return this;
        }
        const nsp = this.of(options.namespace ?? '/');
        // The overloads tie each handler type to its event name; compileFunctional calls each with what it expects.
        if (event === 'connection')
            nsp.on('connection', handler);
        else {
            this.#hasRoutes = true;
            nsp.install((0, functional_1.compileFunctional)(event, handler, this.#globalEnhancers()), `server.on("${event}")`);
        }
        return this;
    }
    /** Sets the server-wide error handler for namespaces without their own (Flask's `on_error_default`). */
    setDefaultErrorHandler(handler) {
        this.defaultErrorHandler = handler;
        return this;
    }
    // Shortcuts to the main namespace `/`, as Socket.IO's `io.emit` and `io.to`.
    emit(event, ...args) {
        return this.#main.emit(event, ...args);
    }
    send(...args) {
        return this.#main.send(...args);
    }
    to(room) {
        return this.#main.to(room);
    }
    in(room) {
        return this.#main.in(room);
    }
    except(room) {
        return this.#main.except(room);
    }
    timeout(ms) {
        return this.#main.timeout(ms);
    }
    /** The main namespace's volatile operator (see {@link BroadcastOperator.volatile}). */
    get volatile() {
        return this.#main.volatile;
    }
    /** The main namespace's operator with the compress flag (see {@link BroadcastOperator.compress}). */
    compress(shouldCompress) {
        return this.#main.compress(shouldCompress);
    }
    /**
     * @internal Accepts an in-process connection as the engine accepts its sessions (the test client of
     * `classio/testing` calls it); `close()` shuts it down with the engine's sessions.
     */
    acceptConnection(conn) {
        // A closing server takes no new sessions (as the engine refuses them): nothing would ever shut this one down.
        if (this.#closing !== null) {
            conn.shutDown();
            return;
        }
        this.#inProcess.add(conn);
        conn.on('close', () => this.#inProcess.delete(conn));
        new client_1.Client(this, conn);
    }
    /** @internal Reports an error nobody handled; `fields` say where (sid, namespace, event) when known. */
    logError(message, err, fields) {
        this.#log?.write('error', message, fields, err);
    }
    /** @internal The message queue became unreachable: counted (`classio.cluster.outages`) and logged. */
    reportClusterFault(err) {
        if (this.#observer === null)
            this.logError('message queue unreachable', err);
        else
            this.#observer.clusterFault(err);
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
    close(options = {}) {
        const timeout = options.timeout ?? 0;
        if (typeof timeout !== 'number' || !(timeout >= 0)) {
            return Promise.reject(new errors_1.ConfigurationError(`close() timeout must be a non-negative number of ms, got ${String(timeout)}`));
        }
        this.#closing ??= this.#close(Date.now() + timeout);
        return this.#closing;
    }
    /** Whether a handler is still running or a socket still awaits an ack. */
    #hasWorkInFlight() {
        for (const nsp of this.#namespaces.values()) {
            if (nsp.handlersInFlight > 0)
                return true;
            for (const socket of nsp.sockets.values())
                if (socket.pendingAckCount > 0)
                    return true;
        }
        return false;
    }
    async #close(deadline) {
        debug('closing: waiting up to %d ms for handlers and acks', Math.max(0, deadline - Date.now()));
        while (this.#hasWorkInFlight() && Date.now() < deadline)
            await delay(Math.min(10, deadline - Date.now()));
        // Every socket first, in-process ones included: each writes its DISCONNECT while its connection is still open.
        for (const nsp of this.#namespaces.values())
            for (const socket of [...nsp.sockets.values()])
                socket.shutDown();
        // In-process connections are not the engine's: close them as the engine closes its sessions.
        for (const conn of [...this.#inProcess])
            conn.shutDown();
        // An orderly close delivers each session's DISCONNECT packets first. A polling client that has no GET waiting
        // (it just read an answer) receives them on its next GET, so the sessions get at least DISCONNECT_GRACE_MS for
        // that even with `timeout: 0`; the engine then cuts whatever is left.
        for (const conn of [...this.engine.clients.values()])
            conn.close();
        await new Promise((resolve) => setImmediate(resolve));
        const drainDeadline = Math.max(deadline, Date.now() + DISCONNECT_GRACE_MS);
        while (this.engine.clientsCount > 0 && Date.now() < drainDeadline) {
            await delay(Math.min(10, drainDeadline - Date.now()));
        }
        await this.engine.close();
        for (const nsp of this.#namespaces.values()) {
            try {
                await nsp.adapter.close();
            }
            catch (err) {
                this.logError(`adapter of ${nsp.name} failed to close`, err);
            }
        }
        const httpServer = this.httpServer;
        if (httpServer !== null && this.#ownsHttpServer) {
            await new Promise((resolve) => {
                httpServer.close(() => resolve());
                httpServer.closeAllConnections?.();
            });
        }
    }
}
exports.Server = Server;
function delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
function chooseAdapter(messageQueue, channel, onError) {
    if (messageQueue === undefined)
        return (host) => new in_memory_adapter_1.InMemoryAdapter(host);
    // Loaded only when asked for, so that a single-process server never loads ioredis. Outages are reported through
    // the server's logger, so `logger: false` silences them too.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, which a static import cannot be
    const redis = require('./adapter/redis');
    return redis.createRedisAdapter({ url: messageQueue, channel, onError });
}
//# sourceMappingURL=server.js.map