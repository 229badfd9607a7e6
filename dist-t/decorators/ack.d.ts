/**
 * Injects the ack callback, for handlers that answer later than their return. The handler's return value is then
 * not sent. When the client asked for no ack the callback is a no-op, so it can be called unconditionally; calling
 * it more than once sends nothing more.
 *
 * @example
 * ```ts
 * class Jobs extends Namespace {
 *   on_start(spec: JobSpec, @Ack() ack: (...answer: unknown[]) => void) {
 *     this.queue.onDone(spec.id, (result) => ack(result));
 *   }
 * }
 * ```
 */
export declare function Ack(): ParameterDecorator;
