"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Namespace = Namespace;
const metadata_1 = require("./metadata");
/**
 * Declares a class as the handler of a Socket.IO namespace. The path must start with `/`. With `scope: 'connection'`
 * the runtime creates one instance per connection (from a child container) and disposes it on disconnect.
 *
 * A dynamic path serves every matching namespace name: `/tenant/:id` (each `:name` matches one path segment), a
 * RegExp, or a function `(name, auth) => boolean | Promise<boolean>`. Each concrete name is a namespace of its own
 * (rooms and broadcasts apart), created on its first connect; `@NspParam('id')` and `this.params` read its
 * parameters, and a literal namespace of the same name wins over the pattern.
 *
 * This is the pure decorator. The package's public `Namespace` export is a hybrid that is this decorator when
 * called and the `Namespace` base class when extended, so both spellings below work with one import.
 *
 * @example
 * ```ts
 * @Namespace('/chat', { scope: 'connection' })
 * class Chat extends Namespace {
 *   on_message(text: string) { this.emit('message', text, emitOptions({ broadcast: true })); }
 * }
 *
 * @Namespace('/tenant/:id')
 * class Tenant extends Namespace {
 *   on_hello() { return this.params.id; }
 * }
 * ```
 */
function Namespace(path, options = {}) {
    return (target) => {
        // The path is checked by the runtime at registration, where the error can name the class and the server.
        (0, metadata_1.recordFor)(target).namespace = { path, options: { ...options } };
    };
}
//# sourceMappingURL=namespace.js.map