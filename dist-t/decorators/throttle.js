"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Throttle = Throttle;
const metadata_1 = require("./metadata");
/**
 * Limits how many events a client may send: at most `limit` in each window of `windowMs` ms, counted per
 * connection by default or per any key the `key(context)` function takes from the context (a user id from the
 * handshake, an address). On a class, every event of it is limited, each apart; on a method, its events. A method's
 * own `@Throttle` replaces the class's.
 *
 * Past the limit the handler does not run: a `ThrottledError` (`CLASSIO_ERR_THROTTLED`, `data.retryAfterMs`) answers
 * the ack and reaches the error handler. The counters of a window are dropped when the next one starts, so the
 * state never holds more than the keys seen in two windows.
 *
 * @example
 * ```ts
 * @Namespace('/chat') @Throttle({ limit: 20, windowMs: 1000 })
 * class Chat extends Namespace {
 *   @Throttle({ limit: 1, windowMs: 10_000, key: (context: ExecutionContext) => String(context.auth.user) })
 *   on_invite(name: string) {}
 * }
 * ```
 */
function Throttle(options) {
    // Recorded as given: the runtime checks the options at registration, where the error can name the class.
    return (target, key) => {
        if (key === undefined)
            (0, metadata_1.recordFor)(target).classThrottle = options;
        else
            (0, metadata_1.recordFor)(target.constructor).methodThrottles.set(key, options);
    };
}
//# sourceMappingURL=throttle.js.map