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
export declare class ClassioError extends Error {
    readonly code: string;
    constructor(code: string, message: string, options?: {
        cause?: unknown;
    });
}
/** Options or registration are wrong; raised before the server accepts any client. */
export declare class ConfigurationError extends ClassioError {
    constructor(message: string, options?: {
        cause?: unknown;
    });
}
/**
 * A call made the wrong way, found when it is made: emitting a reserved event name or a Blob, an acknowledged emit
 * without its callback, a context function (`currentSocket()`, `emit()` without a sid, ...) called outside an event
 * handler, a namespace instance used before it is registered. The message names the call and what it expected.
 */
export declare class UsageError extends ClassioError {
    constructor(message: string, options?: {
        cause?: unknown;
    });
}
/**
 * Engine.IO error codes (engine.io-protocol, "Errors"): the JSON body is `{ code, message }` and the HTTP status
 * is 400, except `Forbidden` (403).
 */
export declare const ENGINE_ERRORS: {
    readonly 0: {
        readonly message: "Transport unknown";
        readonly status: 400;
    };
    readonly 1: {
        readonly message: "Session ID unknown";
        readonly status: 400;
    };
    readonly 2: {
        readonly message: "Bad handshake method";
        readonly status: 400;
    };
    readonly 3: {
        readonly message: "Bad request";
        readonly status: 400;
    };
    readonly 4: {
        readonly message: "Forbidden";
        readonly status: 403;
    };
    readonly 5: {
        readonly message: "Unsupported protocol version";
        readonly status: 400;
    };
};
export type EngineErrorCode = keyof typeof ENGINE_ERRORS;
/** A request the Engine.IO layer refuses. `engineCode` is the protocol's number, sent in the JSON body. */
export declare class ProtocolError extends ClassioError {
    readonly engineCode: EngineErrorCode;
    /** Extra context for logs and `connection_error` listeners (never sent to the client). */
    readonly context: Record<string, unknown>;
    constructor(engineCode: EngineErrorCode, context?: Record<string, unknown>, message?: string);
    /** HTTP status of the error response (400, or 403 for Forbidden). */
    get status(): number;
}
/**
 * A refused namespace connection. The client receives CONNECT_ERROR `{ message, data }` and its
 * `connect_error` listener sees `err.message` and `err.data`.
 */
export declare class ConnectError extends ClassioError {
    readonly data: unknown;
    constructor(message: string, data?: unknown, options?: {
        cause?: unknown;
    });
}
/** Base of failures while handling an event; routed to the namespace's error handler. */
export declare class HandlerError extends ClassioError {
    /** Safe, client-visible details (for example the failing properties of a DTO). */
    readonly data: unknown;
    constructor(code: string, message: string, data?: unknown, options?: {
        cause?: unknown;
    });
}
/** A payload did not validate against its DTO class; `data` lists `{ property, constraints }`. */
export declare class ValidationError extends HandlerError {
    constructor(message: string, data: unknown);
}
/** A method guard refused the event. */
export declare class ForbiddenError extends HandlerError {
    constructor(message?: string, data?: unknown, options?: {
        cause?: unknown;
    });
}
/**
 * A client went past an `@Throttle` limit: the handler did not run. `data.retryAfterMs` says in how many ms the
 * window ends and the key may send again.
 */
export declare class ThrottledError extends HandlerError {
    readonly data: {
        readonly retryAfterMs: number;
    };
    constructor(message: string, retryAfterMs: number);
}
/** The handler threw or rejected with something that is not a classio error; the original is the `cause`. */
export declare class InternalHandlerError extends HandlerError {
    constructor(message: string, options?: {
        cause?: unknown;
    });
}
/**
 * The client asked for an ack on an event that nothing in its namespace handles (no route, no `socket.on` listener).
 * Its ack is answered with this error, so that a client never waits forever; it reaches no error handler and is not
 * logged, since any client can send any event name.
 */
export declare class UnknownEventError extends HandlerError {
    constructor(message: string);
}
/** The client did not answer a server-to-client ack (`call()`, `emitWithAck`) in time. */
export declare class AckTimeoutError extends ClassioError {
    constructor(message?: string);
}
/**
 * A server-to-client ack could not be registered: the socket already waits for `maxPendingAcks` answers. The emit
 * is not sent; a client that never answers cannot make the server hold an unbounded number of callbacks.
 */
export declare class AckLimitError extends ClassioError {
    constructor(message: string);
}
/** The socket disconnected (or was never connected) while an ack was pending or an emit was attempted. */
export declare class DisconnectedError extends ClassioError {
    constructor(message?: string);
}
/**
 * A cluster operation failed: Redis is unreachable, or not every other server answered a cluster request
 * (`fetchSockets`, `allSockets`, `serverSideEmit` with an ack) in time. The message says which and how many.
 */
export declare class ClusterError extends ClassioError {
    constructor(message: string, options?: {
        cause?: unknown;
    });
}
/** Every code with the situation that raises it; the README's table is checked against this list. */
export declare const ERROR_CODES: Readonly<Record<string, string>>;
/** The wire shape of an error answered through an ack: `[{ error: { code, message, data? } }]`. */
export interface AckErrorBody {
    error: {
        code: string;
        message: string;
        data?: unknown;
    };
}
/**
 * Builds the ack answer for an error without leaking internals. A classio error (`HandlerError` and its kinds, which
 * a handler may throw to tell the client why) keeps its code, message and data; anything else becomes
 * CLASSIO_ERR_HANDLER with the message `server error`.
 */
export declare function toAckError(err: unknown): AckErrorBody;
