import type { DependencyContainer, InjectionToken } from 'tsyringe';
import type { Socket } from '../namespace/socket';
import { CONNECT_FAILED_MESSAGE } from '../namespace/server-namespace';
import { ConnectError, DisconnectedError } from '../errors';
import { attachNamespace } from './namespace-base';

/**
 * A class tsyringe can construct: the class form of its `InjectionToken` (tsyringe's own `constructor<T>`, which
 * the package root does not export).
 */
export type ResolvableClass = Extract<InjectionToken<object>, new (...args: never[]) => unknown>;

/** The token under which a connection-scoped child container holds the connection's socket. */
export const CONNECTION_SOCKET = Symbol('classio.connectionSocket');

/** What a connection-scoped namespace keeps per connection. */
interface ConnectionEntry {
  readonly instance: object;
  readonly container: DependencyContainer;
  /** Guards and interceptors resolved for this connection, created on first use. */
  enhancers: Map<ResolvableClass, object> | null;
}

/**
 * Where compiled handlers find the instance that runs them: the singleton, or for `scope: 'connection'` the
 * instance created for that socket at connect. The per-message cost of the connection scope is one `Map` lookup.
 */
export class InstanceSource {
  readonly #connections: Map<Socket, ConnectionEntry> | null;

  constructor(
    /** The singleton instance, or null for the connection scope. */
    readonly singleton: object | null,
    private readonly target: ResolvableClass | null,
    private readonly root: DependencyContainer | null,
  ) {
    this.#connections = singleton === null ? new Map() : null;
  }

  /** The instance serving `socket`, or undefined once its connection is closed. */
  instanceFor(socket: Socket): object | undefined {
    return this.singleton ?? this.#connections?.get(socket)?.instance;
  }

  /** True when instances are created per connection. */
  get isPerConnection(): boolean {
    return this.#connections !== null;
  }

  /**
   * Creates the instance of a new connection from a child container, in which the socket is registered as
   * {@link CONNECTION_SOCKET} so that connection-scoped services can ask for it.
   */
  open(socket: Socket): void {
    if (this.#connections === null || this.target === null || this.root === null) return;
    const container = this.root.createChildContainer();
    container.register(CONNECTION_SOCKET, { useValue: socket });
    let instance: object;
    try {
      instance = container.resolve(this.target);
    } catch (error) {
      // A resolution failure is the server's problem: log the details, show the client a neutral reason.
      socket.nsp.server.logError(`${this.target.name} could not be created for connection ${socket.id}`, error);
      throw new ConnectError(CONNECT_FAILED_MESSAGE, undefined, { cause: error });
    }
    attachNamespace(instance, socket.nsp, socket);
    this.#connections.set(socket, { instance, container, enhancers: null });
  }

  /**
   * A guard or interceptor class resolved from the connection's child container, once per connection (cached in
   * the connection's entry). Throws `DisconnectedError` once the connection is closed.
   */
  resolveFor(socket: Socket, token: ResolvableClass): object {
    const entry = this.#connections?.get(socket);
    if (entry === undefined) {
      throw new DisconnectedError(`the connection of ${socket.id} in ${socket.nsp.name} is closed`);
    }
    const enhancers = (entry.enhancers ??= new Map<ResolvableClass, object>());
    let enhancer = enhancers.get(token);
    if (enhancer === undefined) {
      enhancer = entry.container.resolve<object>(token);
      enhancers.set(token, enhancer);
    }
    return enhancer;
  }

  /**
   * Forgets and disposes the instance of a closed connection. `container.dispose()` calls `dispose()` on every
   * disposable the child container created, the namespace instance included, so it is not called twice here.
   */
  close(socket: Socket): void {
    const entry = this.#connections?.get(socket);
    if (entry === undefined) return;
    this.#connections!.delete(socket);
    try {
      const pending = entry.container.dispose();
      if (pending instanceof Promise) pending.catch((error: unknown) => reportDisposeError(socket, error));
    } catch (error) {
      reportDisposeError(socket, error);
    }
  }
}

function reportDisposeError(socket: Socket, error: unknown): void {
  // Nobody awaits a disposal: report it rather than lose it.
  socket.nsp.server.logError(
    `disposing the connection-scoped instance of ${socket.id} in ${socket.nsp.name} failed`,
    error,
  );
}
