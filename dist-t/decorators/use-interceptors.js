"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UseInterceptors = UseInterceptors;
const metadata_1 = require("./metadata");
/**
 * Wraps every event of a class, or one method, in interceptors (NestJS's `@UseInterceptors`). An interceptor is a
 * class resolved from the container at registration (a ready instance works too) with `intercept(context, next)`:
 * it runs code before the handler, calls `next.handle()` for a promise of the handler's result (or does not, and
 * answers the ack itself with what it returns), may transform that result, which then answers the ack, and sees
 * the handler's errors as a rejection of `next.handle()`.
 *
 * Interceptors run after the guards, outermost first: the server's (`server.useGlobalInterceptors`), the class's,
 * the method's, each in source order. They are inherited; a subclass's class interceptors run inside its parent's.
 * They do not wrap `connect` and `disconnect`.
 *
 * @example
 * ```ts
 * class Timing {
 *   async intercept(context: ExecutionContext, next: CallHandler) {
 *     const start = performance.now();
 *     try { return await next.handle(); } finally { metrics.observe(context.event, performance.now() - start); }
 *   }
 * }
 *
 * @Namespace('/chat') @UseInterceptors(Timing)
 * class Chat extends Namespace {
 *   @UseInterceptors(new CacheFor(1000)) on_rooms() { return this.rooms(); }
 * }
 * ```
 */
function UseInterceptors(...interceptors) {
    return (target, key) => {
        // Decorators apply bottom-up: prepend so that interceptors run in source order, top to bottom.
        if (key === undefined) {
            (0, metadata_1.recordFor)(target).classInterceptors.unshift(...interceptors);
        }
        else {
            const methodInterceptors = (0, metadata_1.recordFor)(target.constructor).methodInterceptors;
            methodInterceptors.set(key, [...interceptors, ...(methodInterceptors.get(key) ?? [])]);
        }
    };
}
//# sourceMappingURL=use-interceptors.js.map