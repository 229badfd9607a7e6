"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RECOVERY_DEFAULTS = void 0;
exports.resolveRecovery = resolveRecovery;
const errors_1 = require("./errors");
const option_names_1 = require("./option-names");
/** The defaults of {@link ConnectionStateRecoveryOptions}. */
exports.RECOVERY_DEFAULTS = Object.freeze({
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
function resolveRecovery(value) {
    if (value === undefined || value === false)
        return null;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new errors_1.ConfigurationError(`connectionStateRecovery must be an object (for example {} for the defaults) or false, got ${describe(value)}`);
    }
    (0, option_names_1.checkOptionNames)(value, Object.keys(exports.RECOVERY_DEFAULTS), 'connectionStateRecovery');
    const given = value;
    const settings = { ...exports.RECOVERY_DEFAULTS };
    for (const [name, setting] of Object.entries(given)) {
        if (setting !== undefined)
            settings[name] = setting;
    }
    const { maxDisconnectionDuration, skipMiddlewares, maxPackets, maxBytes } = settings;
    // setTimeout clamps anything past 2^31 - 1 ms to 1 ms: a longer window would expire sessions at once.
    if (!Number.isFinite(maxDisconnectionDuration) ||
        maxDisconnectionDuration <= 0 ||
        maxDisconnectionDuration > 2 ** 31 - 1) {
        throw new errors_1.ConfigurationError(`connectionStateRecovery.maxDisconnectionDuration must be a positive number of ms (at most 2^31 - 1), got ${describe(maxDisconnectionDuration)}`);
    }
    if (typeof skipMiddlewares !== 'boolean') {
        throw new errors_1.ConfigurationError(`connectionStateRecovery.skipMiddlewares must be a boolean, got ${describe(skipMiddlewares)}`);
    }
    for (const [name, bound] of [
        ['maxPackets', maxPackets],
        ['maxBytes', maxBytes],
    ]) {
        if (!Number.isInteger(bound) || bound < 1) {
            throw new errors_1.ConfigurationError(`connectionStateRecovery.${name} must be a positive integer, got ${describe(bound)}`);
        }
    }
    return Object.freeze(settings);
}
function describe(value) {
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
//# sourceMappingURL=recovery-options.js.map