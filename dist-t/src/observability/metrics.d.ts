import type { Counter as OtelCounter, Histogram as OtelHistogram, Meter } from '@opentelemetry/api';
import type * as PromClient from 'prom-client';
/**
 * classio's metrics, recorded through the OpenTelemetry metrics API, prom-client, or both. Every metric is defined
 * once below with its labels; a label's values come from what the server's code declared (namespace paths, route
 * event names, catalogue error codes, disconnect reasons, transports), never from what a client sends, so the number
 * of series stays bounded whatever the traffic.
 */
/** A metric's labels, as both backends take them. */
export type Labels = Readonly<Record<string, string>>;
/** The label of every event that no route or listener handles. */
export declare const UNKNOWN_EVENT_LABEL = "(unknown)";
interface MetricDefinition {
    /** The OpenTelemetry name; the Prometheus name is derived from it (see {@link promName}). */
    readonly name: string;
    readonly description: string;
    /** UCUM unit: `s`, `By` or `1`. */
    readonly unit: string;
    readonly labels: readonly string[];
}
/** Every metric classio records. */
export declare const METRIC_DEFINITIONS: {
    eventsReceived: {
        name: string;
        description: string;
        unit: string;
        labels: readonly ["namespace", "event"];
    };
    handlerDuration: {
        name: string;
        description: string;
        unit: string;
        labels: readonly ["namespace", "event"];
    };
    handlerErrors: {
        name: string;
        description: string;
        unit: string;
        labels: string[];
    };
    acksAnswered: {
        name: string;
        description: string;
        unit: string;
        labels: readonly ["namespace", "event"];
    };
    acksTimedOut: {
        name: string;
        description: string;
        unit: string;
        labels: readonly ["namespace", "event"];
    };
    connections: {
        name: string;
        description: string;
        unit: string;
        labels: never[];
    };
    sockets: {
        name: string;
        description: string;
        unit: string;
        labels: string[];
    };
    connects: {
        name: string;
        description: string;
        unit: string;
        labels: string[];
    };
    disconnects: {
        name: string;
        description: string;
        unit: string;
        labels: string[];
    };
    bytesIn: {
        name: string;
        description: string;
        unit: string;
        labels: string[];
    };
    bytesOut: {
        name: string;
        description: string;
        unit: string;
        labels: string[];
    };
    broadcasts: {
        name: string;
        description: string;
        unit: string;
        labels: string[];
    };
    deliveries: {
        name: string;
        description: string;
        unit: string;
        labels: string[];
    };
    adapterRequests: {
        name: string;
        description: string;
        unit: string;
        labels: string[];
    };
    adapterDuration: {
        name: string;
        description: string;
        unit: string;
        labels: string[];
    };
    clusterOutages: {
        name: string;
        description: string;
        unit: string;
        labels: never[];
    };
};
/**
 * The Prometheus name of a metric: dots become underscores, a counter ends in `_total`, a duration in `_seconds`
 * and a byte count in `_bytes` (prom-client's and Prometheus's conventions).
 */
export declare function promName(definition: MetricDefinition, kind: 'counter' | 'histogram' | 'gauge'): string;
/** A counter recorded in each configured backend. */
export declare class CounterSink {
    private readonly otel;
    private readonly prom;
    constructor(otel: OtelCounter | null, prom: PromClient.Counter | null);
    add(labels: Labels, value?: number): void;
}
/** A histogram recorded in each configured backend. */
export declare class HistogramSink {
    private readonly otel;
    private readonly prom;
    constructor(otel: OtelHistogram | null, prom: PromClient.Histogram | null);
    record(labels: Labels, value: number): void;
}
/** Reads a gauge's current values when a backend collects. */
export type GaugeReader = () => Iterable<readonly [Labels, number]>;
/** Where the metrics go: an OpenTelemetry meter, a prom-client registry, or both. */
export interface MetricsBackends {
    readonly meter: Meter | null;
    readonly registry: PromClient.Registry | null;
    /** prom-client's module (loaded only when a registry is used). */
    readonly prom: typeof PromClient | null;
}
/** Every instrument of {@link METRIC_DEFINITIONS}, created once per server. */
export declare class MetricsRecorder {
    #private;
    private readonly backends;
    readonly eventsReceived: CounterSink;
    readonly handlerDuration: HistogramSink;
    readonly handlerErrors: CounterSink;
    readonly acksAnswered: CounterSink;
    readonly acksTimedOut: CounterSink;
    readonly connects: CounterSink;
    readonly disconnects: CounterSink;
    readonly bytesIn: CounterSink;
    readonly bytesOut: CounterSink;
    readonly broadcasts: CounterSink;
    readonly deliveries: CounterSink;
    readonly adapterRequests: CounterSink;
    readonly adapterDuration: HistogramSink;
    readonly clusterOutages: CounterSink;
    constructor(backends: MetricsBackends, gauges: {
        connections: GaugeReader;
        sockets: GaugeReader;
    });
}
export {};
