import { toAckError, UnknownEventError } from '../errors';
import { createDebug } from '../debug';
import type { AckCallback, AnyHandler, ErrorHandler, Route } from './route-table';
import type { Socket } from './socket';
import type { CatchAllListener, EventListener, PacketMiddleware } from './listeners';
import { isThenable } from './util';
import type { Instrumentation, LogFields } from './instrumentation';

const debug = createDebug('classio:namespace');

/**
 * Several values for one ack answer. A handler's return value answers the ack as one argument; returning
 * `ackArgs(a, b)` answers it with two (Flask's tuple return).
 */
export class AckArguments {
  readonly values: readonly unknown[];

  constructor(values: readonly unknown[]) {
    this.values = values;
  }
}

/**
 * Answers a client's ack with several arguments.
 *
 * @example
 * on_ack(...args: unknown[]) { return ackArgs(...args); } // the client's ack receives the same arguments
 */
export function ackArgs(...values: unknown[]): AckArguments {
  return new AckArguments(values);
}

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
 * The per-message path after decoding (and after the socket's `socket.use` middlewares, see
 * {@link runPacketMiddlewares}): the `@OnAny` handler, the catch-all listeners, one route lookup, then the
 * compiled handler. A synchronous result answers the ack at once; only a thenable result pays for promise
 * callbacks. Errors (thrown or rejected) go to the error handler and never escape: a client that asked for an ack
 * always gets an answer.
 *
 * The `@OnAny` handler comes first and gates the event like a middleware: when it throws, the error takes the
 * error path (error handlers, then the error ack) and no handler runs; when it returns a promise, the event waits
 * for it (only then is a callback allocated) and a rejection takes the same path.
 */
export function dispatchEvent(
  scope: DispatchScope,
  socket: Socket,
  event: string,
  args: unknown[],
  ack: AckCallback | null,
): void {
  const anyHandler = scope.anyHandler;
  if (anyHandler !== null) {
    let result: unknown;
    try {
      result = anyHandler(socket, event, args);
    } catch (err) {
      handleError(scope, null, socket, event, args, ack, err);
      return;
    }
    if (isThenable(result)) {
      scope.handlersInFlight++;
      result.then(
        () => {
          scope.handlersInFlight--;
          if (!socket.disconnected) routeEvent(scope, socket, event, args, ack);
        },
        (err: unknown) => {
          scope.handlersInFlight--;
          handleError(scope, null, socket, event, args, ack, err);
        },
      );
      return;
    }
  }
  routeEvent(scope, socket, event, args, ack);
}

/**
 * Runs one packet through the socket's `socket.use` middlewares (Socket.IO's per-packet middleware), then
 * {@link dispatchEvent}. Only sockets that have middlewares come here: the socket checks, so that the others pay one
 * null check.
 */
export function runPacketMiddlewares(
  scope: DispatchScope,
  socket: Socket,
  middlewares: readonly PacketMiddleware[],
  event: string,
  args: unknown[],
  ack: AckCallback | null,
): void {
  new PacketMiddlewareRun(scope, socket, middlewares, [event, ...args], ack).next();
}

/**
 * One packet going through the socket's middlewares: each gets the packet `[event, ...args]`, which it may change,
 * and `next`; `next()` goes on, `next(err)` or a throw stops the packet and sends `err` down the error path, which
 * answers the ack. Only sockets that have middlewares pay for this object and its `next` function.
 */
class PacketMiddlewareRun {
  #index = 0;

  constructor(
    private readonly scope: DispatchScope,
    private readonly socket: Socket,
    private readonly middlewares: readonly PacketMiddleware[],
    private readonly packet: unknown[],
    private readonly ack: AckCallback | null,
  ) {}

  next(): void {
    if (this.socket.disconnected) return;
    if (this.#index === this.middlewares.length) {
      const [event, ...args] = this.packet;
      dispatchEvent(this.scope, this.socket, String(event), args, this.ack);
      return;
    }
    const middleware = this.middlewares[this.#index++];
    let isCalled = false;
    const next = (err?: unknown) => {
      if (isCalled) return;
      isCalled = true;
      if (err !== undefined && err !== null) this.#fail(err);
      else this.next();
    };
    try {
      const result = middleware(this.packet, next);
      if (isThenable(result)) {
        result.then(undefined, (err: unknown) => {
          if (!isCalled) {
            isCalled = true;
            this.#fail(err);
          }
        });
      }
    } catch (err) {
      if (!isCalled) {
        isCalled = true;
        this.#fail(err);
      }
    }
  }

  #fail(err: unknown): void {
    const [event, ...args] = this.packet;
    handleError(this.scope, null, this.socket, String(event), args, this.ack, err);
  }
}

