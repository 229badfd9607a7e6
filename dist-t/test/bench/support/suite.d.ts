import type { MemorySample } from '../servers/control';
/**
 * The contract between a workload file, the load-generator process that runs it, and the runner.
 *
 * A workload file exports one {@link Suite}. Its `run` executes inside the load-generator process (pinned to its own
 * core) against one peer server (pinned to the other) and returns flat numeric metrics; the runner repeats it,
 * takes medians and prints the table.
 */
/** The servers under test. */
export type PeerName = 'classio' | 'socket.io' | 'bare-ws' | 'classio-socket-on' | 'classio-plain' | 'classio-decorated' | 'classio-dto' | 'classio-msgpack' | 'socket.io-msgpack' | 'classio-metrics' | 'classio-tracing' | 'classio-intercepted' | 'classio-throttled' | 'classio-recovery' | 'socket.io-recovery';
/** A classio peer built from the git ref of `--compare <ref>`: the same server file, the ref's code. */
export type RefPeerName = `${PeerName}@ref`;
/** Any peer a run can hold: the working tree's, or the compared ref's. */
export type AnyPeerName = PeerName | RefPeerName | 'classio-recovery' | 'socket.io-recovery';
/** Settings shared by every workload, from the environment. */
export interface BenchOptions {
    /** Runs per workload and peer (BENCH_RUNS, default 3; quick: 1). */
    runs: number;
    /** Measured seconds per run (BENCH_SECONDS, default 5; quick: 1). */
    seconds: number;
    /** Unmeasured seconds before each measurement, so the JIT has settled (BENCH_WARMUP, default 2; quick: 0.5). */
    warmupSeconds: number;
    /** BENCH_QUICK=1: short runs and smaller client counts, for development on a shared machine. */
    isQuick: boolean;
    /** Only these workloads (BENCH_WORKLOADS=ping,echo), or all. */
    workloads: readonly string[] | null;
    /** Only these peers (BENCH_PEERS=classio,socket.io), or all. */
    peers: readonly PeerName[] | null;
    /**
     * BENCH_PROFILE=1: CPU-profile the classio peers' servers during each measured window (profiles and their summary
     * in .bench-results/profiles and the report); BENCH_PROFILE=all: every peer.
     */
    profile: 'off' | 'classio' | 'all';
    /** BENCH_PIN=0 disables the `taskset` pinning (e.g. on a one-core machine). */
    shouldPin: boolean;
    /**
     * `--compare <ref>` on the command line: each classio peer of each workload runs twice per round, from the ref
     * and from the working tree, and the report gives working-tree / ref ratios. Null without it.
     */
    compareRef: string | null;
}
/** Reads the options from the environment, and `--compare <ref>` from the command line. */
export declare function readOptions(env?: NodeJS.ProcessEnv, argv?: readonly string[]): BenchOptions;
/** What a workload can ask of its surroundings while it runs. */
export interface LoadContext {
    readonly port: number;
    readonly peer: PeerName;
    readonly options: BenchOptions;
    /** The server's RSS and heap after a full GC. */
    serverMemory(): Promise<MemorySample>;
    /** The server process's CPU time so far, in µs (for a workload that measures more than one window). */
    serverCpuMicros(): Promise<number>;
    /** Marks the start of the measured window (server and client CPU are sampled). */
    beginMeasure(): Promise<void>;
    /** Marks its end. */
    endMeasure(): Promise<void>;
}
/** One column of a suite's table. */
export interface MetricSpec {
    readonly key: string;
    readonly label: string;
    readonly isHigherBetter: boolean;
    readonly digits: number;
}
/** Metrics every run reports besides the suite's own: CPU use of both sides during the measured window. */
export declare const CPU_METRICS: readonly MetricSpec[];
/**
 * Adds the CPU cost per operation (one unit of the headline metric: a round trip, a delivery, a connection) on each
 * side. Unlike throughput it hardly depends on whether the server got its whole core, so it stays comparable on a
 * busy machine.
 */
export declare function addCostPerOp(metrics: Record<string, number>, suite: Suite): Record<string, number>;
/** A workload. */
export interface Suite {
    /** Short id, used by BENCH_WORKLOADS and in file names. */
    readonly id: string;
    /** Numbered title, as in issue 7. */
    readonly title: string;
    /** What BENCH_QUICK changes in this workload (added to the title in quick mode). */
    readonly quickNote?: string;
    /** The compiled file that exports it (the load generator requires it). */
    readonly file: string;
    readonly peers: readonly PeerName[];
    /** The first metric is the headline one: ratios are computed on it. */
    readonly metrics: readonly MetricSpec[];
    /** The peers ratios are computed against, in this order (default Socket.IO and bare ws). */
    readonly baselines?: readonly PeerName[];
    /** How long one run may take, in seconds (default: warm-up + measured seconds + 120). */
    readonly limitSeconds?: number;
    /** False when the headline metric is not a rate, so CPU per operation means nothing (default true). */
    readonly hasCostPerOp?: boolean;
    run(context: LoadContext): Promise<Record<string, number>>;
}
/** Resolves after `seconds`. */
export declare function sleep(seconds: number): Promise<void>;
