import { instanceToPlain, type ClassTransformOptions } from 'class-transformer';
import type { GuardContext } from './guard-context';
import type { CallHandler, Interceptor } from './interceptor';
import { AckArguments } from '../namespace/dispatch';

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
export class SerializeInterceptor implements Interceptor {
  readonly #options: ClassTransformOptions | undefined;

  /** @param options class-transformer options for `instanceToPlain` (groups, strategy, ...). */
  constructor(options?: ClassTransformOptions) {
    this.#options = options;
  }

  async intercept(_context: GuardContext, next: CallHandler): Promise<unknown> {
    return this.#serialize(await next.handle());
  }

  #serialize(value: unknown): unknown {
    if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || ArrayBuffer.isView(value)) {
      return value;
    }
    if (value instanceof AckArguments) return new AckArguments(value.values.map((item) => this.#serialize(item)));
    return instanceToPlain(value, this.#options);
  }
}
