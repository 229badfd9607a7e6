import type { DependencyContainer } from 'tsyringe';
import type { Socket } from '../namespace/socket';
import { createDebug } from '../debug';
import { NamespaceBase } from './namespace-base';
import { kAttach } from './symbols';

const debug = createDebug('classio:runtime');

/** The token under which a connection-scoped child container holds the connection's socket. */
export const CONNECTION_SOCKET = Symbol('classio.connectionSocket');

/**
 * Where compiled handlers find the instance that runs them: the singleton, or for `scope: 'connection'` the
 * instance created for that socket at connect. The per-message cost of the connection scope is one `Map` lookup.
 */
export class InstanceSource {
  readonly #connections: Map<Socket, { instance: object; container: DependencyContainer }> | null;

  constructor(
    /** The singleton instance, or null for the connection scope. */
    readonly singleton: object | null,
    private readonly target: (new (...args: any[]) => object) | null,
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
    const instance = container.resolve(this.target);
    if (instance instanceof NamespaceBase) instance[kAttach](socket.nsp, socket);
    this.#connections.set(socket, { instance, container });
  }

  /** Forgets and disposes the instance of a closed connection: its own `dispose()` first, then its container's. */
  close(socket: Socket): void {
    const entry = this.#connections?.get(socket);
    if (entry === undefined) return;
    this.#connections!.delete(socket);
    const dispose = (entry.instance as { dispose?: () => unknown }).dispose;
    let pending: unknown;
    try {
      pending = typeof dispose === 'function' ? dispose.call(entry.instance) : undefined;
    } catch (error) {
      reportDisposeError(socket, error);
    }
    Promise.resolve(pending)
      .then(() => entry.container.dispose())
      .catch((error: unknown) => reportDisposeError(socket, error));
  }
}

function reportDisposeError(socket: Socket, error: unknown): void {
  // Nobody awaits a disposal: report it rather than lose it.
  debug('disposing the instance of %s in %s failed: %O', socket.id, socket.nsp.name, error);
  console.error(`classio: disposing the connection-scoped instance of ${socket.id} failed`, error);
}
