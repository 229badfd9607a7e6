/**
 * `classio/redis`: the Redis adapter, so that several server processes form one cluster. A separate entry, so that a
 * single-process server never loads it, nor ioredis (the `messageQueue` server option loads it on demand).
 */
import { ConfigurationError } from '../../errors';
import { checkOptionNames } from '../../option-names';
import type { Adapter, AdapterFactory, AdapterHost } from '../adapter';
import { RedisAdapter } from './redis-adapter';
import { RedisLink } from './redis-link';
import { checkRedisUrl } from './redis-url';
import { SocketIoRedisAdapter } from './socket-io-adapter';
import { RedisStreamsAdapter } from './streams-adapter';
import { StreamLink } from './stream-link';

export { RedisAdapter } from './redis-adapter';
export { SocketIoRedisAdapter } from './socket-io-adapter';
export { RedisStreamsAdapter } from './streams-adapter';
export { StreamLink } from './stream-link';

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
    if (link === undefined || link.isClosed) {
      link = new RedisLink({ url: settings.url, onError: reportOutages(settings.onError, host) });
    }
    if (format === 'socket.io') {
      return new SocketIoRedisAdapter(host, link, { key: settings.channel, requestsTimeout: settings.requestsTimeout });
    }
    return new RedisAdapter(host, link, { channel: settings.channel, requestsTimeout: settings.requestsTimeout });
  };
}

/**
 * Options of {@link createRedisStreamsAdapter}. The names and meanings of `@socket.io/redis-streams-adapter` where
 * it has them; `sessionSyncInterval` is classio's own.
 */
export interface CreateRedisStreamsAdapterOptions {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). Required. */
  url: string;
  /** The Redis stream of the cluster (one for all namespaces); servers on the same one form one cluster. Default `classio`. */
  streamName?: string;
  /** The most entries the stream keeps (`XADD MAXLEN ~`, so a little more). Default 10000. */
  maxLen?: number;
  /** The most entries one XREAD returns. Default 100. */
  readCount?: number;
  /** How long one XREAD blocks waiting for entries, in ms. Default 5000. */
  blockTimeInMs?: number;
  /** Prefix of the Redis keys of saved sessions (with `connectionStateRecovery`). Default `classio:session:`. */
  sessionKeyPrefix?: string;
  /** How often each process tells the others it is alive, in ms. Default 5000. */
  heartbeatInterval?: number;
  /** After how long without a heartbeat a process no longer counts (cluster requests stop waiting for it), in ms. Default 10000. */
  heartbeatTimeout?: number;
  /** How long cluster requests wait for the other servers, in ms. Default 5000. */
  requestsTimeout?: number;
  /**
   * With `connectionStateRecovery`: how often the sessions of connected sockets (id, rooms, `data`, last offset)
   * are written to Redis when they changed, in ms, so that a process killed without warning leaves sessions at
   * most this old. Default 1000.
   */
  sessionSyncInterval?: number;
  /** Called with the first error of each Redis outage. Default: one `console.warn` line per outage. */
  onError?: (err: Error) => void;
}

const STREAMS_DEFAULTS = {
  streamName: 'classio',
  maxLen: 10_000,
  readCount: 100,
  blockTimeInMs: 5000,
  sessionKeyPrefix: 'classio:session:',
  heartbeatInterval: 5000,
  heartbeatTimeout: 10_000,
  requestsTimeout: 5000,
  sessionSyncInterval: 1000,
};

/**
 * Creates the Redis Streams adapter factory: broadcasts and cluster requests travel through one capped Redis
 * stream, so that a process that loses Redis for a while reads on from where it stopped, and, with the server's
 * `connectionStateRecovery`, sessions are kept in Redis so that a client recovers on any process (see
 * docs/recovery.md). All namespaces of one server share the factory's two connections and its uid. Throws a
 * {@link ConfigurationError} for a bad URL, an unknown option or a value out of range.
 *
 * @example
 * const server = new Server({
 *   adapter: createRedisStreamsAdapter({ url: 'redis://127.0.0.1:6379/0', streamName: 'chat' }),
 *   connectionStateRecovery: {},
 * });
 */
export function createRedisStreamsAdapter(options: CreateRedisStreamsAdapterOptions): AdapterFactory {
  checkOptionNames(options, ['url', 'onError', ...Object.keys(STREAMS_DEFAULTS)], 'createRedisStreamsAdapter');
  const settings = { ...STREAMS_DEFAULTS, ...stripUndefined(options) };
  checkRedisUrl(settings.url, 'createRedisStreamsAdapter url');
  for (const name of ['streamName', 'sessionKeyPrefix'] as const) {
    if (typeof settings[name] !== 'string' || settings[name] === '') {
      throw new ConfigurationError(`${name} must be a non-empty string, got ${JSON.stringify(settings[name])}`);
    }
  }
  for (const name of [
    'maxLen',
    'readCount',
    'blockTimeInMs',
    'heartbeatInterval',
    'heartbeatTimeout',
    'requestsTimeout',
    'sessionSyncInterval',
  ] as const) {
    const value = settings[name];
    if (!Number.isInteger(value) || value <= 0 || value > 2 ** 31 - 1) {
      throw new ConfigurationError(`${name} must be a positive integer (at most 2^31 - 1), got ${String(value)}`);
    }
  }
  if (settings.heartbeatTimeout <= settings.heartbeatInterval) {
    throw new ConfigurationError(
      `heartbeatTimeout (${settings.heartbeatTimeout}) must be longer than heartbeatInterval (${settings.heartbeatInterval})`,
    );
  }
  let link: StreamLink | undefined;
  return (host: AdapterHost): Adapter => {
    if (link === undefined || link.isClosed) {
      link = new StreamLink({ ...settings, onError: reportOutages(settings.onError, host) });
    }
    return new RedisStreamsAdapter(host, link, {
      channel: settings.streamName,
      requestsTimeout: settings.requestsTimeout,
      streamName: settings.streamName,
      sessionKeyPrefix: settings.sessionKeyPrefix,
      sessionSyncInterval: settings.sessionSyncInterval,
    });
  };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Where a link reports the first error of each outage: the `onError` option and the server (which counts the outage
 * and logs it through its logger); neither, and the link's own default (one `console.warn` line) applies. The link
 * is shared by the server's namespaces, so the first namespace's host speaks for the server.
 */
function reportOutages(
  onError: ((err: Error) => void) | undefined,
  host: AdapterHost,
): ((err: Error) => void) | undefined {
  if (host.onClusterFault === undefined) return onError;
  return (err) => {
    onError?.(err);
    host.onClusterFault?.(err);
  };
}
