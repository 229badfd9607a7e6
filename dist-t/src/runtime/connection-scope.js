"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InstanceSource = exports.CONNECTION_SOCKET = void 0;
const server_namespace_1 = require("../namespace/server-namespace");
const errors_1 = require("../errors");
const namespace_base_1 = require("./namespace-base");
/** The token under which a connection-scoped child container holds the connection's socket. */
exports.CONNECTION_SOCKET = Symbol('classio.connectionSocket');
/**
 * Where compiled handlers find the instance that runs them: the singleton, or for `scope: 'connection'` the
 * instance created for that socket at connect. The per-message cost of the connection scope is one `Map` lookup.
 */
class InstanceSource {
    #connections;
    constructor(
    /** The singleton instance, or null for the connection scope. */
    singleton, target, root) {
        this.singleton = singleton;
        this.target = target;
        this.root = root;
        this.#connections = singleton === null ? new Map() : null;
    }
    /** The instance serving `socket`, or undefined once its connection is closed. */
    instanceFor(socket) {
        return this.singleton ?? this.#connections?.get(socket)?.instance;
    }
    /** True when instances are created per connection. */
    get isPerConnection() {
        return this.#connections !== null;
    }
    /**
     * Creates the instance of a new connection from a child container, in which the socket is registered as
     * {@link CONNECTION_SOCKET} so that connection-scoped services can ask for it.
     */
    open(socket) {
        if (this.#connections === null || this.target === null || this.root === null)
            return;
        const container = this.root.createChildContainer();
        container.register(exports.CONNECTION_SOCKET, { useValue: socket });
        let instance;
        try {
            instance = container.resolve(this.target);
        }
        catch (error) {
            // A resolution failure is the server's problem: log the details, show the client a neutral reason.
            socket.nsp.server.logError(`${this.target.name} could not be created for connection ${socket.id}`, error);
            throw new errors_1.ConnectError(server_namespace_1.CONNECT_FAILED_MESSAGE, undefined, { cause: error });
        }
        (0, namespace_base_1.attachNamespace)(instance, socket.nsp, socket);
        this.#connections.set(socket, { instance, container, enhancers: null });
    }
    /**
     * A guard or interceptor class resolved from the connection's child container, once per connection (cached in
     * the connection's entry). Throws `DisconnectedError` once the connection is closed.
     */
    resolveFor(socket, token) {
        const entry = this.#connections?.get(socket);
        if (entry === undefined) {
            throw new errors_1.DisconnectedError(`the connection of ${socket.id} in ${socket.nsp.name} is closed`);
        }
        const enhancers = (entry.enhancers ??= new Map());
        let enhancer = enhancers.get(token);
        if (enhancer === undefined) {
            enhancer = entry.container.resolve(token);
            enhancers.set(token, enhancer);
        }
        return enhancer;
    }
    /**
     * Forgets and disposes the instance of a closed connection. `container.dispose()` calls `dispose()` on every
     * disposable the child container created, the namespace instance included, so it is not called twice here.
     */
    close(socket) {
        const entry = this.#connections?.get(socket);
        if (entry === undefined)
            return;
        this.#connections.delete(socket);
        try {
            const pending = entry.container.dispose();
            if (pending instanceof Promise)
                pending.catch((error) => reportDisposeError(socket, error));
        }
        catch (error) {
            reportDisposeError(socket, error);
        }
    }
}
exports.InstanceSource = InstanceSource;
function reportDisposeError(socket, error) {
    // Nobody awaits a disposal: report it rather than lose it.
    socket.nsp.server.logError(`disposing the connection-scoped instance of ${socket.id} in ${socket.nsp.name} failed`, error);
}
//# sourceMappingURL=connection-scope.js.map