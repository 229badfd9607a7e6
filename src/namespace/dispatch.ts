import { toAckError, UnknownEventError } from '../errors';
import { createDebug } from '../debug';
import type { AckCallback, ErrorHandler, Route } from './route-table';
import type { Socket } from './socket';
import { isThenable } from './util';

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
 * The per-message path after decoding: one route lookup, then the compiled handler. A synchronous result answers
 * the ack at once; only a thenable result pays for promise callbacks. Errors (thrown or rejected) go to the error
 * handler and never escape: a client that asked for an ack always gets an answer.
 */
export function dispatchEvent(socket: Socket, event: string, args: unknown[], ack: AckCallback | null): void {
  const anyListeners = socket.anyListeners;
  if (anyListeners !== null) callAnyListeners(socket, anyListeners, event, args);

  const route = socket.nsp.routes.get(event);
  if (route !== undefined) {
    runRoute(route, socket, event, args, ack);
    return;
  }
  const listeners = socket.listenersOf(event);
  if (listeners !== undefined && listeners.length > 0) {
    runListeners(listeners, socket, event, args, ack);
    return;
  }
  debug('no handler for event %s in namespace %s', event, socket.nsp.name);
  // Without an ack the event is dropped, as Socket.IO drops it. With one, the client is told, so that it does not wait
  // forever; nothing is logged (any client can send any name).
  if (ack !== null) {
    ack(toAckError(new UnknownEventError(`no handler for event "${event}" in namespace ${socket.nsp.name}`)));
  }
}

function runRoute(route: Route, socket: Socket, event: string, args: unknown[], ack: AckCallback | null): void {
  let result: unknown;
  try {
    result = route.handle(socket, args, ack);
  } catch (err) {
    handleError(route.onError, socket, event, args, ack, err);
    return;
  }
  const shouldAnswer = ack !== null && !route.answersAck;
  if (isThenable(result)) {
    // Counted so that a graceful `server.close({ timeout })` can wait for asynchronous handlers to finish.
    const nsp = socket.nsp;
    nsp.handlersInFlight++;
    result.then(
      (value) => {
        nsp.handlersInFlight--;
        if (shouldAnswer) answerAck(ack, value);
      },
      (err) => {
        nsp.handlersInFlight--;
        handleError(route.onError, socket, event, args, ack, err);
      },
    );
  } else if (shouldAnswer) {
    answerAck(ack, result);
  }
}

/** Socket.IO-style listeners receive the arguments, then the ack callback when the client asked for one. */
function runListeners(
  listeners: readonly ((...a: unknown[]) => unknown)[],
  socket: Socket,
  event: string,
  args: unknown[],
  ack: AckCallback | null,
): void {
  const callArgs = ack === null ? args : [...args, ack];
  for (const listener of listeners.length === 1 ? listeners : [...listeners]) {
    try {
      const result = listener(...callArgs);
      if (isThenable(result)) result.then(undefined, (err) => handleError(null, socket, event, args, ack, err));
    } catch (err) {
      handleError(null, socket, event, args, ack, err);
    }
  }
}

function callAnyListeners(
  socket: Socket,
  listeners: readonly ((...a: unknown[]) => unknown)[],
  event: string,
  args: unknown[],
): void {
  for (const listener of listeners) {
    try {
      listener(event, ...args);
    } catch (err) {
      socket.nsp.server.logError(`catch-all listener of ${socket.nsp.name} threw on "${event}"`, err);
    }
  }
}

/**
 * The error path: the route's error handler, else the namespace's, else the server's default. Its return value
 * answers the ack; when it returns nothing, throws, or there is none, the ack gets the standard error body
 * (`{ error: { code, message, data? } }`) and the error is logged unless a handler took it.
 */
export function handleError(
  routeHandler: ErrorHandler | null,
  socket: Socket,
  event: string,
  args: unknown[],
  ack: AckCallback | null,
  err: unknown,
): void {
  const nsp = socket.nsp;
  const handler = routeHandler ?? nsp.onError ?? nsp.server.defaultErrorHandler;
  if (handler === null) {
    nsp.server.logError(`handler of "${event}" in ${nsp.name} failed`, err);
    if (ack !== null) ack(toAckError(err));
    return;
  }
  let result: unknown;
  try {
    result = handler(err, socket, event, args);
  } catch (handlerErr) {
    failErrorHandler(handler, socket, event, args, ack, err, handlerErr);
    return;
  }
  if (isThenable(result)) {
    result.then(
      (value) => answerError(ack, value, err),
      (handlerErr) => failErrorHandler(handler, socket, event, args, ack, err, handlerErr),
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
  handler: ErrorHandler,
  socket: Socket,
  event: string,
  args: unknown[],
  ack: AckCallback | null,
  err: unknown,
  handlerErr: unknown,
): void {
  const fallback = socket.nsp.server.defaultErrorHandler;
  if (handlerErr === err && fallback !== null && fallback !== handler) {
    handleError(fallback, socket, event, args, ack, err);
    return;
  }
  socket.nsp.server.logError(`error handler of ${socket.nsp.name} threw while handling "${event}"`, handlerErr);
  if (ack !== null) ack(toAckError(err));
}

/** Sends a handler's value as the ack answer: none for undefined, spread for {@link AckArguments}. */
export function answerAck(ack: AckCallback, value: unknown): void {
  if (value === undefined) ack();
  else if (value instanceof AckArguments) ack(...value.values);
  else ack(value);
}
