import { type GuardToken } from './metadata';
/**
 * Guards a class at the CONNECT, as `@UseGuards` on a class does, and then before every event of it as well. A
 * refusal at connect sends CONNECT_ERROR (`unauthorized`, or a thrown `ConnectError`'s reason); a refusal of an
 * event raises `ForbiddenError` (`CLASSIO_ERR_FORBIDDEN`), which reaches the error handler and answers the ack.
 *
 * In a `scope: 'connection'` namespace a guard class is resolved per connection, from the connection's child
 * container, so it can take connection-scoped services (`CONNECTION_SOCKET` among them). Event guards run after
 * the server's (`server.useGlobalGuards`) and before the method's own `@UseGuards`.
 *
 * @example
 * ```ts
 * @Namespace('/admin') @UseEventGuards(SessionStillValid)
 * class Admin extends Namespace {
 *   on_shutdown() {} // refused once the session expired, even on a connection accepted earlier
 * }
 * ```
 */
export declare function UseEventGuards(...guards: GuardToken[]): ClassDecorator;
