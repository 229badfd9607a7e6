"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InMemoryReader = void 0;
exports.createOtelMetrics = createOtelMetrics;
exports.collectOtel = collectOtel;
exports.collectProm = collectProm;
exports.valueOf = valueOf;
exports.seriesOf = seriesOf;
const sdk_metrics_1 = require("@opentelemetry/sdk-metrics");
/**
 * Reading classio's metrics back in tests: through an OpenTelemetry reader that keeps what it collects in memory,
 * and through a prom-client registry. Both answer "the value of metric M for labels L" (a histogram answers its
 * count), so one scripted session is checked the same way through either backend.
 */
/** An OpenTelemetry reader collected on demand (no export, no timer). */
class InMemoryReader extends sdk_metrics_1.MetricReader {
    async onShutdown() { }
    async onForceFlush() { }
}
exports.InMemoryReader = InMemoryReader;
/** A meter provider with an in-memory reader. */
function createOtelMetrics() {
    const reader = new InMemoryReader();
    return { provider: new sdk_metrics_1.MeterProvider({ readers: [reader] }), reader };
}
/** Collects the OpenTelemetry metrics. */
async function collectOtel(reader) {
    const { resourceMetrics, errors } = await reader.collect();
    if (errors.length > 0)
        throw errors[0];
    return snapshotOf(resourceMetrics);
}
function snapshotOf(resourceMetrics) {
    const snapshot = new Map();
    for (const scope of resourceMetrics.scopeMetrics) {
        for (const metric of scope.metrics) {
            const series = metric.dataPoints.map((point) => ({
                labels: point.attributes,
                value: typeof point.value === 'number' ? point.value : point.value.count,
            }));
            snapshot.set(metric.descriptor.name, series);
        }
    }
    return snapshot;
}
/** Collects a prom-client registry, by the names classio gives its metrics there (histograms by their `_count`). */
async function collectProm(registry) {
    const snapshot = new Map();
    for (const metric of await registry.getMetricsAsJSON()) {
        const values = metric.values;
        const isHistogram = metric.type === 'histogram';
        const series = values
            .filter((v) => !isHistogram || v.metricName === `${metric.name}_count`)
            .map((v) => ({ labels: v.labels, value: v.value }));
        snapshot.set(metric.name, series);
    }
    return snapshot;
}
/** The value of the series whose labels are exactly `labels`; 0 when there is none. */
function valueOf(snapshot, name, labels = {}) {
    const series = snapshot.get(name) ?? [];
    const wanted = JSON.stringify(sorted(labels));
    return series.find((s) => JSON.stringify(sorted(s.labels)) === wanted)?.value ?? 0;
}
/** The series of a metric. */
function seriesOf(snapshot, name) {
    return snapshot.get(name) ?? [];
}
function sorted(labels) {
    return Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
}
//# sourceMappingURL=support.js.map