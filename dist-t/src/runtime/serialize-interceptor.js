"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SerializeInterceptor = void 0;
const class_transformer_1 = require("class-transformer");
const dispatch_1 = require("../namespace/dispatch");
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
class SerializeInterceptor {
    #options;
    /** @param options class-transformer options for `instanceToPlain` (groups, strategy, ...). */
    constructor(options) {
        this.#options = options;
    }
    async intercept(_context, next) {
        return this.#serialize(await next.handle());
    }
    #serialize(value) {
        if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || ArrayBuffer.isView(value)) {
            return value;
        }
        if (value instanceof dispatch_1.AckArguments)
            return new dispatch_1.AckArguments(value.values.map((item) => this.#serialize(item)));
        return (0, class_transformer_1.instanceToPlain)(value, this.#options);
    }
}
exports.SerializeInterceptor = SerializeInterceptor;
//# sourceMappingURL=serialize-interceptor.js.map