import type { RecoverySettings } from './adapter/adapter';
import { ConfigurationError } from './errors';
import { checkOptionNames } from './option-names';

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
export const RECOVERY_DEFAULTS: RecoverySettings = Object.freeze({
  maxDisconnectionDuration: 2 * 60 * 1000,
  skipMiddlewares: true,
  maxPackets: 10_000,
  maxBytes: 16 * 1024 * 1024,
});

/**
 * Resolves the server's `connectionStateRecovery` option: undefined or false is off (the default), an object
 * switches recovery on with its settings over {@link RECOVERY_DEFAULTS}. Throws a `ConfigurationError` for
 * anything else, an unknown setting or a value out of range.
 */
export function resolveRecovery(value: unknown): RecoverySettings | null {
  if (value === undefined || value === false) return null;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigurationError(
      `connectionStateRecovery must be an object (for example {} for the defaults) or false, got ${describe(value)}`,
    );
  }
  checkOptionNames(value, Object.keys(RECOVERY_DEFAULTS), 'connectionStateRecovery');
  const given = value as ConnectionStateRecoveryOptions;
  const settings = { ...RECOVERY_DEFAULTS };
  for (const [name, setting] of Object.entries(given)) {
    if (setting !== undefined) (settings as Record<string, unknown>)[name] = setting;
  }
  const { maxDisconnectionDuration, skipMiddlewares, maxPackets, maxBytes } = settings;
  // setTimeout clamps anything past 2^31 - 1 ms to 1 ms: a longer window would expire sessions at once.
  if (
    !Number.isFinite(maxDisconnectionDuration) ||
    maxDisconnectionDuration <= 0 ||
    maxDisconnectionDuration > 2 ** 31 - 1
  ) {
    throw new ConfigurationError(
      `connectionStateRecovery.maxDisconnectionDuration must be a positive number of ms (at most 2^31 - 1), got ${describe(maxDisconnectionDuration)}`,
    );
  }
  if (typeof skipMiddlewares !== 'boolean') {
    throw new ConfigurationError(
      `connectionStateRecovery.skipMiddlewares must be a boolean, got ${describe(skipMiddlewares)}`,
    );
  }
  for (const [name, bound] of [
    ['maxPackets', maxPackets],
    ['maxBytes', maxBytes],
  ] as const) {
    if (!Number.isInteger(bound) || bound < 1) {
      throw new ConfigurationError(
        `connectionStateRecovery.${name} must be a positive integer, got ${describe(bound)}`,
      );
    }
  }
  return Object.freeze(settings);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
