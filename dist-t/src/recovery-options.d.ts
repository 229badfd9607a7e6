import type { RecoverySettings } from './adapter/adapter';
/** The `connectionStateRecovery` option: Socket.IO's two settings, and the bounds of the stored packets. */
export interface ConnectionStateRecoveryOptions {
    /** How long a disconnected client's session is kept, in ms. Default 120000 (2 minutes, as Socket.IO). */
    maxDisconnectionDuration?: number;
    /** Whether a recovered client skips the middlewares and the class guards. Default true (as Socket.IO). */
    skipMiddlewares?: boolean;
    /** The most packets kept for recovery per namespace (the oldest go first). Default 10000. */
    maxPackets?: number;
    /** The most bytes of encoded packets kept for recovery per namespace (the oldest go first). Default 16 MiB. */
    maxBytes?: number;
}
/** The defaults of {@link ConnectionStateRecoveryOptions}. */
export declare const RECOVERY_DEFAULTS: RecoverySettings;
/**
 * Resolves the server's `connectionStateRecovery` option: undefined or false is off (the default), an object
 * switches recovery on with its settings over {@link RECOVERY_DEFAULTS}. Throws a `ConfigurationError` for
 * anything else, an unknown setting or a value out of range.
 */
export declare function resolveRecovery(value: unknown): RecoverySettings | null;
