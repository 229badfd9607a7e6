/**
 * Types for typed events on the Socket.IO-style API (`Server`, `ServerNamespace`, `Socket`, `BroadcastOperator`).
 * An events map is an interface from event name to a function type whose parameters are the event's arguments; a
 * last parameter that is a function is the event's ack callback, and its parameters are the ack's answer:
 *
 * ```ts
 * interface ServerToClientEvents {
 *   news: (text: string) => void;
 *   ask: (question: string, answer: (reply: string) => void) => void; // acknowledged
 * }
 * ```
 *
 * Everything here is erased at compile time: the maps check the calls and cost nothing when the program runs.
 * The decorators keep their own copy of the map basics (`decorators/events-map.ts`), since neither layer may import
 * the other; both declare the same shapes, so the same user interfaces serve both.
 */

/** Any map of event name to handler signature. */
export interface EventsMap {
  // Only an `any` index signature is satisfied by an interface that declares none (`interface ClientEvents {...}`):
  // with `unknown`, no user's events interface would meet the constraint.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the constraint needs `any`, as explained above
  [event: string]: any;
}

/**
 * The untyped map used when no map is declared: any event, any arguments, each `unknown` until narrowed. The
 * signature is a method's, whose parameters TypeScript compares bivariantly, so that a listener may still declare
 * the types it expects (`(room: string) => ...`), unchecked, as Socket.IO's untyped listeners may.
 */
export interface DefaultEventsMap {
  [event: string]: { listener(...args: unknown[]): unknown }['listener'];
}

/** The event names of a map, as strings. */
export type EventNames<M extends EventsMap> = keyof M & string;

/** The arguments of event `K` of map `M`, its ack callback included. */
export type EventParams<M extends EventsMap, K extends EventNames<M>> = M[K] extends (...args: infer A) => unknown
  ? A
  : never;

/** True for a map with a string index signature (the default one): every name is an event of it. */
type IsUntyped<M extends EventsMap> = string extends keyof M ? true : false;

/** The last element of a tuple; the element type of an array. */
type LastOf<T extends readonly unknown[]> = T extends readonly [...unknown[], infer L]
  ? L
  : T extends readonly (infer E)[]
    ? E
    : never;

/** A tuple without its last element; an array as it is. */
type AllButLast<T extends readonly unknown[]> = T extends readonly [...infer H, unknown] ? H : T;

/** Any function: what marks an argument as an ack callback. */
type AnyFunction = (...args: never) => unknown;

/** The event names of `M` whose last argument is an ack callback (every name of an untyped map). */
export type EventNamesWithAck<M extends EventsMap> =
  IsUntyped<M> extends true
    ? EventNames<M>
    : { [K in EventNames<M>]: LastOf<EventParams<M, K>> extends AnyFunction ? K : never }[EventNames<M>];

/**
 * What an acknowledged emit resolves with for ack callback `F`: its single argument, `undefined` for none, all of
 * them as a tuple for several (classio's `emitWithAck` and `call` answer that way).
 */
export type AckAnswer<F> = F extends (...args: infer A) => unknown
  ? A extends []
    ? undefined
    : A extends [infer Only]
      ? Only
      : number extends A['length']
        ? unknown
        : A
  : unknown;

/** The arguments of `emitWithAck(event, ...)` for event `K`: the event's, without the ack callback. */
export type AckEmitArgs<M extends EventsMap, K extends EventNames<M>> = AllButLast<EventParams<M, K>>;

/** The answer of `emitWithAck(event, ...)` for event `K` (see {@link AckAnswer}). */
export type AckResult<M extends EventsMap, K extends EventNames<M>> = AckAnswer<LastOf<EventParams<M, K>>>;

/**
 * The arguments of an event without its ack callback, when it has one: what a server-side emit sends (it awaits no
 * answer) .
 */
export type ArgsWithoutAck<P extends readonly unknown[]> = LastOf<P> extends AnyFunction ? AllButLast<P> : P;

/**
 * The arguments of `socket.timeout(ms).emit(event, ...)`: the ack callback becomes error-first, `(err, ...answer)`,
 * `err` being an `AckTimeoutError` or a `DisconnectedError` when no answer came, else null.
 */
export type ErrorFirstAckArgs<P extends readonly unknown[]> = {
  [I in keyof P]: P[I] extends (...answer: infer A) => infer R ? (err: Error | null, ...answer: A) => R : P[I];
};

/**
 * The arguments of a broadcast's `emit(event, ...)`: the ack callback receives `(err, answers)` once, with every
 * recipient's answer (see {@link AckAnswer}); `err` is an `AckTimeoutError` when some did not answer in time, and
 * `answers` then holds those that came.
 */
export type BroadcastAckArgs<P extends readonly unknown[]> = {
  [I in keyof P]: P[I] extends (...answer: infer A) => infer R
    ? (err: Error | null, answers: AckAnswer<(...answer: A) => R>[]) => R
    : P[I];
};
