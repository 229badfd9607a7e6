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
    [event: string]: any;
}
/** The untyped map used when no map is declared: any event, any arguments. */
export interface DefaultEventsMap {
    [event: string]: (...args: unknown[]) => void;
}
/** The event names of a map, as strings. */
export type EventNames<M extends EventsMap> = keyof M & string;
/** The arguments of event `K` of map `M`. */
export type EventParams<M extends EventsMap, K extends EventNames<M>> = M[K] extends (...args: infer A) => unknown ? A : never;