/** Past the `@OnAny` handler: the catch-all listeners, then the route, the listeners, `@OnUnknown` or the unknown-event answer. */
function routeEvent(
  scope: DispatchScope,
  socket: Socket,
  event: string,
  args: unknown[],
  ack: AckCallback | null,
): void {
  const anyListeners = socket.anyListeners;
  if (anyListeners !== null) callAnyListeners(scope, anyListeners, event, args);

  const route = scope.routes.get(event);
  if (route !== undefined) {
    runRoute(scope, route, socket, event, args, ack);
    return;
  }
  const listeners = socket.listenersOf(event);
  const probe = scope.metricsProbe;
  if (listeners !== undefined && listeners.length > 0) {
    if (probe !== null) probe.eventWithoutRoute(scope.name, event);
    runListeners(scope, listeners, socket, event, args, ack);
    return;
  }
  if (scope.unknownRoute !== null) {
    runRoute(scope, scope.unknownRoute, socket, event, [event, ...args], ack);
    return;
  }
  // Counted under one label: the name is whatever the client sent.
  if (probe !== null) probe.eventWithoutRoute(scope.name, null);
  debug('no handler for event %s in namespace %s', event, scope.name);
  // Without an ack the event is dropped, as Socket.IO drops it. With one, the client is told, so that it does not wait
  // forever; nothing is logged (any client can send any name).
  if (ack !== null) {
    ack(toAckError(new UnknownEventError(`no handler for event "${event}" in namespace ${scope.name}`)));
  }
}

function runRoute(
  scope: DispatchScope,
  route: Route,
  socket: Socket,
  event: string,
  args: unknown[],
  ack: AckCallback | null,
): void {
  let result: unknown;
  try {
    result = route.handle(socket, args, ack);
  } catch (err) {
    handleError(scope, route.onError, socket, event, args, ack, err);
    return;
  }
  const shouldAnswer = ack !== null && !route.answersAck;
  if (isThenable(result)) {
    scope.handlersInFlight++;
    result.then(
      (value) => {
        scope.handlersInFlight--;
        if (shouldAnswer) answerAck(ack, value);
      },
      (err) => {
        scope.handlersInFlight--;
        handleError(scope, route.onError, socket, event, args, ack, err);
      },
    );
  } else if (shouldAnswer) {
    answerAck(ack, result);
  }
}

/** Socket.IO-style listeners receive the arguments, then the ack callback when the client asked for one. */
function runListeners(
  scope: DispatchScope,
  listeners: readonly EventListener[],
  socket: Socket,
  event: string,
  args: unknown[],
  ack: AckCallback | null,
): void {
  const callArgs = ack === null ? args : [...args, ack];
  for (const listener of listeners.length === 1 ? listeners : [...listeners]) {
    try {
      const result = listener(...callArgs);
      if (isThenable(result)) result.then(undefined, (err) => handleError(scope, null, socket, event, args, ack, err));
    } catch (err) {
      handleError(scope, null, socket, event, args, ack, err);
    }
  }
}

function callAnyListeners(
  scope: DispatchScope,
  listeners: readonly CatchAllListener[],
  event: string,
  args: unknown[],
): void {
  for (const listener of listeners) {
    try {
      const result = listener(event, ...args);
      if (isThenable(result)) {
        result.then(undefined, (err: unknown) =>
          scope.logError(`catch-all listener of ${scope.name} failed on "${event}"`, err),
        );
      }
    } catch (err) {
      scope.logError(`catch-all listener of ${scope.name} threw on "${event}"`, err);
    }
  }
}

/**
 * The error path: the route's error handler, else the namespace's, else the server's default. Its return value
 * answers the ack; when it returns nothing, throws, or there is none, the ack gets the standard error body
 * (`{ error: { code, message, data? } }`) and the error is logged unless a handler took it.
 */
export function handleError(
  scope: DispatchScope,
  routeHandler: ErrorHandler | null,
  socket: Socket,
  event: string,
  args: unknown[],
  ack: AckCallback | null,
  err: unknown,
): void {
  const handler = routeHandler ?? scope.onError ?? scope.defaultErrorHandler;
  if (handler === null) {
    scope.logError(`handler of "${event}" in ${scope.name} failed`, err, {
      sid: socket.id,
      namespace: scope.name,
      event,
    });
    if (ack !== null) ack(toAckError(err));
    return;
  }
  let result: unknown;
  try {
    result = handler(err, socket, event, args);
  } catch (handlerErr) {
    failErrorHandler(scope, handler, socket, event, args, ack, err, handlerErr);
    return;
  }
  if (isThenable(result)) {
    result.then(
      (value) => answerError(ack, value, err),
      (handlerErr) => failErrorHandler(scope, handler, socket, event, args, ack, err, handlerErr),
    );
  } else {
    answerError(ack, result, err);
  }
}

function answerError(ack: AckCallback | null, value: unknown, err: unknown): void {
  if (ack === null) return;
  if (value === undefined) ack(toAckError(err));
  else answerAck(ack, value);
}

/**
 * An error handler threw. Rethrowing the very error it was given means "not mine" (an `@OnError` narrowed to
 * other error classes): the server's default handler gets its turn. Anything else is a failure of the handler.
 */
function failErrorHandler(
  scope: DispatchScope,
  handler: ErrorHandler,
  socket: Socket,
  event: string,
  args: unknown[],
  ack: AckCallback | null,
  err: unknown,
  handlerErr: unknown,
): void {
  const fallback = scope.defaultErrorHandler;
  if (handlerErr === err && fallback !== null && fallback !== handler) {
    handleError(scope, fallback, socket, event, args, ack, err);
    return;
  }
  scope.logError(`error handler of ${scope.name} threw while handling "${event}"`, handlerErr, {
    sid: socket.id,
    namespace: scope.name,
    event,
  });
  if (ack !== null) ack(toAckError(err));
}

/** Sends a handler's value as the ack answer: none for undefined, spread for {@link AckArguments}. */
function answerAck(ack: AckCallback, value: unknown): void {
  if (value === undefined) ack();
  else if (value instanceof AckArguments) ack(...value.values);
  else ack(value);
}
