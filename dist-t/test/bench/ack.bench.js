"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.suite = void 0;
const closed_loop_1 = require("./support/closed-loop");
const frames_1 = require("./support/frames");
const runner_1 = require("./support/runner");
/**
 * Workload 3, acks: `ack` with two arguments and an ack id; the handler returns its arguments and the client waits
 * for the ACK packet before the next request. 50 clients in closed loops over websocket.
 */
/** Ack ids cycle through pre-encoded frames, so a request costs no string building. */
const FRAMES = Array.from({ length: 1000 }, (_, id) => (0, frames_1.prepareFrame)((0, frames_1.ackFrame)(id)));
function request(client) {
    client.sequence = (client.sequence + 1) % FRAMES.length;
    return FRAMES[client.sequence];
}
exports.suite = {
    id: 'ack',
    title: '(3) `ack` with two arguments, awaiting the ack, 50 clients in closed loops, websocket',
    file: __filename,
    peers: ['classio', 'socket.io', 'bare-ws'],
    metrics: closed_loop_1.CLOSED_LOOP_METRICS,
    run: (context) => (0, closed_loop_1.runClosedLoop)(context, {
        clients: 50,
        request,
        replyPrefix: Buffer.from(frames_1.ACK_PREFIX),
    }),
};
(0, runner_1.runIfMain)(module, [exports.suite]);
//# sourceMappingURL=ack.bench.js.map