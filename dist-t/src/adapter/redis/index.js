"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StreamLink = exports.RedisStreamsAdapter = exports.RedisAdapter = void 0;
exports.createRedisAdapter = createRedisAdapter;
exports.createRedisStreamsAdapter = createRedisStreamsAdapter;
/**
 * `classio/redis`: the Redis adapter, so that several server processes form one cluster. A separate entry, so that a
 * single-process server never loads it, nor ioredis (the `messageQueue` server option loads it on demand).
 */
const errors_1 = require("../../errors");
const option_names_1 = require("../../option-names");
const redis_adapter_1 = require("./redis-adapter");
const redis_link_1 = require("./redis-link");
const redis_url_1 = require("./redis-url");
const streams_adapter_1 = require("./streams-adapter");
const stream_link_1 = require("./stream-link");
var redis_adapter_2 = require("./redis-adapter");
Object.defineProperty(exports, "RedisAdapter", { enumerable: true, get: function () { return redis_adapter_2.RedisAdapter; } });
var streams_adapter_2 = require("./streams-adapter");
Object.defineProperty(exports, "RedisStreamsAdapter", { enumerable: true, get: function () { return streams_adapter_2.RedisStreamsAdapter; } });
var stream_link_2 = require("./stream-link");
Object.defineProperty(exports, "StreamLink", { enumerable: true, get: function () { return stream_link_2.StreamLink; } });
const DEFAULTS = { channel: 'classio', requestsTimeout: 5000 };
/**
 * Creates the adapter factory behind the `messageQueue` server option. All namespaces of one server share the
 * factory's two Redis connections (opened with the first namespace, closed with the last adapter) and its uid.
 * Throws a {@link ConfigurationError} for a URL that is not `redis://` or `rediss://`, or a bad option.
 *
 * @example
 * const server = new Server({ adapter: createRedisAdapter({ url: 'redis://127.0.0.1:6379/0', channel: 'chat' }) });
 */
function createRedisAdapter(options) {
    const settings = { ...DEFAULTS, ...stripUndefined(options) };
    (0, redis_url_1.checkRedisUrl)(settings.url, 'messageQueue');
    if (typeof settings.channel !== 'string' || settings.channel === '') {
        throw new errors_1.ConfigurationError(`channel must be a non-empty string, got ${JSON.stringify(settings.channel)}`);
    }
    if (!Number.isFinite(settings.requestsTimeout) || settings.requestsTimeout <= 0) {
        throw new errors_1.ConfigurationError(`requestsTimeout must be a positive number of milliseconds, got ${settings.requestsTimeout}`);
    }
    let link;
    return (host) => {
        if (link === undefined || link.isClosed)
            link = new redis_link_1.RedisLink({ url: settings.url, onError: settings.onError });
        return new redis_adapter_1.RedisAdapter(host, link, { channel: settings.channel, requestsTimeout: settings.requestsTimeout });
    };
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
function createRedisStreamsAdapter(options) {
    (0, option_names_1.checkOptionNames)(options, ['url', 'onError', ...Object.keys(STREAMS_DEFAULTS)], 'createRedisStreamsAdapter');
    const settings = { ...STREAMS_DEFAULTS, ...stripUndefined(options) };
    (0, redis_url_1.checkRedisUrl)(settings.url, 'createRedisStreamsAdapter url');
    for (const name of ['streamName', 'sessionKeyPrefix']) {
        if (typeof settings[name] !== 'string' || settings[name] === '') {
            throw new errors_1.ConfigurationError(`${name} must be a non-empty string, got ${JSON.stringify(settings[name])}`);
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
    ]) {
        const value = settings[name];
        if (!Number.isInteger(value) || value <= 0 || value > 2 ** 31 - 1) {
            throw new errors_1.ConfigurationError(`${name} must be a positive integer (at most 2^31 - 1), got ${String(value)}`);
        }
    }
    if (settings.heartbeatTimeout <= settings.heartbeatInterval) {
        throw new errors_1.ConfigurationError(`heartbeatTimeout (${settings.heartbeatTimeout}) must be longer than heartbeatInterval (${settings.heartbeatInterval})`);
    }
    let link;
    return (host) => {
        if (link === undefined || link.isClosed)
            link = new stream_link_1.StreamLink(settings);
        return new streams_adapter_1.RedisStreamsAdapter(host, link, {
            channel: settings.streamName,
            requestsTimeout: settings.requestsTimeout,
            streamName: settings.streamName,
            sessionKeyPrefix: settings.sessionKeyPrefix,
            sessionSyncInterval: settings.sessionSyncInterval,
        });
    };
}
function stripUndefined(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
//# sourceMappingURL=index.js.map