"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CPU_METRICS = void 0;
exports.readOptions = readOptions;
exports.addCostPerOp = addCostPerOp;
exports.sleep = sleep;
const compare_1 = require("./compare");
function readList(value) {
    if (value === undefined || value.trim() === '')
        return null;
    return value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
function readNumber(value, fallback) {
    const parsed = Number(value);
    return value === undefined || value === '' || !Number.isFinite(parsed) || parsed <= 0 ? fallback : parsed;
}
/** Reads the options from the environment, and `--compare <ref>` from the command line. */
function readOptions(env = process.env, argv = process.argv.slice(2)) {
    const isQuick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
    return {
        runs: Math.round(readNumber(env.BENCH_RUNS, isQuick ? 1 : 3)),
        seconds: readNumber(env.BENCH_SECONDS, isQuick ? 1 : 5),
        warmupSeconds: readNumber(env.BENCH_WARMUP, isQuick ? 0.5 : 2),
        isQuick,
        workloads: readList(env.BENCH_WORKLOADS),
        peers: readList(env.BENCH_PEERS),
        profile: env.BENCH_PROFILE === 'all'
            ? 'all'
            : env.BENCH_PROFILE === '1' || env.BENCH_PROFILE === 'true'
                ? 'classio'
                : 'off',
        shouldPin: env.BENCH_PIN !== '0',
        compareRef: (0, compare_1.readCompareRef)(argv),
    };
}
/** Metrics every run reports besides the suite's own: CPU use of both sides during the measured window. */
exports.CPU_METRICS = [
    { key: 'serverCpu', label: 'server CPU %', isHigherBetter: false, digits: 0 },
    { key: 'serverMicrosPerOp', label: 'server CPU µs/op', isHigherBetter: false, digits: 1 },
    { key: 'clientCpu', label: 'load CPU %', isHigherBetter: false, digits: 0 },
    { key: 'clientMicrosPerOp', label: 'load CPU µs/op', isHigherBetter: false, digits: 1 },
];
/**
 * Adds the CPU cost per operation (one unit of the headline metric: a round trip, a delivery, a connection) on each
 * side. Unlike throughput it hardly depends on whether the server got its whole core, so it stays comparable on a
 * busy machine.
 */
function addCostPerOp(metrics, suite) {
    const rate = suite.hasCostPerOp === false ? NaN : metrics[suite.metrics[0].key];
    return {
        ...metrics,
        serverMicrosPerOp: (metrics.serverCpu * 1e4) / rate,
        clientMicrosPerOp: (metrics.clientCpu * 1e4) / rate,
    };
}
/** Resolves after `seconds`. */
function sleep(seconds) {
    return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}
//# sourceMappingURL=suite.js.map