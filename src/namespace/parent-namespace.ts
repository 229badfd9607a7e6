import type { Adapter, AdapterFactory, BroadcastOptions, SocketDescription } from '../adapter/adapter';
import type { Packet } from '../protocol/packet';
import { UsageError } from '../errors';
import type { RouteTable } from './route-table';
import type { ConnectionListener, OtherEvent, ServerSideListener } from './listeners';
import { ServerNamespace, type Middleware, type NamespaceHost } from './server-namespace';
import type { Socket } from './socket';
import type { DefaultEventsMap, EventNames, EventsMap } from './typed-events';

/**
 * A dynamic namespace (`server.of('/tenant/:id')`, a RegExp, a function): the parent of every concrete namespace
 * whose name matches. It holds what is declared on it (route tables, connect middlewares, `connection` listeners)
 * and gives each child a copy as the child is created, on its first connect; what is declared later reaches the
 * children that exist too. Each child is a namespace of its own, rooms, broadcasts and adapter apart. Nobody
 * connects to the parent itself.
 *
 * The parent's broadcast API reaches every child, as Socket.IO's parent namespace does: `emit`, `send`, `to`/`in`/
 * `except`, `volatile`, `compress`, `local` and `timeout` (acks are collected from every child), and beyond Socket.IO
 * (where they silently do nothing) `socketsJoin`, `socketsLeave`, `disconnectSockets` and `allSockets`. Each goes
 * to the children of this process, each through its own adapter, so a cluster's processes deliver to their own
 * clients of that child. `fetchSockets` and `serverSideEmit` are refused with a `UsageError`, as Socket.IO refuses
 * them: another process may hold children this one never created. Its type parameters are its children's (see
 * {@link ServerNamespace}).
 */
export class ParentNamespace<
  ListenEvents extends EventsMap = DefaultEventsMap,
  EmitEvents extends EventsMap = DefaultEventsMap,
  ServerSideEvents extends EventsMap = DefaultEventsMap,
  SocketData = Record<string, unknown>,
> extends ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData> {
  /** The children that exist in this process, by name. */
  readonly children: Map<string, ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData>>;
  readonly #tables: { table: RouteTable; owner: string }[] = [];
  readonly #parentMiddlewares: Middleware<Socket<ListenEvents, EmitEvents, ServerSideEvents, SocketData>>[] = [];
  readonly #parentListeners: ConnectionListener<Socket<ListenEvents, EmitEvents, ServerSideEvents, SocketData>>[] = [];
  readonly #createChildAdapter: AdapterFactory;

  constructor(server: NamespaceHost, name: string, createAdapter: AdapterFactory) {
    // The parent holds no socket: its adapter hands every operation to the children's adapters.
    const children = new Map<string, ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData>>();
    super(server, name, () => new ChildrenAdapter(name, children));
    this.children = children;
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
}

/**
 * The parent's adapter: every broadcast operation goes to each child's adapter, the packet renamed to the child
 * (a packet carries its namespace). The parent has no sockets of its own, so its room bookkeeping is empty.
 */
class ChildrenAdapter implements Adapter {
  readonly rooms: ReadonlyMap<string, ReadonlySet<string>> = new Map();

  constructor(
    private readonly name: string,
    private readonly children: ReadonlyMap<string, { readonly name: string; readonly adapter: Adapter }>,
  ) {}

  init(): void {}

  close(): void {}

  addAll(): void {}

  del(): void {}

  delAll(): void {}

  socketRooms(): undefined {
    return undefined;
  }

  broadcast(packet: Packet, opts: BroadcastOptions): void {
    for (const child of this.children.values()) child.adapter.broadcast({ ...packet, nsp: child.name }, opts);
  }

  /** Counts the recipients of every child before reporting the total, so the operator waits for all their acks. */
  broadcastWithAck(
    packet: Packet,
    opts: BroadcastOptions,
    onCount: (count: number) => void,
    onAck: (args: unknown[]) => void,
  ): void {
    let pending = this.children.size;
    if (pending === 0) {
      onCount(0);
      return;
    }
    let total = 0;
    const countChild = (count: number) => {
      total += count;
      if (--pending === 0) onCount(total);
    };
    for (const child of this.children.values()) {
      child.adapter.broadcastWithAck({ ...packet, nsp: child.name }, opts, countChild, onAck);
    }
  }

  async sockets(rooms: ReadonlySet<string>): Promise<Set<string>> {
    const perChild = await Promise.all([...this.children.values()].map((child) => child.adapter.sockets(rooms)));
    return new Set(perChild.flatMap((sids) => [...sids]));
  }

  fetchSockets(): Promise<SocketDescription[]> {
    throw new UsageError(
      `fetchSockets() is not supported on the dynamic namespace ${this.name}: call it on a child (server.of('/tenant/a'))`,
    );
  }

  addSockets(opts: BroadcastOptions, rooms: readonly string[]): void {
    for (const child of this.children.values()) child.adapter.addSockets(opts, rooms);
  }

  delSockets(opts: BroadcastOptions, rooms: readonly string[]): void {
    for (const child of this.children.values()) child.adapter.delSockets(opts, rooms);
  }

  disconnectSockets(opts: BroadcastOptions, close: boolean): void {
    for (const child of this.children.values()) child.adapter.disconnectSockets(opts, close);
  }

  serverSideEmit(): void {
    throw new UsageError(
      `serverSideEmit() is not supported on the dynamic namespace ${this.name}: call it on a child (server.of('/tenant/a'))`,
    );
  }
}
