import type { DisconnectReason } from '../namespace/disconnect-reason';
import type { RouteTable } from '../namespace/route-table';
import type { GlobalEnhancers } from './explorer';
/**
 * The functional form, `server.on(event, handler, { namespace })` (Flask's `@socketio.on`): the handler receives
 * the client's arguments, its return value answers the ack, and it runs inside the event's context, so
 * `emit()`, `currentSid()`, `currentSession()` and the other context-aware functions work in it. The arguments are
 * `unknown` until the handler narrows them; it may declare their types, unchecked, as a Socket.IO listener may
 * (the method form lets TypeScript compare its parameters bivariantly).
 */
export type FunctionalHandler = {
    handler(...args: unknown[]): unknown;
}['handler'];
/** `server.on('connect', handler)`: called with the client's auth payload; `false` or a throw refuses. */
export type FunctionalConnectHandler = {
    handler(auth: Record<string, unknown>): unknown;
}['handler'];
/** `server.on('disconnect', handler)`: called with the reason the socket ended. */
export type FunctionalDisconnectHandler = {
    handler(reason: DisconnectReason): unknown;
}['handler'];
/**
 * Builds a one-entry route table for a functional handler: a route, or for `connect` (called with the auth
 * payload; `false` or a throw refuses) and `disconnect` (called with the reason) the lifecycle hook.
 */
export declare function compileFunctional(event: string, handler: FunctionalHandler, globals?: GlobalEnhancers): RouteTable;
