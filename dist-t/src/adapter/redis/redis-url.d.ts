import type * as IORedis from 'ioredis';
/** Throws a {@link ConfigurationError} unless `url` is a `redis:` or `rediss:` URL. */
export declare function checkRedisUrl(url: unknown, optionName: string): asserts url is string;
/** Hides the password of a Redis URL before it goes into a log line. */
export declare function redactUrl(url: string): string;
/**
 * Loads ioredis on first use: it is an optional peer dependency, needed only by the Redis adapter and the Emitter, so
 * a project that uses neither need not install it. Without it, the first Redis connection fails with a
 * `ConfigurationError` that says what to install.
 */
export declare function loadRedis(): typeof IORedis.default;
