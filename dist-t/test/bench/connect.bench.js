"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.suite = void 0;
const node_perf_hooks_1 = require("node:perf_hooks");
const raw_client_1 = require("./support/raw-client");
const runner_1 = require("./support/runner");
const suite_1 = require("./support/suite");
/**
 * Workload 5, connect: 2,000 websocket handshakes, each followed by the `/test` namespace connect and the app's
 * greeting (64 in flight at a time), then the server's memory per 1,000 idle connections: RSS and heap after a
 * full GC in the server process, with the connections open minus before they were opened.
 */
const MIB = 2 ** 20;
exports.suite = {
    id: 'connect',
    title: '(5) connect: 2,000 websocket handshakes + `/test` connects; server memory per 1,000 idle connections',
    quickNote: '500 connections',
    file: __filename,
    peers: ['classio', 'socket.io', 'bare-ws'],
    metrics: [
        { key: 'connectionsPerSecond', label: 'connects/s', isHigherBetter: true, digits: 0 },
        { key: 'rssPerThousand', label: 'RSS MiB / 1k idle', isHigherBetter: false, digits: 1 },
        { key: 'heapPerThousand', label: 'heap MiB / 1k idle', isHigherBetter: false, digits: 1 },
    ],
    async run(context) {
        const count = context.options.isQuick ? 500 : 2000;
        // A few connections first, so that lazily built server state (JIT, pools) is not billed to the first batch.
        (0, raw_client_1.closeClients)(await (0, raw_client_1.connectClients)(context.port, 20));
        await (0, suite_1.sleep)(0.2);
        const before = await context.serverMemory();
        await context.beginMeasure();
        const started = node_perf_hooks_1.performance.now();
        const clients = await (0, raw_client_1.connectClients)(context.port, count);
        const elapsed = (node_perf_hooks_1.performance.now() - started) / 1000;
        await context.endMeasure();
        try {
            // Let the handshakes' garbage and socket buffers settle before sampling the idle state.
            await (0, suite_1.sleep)(0.5);
            const after = await context.serverMemory();
            (0, raw_client_1.assertAllOpen)(clients);
            return {
                connectionsPerSecond: count / elapsed,
                rssPerThousand: ((after.rss - before.rss) / MIB) * (1000 / count),
                heapPerThousand: ((after.heapUsed - before.heapUsed) / MIB) * (1000 / count),
            };
        }
        finally {
            (0, raw_client_1.closeClients)(clients);
        }
    },
};
(0, runner_1.runIfMain)(module, [exports.suite]);
//# sourceMappingURL=connect.bench.js.map