"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.suite = void 0;
const closed_loop_1 = require("./support/closed-loop");
const frames_1 = require("./support/frames");
const runner_1 = require("./support/runner");
/**
 * Workload 7, decorator overhead: one handler (`echo` {data: 100 bytes}, answered through the ack with the payload)
 * written four ways in classio, 50 clients in closed loops over websocket:
 * - `classio-socket-on`: a Socket.IO-style `socket.on` listener, the hand-written baseline;
 * - `classio-plain`: a plain function registered with `server.on`;
 * - `classio-decorated`: a decorated class method, no DTO;
 * - `classio-dto`: a decorated class method whose payload is a DTO checked by class-validator.
 * Ratios are to the plain function (issue 7's targets: decorated within 5 %, with DTO within 15 %).
 */
const FRAMES = Array.from({ length: 1000 }, (_, id) => (0, frames_1.prepareFrame)(`42/test,${id}["echo",{"data":"${frames_1.ECHO_DATA}"}]`));
function request(client) {
    client.sequence = (client.sequence + 1) % FRAMES.length;
    return FRAMES[client.sequence];
}
exports.suite = {
    id: 'decorators',
    title: '(7) decorator overhead: `echo` {100-byte data} answered by ack, 50 clients in closed loops, websocket',
    file: __filename,
    peers: ['classio-plain', 'classio-decorated', 'classio-dto', 'classio-socket-on'],
    baselines: ['classio-plain'],
    metrics: closed_loop_1.CLOSED_LOOP_METRICS,
    run: (context) => (0, closed_loop_1.runClosedLoop)(context, {
        clients: 50,
        request,
        replyPrefix: Buffer.from(frames_1.ACK_PREFIX),
    }),
};
(0, runner_1.runIfMain)(module, [exports.suite]);
//# sourceMappingURL=decorators.bench.js.map