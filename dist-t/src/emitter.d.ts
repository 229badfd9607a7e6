import { type WireMessage } from './adapter/wire';
export { emitOptions, type EmitOptions, type EmitOptionsInit } from './runtime/emit-options';
/** Options of {@link Emitter}. */
export interface EmitterOptions {
    /** The servers' `messageQueue` URL, `redis://host:port/db`. Required. */
    messageQueue: string;
    /** The servers' `channel` option. Default `classio`. */
    channel?: string;
    /** Called when a publish fails (Redis unreachable for too long). Default: one `console.warn` line per failure. */
    onError?: (err: Error) => void;
}
/**
 * Emits to the clients of a classio cluster from a process that is not a server (a worker, a cron job, a CLI), the
 * way Flask-SocketIO's `SocketIO(message_queue=...)` does from an external process. It publishes the same messages
 * the servers' Redis adapters exchange, so every server writes the event to its own matching clients.
 *
 * Targets are chained (`of`, `to`/`in`, `except`), each step returning a new immutable operator, or passed last as
 * `emitOptions({ namespace, room, to, skipSid })`, the same wrapped options the namespace helpers take (Flask's
 * `emit(event, data, namespace=..., room=..., skip_sid=...)`). The wrapper is what tells options from a payload:
 * a plain `{ room: 'a' }` as the last argument is sent as data, never taken as a target.
 *
 * Each emit resolves with the number of servers that received it (Redis' PUBLISH reply) and rejects when Redis
 * stays unreachable; a rejection nobody awaits is only reported through `onError`, never left unhandled.
 *
 * @example
 * const emitter = new Emitter({ messageQueue: 'redis://127.0.0.1:6379/0' });
 * await emitter.of('/chat').to('lobby').emit('news', { text: 'deploy at 17:00' });
 * await emitter.emit('news', 'hello', emitOptions({ namespace: '/chat', room: 'lobby', skipSid: 'bots' }));
 * await emitter.close();
 */
export declare class Emitter {
    #private;
    constructor(options: EmitterOptions);
    /** Targets namespace `name`. */
    of(name: string): EmitterOperator;
    /** Targets room(s) of namespace `/`. */
    to(room: string | readonly string[]): EmitterOperator;
    /** Same as {@link to}. */
    in(room: string | readonly string[]): EmitterOperator;
    /** Excludes room(s) of namespace `/`. */
    except(room: string | readonly string[]): EmitterOperator;
    /**
     * Emits `event` to every client of namespace `/`, or to the target of a trailing `emitOptions({ namespace,
     * room, to, skipSid })`.
     */
    emit(event: string, ...args: unknown[]): Promise<number>;
    /** Sends a `message` event to every client of namespace `/`. */
    send(...args: unknown[]): Promise<number>;
    /** Publishes once Redis is reachable and waits for the messages still queued, then disconnects. */
    close(): Promise<void>;
    /** @internal Publishes one cluster message for namespace `nsp`. */
    publish(nsp: string, message: (uid: string) => WireMessage): Promise<number>;
}
/**
 * An immutable target of an {@link Emitter}: a namespace, rooms and excluded rooms. Every method that narrows the
 * target returns a new operator.
 */
export declare class EmitterOperator {
    #private;
    constructor(emitter: Emitter, nsp: string, rooms: readonly string[], except: readonly string[]);
    /** Adds room(s) to the target (a client in any of them receives the event once). */
    to(room: string | readonly string[]): EmitterOperator;
    /** Same as {@link to}. */
    in(room: string | readonly string[]): EmitterOperator;
    /** Excludes the clients in room(s). */
    except(room: string | readonly string[]): EmitterOperator;
    /**
     * Emits `event` with `args` (JSON values and Buffers) to the target, narrowed by a trailing
     * `emitOptions({ namespace, room, to, skipSid })` if there is one.
     */
    emit(event: string, ...args: unknown[]): Promise<number>;
    /** Sends a `message` event. */
    send(...args: unknown[]): Promise<number>;
    /** Makes the targeted clients join `rooms`, on every server. */
    socketsJoin(rooms: string | readonly string[]): Promise<number>;
    /** Makes the targeted clients leave `rooms`, on every server. */
    socketsLeave(rooms: string | readonly string[]): Promise<number>;
    /** Disconnects the targeted clients (their whole connection when `close`), on every server. */
    disconnectSockets(close?: boolean): Promise<number>;
    /** Delivers a server-side event to every server's `serverSideEmit` listeners of the namespace (no ack). */
    serverSideEmit(...args: unknown[]): Promise<number>;
}
