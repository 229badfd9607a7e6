/**
 * Injects the current `Socket` (the client's connection to this namespace).
 *
 * @example
 * ```ts
 * class Chat extends Namespace {
 *   on_join(room: string, @ConnectedSocket() socket: Socket) { socket.join(room); }
 * }
 * ```
 */
export declare function ConnectedSocket(): ParameterDecorator;
