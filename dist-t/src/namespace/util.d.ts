/**
 * The reserved names a class or `server.on()` may not route: all of them but `connect` and `disconnect`, which are
 * the namespace's lifecycle hooks (`on_connect`, `server.on('connect', ...)`), not events a client sends.
 */
export declare const UNROUTABLE_EVENTS: ReadonlySet<string>;
/** Throws a `UsageError` when `event` is reserved (see {@link RESERVED_EVENTS}): every server-side emit checks it first. */
export declare function assertEmittable(event: string): void;
/**
 * A new socket id: 15 random bytes in base64url (20 characters), unguessable, unique per process in practice.
 * Bytes are drawn in batches because `randomBytes` per call costs a syscall-sized overhead on the connect path.
 */
export declare function createSid(): string;
/** True for promises and other thenables: a handler's async result. */
export declare function isThenable(value: unknown): value is PromiseLike<unknown>;
/**
 * Offers `error` to `count` error handlers in turn (`attempt(i)` calls the i-th) until one takes it. A handler that
 * throws, or rejects with, the very error it was given passes it on to the next; any other answer, or another throw,
 * ends the turn. When every handler has passed, the error is thrown again: nobody here took it. A class's `@OnError`
 * methods and the handlers of a namespace's tables both combine this way.
 */
export declare function offerInTurn(count: number, error: unknown, attempt: (index: number) => unknown, from?: number): unknown;
