import type { EngineData } from '../engine/types';
import type { DisconnectReason } from '../namespace/disconnect-reason';
import type { Instrumentation, StageKind } from '../namespace/instrumentation';
import type { Route } from '../namespace/route-table';
import type { Socket } from '../namespace/socket';
import { type Labels, type MetricsRecorder } from './metrics';
import { type EventTracer } from './tracing';
import type { LogSink } from './structured-log';
/**
 * The server's {@link Instrumentation}: metrics, traces and structured logs behind the one interface the namespace
 * layer and the runtime call. Each part is `null` when it is off, and a route is wrapped only when metrics or
 * tracing is on. Label objects are built once (per route, per namespace, per transport) and reused.
 */
export declare class Observer implements Instrumentation {
    #private;
    readonly metrics: MetricsRecorder | null;
    readonly tracing: EventTracer | null;
    readonly log: LogSink | null;
    constructor(metrics: MetricsRecorder | null, tracing: EventTracer | null, log: LogSink | null);
    /** Whether anything is counted (the namespace layer skips the per-packet counters when not). */
    get hasMetrics(): boolean;
    wrapRoute(namespace: string, route: Route): Route;
    wrapStage<A extends unknown[], R>(kind: StageKind, name: string, fn: (...args: A) => R): (...args: A) => R;
    eventWithoutRoute(namespace: string, event: string | null): void;
    socketConnected(socket: Socket): void;
    socketRefused(socket: Socket, message: string): void;
    socketDisconnected(socket: Socket, reason: DisconnectReason, wasConnected: boolean): void;
    bytesIn(transport: string, data: EngineData): void;
    bytesOut(transport: string, frames: readonly EngineData[]): void;
    broadcast(namespace: string): void;
    delivered(namespace: string): void;
    ackSettled(namespace: string, event: string, isTimedOut: boolean): void;
    adapterRequest<T>(namespace: string, kind: string, pending: Promise<T>): Promise<T>;
    /** The message queue became unreachable (the first error of an outage). */
    clusterFault(err: unknown): void;
    /**
     * One shared labels object per set of values. Every value comes from the server's code (see `metrics.ts`), so the
     * cache is as bounded as the series.
     */
    labels(...pairs: string[]): Labels;
}
