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

/**
 * One step of an interceptor chain: calling `handle()` on it runs interceptor `index + 1`, or the handler past
 * the last one. A class with fields, so that running a chain allocates these objects and no closures.
 */
class InterceptorStep<S> implements CallHandler {
  constructor(
    private readonly interceptors: readonly Interceptor[],
    private readonly index: number,
    private readonly context: GuardContext,
    private readonly call: InterceptedCall<S>,
    private readonly state: S,
    private readonly ack: AckCallback | null,
  ) {}

  handle(): Promise<unknown> {
    try {
      const next = this.index + 1;
      const result =
        next < this.interceptors.length
          ? runIntercepted(this.interceptors, this.context, this.call, this.state, this.ack, next)
          : this.call(this.state, this.context.socket, this.context.args as unknown[], this.ack);
      return Promise.resolve(result);
    } catch (error) {
      return Promise.reject(error);
    }
  }
}

/**
 * Runs `call` inside `interceptors` from `index` (0: the outermost) inwards; returns what interceptor `index`
 * returns, as it returns it: a synchronous answer stays synchronous, so the dispatcher answers the ack at once.
 */
export function runIntercepted<S>(
  interceptors: readonly Interceptor[],
  context: GuardContext,
  call: InterceptedCall<S>,
  state: S,
  ack: AckCallback | null,
  index = 0,
): unknown {
  return interceptors[index].intercept(context, new InterceptorStep(interceptors, index, context, call, state, ack));
}
