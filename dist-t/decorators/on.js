"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.On = On;
exports.typedOn = typedOn;
const metadata_1 = require("./metadata");
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
function On(event) {
    return (target, key) => {
        const events = (0, metadata_1.recordFor)(target.constructor).events;
        const list = events.get(key) ?? [];
        // Decorators apply bottom-up: prepend to keep the events in source order.
        if (!list.includes(event))
            list.unshift(event);
        events.set(key, list);
    };
}
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
function typedOn() {
    return (event) => On(event);
}
//# sourceMappingURL=on.js.map