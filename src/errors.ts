/**
 * The error catalogue. Every error classio raises is one of these kinds, and every code starts with
 * `CLASSIO_ERR_`. The README's error table is kept in step with `ERROR_CODES` by a test, and so is the rule that
 * nothing in `src/` or `decorators/` throws a plain `Error` or `TypeError`.
 *
 * - {@link ConfigurationError}: a mistake in options or registration, thrown synchronously at startup.
 * - {@link UsageError}: a call made the wrong way (a reserved event name, a missing argument, a context function
 *   outside a handler), thrown synchronously by that call.
 * - {@link ProtocolError}: a request the Engine.IO layer refuses, carrying the protocol's code 0-5.
 * - {@link ConnectError}: a refused namespace CONNECT; the client receives it as `connect_error`.
 * - {@link HandlerError} and its kinds: failures while handling an event; they reach the namespace's error
 *   handler and, when the client asked for an ack, answer it as `{ error: { code, message, data } }`.
 */

/** Base class: a stable string `code`, a message that names what was expected, and the wrapped `cause`. */
export class ClassioError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** Options or registration are wrong; raised before the server accepts any client. */
export class ConfigurationError extends ClassioError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CLASSIO_ERR_CONFIG', message, options);
  }
}

/**
 * A call made the wrong way, found when it is made: emitting a reserved event name or a Blob, an acknowledged emit
 * without its callback, a context function (`currentSocket()`, `emit()` without a sid, ...) called outside an event
 * handler, a namespace instance used before it is registered. The message names the call and what it expected.
 */
export class UsageError extends ClassioError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CLASSIO_ERR_USAGE', message, options);
  }
}

/**
 * Engine.IO error codes (engine.io-protocol, "Errors"): the JSON body is `{ code, message }` and the HTTP status
 * is 400, except `Forbidden` (403).
 */
export const ENGINE_ERRORS = {
  0: { message: 'Transport unknown', status: 400 },
  1: { message: 'Session ID unknown', status: 400 },
  2: { message: 'Bad handshake method', status: 400 },
  3: { message: 'Bad request', status: 400 },
  4: { message: 'Forbidden', status: 403 },
  5: { message: 'Unsupported protocol version', status: 400 },
} as const;

export type EngineErrorCode = keyof typeof ENGINE_ERRORS;

/** A request the Engine.IO layer refuses. `engineCode` is the protocol's number, sent in the JSON body. */
export class ProtocolError extends ClassioError {
  readonly engineCode: EngineErrorCode;
  /** Extra context for logs and `connection_error` listeners (never sent to the client). */
  readonly context: Record<string, unknown>;

  constructor(engineCode: EngineErrorCode, context: Record<string, unknown> = {}, message?: string) {
    super('CLASSIO_ERR_PROTOCOL', message ?? ENGINE_ERRORS[engineCode].message);
    this.engineCode = engineCode;
    this.context = context;
  }

  /** HTTP status of the error response (400, or 403 for Forbidden). */
  get status(): number {
    return ENGINE_ERRORS[this.engineCode].status;
  }
}

/**
 * A refused namespace connection. The client receives CONNECT_ERROR `{ message, data }` and its
 * `connect_error` listener sees `err.message` and `err.data`.
 */
export class ConnectError extends ClassioError {
  readonly data: unknown;

  constructor(message: string, data?: unknown, options?: { cause?: unknown }) {
    super('CLASSIO_ERR_CONNECT', message, options);
    this.data = data;
  }
}

/** Base of failures while handling an event; routed to the namespace's error handler. */
export class HandlerError extends ClassioError {
  /** Safe, client-visible details (for example the failing properties of a DTO). */
  readonly data: unknown;

  constructor(code: string, message: string, data?: unknown, options?: { cause?: unknown }) {
    super(code, message, options);
    this.data = data;
  }
}

/** A payload did not validate against its DTO class; `data` lists `{ property, constraints }`. */
export class ValidationError extends HandlerError {
  constructor(message: string, data: unknown) {
    super('CLASSIO_ERR_VALIDATION', message, data);
  }
}

/** A method guard refused the event. */
export class ForbiddenError extends HandlerError {
  constructor(message = 'forbidden', data?: unknown, options?: { cause?: unknown }) {
    super('CLASSIO_ERR_FORBIDDEN', message, data, options);
  }
}

/**
 * A client went past an `@Throttle` limit: the handler did not run. `data.retryAfterMs` says in how many ms the
 * window ends and the key may send again.
 */
export class ThrottledError extends HandlerError {
  declare readonly data: { readonly retryAfterMs: number };

  constructor(message: string, retryAfterMs: number) {
    super('CLASSIO_ERR_THROTTLED', message, { retryAfterMs });
  }
}

