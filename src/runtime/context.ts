import { AsyncLocalStorage } from 'node:async_hooks';
import type { Socket } from '../namespace/socket';
import { UsageError } from '../errors';

/**
 * The request context of Flask without threading it by hand: every compiled handler, guard, error handler and
 * lifecycle hook runs inside `runInContext(context, fn, ...)` (an AsyncLocalStorage run), so the current socket,
 * event and session are reachable from anywhere below it, across `await`s and timers started there.
 */

/** What the context carries for one event (or the connect / disconnect hooks). */
export class HandlerContext {
  constructor(
    /** The client's socket in this namespace. */
    readonly socket: Socket,
    /** The event name (`'connect'` / `'disconnect'` for the lifecycle hooks). */
    readonly event: string,
    /** The raw client arguments (without the ack callback); `[auth]` for connect, `[reason]` for disconnect. */
    readonly args: unknown[],
  ) {}

  /** The client's session id in this namespace. */
  get sid(): string {
    return this.socket.id;
  }

  /** The per-connection session object (`socket.data`). */
  get session(): Record<string, unknown> {
    return this.socket.data;
  }

  /** True when the client recovered its session (connection state recovery): same sid, rooms and session. */
  get recovered(): boolean {
    return this.socket.recovered;
  }
}

/** The storage behind every context-aware function. Runtime-internal; users read it through the functions below. */
const contextStorage = new AsyncLocalStorage<HandlerContext>();

/**
 * The context whose handler is running synchronously right now. While a handler's synchronous part runs, it is the
 * storage's store too, and reading a variable is cheaper than a storage lookup (a handler reads its context several
 * times: `this.emit`, `this.session`, ...). Continuations (after an `await`, in a timer) only ever run from an empty
 * stack, where this is undefined, so they read the storage, which carried the context to them. One difference
 * from the storage alone: a function bound to another async context (`AsyncResource.bind`) and called
 * synchronously inside a handler sees the handler's context.
 */
let activeContext: HandlerContext | undefined;

/** Runs `fn(a, b, c, d)` inside `context`: what every compiled handler, guard and hook goes through. */
export function runInContext<A, B, C, D, R>(
  context: HandlerContext,
  fn: (a: A, b: B, c: C, d: D) => R,
  a: A,
  b: B,
  c: C,
  d: D,
): R {
  const previous = activeContext;
  activeContext = context;
  try {
    return contextStorage.run(context, fn, a, b, c, d);
  } finally {
    activeContext = previous;
  }
}

/** The context of the event being handled, or undefined outside a handler. */
export function currentContext(): HandlerContext | undefined {
  return activeContext ?? contextStorage.getStore();
}

/** The context of the event being handled; throws a `UsageError` outside a handler. */
export function requireContext(caller: string): HandlerContext {
  const context = currentContext();
  if (context === undefined) {
    throw new UsageError(`${caller}() was called outside an event handler, so there is no current client`);
  }
  return context;
}

/** The current client's socket. Throws outside a handler. */
export function currentSocket(): Socket {
  return requireContext('currentSocket').socket;
}

/** The current client's sid in this namespace (Flask's `request.sid`). Throws outside a handler. */
export function currentSid(): string {
  return requireContext('currentSid').socket.id;
}

/** The event being handled (Flask's `request.event`). Throws outside a handler. */
export function currentEvent(): string {
  return requireContext('currentEvent').event;
}

/** The current connection's session object (`socket.data`, Flask's `session`). Throws outside a handler. */
export function currentSession<T extends Record<string, unknown> = Record<string, unknown>>(): T {
  return requireContext('currentSession').socket.data as T;
}
