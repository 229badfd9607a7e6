import type * as IORedis from 'ioredis';
import { ConfigurationError } from '../../errors';

/** Throws a {@link ConfigurationError} unless `url` is a `redis:` or `rediss:` URL. */
export function checkRedisUrl(url: unknown, optionName: string): asserts url is string {
  let protocol: string | undefined;
  try {
    protocol = typeof url === 'string' ? new URL(url).protocol : undefined;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') {
    throw new ConfigurationError(
      `${optionName} must be a redis:// or rediss:// URL such as 'redis://127.0.0.1:6379/0', got ${JSON.stringify(url)}`,
    );
  }
}

/** Hides the password of a Redis URL before it goes into a log line. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}

/**
 * Loads ioredis on first use: it is an optional peer dependency, needed only by the Redis adapter and the Emitter, so
 * a project that uses neither need not install it. Without it, the first Redis connection fails with a
 * `ConfigurationError` that says what to install.
 */
export function loadRedis(): typeof IORedis.default {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, which a static import cannot be
    return (require('ioredis') as typeof IORedis).default;
  } catch (err) {
    const isMissing =
      (err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && (err as Error).message.includes("'ioredis'");
    if (!isMissing) throw err;
    throw new ConfigurationError(
      'the Redis adapter and the Emitter need the ioredis package, an optional peer dependency of classio: ' +
        'npm install ioredis',
      { cause: err },
    );
  }
}
