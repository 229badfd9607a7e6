/**
 * Types for typed events. A namespace may declare what its clients send (client-to-server map) and what it sends
 * them (server-to-client map); each map is an interface from event name to a function type whose parameters are
 * the event's arguments, as in Socket.IO:
 *
 * ```ts
 * interface ClientEvents { 'chat message': (text: string) => void }
 * interface ServerEvents { 'chat message': (from: string, text: string) => void }
 * ```
 */

/** Any map of event name to handler signature. */
export interface EventsMap {
  // Only an `any` index signature is satisfied by an interface that declares none (`interface ClientEvents {...}`):
  // with `unknown`, no user's events interface would meet the constraint.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the constraint needs `any`, as explained above
  [event: string]: any;
}

/**
 * The untyped map used when no map is declared: any event, any arguments. The same shape as the namespace layer's
 * `DefaultEventsMap` (`src/namespace/typed-events.ts`, which this layer may not import): a method's signature, so
 * that a listener may declare narrower parameters.
 */
export interface DefaultEventsMap {
  [event: string]: { listener(...args: unknown[]): unknown }['listener'];
}

/** The event names of a map, as strings. */
export type EventNames<M extends EventsMap> = keyof M & string;

/** The arguments of event `K` of map `M`. */
export type EventParams<M extends EventsMap, K extends EventNames<M>> = M[K] extends (...args: infer A) => unknown
  ? A
  : never;
