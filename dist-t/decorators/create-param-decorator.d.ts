/**
 * Makes a parameter decorator of your own: `factory(context)` computes the parameter's value for each event, from
 * the event's execution context (socket, handshake, auth, session, event, arguments). It is compiled like the
 * built-in decorators: the factory is called once per event, and nothing is looked up per message. A factory
 * that throws fails the event as its handler would.
 *
 * @example
 * ```ts
 * const CurrentUser = createParamDecorator((context: ExecutionContext) => context.session.user);
 *
 * class Chat extends Namespace {
 *   on_whoami(@CurrentUser() user: User) { return user.name; }
 * }
 * ```
 */
export declare function createParamDecorator<C = never>(factory: (context: C) => unknown): () => ParameterDecorator;
