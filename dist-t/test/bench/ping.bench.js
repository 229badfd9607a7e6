"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.suite = void 0;
const closed_loop_1 = require("./support/closed-loop");
const frames_1 = require("./support/frames");
const runner_1 = require("./support/runner");
/**
 * Workload 1, decode to dispatch: `my ping` -> `my pong` from 50 clients in closed loops over websocket. The
 * smallest possible event both ways, so the figure is the per-message cost of the server's path (engine decode,
 * packet decode, namespace and route lookup, handler, encode, write).
 */
const PING = (0, frames_1.prepareFrame)(frames_1.PING_FRAME);
exports.suite = {
    id: 'ping',
    title: '(1) `my ping` -> `my pong`, 50 clients in closed loops, websocket',
    file: __filename,
    peers: ['classio', 'socket.io', 'bare-ws'],
    metrics: closed_loop_1.CLOSED_LOOP_METRICS,
    run: (context) => (0, closed_loop_1.runClosedLoop)(context, {
        clients: 50,
        request: () => PING,
        replyPrefix: Buffer.from(frames_1.PONG_FRAME),
    }),
};
(0, runner_1.runIfMain)(module, [exports.suite]);
//# sourceMappingURL=ping.bench.js.map