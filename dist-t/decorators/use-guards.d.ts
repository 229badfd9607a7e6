import { type GuardToken } from './metadata';
/**
 * Guards a namespace or one event. A guard is a class resolved from the container at registration (so services
 * can be injected into it) or a ready instance; its `canActivate(context)` returns or resolves a boolean, or throws.
 *
 * - On a class: the guards run once, during the CONNECT, before `on_connect`. A refusal sends CONNECT_ERROR:
 *   `false` gives `unauthorized`, a thrown `ConnectError(message, data)` gives its own reason and data.
 * - On a method: the guards run before that event's handler; a refusal raises `ForbiddenError`, which reaches the
 *   error handler and answers the ack.
 *
 * Guards run in source order and stop at the first refusal. They are inherited; a subclass's class guards run
 * after its parent's.
 *
 * @example
 * ```ts
 * @injectable()
 * class TokenGuard { constructor(private tokens: Tokens) {}
 *   canActivate(context: GuardContext) { return this.tokens.isValid(context.auth.token); } }
 *
 * @Namespace('/admin') @UseGuards(TokenGuard)
 * class Admin extends Namespace {
 *   @UseGuards(AdminOnly) on_shutdown() {}
 * }
 * ```
 */
export declare function UseGuards(...guards: GuardToken[]): ClassDecorator & MethodDecorator;
