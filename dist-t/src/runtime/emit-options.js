"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EmitOptions = void 0;
exports.emitOptions = emitOptions;
exports.splitOptions = splitOptions;
/** Wrapped options; built by {@link emitOptions}. */
class EmitOptions {
    constructor(init) {
        Object.assign(this, init);
    }
}
exports.EmitOptions = EmitOptions;
/**
 * Wraps options for the last argument of `emit` / `send` / `call`.
 *
 * @example
 * ```ts
 * this.emit('chat', text, emitOptions({ to: room, includeSelf: false }));
 * ```
 */
function emitOptions(init) {
    return new EmitOptions(init);
}
/** Splits trailing options off an argument list (no copy when there are none). */
function splitOptions(args) {
    const last = args.length === 0 ? undefined : args[args.length - 1];
    return last instanceof EmitOptions ? [args.slice(0, -1), last] : [args, undefined];
}
//# sourceMappingURL=emit-options.js.map