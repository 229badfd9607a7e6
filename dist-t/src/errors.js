"use strict";
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
Object.defineProperty(exports, "__esModule", { value: true });
exports.ERROR_CODES = exports.ClusterError = exports.DisconnectedError = exports.AckLimitError = exports.AckTimeoutError = exports.UnknownEventError = exports.InternalHandlerError = exports.ThrottledError = exports.ForbiddenError = exports.ValidationError = exports.HandlerError = exports.ConnectError = exports.ProtocolError = exports.ENGINE_ERRORS = exports.UsageError = exports.ConfigurationError = exports.ClassioError = void 0;
exports.toAckError = toAckError;
/** Base class: a stable string `code`, a message that names what was expected, and the wrapped `cause`. */
class ClassioError extends Error {
    constructor(code, message, options) {
        super(message, options);
        this.code = code;
        this.name = new.target.name;
    }
}
exports.ClassioError = ClassioError;
/** Options or registration are wrong; raised before the server accepts any client. */
class ConfigurationError extends ClassioError {
    constructor(message, options) {
        super('CLASSIO_ERR_CONFIG', message, options);
    }
}
exports.ConfigurationError = ConfigurationError;
/**
 * A call made the wrong way, found when it is made: emitting a reserved event name or a Blob, an acknowledged emit
 * without its callback, a context function (`currentSocket()`, `emit()` without a sid, ...) called outside an event
 * handler, a namespace instance used before it is registered. The message names the call and what it expected.
 */
class UsageError extends ClassioError {
    constructor(message, options) {
        super('CLASSIO_ERR_USAGE', message, options);
    }
}
exports.UsageError = UsageError;
/**
 * Engine.IO error codes (engine.io-protocol, "Errors"): the JSON body is `{ code, message }` and the HTTP status
 * is 400, except `Forbidden` (403).
 */
exports.ENGINE_ERRORS = {
    0: { message: 'Transport unknown', status: 400 },
    1: { message: 'Session ID unknown', status: 400 },
    2: { message: 'Bad handshake method', status: 400 },
    3: { message: 'Bad request', status: 400 },
    4: { message: 'Forbidden', status: 403 },
    5: { message: 'Unsupported protocol version', status: 400 },
};
/** A request the Engine.IO layer refuses. `engineCode` is the protocol's number, sent in the JSON body. */
class ProtocolError extends ClassioError {
    constructor(engineCode, context = {}, message) {
        super('CLASSIO_ERR_PROTOCOL', message ?? exports.ENGINE_ERRORS[engineCode].message);
        this.engineCode = engineCode;
        this.context = context;
    }
    /** HTTP status of the error response (400, or 403 for Forbidden). */
    get status() {
        return exports.ENGINE_ERRORS[this.engineCode].status;
    }
}
exports.ProtocolError = ProtocolError;
/**
 * A refused namespace connection. The client receives CONNECT_ERROR `{ message, data }` and its
 * `connect_error` listener sees `err.message` and `err.data`.
 */
class ConnectError extends ClassioError {
    constructor(message, data, options) {
        super('CLASSIO_ERR_CONNECT', message, options);
        this.data = data;
    }
}
exports.ConnectError = ConnectError;
/** Base of failures while handling an event; routed to the namespace's error handler. */
class HandlerError extends ClassioError {
    constructor(code, message, data, options) {
        super(code, message, options);
        this.data = data;
    }
}
exports.HandlerError = HandlerError;
/** A payload did not validate against its DTO class; `data` lists `{ property, constraints }`. */
class ValidationError extends HandlerError {
    constructor(message, data) {
        super('CLASSIO_ERR_VALIDATION', message, data);
    }
}
exports.ValidationError = ValidationError;
/** A method guard refused the event. */
class ForbiddenError extends HandlerError {
    constructor(message = 'forbidden', data, options) {
        super('CLASSIO_ERR_FORBIDDEN', message, data, options);
    }
}
exports.ForbiddenError = ForbiddenError;
/**
 * A client went past an `@Throttle` limit: the handler did not run. `data.retryAfterMs` says in how many ms the
 * window ends and the key may send again.
 */
class ThrottledError extends HandlerError {
    constructor(message, retryAfterMs) {
        super('CLASSIO_ERR_THROTTLED', message, { retryAfterMs });
    }
}
exports.ThrottledError = ThrottledError;
/** The handler threw or rejected with something that is not a classio error; the original is the `cause`. */
class InternalHandlerError extends HandlerError {
    constructor(message, options) {
        super('CLASSIO_ERR_HANDLER', message, undefined, options);
    }
}
exports.InternalHandlerError = InternalHandlerError;
/**
 * The client asked for an ack on an event that nothing in its namespace handles (no route, no `socket.on` listener).
 * Its ack is answered with this error, so that a client never waits forever; it reaches no error handler and is not
 * logged, since any client can send any event name.
 */
class UnknownEventError extends HandlerError {
    constructor(message) {
        super('CLASSIO_ERR_UNKNOWN_EVENT', message);
    }
}
exports.UnknownEventError = UnknownEventError;
/** The client did not answer a server-to-client ack (`call()`, `emitWithAck`) in time. */
class AckTimeoutError extends ClassioError {
    constructor(message = 'operation has timed out') {
        super('CLASSIO_ERR_ACK_TIMEOUT', message);
    }
}
exports.AckTimeoutError = AckTimeoutError;
/**
 * A server-to-client ack could not be registered: the socket already waits for `maxPendingAcks` answers. The emit
 * is not sent; a client that never answers cannot make the server hold an unbounded number of callbacks.
 */
class AckLimitError extends ClassioError {
    constructor(message) {
        super('CLASSIO_ERR_ACK_LIMIT', message);
    }
}
exports.AckLimitError = AckLimitError;
/** The socket disconnected (or was never connected) while an ack was pending or an emit was attempted. */
class DisconnectedError extends ClassioError {
    constructor(message = 'socket has been disconnected') {
        super('CLASSIO_ERR_DISCONNECTED', message);
    }
}
exports.DisconnectedError = DisconnectedError;
/**
 * A cluster operation failed: Redis is unreachable, or not every other server answered a cluster request
 * (`fetchSockets`, `allSockets`, `serverSideEmit` with an ack) in time. The message says which and how many.
 */
class ClusterError extends ClassioError {
    constructor(message, options) {
        super('CLASSIO_ERR_CLUSTER', message, options);
    }
}
exports.ClusterError = ClusterError;
/** Every code with the situation that raises it; the README's table is checked against this list. */
exports.ERROR_CODES = {
    CLASSIO_ERR_CONFIG: 'invalid option or registration mistake, thrown at startup',
    CLASSIO_ERR_USAGE: 'a call made the wrong way (reserved event name, missing argument, outside a handler), thrown by it',
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
function toAckError(err) {
    if (err instanceof HandlerError) {
        return err.data === undefined
            ? { error: { code: err.code, message: err.message } }
            : { error: { code: err.code, message: err.message, data: err.data } };
    }
    if (err instanceof ClassioError)
        return { error: { code: err.code, message: err.message } };
    return { error: { code: 'CLASSIO_ERR_HANDLER', message: UNEXPECTED_ERROR_MESSAGE } };
}
//# sourceMappingURL=errors.js.map