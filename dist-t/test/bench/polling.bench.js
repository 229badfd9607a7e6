"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.suite = void 0;
const node_perf_hooks_1 = require("node:perf_hooks");
const closed_loop_1 = require("./support/closed-loop");
const frames_1 = require("./support/frames");
const histogram_1 = require("./support/histogram");
const polling_client_1 = require("./support/polling-client");
const runner_1 = require("./support/runner");
const suite_1 = require("./support/suite");
/**
 * Workload 6, the polling round trip: workload 1 (`my ping` -> `my pong`, 50 clients in closed loops) over HTTP
 * long-polling only. Each round trip is a POST carrying the ping and the long-poll GET returning the pong, over
 * keep-alive connections (two per client, requests prepared as bytes; BENCH_CLIENT=library uses Node's `http`
 * client with a keep-alive `http.Agent` instead). The bare ws ceiling does not speak polling, so only classio and Socket.IO run it.
 */
exports.suite = {
    id: 'polling',
    title: '(6) `my ping` -> `my pong`, 50 clients in closed loops, long-polling',
    file: __filename,
    peers: ['classio', 'socket.io'],
    baselines: ['socket.io'],
    metrics: closed_loop_1.CLOSED_LOOP_METRICS,
    async run(context) {
        const clients = [];
        const histogram = new histogram_1.LatencyHistogram();
        let isRunning = true;
        let isMeasuring = false;
        let replies = 0;
        const onPacket = (client, packet) => {
            if (packet !== frames_1.PONG_FRAME)
                return;
            const now = node_perf_hooks_1.performance.now();
            if (isMeasuring) {
                histogram.record(now - client.sentAt);
                replies++;
            }
            if (isRunning) {
                client.sentAt = now;
                client.send(frames_1.PING_FRAME);
            }
        };
        try {
            for (let i = 0; i < 50; i++)
                clients.push(await polling_client_1.PollingClient.connect(context.port));
            for (const client of clients) {
                client.onPacket = onPacket;
                client.sentAt = node_perf_hooks_1.performance.now();
                client.send(frames_1.PING_FRAME);
            }
            await (0, suite_1.sleep)(context.options.warmupSeconds);
            await context.beginMeasure();
            isMeasuring = true;
            const started = node_perf_hooks_1.performance.now();
            await (0, suite_1.sleep)(context.options.seconds);
            isMeasuring = false;
            const elapsed = (node_perf_hooks_1.performance.now() - started) / 1000;
            await context.endMeasure();
            const lost = clients.filter((client) => client.hasFailed).length;
            if (lost > 0)
                throw new Error(`${lost} of ${clients.length} polling sessions failed during the run`);
            return { messagesPerSecond: replies / elapsed, p50: histogram.quantile(0.5), p99: histogram.quantile(0.99) };
        }
        finally {
            isRunning = false;
            for (const client of clients)
                client.close();
            polling_client_1.PollingClient.closeShared();
        }
    },
};
(0, runner_1.runIfMain)(module, [exports.suite]);
//# sourceMappingURL=polling.bench.js.map