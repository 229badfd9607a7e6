/**
 * `classio/redis`: the Redis adapter, so that several server processes form one cluster. A separate entry, so that a
 * single-process server never loads it, nor ioredis (the `messageQueue` server option loads it on demand).
 */
import { ConfigurationError } from '../../errors';
import type { Adapter, AdapterFactory, AdapterHost } from '../adapter';
import { RedisAdapter } from './redis-adapter';
import { RedisLink } from './redis-link';
import { checkRedisUrl } from './redis-url';
import { SocketIoRedisAdapter } from './socket-io-adapter';

export { RedisAdapter } from './redis-adapter';
export { SocketIoRedisAdapter } from './socket-io-adapter';

/** The wire formats of {@link createRedisAdapter}. */
export type RedisWireFormat = 'classio' | 'socket.io';

/** Options of {@link createRedisAdapter}. */
export interface CreateRedisAdapterOptions {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). Required. */
  url: string;
  /**
   * Channel prefix; servers (and emitters) with the same Redis and channel form one cluster. In the `socket.io`
   * format it is `@socket.io/redis-adapter`'s `key` option. Default `classio`, or `socket.io` in that format.
   */
  channel?: string;
  /**
   * The wire format: `classio` (classio servers and classio's Emitter only), or `socket.io`, the format of
   * `@socket.io/redis-adapter` 8.x, to share a cluster with Socket.IO 4.8 servers and take the messages of
   * `@socket.io/redis-emitter` and `socket.io-emitter` (see docs/cluster-interop.md). Default `classio`.
   */
  format?: RedisWireFormat;
  /** How long cluster requests wait for the other servers, in milliseconds. Default 5000. */
  requestsTimeout?: number;
  /** Called with the first error of each Redis outage. Default: one `console.warn` line per outage. */
  onError?: (err: Error) => void;
}

const DEFAULTS = { format: 'classio' as RedisWireFormat, requestsTimeout: 5000 };
const DEFAULT_CHANNELS: Record<RedisWireFormat, string> = { classio: 'classio', 'socket.io': 'socket.io' };

/**
 * Creates the adapter factory behind the `messageQueue` server option. All namespaces of one server share the
 * factory's two Redis connections (opened with the first namespace, closed with the last adapter) and its uid.
 * Throws a {@link ConfigurationError} for a URL that is not `redis://` or `rediss://`, or a bad option.
 *
 * @example
 * const server = new Server({ adapter: createRedisAdapter({ url: 'redis://127.0.0.1:6379/0', channel: 'chat' }) });
 */
export function createRedisAdapter(options: CreateRedisAdapterOptions): AdapterFactory {
  const given = stripUndefined(options);
  const format = given.format ?? DEFAULTS.format;
  if (format !== 'classio' && format !== 'socket.io') {
    throw new ConfigurationError(`format must be 'classio' or 'socket.io', got ${JSON.stringify(format)}`);
  }
  const settings = { ...DEFAULTS, channel: DEFAULT_CHANNELS[format], ...given };
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
    if (format === 'socket.io' && host.recovery != null) {
      // Socket.IO's Redis adapter keeps no packets either, so no server of such a cluster could replay them.
      throw new ConfigurationError(
        `namespace '${host.name}': connectionStateRecovery needs an adapter that stores packets, and the ` +
          "Redis adapter in the 'socket.io' format stores none (as @socket.io/redis-adapter): turn recovery off",
      );
    }
    if (link === undefined || link.isClosed) link = new RedisLink({ url: settings.url, onError: settings.onError });
    if (format === 'socket.io') {
      return new SocketIoRedisAdapter(host, link, { key: settings.channel, requestsTimeout: settings.requestsTimeout });
    }
    return new RedisAdapter(host, link, { channel: settings.channel, requestsTimeout: settings.requestsTimeout });
  };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
