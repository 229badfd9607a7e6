"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MetricsRecorder = exports.HistogramSink = exports.CounterSink = exports.METRIC_DEFINITIONS = exports.UNKNOWN_EVENT_LABEL = void 0;
exports.promName = promName;
/** The label of every event that no route or listener handles. */
exports.UNKNOWN_EVENT_LABEL = '(unknown)';
/** Handler durations in seconds: from sub-millisecond handlers to ones that wait on a slow service. */
const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const EVENT = ['namespace', 'event'];
/** Every metric classio records. */
exports.METRIC_DEFINITIONS = {
    eventsReceived: {
        name: 'classio.events.received',
        description: 'Events received from clients',
        unit: '1',
        labels: EVENT,
    },
    handlerDuration: {
        name: 'classio.handler.duration',
        description: 'Duration of route handlers',
        unit: 's',
        labels: EVENT,
    },
    handlerErrors: {
        name: 'classio.handler.errors',
        description: 'Route handlers that failed, by classio error code',
        unit: '1',
        labels: [...EVENT, 'code'],
    },
    acksAnswered: {
        name: 'classio.acks.answered',
        description: 'Server-to-client acks answered',
        unit: '1',
        labels: EVENT,
    },
    acksTimedOut: {
        name: 'classio.acks.timed_out',
        description: 'Server-to-client acks timed out',
        unit: '1',
        labels: EVENT,
    },
    connections: { name: 'classio.connections', description: 'Open Engine.IO connections', unit: '1', labels: [] },
    sockets: { name: 'classio.sockets', description: 'Sockets per namespace', unit: '1', labels: ['namespace'] },
    connects: {
        name: 'classio.connects',
        description: 'Namespace connects, accepted or refused',
        unit: '1',
        labels: ['namespace', 'outcome'],
    },
    disconnects: {
        name: 'classio.disconnects',
        description: 'Namespace disconnects by reason',
        unit: '1',
        labels: ['namespace', 'reason'],
    },
    bytesIn: {
        name: 'classio.transport.received',
        description: 'Bytes received from clients',
        unit: 'By',
        labels: ['transport'],
    },
    bytesOut: { name: 'classio.transport.sent', description: 'Bytes sent to clients', unit: 'By', labels: ['transport'] },
    broadcasts: { name: 'classio.broadcasts', description: 'Broadcasts emitted', unit: '1', labels: ['namespace'] },
    deliveries: {
        name: 'classio.broadcast.deliveries',
        description: 'Broadcast packets written to local sockets',
        unit: '1',
        labels: ['namespace'],
    },
    adapterRequests: {
        name: 'classio.adapter.requests',
        description: 'Adapter requests (fetchSockets, allSockets, ...)',
        unit: '1',
        labels: ['namespace', 'kind', 'outcome'],
    },
    adapterDuration: {
        name: 'classio.adapter.request.duration',
        description: 'Duration of adapter requests',
        unit: 's',
        labels: ['namespace', 'kind'],
    },
    clusterOutages: {
        name: 'classio.cluster.outages',
        description: 'Outages of the message queue (Redis)',
        unit: '1',
        labels: [],
    },
};
/**
 * The Prometheus name of a metric: dots become underscores, a counter ends in `_total`, a duration in `_seconds`
 * and a byte count in `_bytes` (prom-client's and Prometheus's conventions).
 */
function promName(definition, kind) {
    let name = definition.name.replace(/\./g, '_');
    if (definition.unit === 's')
        name += '_seconds';
    else if (definition.unit === 'By')
        name += '_bytes';
    return kind === 'counter' ? `${name}_total` : name;
}
/** A counter recorded in each configured backend. */
class CounterSink {
    constructor(otel, prom) {
        this.otel = otel;
        this.prom = prom;
    }
    add(labels, value = 1) {
        this.otel?.add(value, labels);
        this.prom?.inc(labels, value);
    }
}
exports.CounterSink = CounterSink;
/** A histogram recorded in each configured backend. */
class HistogramSink {
    constructor(otel, prom) {
        this.otel = otel;
        this.prom = prom;
    }
    record(labels, value) {
        this.otel?.record(value, labels);
        this.prom?.observe(labels, value);
    }
}
exports.HistogramSink = HistogramSink;
/** Every instrument of {@link METRIC_DEFINITIONS}, created once per server. */
class MetricsRecorder {
    constructor(backends, gauges) {
        this.backends = backends;
        const d = exports.METRIC_DEFINITIONS;
        this.eventsReceived = this.#counter(d.eventsReceived);
        this.handlerDuration = this.#histogram(d.handlerDuration);
        this.handlerErrors = this.#counter(d.handlerErrors);
        this.acksAnswered = this.#counter(d.acksAnswered);
        this.acksTimedOut = this.#counter(d.acksTimedOut);
        this.connects = this.#counter(d.connects);
        this.disconnects = this.#counter(d.disconnects);
        this.bytesIn = this.#counter(d.bytesIn);
        this.bytesOut = this.#counter(d.bytesOut);
        this.broadcasts = this.#counter(d.broadcasts);
        this.deliveries = this.#counter(d.deliveries);
        this.adapterRequests = this.#counter(d.adapterRequests);
        this.adapterDuration = this.#histogram(d.adapterDuration);
        this.clusterOutages = this.#counter(d.clusterOutages);
        this.#gauge(d.connections, gauges.connections);
        this.#gauge(d.sockets, gauges.sockets);
    }
    #counter(definition) {
        const { meter, registry, prom } = this.backends;
        return new CounterSink(meter?.createCounter(definition.name, { description: definition.description, unit: definition.unit }) ?? null, registry === null || prom === null
            ? null
            : new prom.Counter({
                name: promName(definition, 'counter'),
                help: definition.description,
                labelNames: definition.labels,
                registers: [registry],
            }));
    }
    #histogram(definition) {
        const { meter, registry, prom } = this.backends;
        return new HistogramSink(meter?.createHistogram(definition.name, {
            description: definition.description,
            unit: definition.unit,
            advice: { explicitBucketBoundaries: DURATION_BUCKETS },
        }) ?? null, registry === null || prom === null
            ? null
            : new prom.Histogram({
                name: promName(definition, 'histogram'),
                help: definition.description,
                labelNames: definition.labels,
                buckets: DURATION_BUCKETS,
                registers: [registry],
            }));
    }
    #gauge(definition, read) {
        const { meter, registry, prom } = this.backends;
        meter
            ?.createObservableGauge(definition.name, { description: definition.description, unit: definition.unit })
            .addCallback((result) => {
            for (const [labels, value] of read())
                result.observe(value, labels);
        });
        if (registry === null || prom === null)
            return;
        new prom.Gauge({
            name: promName(definition, 'gauge'),
            help: definition.description,
            labelNames: definition.labels,
            registers: [registry],
            collect() {
                // Read at scrape time: a namespace with no socket left reads 0 rather than its last value.
                this.reset();
                for (const [labels, value] of read())
                    this.set(labels, value);
            },
        });
    }
}
exports.MetricsRecorder = MetricsRecorder;
//# sourceMappingURL=metrics.js.map