import { EventEmitter } from 'node:events';
import type Redis from 'ioredis';
import type { PeerLink, PeerMessageHandler } from '../peer-link';
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
export declare class RedisLink extends EventEmitter implements PeerLink {
    #private;
    /** Identifies this process in cluster messages (each process ignores its own). */
    readonly uid: string;
    readonly medium = "Redis";
    readonly pub: Redis;
    readonly sub: Redis;
    constructor(options: RedisLinkOptions);
    /** True once {@link close} was called (a closed link is never reused). */
    get isClosed(): boolean;
    /** True while both connections are up (see the `up` event). */
    get isReady(): boolean;
    /** Resolves once the link is up (never rejects; waits across reconnects, or until closed). */
    whenReady(): Promise<void>;
    /** Routes the messages of `channels` to `handler` and subscribes; resolves once Redis confirmed. */
    subscribe(channels: readonly string[], handler: PeerMessageHandler): Promise<void>;
    /** Stops routing and unsubscribes (best effort: a closed or unreachable Redis has nothing to unsubscribe). */
    unsubscribe(channels: readonly string[]): Promise<void>;
    /** Publishes without waiting; a failure (Redis away) is logged at debug level and the message is dropped. */
    publish(channel: string, data: Buffer): void;
    /** The number of connections subscribed to `channel` (this process included). Rejects while Redis is away. */
    countSubscribers(channel: string): Promise<number>;
    /** Counts one more adapter using the link. */
    retain(): void;
    /** Counts one adapter fewer; the last one closes the connections. */
    release(): Promise<void>;
    /** Closes both connections; idempotent. */
    close(): Promise<void>;
}
/** Quits a connection cleanly when it is up, or drops it. */
export declare function closeClient(client: Redis): Promise<void>;
