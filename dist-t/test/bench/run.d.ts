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
export declare const suites: import("./support/suite").Suite[];
