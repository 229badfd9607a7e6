import type { AdapterFactory } from '../adapter';
export { RedisAdapter } from './redis-adapter';
export { RedisStreamsAdapter } from './streams-adapter';
export { StreamLink } from './stream-link';
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
/**
 * Creates the adapter factory behind the `messageQueue` server option. All namespaces of one server share the
 * factory's two Redis connections (opened with the first namespace, closed with the last adapter) and its uid.
 * Throws a {@link ConfigurationError} for a URL that is not `redis://` or `rediss://`, or a bad option.
 *
 * @example
 * const server = new Server({ adapter: createRedisAdapter({ url: 'redis://127.0.0.1:6379/0', channel: 'chat' }) });
 */
export declare function createRedisAdapter(options: CreateRedisAdapterOptions): AdapterFactory;
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
export declare function createRedisStreamsAdapter(options: CreateRedisStreamsAdapterOptions): AdapterFactory;
