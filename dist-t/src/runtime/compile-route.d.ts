import type { AnyHandler, ConnectHook, DisconnectHook, ErrorHandler, Route } from '../namespace/route-table';
import type { Class, ParamKind } from '../../decorators/metadata';
import { GuardContext, type Guard } from './guard-context';
import type { CompiledPayload } from './payload-validator';
import type { InstanceSource } from './connection-scope';
import type { HandlerMethod } from './describe-class';
import { type Interceptor } from './interceptor';
import type { Throttler } from './throttle';
/** What the handler gets for one parameter. `arg`: the next client argument. */
export interface ParamSlot {
    readonly kind: ParamKind | 'arg';
    /** For `arg` and `payload`: which client argument. */
    readonly argIndex: number;
    readonly payload: CompiledPayload | null;
    /** For `param`: the namespace parameter's name. */
    readonly name?: string;
    /** For `custom`: the `createParamDecorator` factory. */
    readonly factory?: (context: GuardContext) => unknown;
}
/** A compiled method call: where the instance is, how to build the arguments. */
export declare class MethodInvoker {
    /** `Class.method`, for messages. */
    readonly label: string;
    readonly fn: HandlerMethod;
    readonly instances: InstanceSource;
    /** null: the client arguments are passed as they are (no parameter decorator). */
    readonly slots: readonly ParamSlot[] | null;
    /** True when a payload stage may return a promise. */
    readonly isAsync: boolean;
    constructor(
    /** `Class.method`, for messages. */
    label: string, fn: HandlerMethod, instances: InstanceSource, 
    /** null: the client arguments are passed as they are (no parameter decorator). */
    slots: readonly ParamSlot[] | null, 
    /** True when a payload stage may return a promise. */
    isAsync: boolean);
}
/**
 * A compiled event route: throttle, guards (global, class event guards, method), interceptors (global, class,
 * method), then the payloads and the method. Each enhancer stage is null when the route has none, so a route pays
 * one check per absent stage and nothing more.
 */
export declare class RouteState {
    /** The event; `*` for the `@OnUnknown` route, whose arguments start with the event's name. */
    readonly event: string;
    readonly invoker: MethodInvoker;
    readonly guards: readonly Guard[] | null;
    readonly guardNames: readonly string[];
    readonly interceptors: readonly Interceptor[] | null;
    readonly throttle: Throttler | null;
    constructor(
    /** The event; `*` for the `@OnUnknown` route, whose arguments start with the event's name. */
    event: string, invoker: MethodInvoker, guards: readonly Guard[] | null, guardNames: readonly string[], interceptors?: readonly Interceptor[] | null, throttle?: Throttler | null);
}
/**
 * The compiled connect hook: class guards, the connection's instance, then `on_connect`. `scopedGuards` are the
 * `@UseEventGuards` of a connection-scoped namespace: they resolve from the connection's container, so they run
 * once it exists, before `on_connect`.
 */
export declare class ConnectState {
    readonly guards: readonly Guard[] | null;
    readonly guardNames: readonly string[];
    readonly instances: InstanceSource;
    readonly onConnect: MethodInvoker | null;
    readonly scopedGuards: readonly Guard[] | null;
    constructor(guards: readonly Guard[] | null, guardNames: readonly string[], instances: InstanceSource, onConnect: MethodInvoker | null, scopedGuards?: readonly Guard[] | null);
}
/** The compiled disconnect hook: `on_disconnect`, then disposal of the connection's instance. */
export declare class DisconnectState {
    readonly instances: InstanceSource;
    readonly onDisconnect: MethodInvoker | null;
    constructor(instances: InstanceSource, onDisconnect: MethodInvoker | null);
}
/** One `@OnError` method of a chain, with its error-class filter. */
export declare class ErrorEntry {
    readonly invoker: MethodInvoker;
    readonly errorClasses: readonly Class<unknown>[] | null;
    constructor(invoker: MethodInvoker, errorClasses: readonly Class<unknown>[] | null);
}
/**
 * Builds the route of one event (`isUnknown`: the `@OnUnknown` route, which the table keeps apart). The closure
 * is created here, once; per message it only runs.
 */
export declare function createRoute(state: RouteState, answersAck: boolean, onError: ErrorHandler | null, isUnknown?: boolean): Route;
/** Builds the connect hook, or null when there is nothing to run at connect. */
export declare function createConnectHook(state: ConnectState): ConnectHook | null;
/** Builds the disconnect hook, or null when there is nothing to run at disconnect. */
export declare function createDisconnectHook(state: DisconnectState): DisconnectHook | null;
/** Builds an error handler from `@OnError` methods, tried in order; null for an empty chain. */
export declare function createErrorHandler(entries: readonly ErrorEntry[]): ErrorHandler | null;
/** Builds the `@OnAny` catch-all: the method, called with `(event, ...args)` in the event's context. */
export declare function createAnyHandler(invoker: MethodInvoker): AnyHandler;
