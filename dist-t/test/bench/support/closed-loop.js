"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CLOSED_LOOP_METRICS = void 0;
exports.runClosedLoop = runClosedLoop;
const node_perf_hooks_1 = require("node:perf_hooks");
const raw_client_1 = require("./raw-client");
const frames_1 = require("./frames");
const histogram_1 = require("./histogram");
const suite_1 = require("./suite");
/** The metrics of a closed-loop workload. */
exports.CLOSED_LOOP_METRICS = [
    { key: 'messagesPerSecond', label: 'msgs/s', isHigherBetter: true, digits: 0 },
    { key: 'p50', label: 'p50 ms', isHigherBetter: false, digits: 2 },
    { key: 'p99', label: 'p99 ms', isHigherBetter: false, digits: 2 },
];
/**
 * Runs `clients` closed loops over websocket: each client has exactly one request in flight and sends the next one
 * as soon as the reply arrives. Throughput is then what the server sustains at that concurrency, and the latency
 * is honest (no coordinated omission from an open-loop sender outrunning the server).
 */
async function runClosedLoop(context, spec) {
    const clients = await (0, raw_client_1.connectClients)(context.port, spec.clients);
    const histogram = new histogram_1.LatencyHistogram();
    const { replyPrefix } = spec;
    let isRunning = true;
    let isMeasuring = false;
    let replies = 0;
    const onFrame = (client, data) => {
        if (!(0, frames_1.hasPrefix)(data, replyPrefix))
            return;
        const now = node_perf_hooks_1.performance.now();
        if (isMeasuring) {
            histogram.record(now - client.sentAt);
            replies++;
        }
        if (isRunning) {
            client.sentAt = now;
            client.send(spec.request(client));
        }
    };
    try {
        for (const client of clients) {
            client.onFrame = onFrame;
            client.sentAt = node_perf_hooks_1.performance.now();
            client.send(spec.request(client));
        }
        await (0, suite_1.sleep)(context.options.warmupSeconds);
        await context.beginMeasure();
        isMeasuring = true;
        const started = node_perf_hooks_1.performance.now();
        await (0, suite_1.sleep)(context.options.seconds);
        isMeasuring = false;
        const elapsed = (node_perf_hooks_1.performance.now() - started) / 1000;
        await context.endMeasure();
        isRunning = false;
        (0, raw_client_1.assertAllOpen)(clients);
        return {
            messagesPerSecond: replies / elapsed,
            p50: histogram.quantile(0.5),
            p99: histogram.quantile(0.99),
        };
    }
    finally {
        isRunning = false;
        (0, raw_client_1.closeClients)(clients);
    }
}
//# sourceMappingURL=closed-loop.js.map