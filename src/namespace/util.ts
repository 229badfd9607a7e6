import { randomBytes } from 'node:crypto';

/**
 * Event names a client may not send and the server may not emit: they name lifecycle events on one side or the
 * other (socket.io-protocol, "Reserved event names").
 */
export const RESERVED_EVENTS: ReadonlySet<string> = new Set([
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
]);

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
