"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Observer = void 0;
const util_1 = require("../namespace/util");
const metrics_1 = require("./metrics");
const tracing_1 = require("./tracing");
/**
 * The server's {@link Instrumentation}: metrics, traces and structured logs behind the one interface the namespace
 * layer and the runtime call. Each part is `null` when it is off, and a route is wrapped only when metrics or
 * tracing is on. Label objects are built once (per route, per namespace, per transport) and reused.
 */
class Observer {
    #labels = new Map();
    constructor(metrics, tracing, log) {
        this.metrics = metrics;
        this.tracing = tracing;
        this.log = log;
    }
    /** Whether anything is counted (the namespace layer skips the per-packet counters when not). */
    get hasMetrics() {
        return this.metrics !== null;
    }
    wrapRoute(namespace, route) {
        if (this.metrics === null && this.tracing === null)
            return route;
        const probe = new RouteProbe(this, namespace, route);
        const handle = (socket, args, ack) => observeRoute(probe, socket, args, ack);
        return Object.freeze({ ...route, handle });
    }
    wrapStage(kind, name, fn) {
        return this.tracing === null ? fn : (0, tracing_1.traceStage)(this.tracing, `${kind} ${name}`, fn);
    }
    eventWithoutRoute(namespace, event) {
        this.metrics?.eventsReceived.add(this.labels('namespace', namespace, 'event', event ?? metrics_1.UNKNOWN_EVENT_LABEL));
    }
    socketConnected(socket) {
        const namespace = socket.nsp.name;
        this.metrics?.connects.add(this.labels('namespace', namespace, 'outcome', 'accepted'));
        this.log?.write('info', 'socket connected', { sid: socket.id, namespace });
    }
    socketRefused(socket, message) {
        const namespace = socket.nsp.name;
        this.metrics?.connects.add(this.labels('namespace', namespace, 'outcome', 'refused'));
        this.log?.write('info', 'connection refused', { sid: socket.id, namespace, reason: message });
    }
    socketDisconnected(socket, reason, wasConnected) {
        if (!wasConnected)
            return;
        const namespace = socket.nsp.name;
        this.metrics?.disconnects.add(this.labels('namespace', namespace, 'reason', reason));
        if (reason === 'slow consumer') {
            this.log?.write('warn', 'slow consumer disconnected: its send buffer passed maxBufferedBytes', {
                sid: socket.id,
                namespace,
                reason,
            });
        }
        else {
            this.log?.write('info', 'socket disconnected', { sid: socket.id, namespace, reason });
        }
    }
    bytesIn(transport, data) {
        this.metrics?.bytesIn.add(this.labels('transport', transport), byteLength(data));
    }
    bytesOut(transport, frames) {
        let total = 0;
        for (const frame of frames)
            total += byteLength(frame);
        this.metrics?.bytesOut.add(this.labels('transport', transport), total);
    }
    broadcast(namespace) {
        this.metrics?.broadcasts.add(this.labels('namespace', namespace));
    }
    delivered(namespace) {
        this.metrics?.deliveries.add(this.labels('namespace', namespace));
    }
    ackSettled(namespace, event, isTimedOut) {
        const metrics = this.metrics;
        if (metrics === null)
            return;
        (isTimedOut ? metrics.acksTimedOut : metrics.acksAnswered).add(this.labels('namespace', namespace, 'event', event));
    }
    adapterRequest(namespace, kind, pending) {
        const metrics = this.metrics;
        if (metrics === null)
            return pending;
        const start = performance.now();
        const settle = (outcome) => {
            metrics.adapterRequests.add(this.labels('namespace', namespace, 'kind', kind, 'outcome', outcome));
            metrics.adapterDuration.record(this.labels('namespace', namespace, 'kind', kind), secondsSince(start));
        };
        pending.then(() => settle('ok'), () => settle('error'));
        return pending;
    }
    /** The message queue became unreachable (the first error of an outage). */
    clusterFault(err) {
        this.metrics?.clusterOutages.add(NO_LABELS);
        this.log?.write('error', 'message queue unreachable', {}, err);
    }
    /**
     * One shared labels object per set of values. Every value comes from the server's code (see `metrics.ts`), so the
     * cache is as bounded as the series.
     */
    labels(...pairs) {
        const key = pairs.join('\u0000');
        let labels = this.#labels.get(key);
        if (labels === undefined) {
            const fields = {};
            for (let i = 0; i < pairs.length; i += 2)
                fields[pairs[i]] = pairs[i + 1];
            labels = Object.freeze(fields);
            this.#labels.set(key, labels);
        }
        return labels;
    }
}
exports.Observer = Observer;
/** What the wrapper of one route needs, built when the route is installed. */
class RouteProbe {
    #observer;
    #namespace;
    constructor(observer, namespace, route) {
        this.#observer = observer;
        this.#namespace = namespace;
        this.event = route.event;
        this.inner = route.handle;
        this.labels = observer.labels('namespace', namespace, 'event', route.event);
        this.spanName = `${namespace} ${route.event}`;
        this.metrics = observer.metrics;
        this.tracing = observer.tracing;
    }
    errorLabels(code) {
        return this.#observer.labels('namespace', this.#namespace, 'event', this.event, 'code', code);
    }
}
/**
 * The wrapped handler: counts, times and traces the compiled one. A synchronous result stays synchronous; a
 * thenable one is followed to record its outcome (the one allocation this adds, and only for async handlers).
 */
function observeRoute(probe, socket, args, ack) {
    probe.metrics?.eventsReceived.add(probe.labels);
    const tracing = probe.tracing;
    const span = tracing === null ? null : tracing.startEvent(probe.spanName, socket, probe.event, ack !== null);
    const start = performance.now();
    let result;
    try {
        if (span === null)
            result = probe.inner(socket, args, ack);
        else {
            const { api } = tracing;
            const context = api.trace.setSpan(tracing.parentOf(socket), span);
            result = api.context.with(context, probe.inner, undefined, socket, args, ack);
        }
    }
    catch (error) {
        settleRoute(probe, span, start, error, true);
        throw error;
    }
    if (!(0, util_1.isThenable)(result)) {
        settleRoute(probe, span, start, undefined, false);
        return result;
    }
    return Promise.resolve(result).then((value) => {
        settleRoute(probe, span, start, undefined, false);
        return value;
    }, (error) => {
        settleRoute(probe, span, start, error, true);
        throw error;
    });
}
function settleRoute(probe, span, start, error, isFailed) {
    const code = isFailed ? (0, tracing_1.codeOf)(error) : null;
    const metrics = probe.metrics;
    if (metrics !== null) {
        metrics.handlerDuration.record(probe.labels, secondsSince(start));
        if (code !== null)
            metrics.handlerErrors.add(probe.errorLabels(code));
    }
    if (span !== null)
        probe.tracing.end(span, code, error);
}
function secondsSince(start) {
    return (performance.now() - start) / 1000;
}
function byteLength(data) {
    return typeof data === 'string' ? Buffer.byteLength(data) : data.length;
}
const NO_LABELS = Object.freeze({});
//# sourceMappingURL=observer.js.map