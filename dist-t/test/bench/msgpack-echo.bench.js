"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.suite = void 0;
const node_perf_hooks_1 = require("node:perf_hooks");
const socket_io_client_1 = require("socket.io-client");
const msgpackParser = __importStar(require("socket.io-msgpack-parser"));
const closed_loop_1 = require("./support/closed-loop");
const frames_1 = require("./support/frames");
const histogram_1 = require("./support/histogram");
const runner_1 = require("./support/runner");
const suite_1 = require("./support/suite");
/**
 * Workload 8, msgpack echo: `ack` with a string, a number and 100 bytes of binary, answered with the same
 * arguments, over websocket, every message encoded by socket.io-msgpack-parser on both ends. classio and Socket.IO
 * run the same parser and the same hand-written `socket.on('ack')` listener.
 *
 * The load clients are the official socket.io-client with the parser (the raw clients of the other workloads speak
 * the text encoding only), so the client's own cost is in the figures for both peers alike; compare the peers with
 * each other, not with the text workloads.
 */
const PAYLOAD = { n: 1, bytes: Buffer.alloc(100, 7) };
function connect(port) {
    const socket = (0, socket_io_client_1.io)(`http://127.0.0.1:${port}${frames_1.NAMESPACE}`, {
        transports: ['websocket'],
        parser: msgpackParser,
        forceNew: true,
        reconnection: false,
    });
    return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
    });
}
async function runMsgpackEcho(context) {
    const count = context.options.isQuick ? 10 : 50;
    const clients = await Promise.all(Array.from({ length: count }, () => connect(context.port)));
    const histogram = new histogram_1.LatencyHistogram();
    let isRunning = true;
    let isMeasuring = false;
    let replies = 0;
    const loop = (socket) => {
        const sentAt = node_perf_hooks_1.performance.now();
        socket.emit('ack', 'hello', PAYLOAD, () => {
            if (isMeasuring) {
                histogram.record(node_perf_hooks_1.performance.now() - sentAt);
                replies++;
            }
            if (isRunning)
                loop(socket);
        });
    };
    try {
        for (const socket of clients)
            loop(socket);
        await (0, suite_1.sleep)(context.options.warmupSeconds);
        await context.beginMeasure();
        isMeasuring = true;
        const started = node_perf_hooks_1.performance.now();
        await (0, suite_1.sleep)(context.options.seconds);
        isMeasuring = false;
        const elapsed = (node_perf_hooks_1.performance.now() - started) / 1000;
        await context.endMeasure();
        if (clients.some((socket) => !socket.connected))
            throw new Error('a msgpack client was disconnected');
        return { messagesPerSecond: replies / elapsed, p50: histogram.quantile(0.5), p99: histogram.quantile(0.99) };
    }
    finally {
        isRunning = false;
        for (const socket of clients)
            socket.disconnect();
    }
}
exports.suite = {
    id: 'msgpack-echo',
    title: '(8) `ack` echo with socket.io-msgpack-parser, 100 bytes of binary, socket.io-client load, websocket',
    file: __filename,
    peers: ['classio-msgpack', 'socket.io-msgpack'],
    metrics: closed_loop_1.CLOSED_LOOP_METRICS,
    run: runMsgpackEcho,
};
(0, runner_1.runIfMain)(module, [exports.suite]);
//# sourceMappingURL=msgpack-echo.bench.js.map