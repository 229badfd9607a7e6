import type { Socket } from '../namespace/socket';
import { GuardContext } from './guard-context';
/**
 * The compiled `@Throttle` of one route: a fixed window of `windowMs` in which each key may pass `limit` times.
 * The counters live in one map that is emptied when a window ends, so it holds only the keys seen in the current
 * window: clients that left cost nothing after it, however many came and went. Per message: one `Date.now()`,
 * one map read and one write.
 */
export declare class Throttler {
    #private;
    /** The route's event, for messages. */
    readonly event: string;
    readonly limit: number;
    readonly windowMs: number;
    /** The key of an event; null for the default, the client's socket id. */
    private readonly keyOf;
    constructor(
    /** The route's event, for messages. */
    event: string, limit: number, windowMs: number, 
    /** The key of an event; null for the default, the client's socket id. */
    keyOf: ((context: GuardContext) => string) | null);
    /** @internal How many keys the current window holds (the bound the tests check). */
    get size(): number;
    /** Counts one event of `socket`; throws `ThrottledError` past the limit. */
    check(socket: Socket, args: unknown[]): void;
}
