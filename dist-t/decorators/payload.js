"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Payload = Payload;
const metadata_1 = require("./metadata");
/**
 * Injects a client argument, transformed into its DTO class with class-transformer and checked with
 * class-validator. The DTO is the parameter's declared type unless given; primitives, arrays and `Object` are
 * passed through unchecked. A payload that fails validation never reaches the handler: a `ValidationError` whose
 * `data` lists `{ property, constraints }` answers the ack, or goes to the error handler.
 *
 * Validation runs with `{ forbidUnknownValues: true }` (a non-object payload for a DTO fails) plus the namespace's
 * and the decorator's `validator` options, e.g. `{ whitelist: true, forbidNonWhitelisted: true }`.
 *
 * @example
 * ```ts
 * class ChatMessage { @IsString() @Length(1, 200) text!: string; }
 *
 * class Chat extends Namespace {
 *   on_chat(@Payload() message: ChatMessage) { this.emit('chat', message.text); }
 *   on_edit(@Payload({ index: 1, type: ChatMessage, validator: { whitelist: true } }) message: ChatMessage) {}
 * }
 * ```
 */
function Payload(typeOrOptions) {
    const options = typeof typeOrOptions === 'function' ? { type: typeOrOptions } : { ...(typeOrOptions ?? {}) };
    return (target, key, index) => (0, metadata_1.addParam)(target, key, { index, kind: 'payload', payload: options });
}
//# sourceMappingURL=payload.js.map