import type { Socket } from '../namespace/socket';
/**
 * The request context of Flask without threading it by hand: every compiled handler, guard, error handler and
 * lifecycle hook runs inside `runInContext(context, fn, ...)` (an AsyncLocalStorage run), so the current socket,
 * event and session are reachable from anywhere below it, across `await`s and timers started there.
 */
/** What the context carries for one event (or the connect / disconnect hooks). */
export declare class HandlerContext {
    /** The client's socket in this namespace. */
    readonly socket: Socket;
    /** The event name (`'connect'` / `'disconnect'` for the lifecycle hooks). */
    readonly event: string;
    /** The raw client arguments (without the ack callback); `[auth]` for connect, `[reason]` for disconnect. */
    readonly args: unknown[];
    constructor(
    /** The client's socket in this namespace. */
    socket: Socket, 
    /** The event name (`'connect'` / `'disconnect'` for the lifecycle hooks). */
    event: string, 
    /** The raw client arguments (without the ack callback); `[auth]` for connect, `[reason]` for disconnect. */
    args: unknown[]);
    /** The client's session id in this namespace. */
    get sid(): string;
    /** The per-connection session object (`socket.data`). */
    get session(): Record<string, unknown>;
    /** True when the client recovered its session (connection state recovery): same sid, rooms and session. */
    get recovered(): boolean;
}
/** Runs `fn(a, b, c, d)` inside `context`: what every compiled handler, guard and hook goes through. */
export declare function runInContext<A, B, C, D, R>(context: HandlerContext, fn: (a: A, b: B, c: C, d: D) => R, a: A, b: B, c: C, d: D): R;
/** The context of the event being handled, or undefined outside a handler. */
export declare function currentContext(): HandlerContext | undefined;
/** The context of the event being handled; throws a `UsageError` outside a handler. */
export declare function requireContext(caller: string): HandlerContext;
/** The current client's socket. Throws outside a handler. */
export declare function currentSocket(): Socket;
/** The current client's sid in this namespace (Flask's `request.sid`). Throws outside a handler. */
export declare function currentSid(): string;
/** The event being handled (Flask's `request.event`). Throws outside a handler. */
export declare function currentEvent(): string;
/** The current connection's session object (`socket.data`, Flask's `session`). Throws outside a handler. */
export declare function currentSession<T extends Record<string, unknown> = Record<string, unknown>>(): T;
