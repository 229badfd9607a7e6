"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CORS_PACKAGE_OPTIONS = exports.SOCKET_IO_OPTIONS = void 0;
exports.checkOptionNames = checkOptionNames;
const errors_1 = require("./errors");
/**
 * Refusing option names nobody reads. An options object is spread over a complete defaults object, so a name that is
 * not among the defaults' keys would be silently ignored: a misspelling, or an option of Socket.IO or Engine.IO that
 * classio does not implement, under which code ported from Socket.IO would run with another meaning than it had.
 * Checked once, in the constructor that receives the options.
 */
/** Marks a foreign option no value of which means what classio does. */
const NO_EQUIVALENT = Symbol('classio.noEquivalent');
/**
 * The options of Socket.IO 4 and Engine.IO 6 (`ServerOptions`, `AttachOptions`) that classio does not implement
 * yet, with the one value that asks for what classio does anyway: such a setting is accepted, so that a ported
 * `serveClient: false` or `perMessageDeflate: false` keeps working. Any other value is refused.
 */
exports.SOCKET_IO_OPTIONS = new Map([
    ['wsEngine', NO_EQUIVALENT],
    ['initialPacket', NO_EQUIVALENT],
    ['destroyUpgrade', NO_EQUIVALENT],
    ['destroyUpgradeTimeout', NO_EQUIVALENT],
    ['addTrailingSlash', NO_EQUIVALENT],
]);
/** The options of the `cors` package that Engine.IO accepts and classio's `cors` does not implement yet. */
exports.CORS_PACKAGE_OPTIONS = new Map([
    ['exposedHeaders', NO_EQUIVALENT],
    ['preflightContinue', NO_EQUIVALENT],
    ['optionsSuccessStatus', NO_EQUIVALENT],
]);
const NO_FOREIGN_OPTIONS = new Map();
/**
 * Throws a {@link ConfigurationError} for the first own key of `options` that is not in `known` and is not set to
 * `undefined` (which asks for nothing). A name of `foreign` gets "not supported yet", unless set to the value that
 * means what classio does; any other name gets "unknown option", with the closest known name when one is close.
 *
 * @example checkOptionNames(options, Object.keys(DEFAULTS), 'new Server()', SOCKET_IO_OPTIONS);
 */
function checkOptionNames(options, known, label, foreign = NO_FOREIGN_OPTIONS) {
    for (const name of Object.keys(options)) {
        const value = options[name];
        if (value === undefined || known.includes(name))
            continue;
        if (foreign.has(name)) {
            const equivalent = foreign.get(name);
            if (Object.is(value, equivalent))
                continue;
            const accepted = equivalent === NO_EQUIVALENT ? '' : ` (only ${name}: ${String(equivalent)}, what classio does, is accepted)`;
            throw new errors_1.ConfigurationError(`${label}: option "${name}" is a Socket.IO option that classio does not support yet${accepted}; remove it`);
        }
        const suggestion = closestName(name, known);
        throw new errors_1.ConfigurationError(suggestion === null
            ? `${label}: unknown option "${name}"; the options are ${known.join(', ')}`
            : `${label}: unknown option "${name}"; did you mean "${suggestion}"?`);
    }
}
/** The known name within two edits of `name` (letter case aside), or null. */
function closestName(name, known) {
    const lower = name.toLowerCase();
    let best = null;
    let bestDistance = 3;
    for (const candidate of known) {
        const distance = editDistance(lower, candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
/** Levenshtein distance, one row at a time (option names are short). */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length];
}
//# sourceMappingURL=option-names.js.map