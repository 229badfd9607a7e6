"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isPatternPath = isPatternPath;
exports.compileNamespacePattern = compileNamespacePattern;
const errors_1 = require("../errors");
const EMPTY = Object.freeze({});
/** Whether a string path is a pattern (`/tenant/:id`) rather than a literal name. */
function isPatternPath(path) {
    return /(^|\/):[A-Za-z_$]/.test(path);
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function groupsOf(match) {
    return match.groups === undefined ? EMPTY : Object.freeze({ ...match.groups });
}
/**
 * Compiles a dynamic path into a matcher, once, when it is declared: `/tenant/:id` (each `:name` matches one
 * non-empty segment), a RegExp (its named groups are the parameters), or a function of the name and auth payload.
 */
function compileNamespacePattern(path) {
    if (typeof path === 'function') {
        return (name, auth) => {
            const accepted = path(name, auth);
            if (typeof accepted === 'boolean')
                return accepted ? EMPTY : null;
            return Promise.resolve(accepted).then((value) => (value === true ? EMPTY : null));
        };
    }
    if (path instanceof RegExp) {
        // A global or sticky RegExp keeps state between exec calls: test a copy without those flags.
        const regexp = new RegExp(path.source, path.flags.replace(/[gy]/g, ''));
        return (name) => {
            const match = regexp.exec(name);
            return match === null ? null : groupsOf(match);
        };
    }
    const names = [];
    const source = path
        .split('/')
        .map((segment) => {
        if (!segment.startsWith(':'))
            return escapeRegExp(segment);
        const name = segment.slice(1);
        if (!/^[A-Za-z_$][\w$]*$/.test(name) || names.includes(name)) {
            throw new errors_1.ConfigurationError(`namespace pattern ${path}: invalid or repeated parameter ":${name}"`);
        }
        names.push(name);
        return `(?<${name}>[^/]+)`;
    })
        .join('/');
    const regexp = new RegExp(`^${source}$`);
    return (name) => {
        const match = regexp.exec(name);
        return match === null ? null : groupsOf(match);
    };
}
//# sourceMappingURL=namespace-pattern.js.map