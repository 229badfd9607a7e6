"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OnUnknown = OnUnknown;
const metadata_1 = require("./metadata");
/**
 * Handles every event that no route and no listener of the namespace claims, called with `(event, ...args)`. Its
 * return value answers the ack, as a handler's does; without such a method an unknown event with an ack is
 * answered with `CLASSIO_ERR_UNKNOWN_EVENT`. It passes through the class's guards, interceptors and throttle like
 * any handler. A namespace has at most one.
 *
 * @example
 * ```ts
 * class Chat extends Namespace {
 *   @OnUnknown() unknown(event: string) { return { error: `no such command: ${event}` }; }
 * }
 * ```
 */
function OnUnknown() {
    return (target, key) => {
        (0, metadata_1.recordFor)(target.constructor).catchAll.set(key, 'unknown');
    };
}
//# sourceMappingURL=on-unknown.js.map