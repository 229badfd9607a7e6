import { randomBytes } from 'node:crypto';
import { RESERVED_EVENTS } from '../protocol/packet';
import { UsageError } from '../errors';

/**
 * The reserved names a class or `server.on()` may not route: all of them but `connect` and `disconnect`, which are
 * the namespace's lifecycle hooks (`on_connect`, `server.on('connect', ...)`), not events a client sends.
 */
export const UNROUTABLE_EVENTS: ReadonlySet<string> = new Set(
  [...RESERVED_EVENTS].filter((event) => event !== 'connect' && event !== 'disconnect'),
);

/** Throws a `UsageError` when `event` is reserved (see {@link RESERVED_EVENTS}): every server-side emit checks it first. */
export function assertEmittable(event: string): void {
  if (RESERVED_EVENTS.has(event)) throw new UsageError(`"${event}" is a reserved event name`);
}

/**
 * A new socket id: 15 random bytes in base64url (20 characters), unguessable, unique per process in practice.
 * Bytes are drawn in batches because `randomBytes` per call costs a syscall-sized overhead on the connect path.
 */
export function createSid(): string {
  if (poolOffset + SID_BYTES > pool.length) {
    pool = randomBytes(SID_BYTES * 256);
    poolOffset = 0;
  }
  const sid = pool.toString('base64url', poolOffset, poolOffset + SID_BYTES);
  poolOffset += SID_BYTES;
  return sid;
}

const SID_BYTES = 15;
let pool = randomBytes(SID_BYTES * 256);
let poolOffset = 0;

/** True for promises and other thenables: a handler's async result. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function';
}

/**
 * Offers `error` to `count` error handlers in turn (`attempt(i)` calls the i-th) until one takes it. A handler that
 * throws, or rejects with, the very error it was given passes it on to the next; any other answer, or another throw,
 * ends the turn. When every handler has passed, the error is thrown again: nobody here took it. A class's `@OnError`
 * methods and the handlers of a namespace's tables both combine this way.
 */
export function offerInTurn(count: number, error: unknown, attempt: (index: number) => unknown, from = 0): unknown {
  for (let i = from; i < count; i++) {
    let result: unknown;
    try {
      result = attempt(i);
    } catch (thrown) {
      if (thrown === error) continue;
      throw thrown;
    }
    if (!isThenable(result)) return result;
    return Promise.resolve(result).then(undefined, (thrown: unknown) => {
      if (thrown !== error) throw thrown;
      return offerInTurn(count, error, attempt, i + 1);
    });
  }
  throw error;
}
