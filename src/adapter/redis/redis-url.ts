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
 * Loads ioredis on first use, so that importing classio (which exports the Redis adapter and the Emitter) costs a
 * single-process server nothing.
 */
export function loadRedis(): typeof IORedis.default {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, which a static import cannot be
  return (require('ioredis') as typeof IORedis).default;
}
