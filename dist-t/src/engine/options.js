"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ENGINE_OPTION_NAMES = exports.ENGINE_DEFAULTS = void 0;
exports.resolveEngineSettings = resolveEngineSettings;
exports.checkAllowRequest = checkAllowRequest;
const errors_1 = require("../errors");
const option_names_1 = require("../option-names");
const compression_options_1 = require("./compression-options");
const cookie_1 = require("./cookie");
/** The complete defaults object the user's options are spread over. */
exports.ENGINE_DEFAULTS = Object.freeze({
    path: '/engine.io/',
    pingInterval: 25000,
    pingTimeout: 20000,
    upgradeTimeout: 10000,
    maxHttpBufferSize: 1e6,
    maxBufferedBytes: 10 * 1024 * 1024,
    transports: Object.freeze(['polling', 'websocket']),
    allowUpgrades: true,
    allowEIO3: false,
    cors: false,
    allowRequest: null,
    allowedOrigins: null,
    perMessageDeflate: false,
    httpCompression: (0, compression_options_1.resolveHttpCompression)(true),
    cookie: false,
    generateId: null,
});
const KNOWN_TRANSPORTS = ['polling', 'websocket'];
/** The names of the engine's options, the keys of {@link ENGINE_DEFAULTS}. */
exports.ENGINE_OPTION_NAMES = Object.freeze(Object.keys(exports.ENGINE_DEFAULTS));
/** The names of the `cors` options. */
const CORS_OPTION_NAMES = ['origin', 'credentials', 'methods', 'allowedHeaders', 'maxAge'];
/**
 * Applies the defaults and checks every invariant once; throws {@link ConfigurationError}. An option name the engine
 * does not know is refused (see `checkOptionNames`); the Socket.IO server passes only the engine's own options.
 */
function resolveEngineSettings(options = {}) {
    (0, option_names_1.checkOptionNames)(options, exports.ENGINE_OPTION_NAMES, 'new EngineServer()', option_names_1.SOCKET_IO_OPTIONS);
    const merged = { ...exports.ENGINE_DEFAULTS };
    for (const key of exports.ENGINE_OPTION_NAMES) {
        const value = options[key];
        if (value !== undefined)
            merged[key] = value;
    }
    if (typeof merged.path !== 'string' || !merged.path.startsWith('/')) {
        throw new errors_1.ConfigurationError(`engine option "path" must be a string starting with "/", got ${String(merged.path)}`);
    }
    const path = merged.path.endsWith('/') ? merged.path : `${merged.path}/`;
    for (const name of [
        'pingInterval',
        'pingTimeout',
        'upgradeTimeout',
        'maxHttpBufferSize',
        'maxBufferedBytes',
    ]) {
        const value = merged[name];
        if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
            throw new errors_1.ConfigurationError(`engine option "${name}" must be a positive finite number, got ${String(value)}`);
        }
    }
    const transports = merged.transports;
    // Checked through `merged`: narrowing `transports` itself to `any[]` would make its elements `any`.
    if (!Array.isArray(merged.transports) || transports.length === 0) {
        throw new errors_1.ConfigurationError('engine option "transports" must be a non-empty array of "polling" and "websocket"');
    }
    for (const name of transports) {
        if (!KNOWN_TRANSPORTS.includes(name)) {
            throw new errors_1.ConfigurationError(`engine option "transports" has unknown transport "${String(name)}"; expected "polling" or "websocket"`);
        }
    }
    if (new Set(transports).size !== transports.length) {
        throw new errors_1.ConfigurationError('engine option "transports" lists a transport twice');
    }
    for (const name of ['allowUpgrades', 'allowEIO3']) {
        if (typeof merged[name] !== 'boolean')
            throw new errors_1.ConfigurationError(`engine option "${name}" must be a boolean`);
    }
    checkAllowRequest(merged.allowRequest);
    const origins = merged.allowedOrigins;
    if (origins !== null &&
        typeof origins !== 'function' &&
        !(Array.isArray(origins) && origins.every((o) => typeof o === 'string' || o instanceof RegExp))) {
        throw new errors_1.ConfigurationError('engine option "allowedOrigins" must be an array of strings and RegExps, a function, or null');
    }
    const cors = merged.cors === false ? false : checkCors(merged.cors);
    if (merged.generateId !== null && typeof merged.generateId !== 'function') {
        throw new errors_1.ConfigurationError('engine option "generateId" must be a function (req) => string | Promise<string>, or null');
    }
    return Object.freeze({
        ...merged,
        path,
        transports: Object.freeze([...transports]),
        cors,
        perMessageDeflate: (0, compression_options_1.resolvePerMessageDeflate)(merged.perMessageDeflate),
        httpCompression: (0, compression_options_1.resolveHttpCompression)(merged.httpCompression),
        cookie: (0, cookie_1.resolveCookie)(merged.cookie),
    });
}
/** Checks an `allowRequest` option (the Socket.IO server checks the user's before wrapping it). */
function checkAllowRequest(allowRequest) {
    if (allowRequest === null)
        return;
    if (typeof allowRequest !== 'function') {
        throw new errors_1.ConfigurationError('engine option "allowRequest" must be a function (req) => boolean | Promise<boolean>');
    }
    if (allowRequest.length > 1) {
        // Engine.IO's allowRequest answers through a callback, `(req, callback)`. Nothing would call it back here, and
        // the undefined it returns would refuse every handshake.
        throw new errors_1.ConfigurationError('engine option "allowRequest" takes (req) and returns a boolean or a promise of one; ' +
            "Engine.IO's callback form (req, callback) is not supported");
    }
}
function checkCors(cors) {
    if (cors === null || typeof cors !== 'object') {
        throw new errors_1.ConfigurationError('engine option "cors" must be an object or false');
    }
    (0, option_names_1.checkOptionNames)(cors, CORS_OPTION_NAMES, 'engine option "cors"', option_names_1.CORS_PACKAGE_OPTIONS);
    const { origin } = cors;
    const isOriginValid = origin === undefined ||
        typeof origin === 'boolean' ||
        typeof origin === 'string' ||
        typeof origin === 'function' ||
        origin instanceof RegExp ||
        (Array.isArray(origin) && origin.every((o) => typeof o === 'string' || o instanceof RegExp));
    if (!isOriginValid) {
        throw new errors_1.ConfigurationError('engine option "cors.origin" must be a boolean, string, RegExp, array of them, or function');
    }
    if (cors.maxAge !== undefined && (typeof cors.maxAge !== 'number' || !(cors.maxAge >= 0))) {
        throw new errors_1.ConfigurationError('engine option "cors.maxAge" must be a non-negative number of seconds');
    }
    for (const name of ['methods', 'allowedHeaders']) {
        const list = cors[name];
        if (list !== undefined && (!Array.isArray(list) || !list.every((s) => typeof s === 'string'))) {
            throw new errors_1.ConfigurationError(`engine option "cors.${name}" must be an array of strings`);
        }
    }
    return Object.freeze({ ...cors });
}
//# sourceMappingURL=options.js.map