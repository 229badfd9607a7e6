import { recordFor, type ContractType } from './metadata';

/**
 * Declares what an event handler answers the client's ack with, for the exported contract (`server.asyncapi()`
 * and `classio client-types`, where the client's ack callback is typed with it). It changes nothing at run time.
 * `type` is a DTO class, `String`, `Number`, `Boolean`, `Object` or `[T]`, as in `@Emits`. A failed event answers
 * the ack with `{ error: { code, message, data? } }` instead, and the contract says so.
 *
 * @example
 * ```ts
 * class Rooms extends Namespace {
 *   @Replies(RoomInfo)
 *   on_join(@Payload() request: JoinRequest): RoomInfo { return this.rooms.join(request.room); }
 *
 *   @Replies(String)
 *   on_whoami(): string { return this.sid; }
 * }
 * ```
 */
export function Replies(type: ContractType): MethodDecorator {
  return (target, key) => {
    recordFor(target.constructor).replies.set(key, type);
  };
}
