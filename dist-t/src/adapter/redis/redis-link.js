"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisLink = void 0;
exports.closeClient = closeClient;
const node_crypto_1 = require("node:crypto");
const node_events_1 = require("node:events");
const debug_1 = require("../../debug");
const redis_url_1 = require("./redis-url");
const debug = (0, debug_1.createDebug)('classio:adapter');
/**
 * Events: `up` once both connections are ready and the subscriber's channels are (re)subscribed; `down` when
 * either connection is lost.
 *
 * The two Redis connections of one server process (a subscriber connection cannot publish), shared by the
 * adapters of all its namespaces, and the process's cluster uid.
 *
 * Fault handling, so that Redis restarting or being unreachable never crashes a server:
 * - both clients always have an `error` listener (an EventEmitter without one throws);
 * - ioredis reconnects on its own and, on the subscriber, re-subscribes to every channel (`autoResubscribe`);
 * - the publisher has no offline queue: while Redis is away a publish fails at once and is dropped (the local
 *   clients of the publishing process are still served) instead of piling up and being replayed late;
 * - the subscriber keeps its commands queued for as long as it takes (`maxRetriesPerRequest: null`), so a
 *   SUBSCRIBE issued while Redis is down takes effect once it is back.
 */
class RedisLink extends node_events_1.EventEmitter {
    #handlers;
    #onError;
    #isDown;
    #isClosed;
    #isUp;
    #isSubscriberReady;
    #users;
    constructor(options) {
        super();
        /** Identifies this process in cluster messages (each process ignores its own). */
        this.uid = (0, node_crypto_1.randomBytes)(8).toString('hex');
        this.medium = 'Redis';
        this.#handlers = new Map();
        this.#isDown = false;
        this.#isClosed = false;
        this.#isUp = false;
        this.#isSubscriberReady = false;
        this.#users = 0;
        this.#onError =
            options.onError ??
                ((err) => console.warn(`classio: Redis at ${(0, redis_url_1.redactUrl)(options.url)} unavailable (${err.message}); reconnecting`));
        const Redis = (0, redis_url_1.loadRedis)();
        this.pub = new Redis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
        this.sub = new Redis(options.url, { maxRetriesPerRequest: null });
        for (const client of [this.pub, this.sub]) {
            client.on('error', (err) => this.#reportError(err));
            client.on('close', () => this.#update());
        }
        this.pub.on('ready', () => this.#update());
        // ioredis re-subscribes right after `ready`; a PING answered on the same connection proves Redis has
        // processed those SUBSCRIBEs, so `up` means "messages published from now on reach this process".
        this.sub.on('ready', () => {
            this.sub.ping().then(() => {
                this.#isSubscriberReady = true;
                this.#update();
            }, (err) => debug('redis link %s: ping after reconnect failed: %s', this.uid, err.message));
        });
        this.sub.on('close', () => {
            this.#isSubscriberReady = false;
            this.#update();
        });
        this.sub.on('messageBuffer', (channel, message) => {
            const handler = this.#handlers.get(channel.toString());
            if (handler !== undefined)
                handler(message);
        });
    }
    /** True once {@link close} was called (a closed link is never reused). */
    get isClosed() {
        return this.#isClosed;
    }
    /** True while both connections are up (see the `up` event). */
    get isReady() {
        return this.#isUp;
    }
    /** Resolves once the link is up (never rejects; waits across reconnects, or until closed). */
    whenReady() {
        if (this.#isUp || this.#isClosed)
            return Promise.resolve();
        return new Promise((resolve) => {
            const done = () => {
                this.off('up', done);
                this.off('closed', done);
                resolve();
            };
            this.on('up', done);
            this.on('closed', done);
        });
    }
    #update() {
        const isUp = !this.#isClosed && this.pub.status === 'ready' && this.#isSubscriberReady && this.sub.status === 'ready';
        if (isUp === this.#isUp)
            return;
        this.#isUp = isUp;
        if (isUp)
            this.#isDown = false;
        debug('redis link %s: %s', this.uid, isUp ? 'up' : 'down');
        this.emit(isUp ? 'up' : 'down');
    }
    /** Routes the messages of `channels` to `handler` and subscribes; resolves once Redis confirmed. */
    async subscribe(channels, handler) {
        for (const channel of channels)
            this.#handlers.set(channel, handler);
        await this.sub.subscribe(...channels);
    }
    /** Stops routing and unsubscribes (best effort: a closed or unreachable Redis has nothing to unsubscribe). */
    async unsubscribe(channels) {
        for (const channel of channels)
            this.#handlers.delete(channel);
        if (this.#isClosed || this.sub.status !== 'ready')
            return;
        await this.sub.unsubscribe(...channels).catch((err) => debug('unsubscribe failed: %s', err.message));
    }
    /** Publishes without waiting; a failure (Redis away) is logged at debug level and the message is dropped. */
    publish(channel, data) {
        if (this.pub.status !== 'ready') {
            debug('redis link %s: dropped a message for %s (publisher %s)', this.uid, channel, this.pub.status);
            return;
        }
        this.pub.publish(channel, data).catch((err) => debug('publish to %s failed: %s', channel, err.message));
    }
    /** The number of connections subscribed to `channel` (this process included). Rejects while Redis is away. */
    async countSubscribers(channel) {
        const reply = (await this.pub.pubsub('NUMSUB', channel));
        return Number(reply[1]);
    }
    /** Counts one more adapter using the link. */
    retain() {
        this.#users++;
    }
    /** Counts one adapter fewer; the last one closes the connections. */
    async release() {
        if (--this.#users <= 0)
            await this.close();
    }
    /** Closes both connections; idempotent. */
    async close() {
        if (this.#isClosed)
            return;
        this.#isClosed = true;
        this.#handlers.clear();
        this.#update();
        this.emit('closed');
        await Promise.all([this.pub, this.sub].map((client) => closeClient(client)));
    }
    #reportError(err) {
        debug('redis link %s: %s', this.uid, err.message);
        if (this.#isDown || this.#isClosed)
            return;
        this.#isDown = true;
        this.#onError(err);
    }
}
exports.RedisLink = RedisLink;
/** Quits a connection cleanly when it is up, or drops it. */
async function closeClient(client) {
    if (client.status === 'ready') {
        try {
            await client.quit();
            return;
        }
        catch {
            // fall through: the connection went away while quitting
        }
    }
    client.disconnect();
}
//# sourceMappingURL=redis-link.js.map