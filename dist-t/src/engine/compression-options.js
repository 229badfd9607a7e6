"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolvePerMessageDeflate = resolvePerMessageDeflate;
exports.resolveHttpCompression = resolveHttpCompression;
exports.describe = describe;
const errors_1 = require("../errors");
const option_names_1 = require("../option-names");
const DEFAULT_THRESHOLD = 1024;
const ZLIB_OPTION_NAMES = ['level', 'memLevel', 'windowBits', 'strategy', 'chunkSize'];
const DEFLATE_OPTION_NAMES = [
    'threshold',
    'zlibDeflateOptions',
    'zlibInflateOptions',
    'serverNoContextTakeover',
    'clientNoContextTakeover',
    'serverMaxWindowBits',
    'clientMaxWindowBits',
    'concurrencyLimit',
];
/** Integer ranges zlib accepts for each setting (Node throws later, per connection, on others). */
const ZLIB_RANGES = {
    level: [-1, 9],
    memLevel: [1, 9],
    windowBits: [8, 15],
    strategy: [0, 4],
    chunkSize: [64, 2 ** 31 - 1],
};
/** Resolves and checks `perMessageDeflate`: `false` (the default, as engine.io ≥ 4), `true`, or an object. */
function resolvePerMessageDeflate(value) {
    if (value === false)
        return false;
    if (value === true)
        return Object.freeze({ threshold: DEFAULT_THRESHOLD });
    const label = 'engine option "perMessageDeflate"';
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new errors_1.ConfigurationError(`${label} must be a boolean or an object, got ${describe(value)}`);
    }
    (0, option_names_1.checkOptionNames)(value, DEFLATE_OPTION_NAMES, label);
    const options = value;
    checkThreshold(options.threshold, label);
    for (const name of ['serverNoContextTakeover', 'clientNoContextTakeover']) {
        if (options[name] !== undefined && typeof options[name] !== 'boolean') {
            throw new errors_1.ConfigurationError(`${label}: "${name}" must be a boolean, got ${describe(options[name])}`);
        }
    }
    for (const name of ['serverMaxWindowBits', 'clientMaxWindowBits']) {
        checkInteger(options[name], 8, 15, `${label}: "${name}"`);
    }
    checkInteger(options.concurrencyLimit, 1, 2 ** 31 - 1, `${label}: "concurrencyLimit"`);
    const zlibDeflateOptions = checkZlib(options.zlibDeflateOptions, `${label}: "zlibDeflateOptions"`);
    const zlibInflateOptions = checkZlib(options.zlibInflateOptions, `${label}: "zlibInflateOptions"`);
    return Object.freeze({
        ...options,
        threshold: options.threshold ?? DEFAULT_THRESHOLD,
        ...(zlibDeflateOptions && { zlibDeflateOptions }),
        ...(zlibInflateOptions && { zlibInflateOptions }),
    });
}
/** Resolves and checks `httpCompression`: `true` (the default, as engine.io), `false`, or an object. */
function resolveHttpCompression(value) {
    if (value === false)
        return false;
    if (value === true)
        return Object.freeze({ threshold: DEFAULT_THRESHOLD });
    const label = 'engine option "httpCompression"';
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new errors_1.ConfigurationError(`${label} must be a boolean or an object, got ${describe(value)}`);
    }
    (0, option_names_1.checkOptionNames)(value, ['threshold', ...ZLIB_OPTION_NAMES], label);
    const options = value;
    checkThreshold(options.threshold, label);
    checkZlibValues(options, label);
    return Object.freeze({ ...options, threshold: options.threshold ?? DEFAULT_THRESHOLD });
}
function checkZlib(value, label) {
    if (value === undefined)
        return undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new errors_1.ConfigurationError(`${label} must be an object of zlib options, got ${describe(value)}`);
    }
    (0, option_names_1.checkOptionNames)(value, ZLIB_OPTION_NAMES, label);
    checkZlibValues(value, label);
    return Object.freeze({ ...value });
}
function checkZlibValues(options, label) {
    for (const name of ZLIB_OPTION_NAMES) {
        const [min, max] = ZLIB_RANGES[name];
        checkInteger(options[name], min, max, `${label}: "${name}"`);
    }
}
function checkThreshold(value, label) {
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
        throw new errors_1.ConfigurationError(`${label}: "threshold" must be a non-negative number of bytes, got ${describe(value)}`);
    }
}
function checkInteger(value, min, max, label) {
    if (value === undefined)
        return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        throw new errors_1.ConfigurationError(`${label} must be an integer from ${min} to ${max}, got ${describe(value)}`);
    }
}
/** A short description of a wrong value for a message (never the value of a secret: options hold none). */
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'string')
        return JSON.stringify(value);
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'function')
        return 'a function';
    return typeof value === 'symbol' ? value.toString() : `${value}`;
}
//# sourceMappingURL=compression-options.js.map