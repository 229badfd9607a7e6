import type Redis from 'ioredis';
/**
 * The session keys of one namespace in Redis. Writes are batched: they wait in a map (a newer write of a key
 * replaces the older one) and go out in one pipeline on {@link flush}; while Redis is away they stay in the map and
 * go once it is back, so that no change is lost to a short outage and none is sent twice.
 */
export declare class SessionStore {
    #private;
    constructor(redis: Redis);
    /** How many writes wait to be sent. */
    get pendingWrites(): number;
    /** Sets `key` to `value`, expiring after `ttl` ms, at the next flush. */
    set(key: string, value: Buffer, ttl: number): void;
    /** Deletes `key` at the next flush. */
    delete(key: string): void;
    /** Flushes on the next turn of the event loop (writes made meanwhile go in the same pipeline). */
    flushSoon(): void;
    /** Sends the pending writes in one pipeline; a write that fails waits for the next flush (unless replaced). */
    flush(): Promise<void>;
    /**
     * Reads and deletes `key` (GETDEL), so that a session is restored at most once across the cluster. A write of it
     * still waiting here (Redis was away) is taken instead.
     */
    take(key: string): Promise<Buffer | null>;
    /** Deletes `key` now; resolves true when it was there (nobody took it first). */
    remove(key: string): Promise<boolean>;
}
