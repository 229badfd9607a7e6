"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.suite = void 0;
const closed_loop_1 = require("./support/closed-loop");
const frames_1 = require("./support/frames");
const runner_1 = require("./support/runner");
/**
 * Workload 2, websocket echo: `my event` {data: 100 bytes} -> `my response` {data, count} to the sender, 50 clients
 * in closed loops. Adds a payload to decode and re-encode, and the per-connection session counter.
 */
const ECHO = (0, frames_1.prepareFrame)(frames_1.ECHO_FRAME);
exports.suite = {
    id: 'echo',
    title: '(2) `my event` echo, 100-byte payload, 50 clients in closed loops, websocket',
    file: __filename,
    peers: ['classio', 'socket.io', 'bare-ws'],
    metrics: closed_loop_1.CLOSED_LOOP_METRICS,
    run: (context) => (0, closed_loop_1.runClosedLoop)(context, {
        clients: 50,
        request: () => ECHO,
        replyPrefix: Buffer.from(frames_1.RESPONSE_PREFIX),
    }),
};
(0, runner_1.runIfMain)(module, [exports.suite]);
//# sourceMappingURL=echo.bench.js.map