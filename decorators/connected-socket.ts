import { addParam } from './metadata';

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
export function ConnectedSocket(): ParameterDecorator {
  return (target, key, index) => addParam(target, key, { index, kind: 'socket' });
}
