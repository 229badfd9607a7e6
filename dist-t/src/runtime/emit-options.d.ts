/**
 * Options of the namespace helpers (`emit`, `send`, `call`), as Flask-SocketIO's keyword arguments. They travel as
 * the last argument, wrapped by {@link emitOptions} so that a plain object payload is never mistaken for options.
 */
export interface EmitOptionsInit {
    /** A room or sid (or several) to send to, instead of the current client. */
    to?: string | readonly string[];
    /** Alias of `to`, as in Flask-SocketIO. */
    room?: string | readonly string[];
    /** Send to every client of the namespace. Default false (inside a handler the current client only). */
    broadcast?: boolean;
    /** With `to` or `broadcast`: whether the current client receives it too. Default true. */
    includeSelf?: boolean;
    /** Sids (or rooms) to leave out, as Flask's `skip_sid`. */
    skipSid?: string | readonly string[];
    /** Another namespace of the same server to emit on. Default: the handler's namespace. */
    namespace?: string;
    /** `call()`: how long to wait for the client's ack, in milliseconds. Default 60000 (Flask's 60 s). */
    timeout?: number;
}
/** Wrapped options; built by {@link emitOptions}. */
export declare class EmitOptions implements EmitOptionsInit {
    readonly to?: string | readonly string[];
    readonly room?: string | readonly string[];
    readonly broadcast?: boolean;
    readonly includeSelf?: boolean;
    readonly skipSid?: string | readonly string[];
    readonly namespace?: string;
    readonly timeout?: number;
    constructor(init: EmitOptionsInit);
}
/**
 * Wraps options for the last argument of `emit` / `send` / `call`.
 *
 * @example
 * ```ts
 * this.emit('chat', text, emitOptions({ to: room, includeSelf: false }));
 * ```
 */
export declare function emitOptions(init: EmitOptionsInit): EmitOptions;
/** Splits trailing options off an argument list (no copy when there are none). */
export declare function splitOptions(args: unknown[]): [unknown[], EmitOptions | undefined];
