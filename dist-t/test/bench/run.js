"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.suites = void 0;
const ping_bench_1 = require("./ping.bench");
const echo_bench_1 = require("./echo.bench");
const ack_bench_1 = require("./ack.bench");
const fanout_bench_1 = require("./fanout.bench");
const connect_bench_1 = require("./connect.bench");
const polling_bench_1 = require("./polling.bench");
const decorators_bench_1 = require("./decorators.bench");
const msgpack_echo_bench_1 = require("./msgpack-echo.bench");
const observability_bench_1 = require("./observability.bench");
const enhancers_bench_1 = require("./enhancers.bench");
const recovery_bench_1 = require("./recovery.bench");
const runner_1 = require("./support/runner");
/**
 * `npm run bench`: every workload of issue 7 against every peer, medians of BENCH_RUNS runs, as a markdown table
 * on stdout and JSON in .bench-results/. Each workload file also runs alone: `node dist/test/bench/ping.bench.js`.
 *
 * Environment: BENCH_RUNS (3), BENCH_SECONDS (5), BENCH_WARMUP (2), BENCH_QUICK=1 (1 short run, fewer clients),
 * BENCH_WORKLOADS=ping,echo,ack,fanout,connect,polling,decorators,msgpack-echo,observability,enhancers,recovery, BENCH_PEERS=classio,
 * socket.io,bare-ws,classio-plain,classio-decorated,classio-dto,classio-socket-on,classio-msgpack,socket.io-msgpack,
 * classio-metrics,classio-tracing,classio-intercepted,classio-throttled,classio-recovery,
 * socket.io-recovery,
 * BENCH_PROFILE=1 (CPU profiles of the classio servers' measured windows; =all for
 * every peer), BENCH_CLIENT=library (the `ws` package and Node's `http` client as load clients instead of the
 * hand-rolled ones), BENCH_PIN=0 (no taskset), BENCH_FANOUT_WINDOW=64 (broadcasts in flight in fan-out).
 */
exports.suites = [
    ping_bench_1.suite,
    echo_bench_1.suite,
    ack_bench_1.suite,
    fanout_bench_1.suite,
    connect_bench_1.suite,
    polling_bench_1.suite,
    decorators_bench_1.suite,
    msgpack_echo_bench_1.suite,
    observability_bench_1.suite,
    enhancers_bench_1.suite,
    recovery_bench_1.suite,
];
(0, runner_1.runIfMain)(module, exports.suites);
//# sourceMappingURL=run.js.map