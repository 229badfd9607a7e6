"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.suite = void 0;
const closed_loop_1 = require("./support/closed-loop");
const frames_1 = require("./support/frames");
const runner_1 = require("./support/runner");
/**
 * Workload 12, enhancer overhead: workload 7's decorated `echo` method (answered through the ack with its payload)
 * without enhancers, with one pass-through interceptor, and with an `@Throttle` that never refuses; 50 clients in
 * closed loops over websocket, with the Socket.IO-style `socket.on` listener as the hand-written baseline beside
 * them. Ratios are to the method without enhancers (issue 12's target: under 10 % each).
 */
const FRAMES = Array.from({ length: 1000 }, (_, id) => (0, frames_1.prepareFrame)(`42/test,${id}["echo",{"data":"${frames_1.ECHO_DATA}"}]`));
function request(client) {
    client.sequence = (client.sequence + 1) % FRAMES.length;
    return FRAMES[client.sequence];
}
exports.suite = {
    id: 'enhancers',
    title: '(12) enhancer overhead: `echo` answered by ack, one interceptor or one throttle, 50 clients, websocket',
    file: __filename,
    peers: ['classio-decorated', 'classio-intercepted', 'classio-throttled', 'classio-socket-on'],
    baselines: ['classio-decorated'],
    metrics: closed_loop_1.CLOSED_LOOP_METRICS,
    run: (context) => (0, closed_loop_1.runClosedLoop)(context, {
        clients: 50,
        request,
        replyPrefix: Buffer.from(frames_1.ACK_PREFIX),
    }),
};
(0, runner_1.runIfMain)(module, [exports.suite]);
//# sourceMappingURL=enhancers.bench.js.map