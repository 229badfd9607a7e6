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
/**
 * The deepest DTO payload accepted: 128 levels of objects and arrays, a quarter of the shallowest overflow measured
 * (an array of self-referential DTOs, about 1100 levels on Node 20 and 24), and far past what data models nest.
 */
export declare const MAX_PAYLOAD_DEPTH = 128;
/**
 * Whether `value` nests objects or arrays deeper than `limit` levels. The walk stops at the first branch past the
 * limit, so a cyclic value (which JSON cannot make, but an in-process caller can) is simply too deep. It visits a
 * value shared by several branches once per branch, as class-transformer's copy does: decoded payloads are trees.
 */
export declare function isNestedDeeperThan(value: unknown, limit: number): boolean;
