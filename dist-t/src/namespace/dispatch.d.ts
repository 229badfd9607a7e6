import type { AckCallback, AnyHandler, ErrorHandler, Route } from './route-table';
import type { Socket } from './socket';
import type { Instrumentation, LogFields } from './instrumentation';
/**
 * Several values for one ack answer. A handler's return value answers the ack as one argument; returning
 * `ackArgs(a, b)` answers it with two (Flask's tuple return).
 */
export declare class AckArguments {
    readonly values: readonly unknown[];
    constructor(values: readonly unknown[]);
}
/**
 * Answers a client's ack with several arguments.
 *
 * @example
 * on_ack(...args: unknown[]) { return ackArgs(...args); } // the client's ack receives the same arguments
 */
export declare function ackArgs(...values: unknown[]): AckArguments;
/**
 * What dispatching needs of the namespace an event arrived in, handed to it explicitly (the namespace implements
 * it): its routes, its error handlers and where errors nobody handles go. Dispatch reads nothing else of the
 * namespace or the server.
 */
export interface DispatchScope {
    /** The namespace's name, for messages. */
    readonly name: string;
    /** The compiled routes, by event name. */
    readonly routes: ReadonlyMap<string, Route>;
    /** The namespace-wide error handler, or null. */
    readonly onError: ErrorHandler | null;
    /** The `@OnAny` catch-all, or null. */
    readonly anyHandler: AnyHandler | null;
    /** The `@OnUnknown` route, or null: events no route or listener claims then get the unknown-event answer. */
    readonly unknownRoute: Route | null;
    /** The server-wide error handler (Flask's `on_error_default`), or null. */
    readonly defaultErrorHandler: ErrorHandler | null;
    /** Reports an error nobody handled, with where it happened when known; never throws. */
    logError(message: string, err: unknown, fields?: LogFields): void;
    /** The instrumentation when it records metrics, else null (events without a route are counted through it). */
    readonly metricsProbe: Instrumentation | null;
    /** Asynchronous route handlers that have not settled yet: a graceful `server.close({ timeout })` waits for them. */
    handlersInFlight: number;
}
/**
 * The per-message path after decoding: one route lookup, then the compiled handler. A synchronous result answers
 * the ack at once; only a thenable result pays for promise callbacks. Errors (thrown or rejected) go to the error
 * handler and never escape: a client that asked for an ack always gets an answer.
 */
export declare function dispatchEvent(scope: DispatchScope, socket: Socket, event: string, args: unknown[], ack: AckCallback | null): void;
/**
 * The error path: the route's error handler, else the namespace's, else the server's default. Its return value
 * answers the ack; when it returns nothing, throws, or there is none, the ack gets the standard error body
 * (`{ error: { code, message, data? } }`) and the error is logged unless a handler took it.
 */
export declare function handleError(scope: DispatchScope, routeHandler: ErrorHandler | null, socket: Socket, event: string, args: unknown[], ack: AckCallback | null, err: unknown): void;
