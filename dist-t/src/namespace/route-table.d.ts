import type { Socket } from './socket';
import type { DisconnectReason } from './disconnect-reason';
import type { SessionState } from '../adapter/adapter';
/**
 * The route table: the interface between the namespace layer (which dispatches packets) and the runtime (which
 * compiles decorated classes and functional handlers into it). The namespace layer never sees decorators; the
 * runtime never sees packets.
 *
 * Everything here is built once, at registration. On the per-message path the dispatcher does one `Map` lookup
 * and calls the compiled functions; an empty stage is `null` and skipped.
 */
/** Answers a client's ack request. Calling it more than once sends nothing more. */
export type AckCallback = (...args: unknown[]) => void;
/**
 * A compiled event handler: guards, payload transformation and the user's method, already bound. It returns the
 * ack answer synchronously or as a promise; a throw or rejection goes to the route's error handler.
 */
export type RouteHandler = (socket: Socket, args: unknown[], ack: AckCallback | null) => unknown;
/**
 * A compiled error handler. It receives the error and the event context; its return value (when not undefined)
 * answers the client's ack. A throw from it is logged and the ack gets the standard error body.
 */
export type ErrorHandler = (error: unknown, socket: Socket, event: string, args: unknown[]) => unknown;
/**
 * A compiled connect hook (class guards, then `on_connect`). Returning or resolving `false`, or throwing, refuses
 * the connection: the client gets CONNECT_ERROR (a `ConnectError`'s message and data, else `unauthorized`).
 */
export type ConnectHook = (socket: Socket) => unknown;
/** A compiled disconnect hook (`on_disconnect`). Its errors are logged. */
export type DisconnectHook = (socket: Socket, reason: DisconnectReason) => unknown;
/**
 * A compiled catch-all (`@OnAny`): called with every event of the namespace before its handler. Its result is not
 * awaited; a throw or rejection goes to the error path (without answering the ack, which is the handler's).
 */
export type AnyHandler = (socket: Socket, event: string, args: unknown[]) => unknown;
/**
 * A compiled `on_session_expired` hook: a session kept for connection state recovery ended without its client
 * coming back. Its errors are logged.
 */
export type SessionExpiredHook = (session: SessionState) => unknown;
/** One event's compiled route. */
export interface Route {
    readonly event: string;
    readonly handle: RouteHandler;
    /**
     * True when the handler answers the ack itself (it takes the ack callback as a parameter): its return value is
     * then not sent.
     */
    readonly answersAck: boolean;
    /** The error handler that covers this event, or null to use the namespace's and then the server's. */
    readonly onError: ErrorHandler | null;
}
/** All the routes of one namespace. */
export interface RouteTable {
    /** The route of an event, if any. */
    readonly routes: ReadonlyMap<string, Route>;
    readonly connect: ConnectHook | null;
    readonly disconnect: DisconnectHook | null;
    /** The `on_session_expired` hook (connection state recovery), null or absent when there is none. */
    readonly sessionExpired?: SessionExpiredHook | null;
    /** The namespace-wide error handler, or null to use the server's default. */
    readonly onError: ErrorHandler | null;
    /** The `@OnAny` catch-all, if any. */
    readonly onAny?: AnyHandler | null;
    /** The `@OnUnknown` route: called with `[event, ...args]` for events nothing else claims. */
    readonly unknown?: Route | null;
}
