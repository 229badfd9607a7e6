import type { CatchAllListener } from './listeners';
/**
 * The lists behind a socket's catch-all API (`onAny`, `prependAny`, `offAny`, `listenersAny` and their `Outgoing`
 * twins). A list is null while it is empty, so that a socket without catch-all listeners pays one null check per
 * packet and nothing else. Lists are copy-on-write: a listener that adds or removes listeners while the list is
 * being called does not change the call in progress (Socket.IO calls a copy for the same reason), and callers walk
 * the array they read without copying it.
 */
/** `list` with `call` added at the end, or at the front when `isPrepended`. */
export declare function withListener(list: readonly CatchAllListener[] | null, call: CatchAllListener, isPrepended: boolean): CatchAllListener[];
/**
 * `list` without `listener` (its first registration, compared with what was registered as well as with what is
 * called, see `original`), or without any listener when `listener` is undefined; null when nothing is left.
 */
export declare function withoutListener(list: readonly CatchAllListener[] | null, listener: CatchAllListener | undefined, original: (call: CatchAllListener) => CatchAllListener): CatchAllListener[] | null;
/** The listeners as they were registered, in calling order (a fresh array the caller may keep). */
export declare function registeredListeners(list: readonly CatchAllListener[] | null, original: (call: CatchAllListener) => CatchAllListener): CatchAllListener[];
/**
 * Calls every listener with `(event, ...args)`. A listener that throws, or rejects, is reported through `logError`
 * and the others still run: a bug in an observer never stops the packet it observes.
 */
export declare function callCatchAll(list: readonly CatchAllListener[], event: string, args: readonly unknown[], label: string, logError: (message: string, err: unknown) => void): void;
