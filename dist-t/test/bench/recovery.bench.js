"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.suite = void 0;
const runner_1 = require("./support/runner");
const fanout_bench_1 = require("./fanout.bench");
/**
 * Workload 8, the cost of connection state recovery on a broadcast: workload 4's fan-out (one sender, every other
 * client in one room) with `connectionStateRecovery` off and on, for classio and Socket.IO 4.8 in the same run.
 * With recovery on, each broadcast gets an offset argument and is kept in the bounded packet log; the target
 * is under 15 % on the headline figure (classio-recovery against classio), and recovery off must cost nothing
 * (classio here against workload 4's classio on main).
 */
exports.suite = {
    ...fanout_bench_1.suite,
    id: 'recovery',
    title: '(8) fan-out with connectionStateRecovery off and on: 1,000 clients in one room, websocket',
    file: __filename,
    peers: ['classio', 'classio-recovery', 'socket.io', 'socket.io-recovery'],
    baselines: ['classio', 'socket.io-recovery'],
};
(0, runner_1.runIfMain)(module, [exports.suite]);
//# sourceMappingURL=recovery.bench.js.map