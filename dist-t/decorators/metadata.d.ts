/**
 * The metadata contract between the decorators and the runtime. This file owns the symbol keys, the shape of every
 * record and the functions that read them; decorators write only through {@link recordFor} and the runtime reads
 * only through the `read*` functions, once, at registration.
 *
 * Records live on the decorated class itself, under a symbol, as a non-enumerable own property. Each class keeps
 * only what was declared on it: inheritance is resolved by the runtime, which walks the prototype chain and lets a
 * subclass's declarations win. Nothing here imports from `src/`.
 */
/** Where each class keeps its own record (fastify `lib/symbols.js` style: one place for every key). */
export declare const kClassMetadata: unique symbol;
/** Any class. */
export type Class<T = object> = abstract new (...args: never[]) => T;
/** Instance lifetime of a namespace class. */
export type NamespaceScope = 'singleton' | 'connection';
/** Options of `@Namespace(path, options)`. */
export interface NamespaceDecoratorOptions {
    /**
     * `'singleton'` (default): one instance per server, as in Flask-SocketIO. `'connection'`: one instance per
     * connection, resolved from a child container and disposed on disconnect, so its fields are per-client state.
     */
    scope?: NamespaceScope;
    /** Default class-validator options for every `@Payload()` of the namespace (see `PayloadOptions.validator`). */
    validator?: Record<string, unknown>;
}
/** A guard: a class resolved from the container, or a ready instance, with a `canActivate(context)` method. */
export type GuardToken = Class<{
    canActivate(context: never): unknown;
}> | {
    canActivate(context: never): unknown;
};
/**
 * An interceptor: a class resolved from the container, or a ready instance, with an `intercept(context, next)`
 * method (see `@UseInterceptors`).
 */
export type InterceptorToken = Class<{
    intercept(context: never, next: never): unknown;
}> | {
    intercept(context: never, next: never): unknown;
};
/** Options of `@Throttle()`. */
export interface ThrottleOptions {
    /** How many events one key may send per window. */
    limit: number;
    /** The window's length in ms. */
    windowMs: number;
    /** What is counted: by default the client's connection (its Engine.IO id); any string taken from the context. */
    key?: (context: never) => string;
}
/** A namespace path: a literal, a `/tenant/:id` pattern, a RegExp, or a function of the name and auth payload. */
export type NamespacePath = string | RegExp | ((name: string, auth: Record<string, unknown>) => boolean | PromiseLike<boolean>);
/** What an `@OnError(...)` filter may name: an event, or an error class. */
export type ErrorFilter = string | Class<unknown>;
/** What a parameter decorator injects. */
export type ParamKind = 'payload' | 'socket' | 'sid' | 'ack' | 'context' | 'session' | 'param' | 'custom';
/** Options of `@Payload()`. */
export interface PayloadOptions {
    /** The DTO class; defaults to the parameter's declared type. */
    type?: Class<unknown>;
    /** Which client argument (0-based); defaults to the next one not taken by an earlier parameter. */
    index?: number;
    /** class-validator options, over the defaults `{ forbidUnknownValues: true }`. */
    validator?: Record<string, unknown>;
    /** class-transformer options for `plainToInstance`. */
    transformer?: Record<string, unknown>;
    /** Set to false to skip validation and transformation (the raw argument is passed). Default true. */
    validate?: boolean;
}
/** One decorated parameter. */
export interface ParamRecord {
    readonly index: number;
    readonly kind: ParamKind;
    readonly payload?: PayloadOptions;
    /** `@NspParam(name)`: the namespace parameter's name. */
    readonly name?: string;
    /** `createParamDecorator(factory)`: computes the value from the context. */
    readonly factory?: (context: never) => unknown;
}
/** Everything declared on one class (not its ancestors). */
export interface ClassRecord {
    namespace?: {
        readonly path: NamespacePath;
        readonly options: NamespaceDecoratorOptions;
    };
    /** `@UseGuards` on the class: connect guards, in declaration order. */
    readonly classGuards: GuardToken[];
    /** `@On(event)`: method name to the events it handles. */
    readonly events: Map<string | symbol, string[]>;
    /** `@OnError(...)`: method name to its filters (empty: every error of every event). */
    readonly errorHandlers: Map<string | symbol, ErrorFilter[]>;
    /** `@UseGuards` on a method. */
    readonly methodGuards: Map<string | symbol, GuardToken[]>;
    /** `@UseGuards.everyEvent` (`@UseEventGuards`) on the class: guards of the connect and of every event. */
    readonly eventGuards: GuardToken[];
    /** `@UseInterceptors` on the class, in declaration order. */
    readonly classInterceptors: InterceptorToken[];
    /** `@UseInterceptors` on a method. */
    readonly methodInterceptors: Map<string | symbol, InterceptorToken[]>;
    /** `@Throttle` on the class (every event, each counted apart). */
    classThrottle?: ThrottleOptions;
    /** `@Throttle` on a method. */
    readonly methodThrottles: Map<string | symbol, ThrottleOptions>;
    /** `@OnAny()` and `@OnUnknown()` methods. */
    readonly catchAll: Map<string | symbol, 'any' | 'unknown'>;
    /** Parameter decorators, by method name. */
    readonly params: Map<string | symbol, ParamRecord[]>;
    /**
     * Parameter decorators put where classio cannot inject anything: on a constructor (`method` undefined) or a
     * static method. Kept so that registration can refuse them with the class's name.
     */
    readonly misplacedParams: {
        readonly method: string | symbol | undefined;
        readonly param: ParamRecord;
    }[];
}
/**
 * The record declared on `target` itself, created on first use. Decorators call it with the class (class
 * decorators) or the class of the prototype (member decorators).
 */
export declare function recordFor(target: object): ClassRecord;
/** The record declared on this very class, or undefined: ancestors are not consulted. */
export declare function readOwnMetadata(target: object): Readonly<ClassRecord> | undefined;
/** The nearest `@Namespace` declaration along the prototype chain, or undefined. */
export declare function readNamespace(target: object): ClassRecord['namespace'];
/**
 * The declared parameter types of a method of `prototype` (TypeScript's `design:paramtypes`), or an empty list when
 * reflect-metadata is not loaded or the method has no decorator.
 */
export declare function readParamTypes(prototype: object, method: string | symbol): readonly unknown[];
/**
 * Adds a parameter record, keeping the list sorted by index (decorators run last parameter first). `target` is the
 * prototype for an instance method, and the class itself for a constructor or static method parameter: those are
 * recorded as misplaced, for registration to refuse.
 */
export declare function addParam(target: object, method: string | symbol | undefined, param: ParamRecord): void;
