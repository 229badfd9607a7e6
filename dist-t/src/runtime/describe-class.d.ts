import { type Class, type GuardToken, type InterceptorToken, type ThrottleOptions, type ParamRecord } from '../../decorators/metadata';
/**
 * Reads a namespace class's metadata once, at registration, and resolves inheritance: the classes are visited from
 * the farthest ancestor to the class itself, and each level's declarations replace its parent's. Within one class
 * a decorator beats an `on_<event>` method name, and two methods claiming one event are an error.
 */
/**
 * A method of a namespace class as the runtime calls it: on the instance, with the arguments its compiled slots
 * build from what the client sent (untyped on the wire, whatever the method declares).
 */
export type HandlerMethod = (this: unknown, ...args: unknown[]) => unknown;
/** A method that handles an event, with what the runtime needs to compile it. */
export interface MethodDescription {
    readonly name: string | symbol;
    /** `Class.method`, for messages. */
    readonly label: string;
    /** The method as found on the class's prototype (the most derived definition). */
    readonly fn: HandlerMethod;
    readonly guards: readonly GuardToken[];
    /** The method's own `@UseInterceptors` (the nearest declaration along the chain). */
    readonly interceptors: readonly InterceptorToken[];
    /** The method's own `@Throttle`, or undefined. */
    readonly throttle: ThrottleOptions | undefined;
    readonly params: readonly ParamRecord[];
    readonly paramTypes: readonly unknown[];
}
/** An `@OnError` method. */
export interface ErrorHandlerDescription extends MethodDescription {
    /** The events it covers; null for all. */
    readonly events: ReadonlySet<string> | null;
    /** The error classes it covers; null for all. */
    readonly errorClasses: readonly Class<unknown>[] | null;
}
/** Everything the explorer compiles for one class. */
export interface ClassDescription {
    readonly events: ReadonlyMap<string, MethodDescription>;
    readonly connect: MethodDescription | null;
    readonly disconnect: MethodDescription | null;
    /** `on_session_expired`: a session kept for connection state recovery ended without its client. */
    readonly sessionExpired: MethodDescription | null;
    readonly classGuards: readonly GuardToken[];
    /** `@UseEventGuards`: farthest ancestor first. */
    readonly eventGuards: readonly GuardToken[];
    /** `@UseInterceptors` of the classes, farthest ancestor first (outermost). */
    readonly classInterceptors: readonly InterceptorToken[];
    /** The nearest class `@Throttle`, or undefined. */
    readonly classThrottle: ThrottleOptions | undefined;
    /** The `@OnAny` and `@OnUnknown` methods (the most derived declaration of each). */
    readonly onAny: MethodDescription | null;
    readonly onUnknown: MethodDescription | null;
    /** Most derived class first, declaration order within a class. */
    readonly errorHandlers: readonly ErrorHandlerDescription[];
}
/** Reads and merges the metadata of `target` and its ancestors. */
export declare function describeClass(target: Class): ClassDescription;
