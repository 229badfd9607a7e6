import { recordFor, type ContractType, type EmitsOptions } from './metadata';

/**
 * Declares an event the namespace sends its clients, with its payload type, for the exported contract
 * (`server.asyncapi()`, `classio asyncapi` and `classio client-types`). It changes nothing at run time: emits are
 * not checked against it. Repeat it for each event; `payload` is a DTO class (described by its class-validator
 * decorators), `String`, `Number`, `Boolean`, `Object` (any value), `[T]` (a list of `T`), or omitted for an event
 * sent without arguments. `ack` is the client's answer when the server emits with an ack (`call`, `emitWithAck`).
 * Declarations are inherited; a subclass's declaration of the same event replaces its parent's.
 *
 * @example
 * ```ts
 * @Namespace('/chat')
 * @Emits('message', ChatMessage)
 * @Emits('typing', [String], { description: 'who is typing' })
 * @Emits('confirm', Question, { ack: Answer })
 * @Emits('pong')
 * class Chat extends Namespace {}
 * ```
 */
export function Emits(event: string, payload?: ContractType | null, options: EmitsOptions = {}): ClassDecorator {
  return (target) => {
    // Decorators apply bottom-up: prepend to keep the declarations in source order. The runtime checks them when
    // it builds the contract, where the error can name the class.
    recordFor(target).emits.unshift({
      event,
      payload: payload ?? null,
      ack: options.ack,
      description: options.description,
    });
  };
}
