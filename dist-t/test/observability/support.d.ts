import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import type { Registry } from 'prom-client';
/**
 * Reading classio's metrics back in tests: through an OpenTelemetry reader that keeps what it collects in memory,
 * and through a prom-client registry. Both answer "the value of metric M for labels L" (a histogram answers its
 * count), so one scripted session is checked the same way through either backend.
 */
/** An OpenTelemetry reader collected on demand (no export, no timer). */
export declare class InMemoryReader extends MetricReader {
    protected onShutdown(): Promise<void>;
    protected onForceFlush(): Promise<void>;
}
/** A meter provider with an in-memory reader. */
export declare function createOtelMetrics(): {
    provider: MeterProvider;
    reader: InMemoryReader;
};
/** One collected series: its labels and its value (a histogram's count). */
export interface Series {
    readonly labels: Readonly<Record<string, string | number | boolean>>;
    readonly value: number;
}
/** Every series of every metric, by metric name, as collected now. */
export type MetricSnapshot = ReadonlyMap<string, readonly Series[]>;
/** Collects the OpenTelemetry metrics. */
export declare function collectOtel(reader: InMemoryReader): Promise<MetricSnapshot>;
/** Collects a prom-client registry, by the names classio gives its metrics there (histograms by their `_count`). */
export declare function collectProm(registry: Registry): Promise<MetricSnapshot>;
/** The value of the series whose labels are exactly `labels`; 0 when there is none. */
export declare function valueOf(snapshot: MetricSnapshot, name: string, labels?: Record<string, string>): number;
/** The series of a metric. */
export declare function seriesOf(snapshot: MetricSnapshot, name: string): readonly Series[];
