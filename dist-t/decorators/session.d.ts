/**
 * Injects the per-connection session object (`socket.data`, Flask's `session`): it starts empty and persists across
 * that connection's events in this namespace.
 *
 * @example
 * ```ts
 * class Chat extends Namespace {
 *   on_login(name: string, @Session() session: { name?: string }) { session.name = name; }
 * }
 * ```
 */
export declare function Session(): ParameterDecorator;
