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
export class ParentNamespace extends ServerNamespace {
  /** The children that exist in this process, by name. */
  readonly children = new Map<string, ServerNamespace>();
  readonly #tables: { table: RouteTable; owner: string }[] = [];
  readonly #parentMiddlewares: Middleware[] = [];
  readonly #parentListeners: ConnectionListener[] = [];
  readonly #createChildAdapter: AdapterFactory;

  constructor(server: NamespaceHost, name: string, createAdapter: AdapterFactory) {
    // The parent's own adapter holds no socket: it exists so that the inherited API stays usable.
    super(server, name, createAdapter);
    this.#createChildAdapter = createAdapter;
  }

  /** @internal Creates the child `name` with its parameters and gives it everything declared so far. */
  createChild(name: string, params: Readonly<Record<string, string>>): ServerNamespace {
    const child = new ServerNamespace(this.server, name, this.#createChildAdapter, params);
    for (const { table, owner } of this.#tables) child.install(table, owner);
    for (const middleware of this.#parentMiddlewares) child.use(middleware);
    for (const listener of this.#parentListeners) child.on('connection', listener);
    this.children.set(name, child);
    return child;
  }

  /** @internal Installs a route table on every child, present and future. */
  override install(table: RouteTable, owner = 'route table'): void {
    // Installed on the parent itself first: a duplicate event fails here, at registration, not at a child's birth.
    super.install(table, owner);
    this.#tables.push({ table, owner });
    for (const child of this.children.values()) child.install(table, owner);
  }

  /** Adds a connect middleware to every child, present and future. */
  override use(middleware: Middleware): this {
    this.#parentMiddlewares.push(middleware);
    for (const child of this.children.values()) child.use(middleware);
    return this;
  }

  /** `connection`: a socket connected to any child. Other names listen to server-side emits of the parent. */
  override on(event: 'connection' | 'connect', listener: ConnectionListener): this;
  override on<E extends string>(event: OtherEvent<E, 'connection' | 'connect'>, listener: ServerSideListener): this;
  override on(event: string, listener: ConnectionListener | ServerSideListener): this {
    if (event !== 'connection' && event !== 'connect') return super.on(event, listener);
    this.#parentListeners.push(listener);
    for (const child of this.children.values()) child.on('connection', listener);
    return this;
  }

  /** Emits to every child's clients. */
  override emit(event: string, ...args: unknown[]): boolean {
    for (const child of this.children.values()) child.emit(event, ...args);
    return true;
  }

  /** Emits `message` to every child's clients. */
  override send(...args: unknown[]): boolean {
    return this.emit('message', ...args);
  }
}
