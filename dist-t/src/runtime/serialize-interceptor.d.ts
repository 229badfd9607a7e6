import { type ClassTransformOptions } from 'class-transformer';
import type { GuardContext } from './guard-context';
import type { CallHandler, Interceptor } from './interceptor';
/**
 * The built-in serializing interceptor (NestJS's `ClassSerializerInterceptor`): turns a handler's returned class
 * instance (or array of them) into plain data with class-transformer's `instanceToPlain`, so that `@Exclude()`d
 * fields never reach the client and `@Expose()`d getters do. Without it a returned instance is sent with every own
 * field, private ones included. Plain values pass through untouched.
 *
 * @example
 * ```ts
 * class UserView { name = 'ada'; @Exclude() passwordHash = '...'; }
 *
 * @Namespace('/users') @UseInterceptors(new SerializeInterceptor())
 * class Users extends Namespace { on_me() { return new UserView(); } } // the ack gets { name: 'ada' }
 * ```
 */
export declare class SerializeInterceptor implements Interceptor {
    #private;
    /** @param options class-transformer options for `instanceToPlain` (groups, strategy, ...). */
    constructor(options?: ClassTransformOptions);
    intercept(_context: GuardContext, next: CallHandler): Promise<unknown>;
}
