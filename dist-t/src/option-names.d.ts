/**
 * The options of Socket.IO 4 and Engine.IO 6 (`ServerOptions`, `AttachOptions`) that classio does not implement
 * yet, with the one value that asks for what classio does anyway: such a setting is accepted, so that a ported
 * `serveClient: false` or `perMessageDeflate: false` keeps working. Any other value is refused.
 */
export declare const SOCKET_IO_OPTIONS: ReadonlyMap<string, unknown>;
/** The options of the `cors` package that Engine.IO accepts and classio's `cors` does not implement yet. */
export declare const CORS_PACKAGE_OPTIONS: ReadonlyMap<string, unknown>;
/**
 * Throws a {@link ConfigurationError} for the first own key of `options` that is not in `known` and is not set to
 * `undefined` (which asks for nothing). A name of `foreign` gets "not supported yet", unless set to the value that
 * means what classio does; any other name gets "unknown option", with the closest known name when one is close.
 *
 * @example checkOptionNames(options, Object.keys(DEFAULTS), 'new Server()', SOCKET_IO_OPTIONS);
 */
export declare function checkOptionNames(options: object, known: readonly string[], label: string, foreign?: ReadonlyMap<string, unknown>): void;
