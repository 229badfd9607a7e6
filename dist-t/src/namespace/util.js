"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UNROUTABLE_EVENTS = void 0;
exports.assertEmittable = assertEmittable;
exports.createSid = createSid;
exports.isThenable = isThenable;
exports.offerInTurn = offerInTurn;
const node_crypto_1 = require("node:crypto");
const packet_1 = require("../protocol/packet");
const errors_1 = require("../errors");
/**
 * The reserved names a class or `server.on()` may not route: all of them but `connect` and `disconnect`, which are
 * the namespace's lifecycle hooks (`on_connect`, `server.on('connect', ...)`), not events a client sends.
 */
exports.UNROUTABLE_EVENTS = new Set([...packet_1.RESERVED_EVENTS].filter((event) => event !== 'connect' && event !== 'disconnect'));
/** Throws a `UsageError` when `event` is reserved (see {@link RESERVED_EVENTS}): every server-side emit checks it first. */
function assertEmittable(event) {
    if (packet_1.RESERVED_EVENTS.has(event))
        throw new errors_1.UsageError(`"${event}" is a reserved event name`);
}
/**
 * A new socket id: 15 random bytes in base64url (20 characters), unguessable, unique per process in practice.
 * Bytes are drawn in batches because `randomBytes` per call costs a syscall-sized overhead on the connect path.
 */
function createSid() {
    if (poolOffset + SID_BYTES > pool.length) {
        pool = (0, node_crypto_1.randomBytes)(SID_BYTES * 256);
        poolOffset = 0;
    }
    const sid = pool.toString('base64url', poolOffset, poolOffset + SID_BYTES);
    poolOffset += SID_BYTES;
    return sid;
}
const SID_BYTES = 15;
let pool = (0, node_crypto_1.randomBytes)(SID_BYTES * 256);
let poolOffset = 0;
/** True for promises and other thenables: a handler's async result. */
function isThenable(value) {
    return value !== null && typeof value === 'object' && typeof value.then === 'function';
}
/**
 * Offers `error` to `count` error handlers in turn (`attempt(i)` calls the i-th) until one takes it. A handler that
 * throws, or rejects with, the very error it was given passes it on to the next; any other answer, or another throw,
 * ends the turn. When every handler has passed, the error is thrown again: nobody here took it. A class's `@OnError`
 * methods and the handlers of a namespace's tables both combine this way.
 */
function offerInTurn(count, error, attempt, from = 0) {
    for (let i = from; i < count; i++) {
        let result;
        try {
            result = attempt(i);
        }
        catch (thrown) {
            if (thrown === error)
                continue;
            throw thrown;
        }
        if (!isThenable(result))
            return result;
        return Promise.resolve(result).then(undefined, (thrown) => {
            if (thrown !== error)
                throw thrown;
            return offerInTurn(count, error, attempt, i + 1);
        });
    }
    throw error;
}
//# sourceMappingURL=util.js.map