"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Context = Context;
const metadata_1 = require("./metadata");
/**
 * Injects the event's `HandlerContext`: `socket`, `event` and `args` (the raw client arguments), the same object
 * the context-aware functions (`currentSocket()`, `emit()`, ...) read.
 *
 * @example
 * ```ts
 * class Audit extends Namespace {
 *   @On('any thing') record(@Context() context: HandlerContext) { log(context.event, context.args); }
 * }
 * ```
 */
function Context() {
    return (target, key, index) => (0, metadata_1.addParam)(target, key, { index, kind: 'context' });
}
//# sourceMappingURL=context.js.map