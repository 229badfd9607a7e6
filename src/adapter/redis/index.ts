/**
 * `classio/redis`: the Redis adapter, so that several server processes form one cluster. A separate entry, so that a
 * single-process server never loads it, nor ioredis (the `messageQueue` server option loads it on demand).
 */
import { ConfigurationError } from '../../errors';
import type { Adapter, AdapterFactory, AdapterHost } from '../adapter';
import { RedisAdapter } from './redis-adapter';
import { RedisLink } from './redis-link';
import { checkRedisUrl } from './redis-url';

export { RedisAdapter } from './redis-adapter';

/** Options of {@link createRedisAdapter}. */
export interface CreateRedisAdapterOptions {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). Required. */
  url: string;
  /** Channel prefix; servers (and emitters) with the same Redis and channel form one cluster. Default `classio`. */
  channel?: string;
  /** How long cluster requests wait for the other servers, in milliseconds. Default 5000. */
  requestsTimeout?: number;
  /** Called with the first error of each Redis outage. Default: one `console.warn` line per outage. */
  onError?: (err: Error) => void;
}

const DEFAULTS = { channel: 'classio', requestsTimeout: 5000 };

/**
 * Creates the adapter factory behind the `messageQueue` server option. All namespaces of one server share the
 * factory's two Redis connections (opened with the first namespace, closed with the last adapter) and its uid.
 * Throws a {@link ConfigurationError} for a URL that is not `redis://` or `rediss://`, or a bad option.
 *
 * @example
 * const server = new Server({ adapter: createRedisAdapter({ url: 'redis://127.0.0.1:6379/0', channel: 'chat' }) });
 */
export function createRedisAdapter(options: CreateRedisAdapterOptions): AdapterFactory {
  const settings = { ...DEFAULTS, ...stripUndefined(options) };
  checkRedisUrl(settings.url, 'messageQueue');
  if (typeof settings.channel !== 'string' || settings.channel === '') {
    throw new ConfigurationError(`channel must be a non-empty string, got ${JSON.stringify(settings.channel)}`);
  }
  if (!Number.isFinite(settings.requestsTimeout) || settings.requestsTimeout <= 0) {
    throw new ConfigurationError(
      `requestsTimeout must be a positive number of milliseconds, got ${settings.requestsTimeout}`,
    );
  }
  let link: RedisLink | undefined;
  return (host: AdapterHost): Adapter => {
    if (link === undefined || link.isClosed) link = new RedisLink({ url: settings.url, onError: settings.onError });
    return new RedisAdapter(host, link, { channel: settings.channel, requestsTimeout: settings.requestsTimeout });
  };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
