import { MeterProvider, MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { Registry } from 'prom-client';

/**
 * Reading classio's metrics back in tests: through an OpenTelemetry reader that keeps what it collects in memory,
 * and through a prom-client registry. Both answer "the value of metric M for labels L" (a histogram answers its
 * count), so one scripted session is checked the same way through either backend.
 */

/** An OpenTelemetry reader collected on demand (no export, no timer). */
export class InMemoryReader extends MetricReader {
  protected override async onShutdown(): Promise<void> {}
  protected override async onForceFlush(): Promise<void> {}
}

/** A meter provider with an in-memory reader. */
export function createOtelMetrics(): { provider: MeterProvider; reader: InMemoryReader } {
  const reader = new InMemoryReader();
  return { provider: new MeterProvider({ readers: [reader] }), reader };
}

/** One collected series: its labels and its value (a histogram's count). */
export interface Series {
  readonly labels: Readonly<Record<string, string | number | boolean>>;
  readonly value: number;
}

/** Every series of every metric, by metric name, as collected now. */
export type MetricSnapshot = ReadonlyMap<string, readonly Series[]>;

/** Collects the OpenTelemetry metrics. */
export async function collectOtel(reader: InMemoryReader): Promise<MetricSnapshot> {
  const { resourceMetrics, errors } = await reader.collect();
  if (errors.length > 0) throw errors[0];
  return snapshotOf(resourceMetrics);
}

function snapshotOf(resourceMetrics: ResourceMetrics): MetricSnapshot {
  const snapshot = new Map<string, Series[]>();
  for (const scope of resourceMetrics.scopeMetrics) {
    for (const metric of scope.metrics) {
      const series = metric.dataPoints.map((point) => ({
        labels: point.attributes as Series['labels'],
        value: typeof point.value === 'number' ? point.value : (point.value as { count: number }).count,
      }));
      snapshot.set(metric.descriptor.name, series);
    }
  }
  return snapshot;
}

/** Collects a prom-client registry, by the names classio gives its metrics there (histograms by their `_count`). */
export async function collectProm(registry: Registry): Promise<MetricSnapshot> {
  const snapshot = new Map<string, Series[]>();
  for (const metric of await registry.getMetricsAsJSON()) {
    const values = metric.values as { labels: Series['labels']; value: number; metricName?: string }[];
    const isHistogram = (metric.type as unknown as string) === 'histogram';
    const series = values
      .filter((v) => !isHistogram || v.metricName === `${metric.name}_count`)
      .map((v) => ({ labels: v.labels, value: v.value }));
    snapshot.set(metric.name, series);
  }
  return snapshot;
}

/** The value of the series whose labels are exactly `labels`; 0 when there is none. */
export function valueOf(snapshot: MetricSnapshot, name: string, labels: Record<string, string> = {}): number {
  const series = snapshot.get(name) ?? [];
  const wanted = JSON.stringify(sorted(labels));
  return series.find((s) => JSON.stringify(sorted(s.labels)) === wanted)?.value ?? 0;
}

/** The series of a metric. */
export function seriesOf(snapshot: MetricSnapshot, name: string): readonly Series[] {
  return snapshot.get(name) ?? [];
}

function sorted(labels: Readonly<Record<string, unknown>>): [string, unknown][] {
  return Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
}
