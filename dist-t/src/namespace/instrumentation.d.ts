import type { EngineData } from '../engine/types';
import type { DisconnectReason } from './disconnect-reason';
import type { Route } from './route-table';
import type { Socket } from './socket';
/**
 * The instrumentation contract: what the namespace layer and the runtime report to metrics, traces and structured
 * logs (implemented in `src/observability/`). The server holds one, or `null` when observability is off; every caller
 * reads it once (at installation, at connect, per connection) and skips it when it is `null`.
 *
 * The per-message path never calls it: a route is wrapped once, when it is installed ({@link wrapRoute}), and
 * returned unchanged when neither metrics nor tracing is on, so that a message costs nothing more. Guards,
 * interceptors and payload validation are wrapped the same way, at registration ({@link wrapStage}).
 */
export interface Instrumentation {
    /** Whether metrics are recorded: the per-packet counters (bytes, deliveries) are skipped when not. */
    readonly hasMetrics: boolean;
    /** A route as it is installed: measured and traced, or the route itself when nothing per event is on. */
    wrapRoute(namespace: string, route: Route): Route;
    /**
     * One stage of a route, wrapped at registration: a child span of the event's span when tracing is on, else `fn`
     * itself. `name` names what runs (the guard's class, the interceptor's, the payload's parameter).
     */
    wrapStage<A extends unknown[], R>(kind: StageKind, name: string, fn: (...args: A) => R): (...args: A) => R;
    /**
     * An event with no compiled route: `event` is the name of a Socket.IO-style listener registered by the server's
     * code, or null for an event nothing handles (counted under one label, whatever the client sent).
     */
    eventWithoutRoute(namespace: string, event: string | null): void;
    /** A socket finished connecting (CONNECT sent). */
    socketConnected(socket: Socket): void;
    /** A socket was refused (CONNECT_ERROR sent) with `message`. */
    socketRefused(socket: Socket, message: string): void;
    /** A socket ended; `wasConnected` is false for one refused or gone while connecting. */
    socketDisconnected(socket: Socket, reason: DisconnectReason, wasConnected: boolean): void;
    /** An Engine.IO message arrived from a client over `transport`. */
    bytesIn(transport: string, data: EngineData): void;
    /** Frames were written to a client over `transport`. */
    bytesOut(transport: string, frames: readonly EngineData[]): void;
    /** A broadcast left this process's namespace (`io.emit`, `to(room).emit`, ...). */
    broadcast(namespace: string): void;
    /** A broadcast packet was written to one local socket. */
    delivered(namespace: string): void;
    /** A server-to-client ack of `event` was answered by the client, or timed out. */
    ackSettled(namespace: string, event: string, isTimedOut: boolean): void;
    /** Measures one adapter request (`fetchSockets`, `allSockets`, ...) and returns `pending` itself. */
    adapterRequest<T>(namespace: string, kind: string, pending: Promise<T>): Promise<T>;
}
/** The stages of a route that get a child span. */
export type StageKind = 'guard' | 'interceptor' | 'validation';
/** What a structured log record says of where it happened (each field only when known). */
export interface LogFields {
    readonly sid?: string;
    readonly namespace?: string;
    readonly event?: string;
    readonly reason?: string;
}
