"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Throttler = void 0;
const errors_1 = require("../errors");
const guard_context_1 = require("./guard-context");
/**
 * The compiled `@Throttle` of one route: a fixed window of `windowMs` in which each key may pass `limit` times.
 * The counters live in one map that is emptied when a window ends, so it holds only the keys seen in the current
 * window: clients that left cost nothing after it, however many came and went. Per message: one `Date.now()`,
 * one map read and one write.
 */
class Throttler {
    #counts = new Map();
    #windowEnd = 0;
    constructor(
    /** The route's event, for messages. */
    event, limit, windowMs, 
    /** The key of an event; null for the default, the client's socket id. */
    keyOf) {
        this.event = event;
        this.limit = limit;
        this.windowMs = windowMs;
        this.keyOf = keyOf;
    }
    /** @internal How many keys the current window holds (the bound the tests check). */
    get size() {
        return this.#counts.size;
    }
    /** Counts one event of `socket`; throws `ThrottledError` past the limit. */
    check(socket, args) {
        const now = Date.now();
        if (now >= this.#windowEnd) {
            this.#counts.clear();
            this.#windowEnd = now + this.windowMs;
        }
        const key = this.keyOf === null ? socket.id : this.keyOf(new guard_context_1.GuardContext(socket, this.event, args));
        const count = (this.#counts.get(key) ?? 0) + 1;
        if (count > this.limit) {
            throw new errors_1.ThrottledError(`too many "${this.event}" events in namespace ${socket.nsp.name}: the limit is ${this.limit} per ${this.windowMs} ms`, this.#windowEnd - now);
        }
        this.#counts.set(key, count);
    }
}
exports.Throttler = Throttler;
//# sourceMappingURL=throttle.js.map