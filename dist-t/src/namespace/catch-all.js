"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withListener = withListener;
exports.withoutListener = withoutListener;
exports.registeredListeners = registeredListeners;
exports.callCatchAll = callCatchAll;
const util_1 = require("./util");
/**
 * The lists behind a socket's catch-all API (`onAny`, `prependAny`, `offAny`, `listenersAny` and their `Outgoing`
 * twins). A list is null while it is empty, so that a socket without catch-all listeners pays one null check per
 * packet and nothing else. Lists are copy-on-write: a listener that adds or removes listeners while the list is
 * being called does not change the call in progress (Socket.IO calls a copy for the same reason), and callers walk
 * the array they read without copying it.
 */
/** `list` with `call` added at the end, or at the front when `isPrepended`. */
function withListener(list, call, isPrepended) {
    if (list === null)
        return [call];
    return isPrepended ? [call, ...list] : [...list, call];
}
/**
 * `list` without `listener` (its first registration, compared with what was registered as well as with what is
 * called, see `original`), or without any listener when `listener` is undefined; null when nothing is left.
 */
function withoutListener(list, listener, original) {
    if (list === null || listener === undefined)
        return null;
    const at = list.findIndex((call) => call === listener || original(call) === listener);
    if (at === -1)
        return list;
    if (list.length === 1)
        return null;
    return [...list.slice(0, at), ...list.slice(at + 1)];
}
/** The listeners as they were registered, in calling order (a fresh array the caller may keep). */
function registeredListeners(list, original) {
    return list === null ? [] : list.map(original);
}
/**
 * Calls every listener with `(event, ...args)`. A listener that throws, or rejects, is reported through `logError`
 * and the others still run: a bug in an observer never stops the packet it observes.
 */
function callCatchAll(list, event, args, label, logError) {
    for (const listener of list) {
        try {
            const result = listener(event, ...args);
            if ((0, util_1.isThenable)(result)) {
                result.then(undefined, (err) => logError(`${label} failed on "${event}"`, err));
            }
        }
        catch (err) {
            logError(`${label} threw on "${event}"`, err);
        }
    }
}
//# sourceMappingURL=catch-all.js.map