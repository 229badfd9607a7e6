"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ParentNamespace = void 0;
const server_namespace_1 = require("./server-namespace");
/**
 * A dynamic namespace (`server.of('/tenant/:id')`, a RegExp, a function): the parent of every concrete namespace
 * whose name matches. It holds what is declared on it (route tables, connect middlewares, `connection` listeners)
 * and gives each child a copy as the child is created, on its first connect; what is declared later reaches the
 * children that exist too. Each child is a namespace of its own, rooms, broadcasts and adapter apart. Emitting on
 * the parent emits on every child (those of this process, each through its adapter, so a cluster's processes
 * deliver to their own clients of that child); nobody connects to the parent itself.
 */
class ParentNamespace extends server_namespace_1.ServerNamespace {
    #tables;
    #parentMiddlewares;
    #parentListeners;
    #createChildAdapter;
    constructor(server, name, createAdapter) {
        // The parent's own adapter holds no socket: it exists so that the inherited API stays usable.
        super(server, name, createAdapter);
        /** The children that exist in this process, by name. */
        this.children = new Map();
        this.#tables = [];
        this.#parentMiddlewares = [];
        this.#parentListeners = [];
        this.#createChildAdapter = createAdapter;
    }
    /** @internal Creates the child `name` with its parameters and gives it everything declared so far. */
    createChild(name, params) {
        const child = new server_namespace_1.ServerNamespace(this.server, name, this.#createChildAdapter, params);
        for (const { table, owner } of this.#tables)
            child.install(table, owner);
        for (const middleware of this.#parentMiddlewares)
            child.use(middleware);
        for (const listener of this.#parentListeners)
            child.on('connection', listener);
        this.children.set(name, child);
        return child;
    }
    /** @internal Installs a route table on every child, present and future. */
    install(table, owner = 'route table') {
        // Installed on the parent itself first: a duplicate event fails here, at registration, not at a child's birth.
        super.install(table, owner);
        this.#tables.push({ table, owner });
        for (const child of this.children.values())
            child.install(table, owner);
    }
    /** Adds a connect middleware to every child, present and future. */
    use(middleware) {
        this.#parentMiddlewares.push(middleware);
        for (const child of this.children.values())
            child.use(middleware);
        return this;
    }
    on(event, listener) {
        if (event !== 'connection' && event !== 'connect')
            return super.on(event, listener);
        this.#parentListeners.push(listener);
        for (const child of this.children.values())
            child.on('connection', listener);
        return this;
    }
    /** Emits to every child's clients. */
    emit(event, ...args) {
        for (const child of this.children.values())
            child.emit(event, ...args);
        return true;
    }
    /** Emits `message` to every child's clients. */
    send(...args) {
        return this.emit('message', ...args);
    }
}
exports.ParentNamespace = ParentNamespace;
//# sourceMappingURL=parent-namespace.js.map