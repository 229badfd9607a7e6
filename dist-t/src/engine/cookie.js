"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolveCookie = resolveCookie;
exports.serializeCookie = serializeCookie;
const errors_1 = require("../errors");
const option_names_1 = require("../option-names");
const compression_options_1 = require("./compression-options");
const COOKIE_OPTION_NAMES = [
    'name',
    'path',
    'domain',
    'httpOnly',
    'secure',
    'sameSite',
    'maxAge',
    'expires',
    'partitioned',
    'priority',
];
/** An RFC 6265 cookie name (an RFC 7230 token). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A `Path` or `Domain` value: printable ASCII without `;`. */
const ATTRIBUTE_VALUE = /^[\x20-\x3a\x3c-\x7e]+$/;
/** Resolves and checks the `cookie` option. */
function resolveCookie(value) {
    if (value === false)
        return false;
    const label = 'engine option "cookie"';
    if (value !== true && (value === null || typeof value !== 'object' || Array.isArray(value))) {
        throw new errors_1.ConfigurationError(`${label} must be a boolean or an object, got ${(0, compression_options_1.describe)(value)}`);
    }
    const options = (value === true ? {} : value);
    (0, option_names_1.checkOptionNames)(options, COOKIE_OPTION_NAMES, label);
    const cookie = {
        name: 'io',
        path: '/',
        httpOnly: options.path !== false,
        sameSite: 'lax',
        ...options,
    };
    if (typeof cookie.name !== 'string' || !TOKEN.test(cookie.name)) {
        throw new errors_1.ConfigurationError(`${label}: "name" must be a cookie name (a token), got ${(0, compression_options_1.describe)(cookie.name)}`);
    }
    for (const name of ['path', 'domain']) {
        const attribute = cookie[name];
        if (attribute === undefined || (name === 'path' && attribute === false))
            continue;
        if (typeof attribute !== 'string' || !ATTRIBUTE_VALUE.test(attribute)) {
            throw new errors_1.ConfigurationError(`${label}: "${name}" must be printable ASCII without ";", got ${(0, compression_options_1.describe)(attribute)}`);
        }
    }
    for (const name of ['httpOnly', 'secure', 'partitioned']) {
        if (cookie[name] !== undefined && typeof cookie[name] !== 'boolean') {
            throw new errors_1.ConfigurationError(`${label}: "${name}" must be a boolean, got ${(0, compression_options_1.describe)(cookie[name])}`);
        }
    }
    if (![true, false, 'lax', 'strict', 'none', undefined].includes(cookie.sameSite)) {
        throw new errors_1.ConfigurationError(`${label}: "sameSite" must be true, false, "lax", "strict" or "none", got ${(0, compression_options_1.describe)(cookie.sameSite)}`);
    }
    if (cookie.maxAge !== undefined && (typeof cookie.maxAge !== 'number' || !Number.isInteger(cookie.maxAge))) {
        throw new errors_1.ConfigurationError(`${label}: "maxAge" must be an integer of seconds, got ${(0, compression_options_1.describe)(cookie.maxAge)}`);
    }
    if (cookie.expires !== undefined && !(cookie.expires instanceof Date && Number.isFinite(cookie.expires.getTime()))) {
        throw new errors_1.ConfigurationError(`${label}: "expires" must be a valid Date`);
    }
    if (![undefined, 'low', 'medium', 'high'].includes(cookie.priority)) {
        throw new errors_1.ConfigurationError(`${label}: "priority" must be "low", "medium" or "high", got ${(0, compression_options_1.describe)(cookie.priority)}`);
    }
    return Object.freeze(cookie);
}
const SAME_SITE = { true: 'Strict', strict: 'Strict', lax: 'Lax', none: 'None' };
const PRIORITY = { low: 'Low', medium: 'Medium', high: 'High' };
/**
 * The `Set-Cookie` value carrying session `id`. The id is URL-safe (the engine's own, or a `generateId` result
 * checked against the same alphabet), so it needs no encoding.
 */
function serializeCookie(cookie, id) {
    let header = `${cookie.name}=${id}`;
    if (cookie.maxAge !== undefined)
        header += `; Max-Age=${cookie.maxAge}`;
    if (cookie.domain !== undefined)
        header += `; Domain=${cookie.domain}`;
    if (typeof cookie.path === 'string')
        header += `; Path=${cookie.path}`;
    if (cookie.expires !== undefined)
        header += `; Expires=${cookie.expires.toUTCString()}`;
    if (cookie.httpOnly === true)
        header += '; HttpOnly';
    if (cookie.secure === true)
        header += '; Secure';
    if (cookie.partitioned === true)
        header += '; Partitioned';
    if (cookie.priority !== undefined)
        header += `; Priority=${PRIORITY[cookie.priority]}`;
    if (cookie.sameSite !== undefined && cookie.sameSite !== false)
        header += `; SameSite=${SAME_SITE[String(cookie.sameSite)]}`;
    return header;
}
//# sourceMappingURL=cookie.js.map