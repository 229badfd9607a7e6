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
export declare function Context(): ParameterDecorator;
