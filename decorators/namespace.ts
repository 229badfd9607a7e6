import { recordFor, type NamespaceDecoratorOptions } from './metadata';

/**
 * Declares a class as the handler of a Socket.IO namespace. The path must start with `/`. With `scope: 'connection'`
 * the runtime creates one instance per connection (from a child container) and disposes it on disconnect.
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
 * ```
 */
export function Namespace(path: string, options: NamespaceDecoratorOptions = {}): ClassDecorator {
  return (target) => {
    // The path is checked by the runtime at registration, where the error can name the class and the server.
    recordFor(target).namespace = { path, options: { ...options } };
  };
}
