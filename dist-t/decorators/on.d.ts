import type { EventNames, EventParams, EventsMap } from './events-map';
/** A method decorator that also checks the method's signature against the event's arguments. */
export type TypedMethodDecorator<A extends unknown[]> = <F extends (...args: A) => unknown>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<F>) => void;
/**
 * Routes a client event to the method. Any event name works, spaces included; `'connect'` and `'disconnect'`
 * are the lifecycle hooks (the same as methods named `on_connect` / `on_disconnect`). When a decorator and an
 * `on_<event>` method name claim the same event in one class, the decorator wins. A method may carry several
 * `@On`; two methods of one class may not handle the same event.
 *
 * @example
 * ```ts
 * @Namespace('/chat')
 * class Chat extends Namespace {
 *   @On('my event')
 *   handle(text: string) { return text.length; } // the return value answers the client's ack
 * }
 * ```
 */
export declare function On(event: string): MethodDecorator;
/**
 * `@On` checked against a client-to-server events map: the event name must be in the map and the method must
 * accept the event's arguments, or the code does not compile.
 *
 * @example
 * ```ts
 * interface ClientEvents { chat: (text: string) => void }
 * const OnClient = typedOn<ClientEvents>();
 * class Chat extends Namespace<ClientEvents> {
 *   @OnClient('chat') chat(text: string) {}
 * }
 * ```
 */
export declare function typedOn<M extends EventsMap>(): <K extends EventNames<M>>(event: K) => TypedMethodDecorator<EventParams<M, K>>;
