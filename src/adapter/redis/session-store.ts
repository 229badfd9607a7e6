import type Redis from 'ioredis';
import { createDebug } from '../../debug';

const debug = createDebug('classio:adapter');

/** A write waiting to be sent: a value with its time to live, or null for a deletion. */
type PendingWrite = { readonly value: Buffer; readonly ttl: number } | null;

/**
 * The session keys of one namespace in Redis. Writes are batched: they wait in a map (a newer write of a key
 * replaces the older one) and go out in one pipeline on {@link flush}; while Redis is away they stay in the map and
 * go once it is back, so that no change is lost to a short outage and none is sent twice.
 */
export class SessionStore {
  readonly #redis: Redis;
  readonly #pending = new Map<string, PendingWrite>();
  #isFlushing = false;
  #isFlushQueued = false;

  constructor(redis: Redis) {
    this.#redis = redis;
  }

  /** How many writes wait to be sent. */
  get pendingWrites(): number {
    return this.#pending.size;
  }

  /** Sets `key` to `value`, expiring after `ttl` ms, at the next flush. */
  set(key: string, value: Buffer, ttl: number): void {
    this.#pending.set(key, { value, ttl });
  }

  /** Deletes `key` at the next flush. */
  delete(key: string): void {
    this.#pending.set(key, null);
  }

  /** Flushes on the next turn of the event loop (writes made meanwhile go in the same pipeline). */
  flushSoon(): void {
    if (this.#isFlushQueued) return;
    this.#isFlushQueued = true;
    setImmediate(() => {
      this.#isFlushQueued = false;
      void this.flush();
    });
  }

  /** Sends the pending writes in one pipeline; a write that fails waits for the next flush (unless replaced). */
  async flush(): Promise<void> {
    if (this.#isFlushing || this.#pending.size === 0 || this.#redis.status !== 'ready') return;
    this.#isFlushing = true;
    const writes = [...this.#pending];
    this.#pending.clear();
    const pipeline = this.#redis.pipeline();
    for (const [key, write] of writes) {
      if (write === null) pipeline.del(key);
      else pipeline.set(key, write.value, 'PX', write.ttl);
    }
    try {
      const results = (await pipeline.exec()) ?? [];
      writes.forEach(([key, write], i) => {
        if (results[i]?.[0] != null && !this.#pending.has(key)) this.#pending.set(key, write);
      });
    } catch (err) {
      debug('session store: flush failed: %s', (err as Error).message);
      for (const [key, write] of writes) if (!this.#pending.has(key)) this.#pending.set(key, write);
    } finally {
      this.#isFlushing = false;
    }
  }

  /**
   * Reads and deletes `key` (GETDEL), so that a session is restored at most once across the cluster. A write of it
   * still waiting here (Redis was away) is taken instead.
   */
  async take(key: string): Promise<Buffer | null> {
    const pending = this.#pending.get(key);
    if (pending !== undefined) {
      this.#pending.delete(key);
      if (pending !== null) {
        // The key may also be in Redis from an earlier flush.
        this.#redis.del(key).catch((err: Error) => debug('session store: DEL %s failed: %s', key, err.message));
        return pending.value;
      }
      return null;
    }
    return this.#redis.getdelBuffer(key);
  }

  /** Deletes `key` now; resolves true when it was there (nobody took it first). */
  async remove(key: string): Promise<boolean> {
    this.#pending.delete(key);
    return (await this.#redis.del(key)) === 1;
  }
}
