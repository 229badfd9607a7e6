import type { AdapterFactory } from '../adapter/adapter';
import type { RouteTable } from './route-table';
import type { ConnectionListener, OtherEvent, ServerSideListener } from './listeners';
import { ServerNamespace, type Middleware, type NamespaceHost } from './server-namespace';
/**
 * A dynamic namespace (`server.of('/tenant/:id')`, a RegExp, a function): the parent of every concrete namespace
 * whose name matches. It holds what is declared on it (route tables, connect middlewares, `connection` listeners)
 * and gives each child a copy as the child is created, on its first connect; what is declared later reaches the
 * children that exist too. Each child is a namespace of its own, rooms, broadcasts and adapter apart. Emitting on
 * the parent emits on every child (those of this process, each through its adapter, so a cluster's processes
 * deliver to their own clients of that child); nobody connects to the parent itself.
 */
export declare class ParentNamespace extends ServerNamespace {
    #private;
    /** The children that exist in this process, by name. */
    readonly children: Map<string, ServerNamespace>;
    constructor(server: NamespaceHost, name: string, createAdapter: AdapterFactory);
    /** @internal Creates the child `name` with its parameters and gives it everything declared so far. */
    createChild(name: string, params: Readonly<Record<string, string>>): ServerNamespace;
    /** @internal Installs a route table on every child, present and future. */
    install(table: RouteTable, owner?: string): void;
    /** Adds a connect middleware to every child, present and future. */
    use(middleware: Middleware): this;
    /** `connection`: a socket connected to any child. Other names listen to server-side emits of the parent. */
    on(event: 'connection' | 'connect', listener: ConnectionListener): this;
    on<E extends string>(event: OtherEvent<E, 'connection' | 'connect'>, listener: ServerSideListener): this;
    /** Emits to every child's clients. */
    emit(event: string, ...args: unknown[]): boolean;
    /** Emits `message` to every child's clients. */
    send(...args: unknown[]): boolean;
}
