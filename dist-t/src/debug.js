"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createDebug = createDebug;
function isEnabled(name) {
    const spec = process.env.DEBUG;
    if (!spec)
        return false;
    return spec.split(/[\s,]+/).some((pattern) => {
        if (!pattern)
            return false;
        if (pattern.endsWith('*'))
            return name.startsWith(pattern.slice(0, -1));
        return name === pattern;
    });
}
/** Creates the logger of a namespace; cheap when disabled. */
function createDebug(name) {
    const enabled = isEnabled(name);
    const log = enabled
        ? (format, ...args) => {
            let i = 0;
            const text = format.replace(/%[sdoOj]/g, () => {
                const value = args[i++];
                return typeof value === 'string' ? value : safeStringify(value);
            });
            process.stderr.write(`${new Date().toISOString()} ${name} ${text}\n`);
        }
        : () => { };
    return Object.assign(log, { enabled });
}
function safeStringify(value) {
    if (value instanceof Error)
        return value.stack ?? value.message;
    try {
        return JSON.stringify(value) ?? String(value);
    }
    catch {
        return String(value);
    }
}
//# sourceMappingURL=debug.js.map