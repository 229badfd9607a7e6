import type { AdapterFactory } from '../adapter/adapter';
import type { RouteTable } from './route-table';
import type { ConnectionListener, OtherEvent, ServerSideListener } from './listeners';
import { ServerNamespace, type Middleware, type NamespaceHost } from './server-namespace';
import type { Socket } from './socket';
import type { BroadcastAckArgs, DefaultEventsMap, EventNames, EventParams, EventsMap } from './typed-events';

/**
 * A dynamic namespace (`server.of('/tenant/:id')`, a RegExp, a function): the parent of every concrete namespace
 * whose name matches. It holds what is declared on it (route tables, connect middlewares, `connection` listeners)
 * and gives each child a copy as the child is created, on its first connect; what is declared later reaches the
 * children that exist too. Each child is a namespace of its own, rooms, broadcasts and adapter apart. Emitting on
 * the parent emits on every child (those of this process, each through its adapter, so a cluster's processes
 * deliver to their own clients of that child); nobody connects to the parent itself. Its type parameters are its
 * children's (see {@link ServerNamespace}).
 */
export class ParentNamespace<
  ListenEvents extends EventsMap = DefaultEventsMap,
  EmitEvents extends EventsMap = DefaultEventsMap,
  ServerSideEvents extends EventsMap = DefaultEventsMap,
  SocketData = Record<string, unknown>,
> extends ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData> {
  /** The children that exist in this process, by name. */
  readonly children = new Map<string, ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData>>();
  readonly #tables: { table: RouteTable; owner: string }[] = [];
  readonly #parentMiddlewares: Middleware<Socket<ListenEvents, EmitEvents, ServerSideEvents, SocketData>>[] = [];
  readonly #parentListeners: ConnectionListener<Socket<ListenEvents, EmitEvents, ServerSideEvents, SocketData>>[] = [];
  readonly #createChildAdapter: AdapterFactory;

  constructor(server: NamespaceHost, name: string, createAdapter: AdapterFactory) {
    // The parent's own adapter holds no socket: it exists so that the inherited API stays usable.
    super(server, name, createAdapter);
    this.#createChildAdapter = createAdapter;
  }

  /** @internal Creates the child `name` with its parameters and gives it everything declared so far. */
  createChild(
    name: string,
    params: Readonly<Record<string, string>>,
  ): ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData> {
    const child = new ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData>(
      this.server,
      name,
      this.#createChildAdapter,
      params,
    );
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
  override use(middleware: Middleware<Socket<ListenEvents, EmitEvents, ServerSideEvents, SocketData>>): this {
    this.#parentMiddlewares.push(middleware);
    for (const child of this.children.values()) child.use(middleware);
    return this;
  }

  /** `connection`: a socket connected to any child. Other names listen to server-side emits of the parent. */
  override on(
    event: 'connection' | 'connect',
    listener: ConnectionListener<Socket<ListenEvents, EmitEvents, ServerSideEvents, SocketData>>,
  ): this;
  override on<E extends EventNames<ServerSideEvents>>(
    event: OtherEvent<E, 'connection' | 'connect'>,
    listener: ServerSideEvents[E],
  ): this;
  override on(
    event: string,
    listener: ConnectionListener<Socket<ListenEvents, EmitEvents, ServerSideEvents, SocketData>> | ServerSideListener,
  ): this {
    if (event !== 'connection' && event !== 'connect') {
      // A server-side event: the overloads already tied this listener to it.
      type Name = OtherEvent<EventNames<ServerSideEvents>, 'connection' | 'connect'>;
      return super.on(event as Name, listener as ServerSideEvents[Name]);
    }
    this.#parentListeners.push(listener);
    for (const child of this.children.values()) child.on('connection', listener);
    return this;
  }

  /** Emits to every child's clients. */
  override emit<K extends EventNames<EmitEvents>>(
    event: K,
    ...args: BroadcastAckArgs<EventParams<EmitEvents, K>>
  ): boolean {
    for (const child of this.children.values()) child.emit(event, ...args);
    return true;
  }

  /** Emits `message` to every child's clients. */
  override send(...args: unknown[]): boolean {
    for (const child of this.children.values()) child.send(...args);
    return true;
  }
}
