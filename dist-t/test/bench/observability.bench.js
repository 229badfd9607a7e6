"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.suite = void 0;
const closed_loop_1 = require("./support/closed-loop");
const frames_1 = require("./support/frames");
const runner_1 = require("./support/runner");
/**
 * The cost of observability per message: the decorated `echo` handler of workload 7 (answered through the ack with
 * its payload), 50 clients in closed loops over websocket, plain (`classio-decorated`, observability off), with
 * metrics on (`classio-metrics`: OpenTelemetry SDK meter and prom-client registry) and with tracing on
 * (`classio-tracing`: a span per event, exported in batches to nowhere). Ratios are to the plain server; off is the
 * decorated figure of workload 7 itself.
 */
const FRAMES = Array.from({ length: 1000 }, (_, id) => (0, frames_1.prepareFrame)(`42/test,${id}["echo",{"data":"${frames_1.ECHO_DATA}"}]`));
function request(client) {
    client.sequence = (client.sequence + 1) % FRAMES.length;
    return FRAMES[client.sequence];
}
exports.suite = {
    id: 'observability',
    title: '(16) observability: decorated `echo` answered by ack, plain vs metrics on vs tracing on, 50 clients, websocket',
    file: __filename,
    peers: ['classio-decorated', 'classio-metrics', 'classio-tracing'],
    baselines: ['classio-decorated'],
    metrics: closed_loop_1.CLOSED_LOOP_METRICS,
    run: (context) => (0, closed_loop_1.runClosedLoop)(context, {
        clients: 50,
        request,
        replyPrefix: Buffer.from(frames_1.ACK_PREFIX),
    }),
};
(0, runner_1.runIfMain)(module, [exports.suite]);
//# sourceMappingURL=observability.bench.js.map