"use strict";
/**
 * The nesting limit of `@Payload()` DTO payloads.
 *
 * class-transformer and class-validator walk a payload recursively, several stack frames per level, and have no limit
 * of their own, so without one a deep payload ends in a `RangeError` at a depth that nothing fixes: it moves with the
 * Node version (Node 24's frames are not Node 20's), with how far the JIT has optimised their code, with how deep in
 * the stack the handler runs, and with the DTO (a self-referential DTO with `@ValidateNested()` overflows from about
 * 550 levels on a cold Node 20). The same payload could be transformed once and refused as a handler error the next
 * time. So the runtime bounds the depth itself, before class-transformer sees the payload: deeper than
 * `MAX_PAYLOAD_DEPTH` levels is a `ValidationError`, every time, on every Node.
 *
 * Counted: each object, array, Map or Set is one level, the payload itself being level 1 (`{"a":{"b":[1]}}` has
 * three). Buffers, typed arrays and Dates are values, as they are to class-transformer. Only DTO payloads are bounded:
 * a handler without a DTO class, or with `@Payload({ validate: false })`, receives the decoded value whatever its
 * depth.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_PAYLOAD_DEPTH = void 0;
exports.isNestedDeeperThan = isNestedDeeperThan;
/**
 * The deepest DTO payload accepted: 128 levels of objects and arrays, a quarter of the shallowest overflow measured
 * (an array of self-referential DTOs, about 1100 levels on Node 20 and 24), and far past what data models nest.
 */
exports.MAX_PAYLOAD_DEPTH = 128;
/**
 * Whether `value` nests objects or arrays deeper than `limit` levels. The walk stops at the first branch past the
 * limit, so a cyclic value (which JSON cannot make, but an in-process caller can) is simply too deep. It visits a
 * value shared by several branches once per branch, as class-transformer's copy does: decoded payloads are trees.
 */
function isNestedDeeperThan(value, limit) {
    return exceeds(value, limit, 1);
}
function exceeds(value, limit, level) {
    if (typeof value !== 'object' || value === null)
        return false;
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Date)
        return false;
    if (level > limit)
        return true;
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++)
            if (exceeds(value[i], limit, level + 1))
                return true;
        return false;
    }
    if (value instanceof Map || value instanceof Set) {
        for (const element of value.values())
            if (exceeds(element, limit, level + 1))
                return true;
        return false;
    }
    const record = value;
    const keys = Object.keys(record);
    for (let i = 0; i < keys.length; i++)
        if (exceeds(record[keys[i]], limit, level + 1))
            return true;
    return false;
}
//# sourceMappingURL=payload-depth.js.map