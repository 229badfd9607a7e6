import type { Socket } from '../namespace/socket';
import type { AckCallback } from '../namespace/route-table';
import type { GuardContext } from './guard-context';
/**
 * What an interceptor's `intercept(context, next)` receives as `next`: `handle()` runs the rest of the chain (the
 * inner interceptors, the payload checks and the handler) and resolves with the handler's result, or rejects with
 * its error. Not calling it skips the handler. One is built per intercepted event, and only for routes that have
 * interceptors.
 */
export interface CallHandler {
    handle(): Promise<unknown>;
}
/**
 * An interceptor as the runtime holds it: resolved once, at registration (per connection in a `scope:
 * 'connection'` namespace). What `intercept` returns or resolves with answers the client's ack.
 */
export interface Interceptor {
    intercept(context: GuardContext, next: CallHandler): unknown;
}
/** The innermost step of an intercepted route: the payload checks and the handler. */
export type InterceptedCall<S> = (state: S, socket: Socket, args: unknown[], ack: AckCallback | null) => unknown;
/** Runs `call` inside `interceptors`, outermost first; returns what the outermost one returns. */
export declare function runIntercepted<S>(interceptors: readonly Interceptor[], context: GuardContext, call: InterceptedCall<S>, state: S, ack: AckCallback | null): unknown;