/** The handler threw or rejected with something that is not a classio error; the original is the `cause`. */
export class InternalHandlerError extends HandlerError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CLASSIO_ERR_HANDLER', message, undefined, options);
  }
}

/**
 * The client asked for an ack on an event that nothing in its namespace handles (no route, no `socket.on` listener).
 * Its ack is answered with this error, so that a client never waits forever; it reaches no error handler and is not
 * logged, since any client can send any event name.
 */
export class UnknownEventError extends HandlerError {
  constructor(message: string) {
    super('CLASSIO_ERR_UNKNOWN_EVENT', message);
  }
}

/** The client did not answer a server-to-client ack (`call()`, `emitWithAck`) in time. */
export class AckTimeoutError extends ClassioError {
  constructor(message = 'operation has timed out') {
    super('CLASSIO_ERR_ACK_TIMEOUT', message);
  }
}

/**
 * A server-to-client ack could not be registered: the socket already waits for `maxPendingAcks` answers. The emit
 * is not sent; a client that never answers cannot make the server hold an unbounded number of callbacks.
 */
export class AckLimitError extends ClassioError {
  constructor(message: string) {
    super('CLASSIO_ERR_ACK_LIMIT', message);
  }
}

/** The socket disconnected (or was never connected) while an ack was pending or an emit was attempted. */
export class DisconnectedError extends ClassioError {
  constructor(message = 'socket has been disconnected') {
    super('CLASSIO_ERR_DISCONNECTED', message);
  }
}

/**
 * A cluster operation failed: Redis is unreachable, or not every other server answered a cluster request
 * (`fetchSockets`, `allSockets`, `serverSideEmit` with an ack) in time. The message says which and how many.
 */
export class ClusterError extends ClassioError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CLASSIO_ERR_CLUSTER', message, options);
  }
}

/** Every code with the situation that raises it; the README's table is checked against this list. */
export const ERROR_CODES: Readonly<Record<string, string>> = {
  CLASSIO_ERR_CONFIG: 'invalid option or registration mistake, thrown at startup',
  CLASSIO_ERR_USAGE:
    'a call made the wrong way (reserved event name, missing argument, outside a handler), thrown by it',
  CLASSIO_ERR_PROTOCOL: 'Engine.IO request refused (HTTP 400/403 with {code, message}, codes 0-5)',
  CLASSIO_ERR_CONNECT: 'namespace connection refused (client: connect_error with message and data)',
  CLASSIO_ERR_VALIDATION: 'payload failed DTO validation (ack: {error:{code, message, data}})',
  CLASSIO_ERR_FORBIDDEN: 'a guard (global, event or method guard) refused the event',
  CLASSIO_ERR_THROTTLED: 'an @Throttle limit was reached; data.retryAfterMs says when to retry',
  CLASSIO_ERR_HANDLER: 'the handler threw or rejected',
  CLASSIO_ERR_UNKNOWN_EVENT: 'the client asked for an ack on an event nothing handles (ack: {error:{code, message}})',
  CLASSIO_ERR_ACK_TIMEOUT: 'the client did not answer an ack in time',
  CLASSIO_ERR_DISCONNECTED: 'the socket disconnected before an ack arrived',
  CLASSIO_ERR_ACK_LIMIT: 'a socket already awaits maxPendingAcks answers; the new acknowledged emit is refused',
  CLASSIO_ERR_CLUSTER: 'a cluster request failed: Redis unreachable, or a server did not answer in time',
};

/** The wire shape of an error answered through an ack: `[{ error: { code, message, data? } }]`. */
export interface AckErrorBody {
  error: { code: string; message: string; data?: unknown };
}

/**
 * What a client reads for an error that is not a classio error (a bug, a library's failure): its message stays on the
 * server, in the log, since it may name files, queries or data (the same text as a failed connect's).
 */
const UNEXPECTED_ERROR_MESSAGE = 'server error';

/**
 * Builds the ack answer for an error without leaking internals. A classio error (`HandlerError` and its kinds, which
 * a handler may throw to tell the client why) keeps its code, message and data; anything else becomes
 * CLASSIO_ERR_HANDLER with the message `server error`.
 */
export function toAckError(err: unknown): AckErrorBody {
  if (err instanceof HandlerError) {
    return err.data === undefined
      ? { error: { code: err.code, message: err.message } }
      : { error: { code: err.code, message: err.message, data: err.data } };
  }
  if (err instanceof ClassioError) return { error: { code: err.code, message: err.message } };
  return { error: { code: 'CLASSIO_ERR_HANDLER', message: UNEXPECTED_ERROR_MESSAGE } };
}
