import type { Socket } from '../namespace/socket';
import type { DisconnectReason } from '../namespace/disconnect-reason';
import type { Route, RouteTable } from '../namespace/route-table';
import { ConfigurationError } from '../errors';
import { HandlerContext, runInContext } from './context';
import { UNROUTABLE_EVENTS } from '../namespace/util';
import { createRoute, MethodInvoker, RouteState } from './compile-route';
import { InstanceSource } from './connection-scope';
import type { GlobalEnhancers } from './explorer';

/**
 * The functional form, `server.on(event, handler, { namespace })` (Flask's `@socketio.on`): the handler receives
 * the client's arguments, its return value answers the ack, and it runs inside the event's context, so
 * `emit()`, `currentSid()`, `currentSession()` and the other context-aware functions work in it. The arguments are
 * `unknown` until the handler narrows them; it may declare their types, unchecked, as a Socket.IO listener may
 * (the method form lets TypeScript compare its parameters bivariantly).
 */
export type FunctionalHandler = { handler(...args: unknown[]): unknown }['handler'];

/** `server.on('connect', handler)`: called with the client's auth payload; `false` or a throw refuses. */
export type FunctionalConnectHandler = { handler(auth: Record<string, unknown>): unknown }['handler'];

/** `server.on('disconnect', handler)`: called with the reason the socket ended. */
export type FunctionalDisconnectHandler = { handler(reason: DisconnectReason): unknown }['handler'];

/** What `this` is in a functional handler compiled inside global enhancers (nothing: it takes no `this`). */
const FUNCTIONAL_THIS = Object.freeze({});

function applyHandler(handler: FunctionalHandler, args: unknown[]): unknown {
  return handler(...args);
}

/** Builds the route of a functional handler for `event` (not `connect` / `disconnect`: see `compileFunctional`). */
function createFunctionalRoute(event: string, handler: FunctionalHandler, globals: GlobalEnhancers | undefined): Route {
  if (typeof event !== 'string' || event.length === 0) {
    throw new ConfigurationError('server.on(event, handler): the event must be a non-empty string');
  }
  if (typeof handler !== 'function') {
    throw new ConfigurationError(`server.on("${event}", handler): the handler must be a function`);
  }
  if (UNROUTABLE_EVENTS.has(event)) {
    throw new ConfigurationError(
      `server.on("${event}"): "${event}" is reserved by Socket.IO and no client can send it; ` +
        'listen to it with socket.on() in a "connection" listener',
    );
  }
  if (globals !== undefined && (globals.guards.length > 0 || globals.interceptors.length > 0)) {
    // With global enhancers the handler is compiled as a class method is, inside them.
    const invoker = new MethodInvoker(
      `server.on("${event}")`,
      handler,
      new InstanceSource(FUNCTIONAL_THIS, null, null),
      null,
      false,
    );
    const state = new RouteState(
      event,
      invoker,
      globals.guards.length > 0 ? globals.guards : null,
      globals.guardNames,
      globals.interceptors.length > 0 ? globals.interceptors : null,
    );
    return createRoute(state, false, null);
  }
  const handle = (socket: Socket, args: unknown[]) =>
    runInContext(new HandlerContext(socket, event, args), applyHandler, handler, args, undefined, undefined);
  return Object.freeze({ event, handle, answersAck: false, onError: null });
}

/**
 * Builds a one-entry route table for a functional handler: a route, or for `connect` (called with the auth
 * payload; `false` or a throw refuses) and `disconnect` (called with the reason) the lifecycle hook.
 */
export function compileFunctional(event: string, handler: FunctionalHandler, globals?: GlobalEnhancers): RouteTable {
  if (event === 'connect') {
    return Object.freeze({
      routes: new Map(),
      connect: (socket: Socket) => {
        const args = [socket.handshake.auth];
        return runInContext(new HandlerContext(socket, event, args), applyHandler, handler, args, undefined, undefined);
      },
      disconnect: null,
      onError: null,
    });
  }
  if (event === 'disconnect') {
    return Object.freeze({
      routes: new Map(),
      connect: null,
      disconnect: (socket: Socket, reason: DisconnectReason) => {
        const args: unknown[] = [reason];
        return runInContext(new HandlerContext(socket, event, args), applyHandler, handler, args, undefined, undefined);
      },
      onError: null,
    });
  }
  const route = createFunctionalRoute(event, handler, globals);
  return Object.freeze({ routes: new Map([[event, route]]), connect: null, disconnect: null, onError: null });
}
