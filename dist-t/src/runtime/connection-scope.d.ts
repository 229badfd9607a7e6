import type { DependencyContainer, InjectionToken } from 'tsyringe';
import type { Socket } from '../namespace/socket';
/**
 * A class tsyringe can construct: the class form of its `InjectionToken` (tsyringe's own `constructor<T>`, which
 * the package root does not export).
 */
export type ResolvableClass = Extract<InjectionToken<object>, new (...args: never[]) => unknown>;
/** The token under which a connection-scoped child container holds the connection's socket. */
export declare const CONNECTION_SOCKET: unique symbol;
/**
 * Where compiled handlers find the instance that runs them: the singleton, or for `scope: 'connection'` the
 * instance created for that socket at connect. The per-message cost of the connection scope is one `Map` lookup.
 */
export declare class InstanceSource {
    #private;
    /** The singleton instance, or null for the connection scope. */
    readonly singleton: object | null;
    private readonly target;
    private readonly root;
    constructor(
    /** The singleton instance, or null for the connection scope. */
    singleton: object | null, target: ResolvableClass | null, root: DependencyContainer | null);
    /** The instance serving `socket`, or undefined once its connection is closed. */
    instanceFor(socket: Socket): object | undefined;
    /** True when instances are created per connection. */
    get isPerConnection(): boolean;
    /**
     * Creates the instance of a new connection from a child container, in which the socket is registered as
     * {@link CONNECTION_SOCKET} so that connection-scoped services can ask for it.
     */
    open(socket: Socket): void;
    /**
     * A guard or interceptor class resolved from the connection's child container, once per connection (cached in
     * the connection's entry). Throws `DisconnectedError` once the connection is closed.
     */
    resolveFor(socket: Socket, token: ResolvableClass): object;
    /**
     * Forgets and disposes the instance of a closed connection. `container.dispose()` calls `dispose()` on every
     * disposable the child container created, the namespace instance included, so it is not called twice here.
     */
    close(socket: Socket): void;
}
