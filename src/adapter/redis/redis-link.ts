import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type Redis from 'ioredis';
import { createDebug } from '../../debug';
import type { PeerLink, PeerMessageHandler } from '../peer-link';

/** Called with one message published on a channel that matched a pattern subscription, and that channel. */
export type PatternMessageHandler = (channel: string, data: Buffer) => void;
import { loadRedis, redactUrl } from './redis-url';

const debug = createDebug('classio:adapter');

/** Options of a {@link RedisLink}. */
export interface RedisLinkOptions {
  /** `redis://[user:password@]host:port[/db]`. */
  readonly url: string;
  /**
   * Called with the first error of each outage (errors repeat on every reconnect attempt, so the rest only go to
   * the `classio:adapter` debug log). Default: one `console.warn` line.
   */
  readonly onError?: (err: Error) => void;
}

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
export class RedisLink extends EventEmitter implements PeerLink {
  /** Identifies this process in cluster messages (each process ignores its own). */
  readonly uid = randomBytes(8).toString('hex');
  readonly medium = 'Redis';
  readonly pub: Redis;
  readonly sub: Redis;
  readonly #handlers = new Map<string, PeerMessageHandler>();
  readonly #patternHandlers = new Map<string, PatternMessageHandler>();
  readonly #onError: (err: Error) => void;
  #isDown = false;
  #isClosed = false;
  #isUp = false;
  #isSubscriberReady = false;
  #users = 0;

  constructor(options: RedisLinkOptions) {
    super();
    this.#onError =
      options.onError ??
      ((err) => console.warn(`classio: Redis at ${redactUrl(options.url)} unavailable (${err.message}); reconnecting`));
    const Redis = loadRedis();
    this.pub = new Redis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.sub = new Redis(options.url, { maxRetriesPerRequest: null });
    for (const client of [this.pub, this.sub]) {
      client.on('error', (err: Error) => this.#reportError(err));
      client.on('close', () => this.#update());
    }
    this.pub.on('ready', () => this.#update());
    // ioredis re-subscribes right after `ready`; a PING answered on the same connection proves Redis has
    // processed those SUBSCRIBEs, so `up` means "messages published from now on reach this process".
    this.sub.on('ready', () => {
      this.sub.ping().then(
        () => {
          this.#isSubscriberReady = true;
          this.#update();
        },
        (err: Error) => debug('redis link %s: ping after reconnect failed: %s', this.uid, err.message),
      );
    });
    this.sub.on('close', () => {
      this.#isSubscriberReady = false;
      this.#update();
    });
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const handler = this.#handlers.get(channel.toString());
      if (handler !== undefined) handler(message);
    });
  }

  /** True once {@link close} was called (a closed link is never reused). */
  get isClosed(): boolean {
    return this.#isClosed;
  }

  /** True while both connections are up (see the `up` event). */
  get isReady(): boolean {
    return this.#isUp;
  }

  /** Resolves once the link is up (never rejects; waits across reconnects, or until closed). */
  whenReady(): Promise<void> {
    return whenUp(this, this.#isUp || this.#isClosed);
  }

  #update(): void {
    const isUp =
      !this.#isClosed && this.pub.status === 'ready' && this.#isSubscriberReady && this.sub.status === 'ready';
    if (isUp === this.#isUp) return;
    this.#isUp = isUp;
    if (isUp) this.#isDown = false;
    debug('redis link %s: %s', this.uid, isUp ? 'up' : 'down');
    this.emit(isUp ? 'up' : 'down');
  }

  /** Routes the messages of `channels` to `handler` and subscribes; resolves once Redis confirmed. */
  async subscribe(channels: readonly string[], handler: PeerMessageHandler): Promise<void> {
    for (const channel of channels) this.#handlers.set(channel, handler);
    await this.sub.subscribe(...channels);
  }

  /** Stops routing and unsubscribes (best effort: a closed or unreachable Redis has nothing to unsubscribe). */
  async unsubscribe(channels: readonly string[]): Promise<void> {
    for (const channel of channels) this.#handlers.delete(channel);
    if (this.#isClosed || this.sub.status !== 'ready') return;
    await this.sub.unsubscribe(...channels).catch((err: Error) => debug('unsubscribe failed: %s', err.message));
  }

  /**
   * Routes the messages of every channel matching the glob `pattern` to `handler` (PSUBSCRIBE), for formats that
   * publish on one channel per room (Socket.IO's). The `pmessageBuffer` listener is only added with the first
   * pattern, so that the exact-channel path never pays for it.
   */
  async subscribePattern(pattern: string, handler: PatternMessageHandler): Promise<void> {
    if (this.#patternHandlers.size === 0) this.sub.on('pmessageBuffer', this.#onPatternMessage);
    this.#patternHandlers.set(pattern, handler);
    await this.sub.psubscribe(pattern);
  }

  /** Stops routing `pattern` and unsubscribes from it (best effort, as {@link unsubscribe}). */
  async unsubscribePattern(pattern: string): Promise<void> {
    this.#patternHandlers.delete(pattern);
    if (this.#patternHandlers.size === 0) this.sub.off('pmessageBuffer', this.#onPatternMessage);
    if (this.#isClosed || this.sub.status !== 'ready') return;
    await this.sub.punsubscribe(pattern).catch((err: Error) => debug('punsubscribe failed: %s', err.message));
  }

  readonly #onPatternMessage = (pattern: Buffer, channel: Buffer, message: Buffer): void => {
    const handler = this.#patternHandlers.get(pattern.toString());
    if (handler !== undefined) handler(channel.toString(), message);
  };

  /** Publishes without waiting; a failure (Redis away) is logged at debug level and the message is dropped. */
  publish(channel: string, data: Buffer): void {
    if (this.pub.status !== 'ready') {
      debug('redis link %s: dropped a message for %s (publisher %s)', this.uid, channel, this.pub.status);
      return;
    }
    this.pub.publish(channel, data).catch((err: Error) => debug('publish to %s failed: %s', channel, err.message));
  }

  /** The number of connections subscribed to `channel` (this process included). Rejects while Redis is away. */
  async countSubscribers(channel: string): Promise<number> {
    const reply = (await this.pub.pubsub('NUMSUB', channel)) as [string, number | string];
    return Number(reply[1]);
  }

  /** Counts one more adapter using the link. */
  retain(): void {
    this.#users++;
  }

  /** Counts one adapter fewer; the last one closes the connections. */
  async release(): Promise<void> {
    if (--this.#users <= 0) await this.close();
  }

  /** Closes both connections; idempotent. */
  async close(): Promise<void> {
    if (this.#isClosed) return;
    this.#isClosed = true;
    this.#handlers.clear();
    this.#patternHandlers.clear();
    this.#update();
    this.emit('closed');
    await Promise.all([this.pub, this.sub].map((client) => closeClient(client)));
  }

  #reportError(err: Error): void {
    debug('redis link %s: %s', this.uid, err.message);
    if (this.#isDown || this.#isClosed) return;
    this.#isDown = true;
    this.#onError(err);
  }
}

/** Resolves at once when `isUp`, else at the link's next `up` or `closed` event. */
export function whenUp(link: EventEmitter, isUp: boolean): Promise<void> {
  if (isUp) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      link.off('up', done);
      link.off('closed', done);
      resolve();
    };
    link.on('up', done);
    link.on('closed', done);
  });
}

/** Quits a connection cleanly when it is up, or drops it. */
export async function closeClient(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    try {
      await client.quit();
      return;
    } catch {
      // fall through: the connection went away while quitting
    }
  }
  client.disconnect();
}
