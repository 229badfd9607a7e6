import { type DependencyContainer } from 'tsyringe';
import type { ServerNamespace } from '../namespace/server-namespace';
import type { RouteTable } from '../namespace/route-table';
import { type NamespacePath } from '../../decorators/metadata';
import { type ResolvableClass } from './connection-scope';
import type { Guard } from './guard-context';
import type { Interceptor } from './interceptor';
import { Throttler } from './throttle';
import type { Instrumentation } from '../namespace/instrumentation';
/** A namespace's options once defaults are applied. */
export interface ResolvedNamespaceOptions {
    /** `'singleton'` (default) or `'connection'`. */
    readonly scope: 'singleton' | 'connection';
    /** Default class-validator options of the namespace's payloads (default: none beyond the runtime's). */
    readonly validator: Record<string, unknown> | undefined;
}
/** The server-wide enhancers (`useGlobalGuards`, `useGlobalInterceptors`), resolved, that every route runs first. */
export interface GlobalEnhancers {
    readonly guards: readonly Guard[];
    readonly guardNames: readonly string[];
    readonly interceptors: readonly Interceptor[];
}
/** No global enhancers. */
export declare const NO_GLOBAL_ENHANCERS: GlobalEnhancers;
/** The result of compiling one namespace class or instance. */
export interface CompiledNamespace {
    /** The namespace path (`/chat`), or the dynamic path it serves (`/tenant/:id`, a RegExp, a function). */
    readonly path: NamespacePath;
    /** The compiled class's name, for messages (`Chat`). */
    readonly name: string;
    /** The routes, connect / disconnect hooks and error handler to install with `ServerNamespace.install`. */
    readonly table: RouteTable;
    readonly options: ResolvedNamespaceOptions;
    /** The singleton instance (null for `scope: 'connection'`). */
    readonly instance: object | null;
    /** Gives the singleton its `ServerNamespace`; call it once the table is installed. */
    bind(nsp: ServerNamespace): void;
    /** @internal The routes' throttles (their state is what the bounded-state tests read). */
    readonly throttlers: readonly Throttler[];
}
/** Any class (that tsyringe can resolve). */
type Constructor = ResolvableClass;
/**
 * Compiles decorated namespace classes (or instances, as Flask's `on_namespace`) into route tables. It reads the
 * metadata contract once, resolves the class and its guards through tsyringe, compiles every payload class, and
 * fails with a `ConfigurationError` naming the class and method for every mistake it can see. Nothing it returns
 * reads metadata or touches the container per message.
 */
export declare class NamespaceExplorer {
    #private;
    /**
     * @param container the root container (default: tsyringe's global `container`).
     * @param instrumentation the server's, to trace guards and validation (see `instrument-stages.ts`), or null.
     */
    constructor(container?: DependencyContainer, instrumentation?: Instrumentation | null);
    /** Compiles a class (resolved through the container) or a ready instance, inside the server's global enhancers. */
    compile(target: Constructor | object, globals?: GlobalEnhancers): CompiledNamespace;
}
/**
 * Compiles `target` and installs it on `server.of(path)`: what `Server.register` does.
 */
export declare function registerNamespace(server: {
    of(path: NamespacePath): ServerNamespace;
    readonly instrumentation?: Instrumentation | null;
}, target: Constructor | object, container?: DependencyContainer, globals?: GlobalEnhancers): CompiledNamespace;
export {};
