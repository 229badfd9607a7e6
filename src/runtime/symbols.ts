/**
 * Internal slots of the runtime, declared in one place (ws `lib/constants.js`). They are symbols so that user
 * subclasses of `Namespace` can never collide with them by naming a method.
 */

/** `NamespaceBase[kAttach](nsp, socket?)`: gives an instance its namespace (and, per connection, its socket). */
export const kAttach: unique symbol = Symbol('classio.attach');
