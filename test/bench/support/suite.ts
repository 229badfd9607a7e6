import type { MemorySample } from '../servers/control';
import { readCompareRef } from './compare';

/**
 * The contract between a workload file, the load-generator process that runs it, and the runner.
 *
 * A workload file exports one {@link Suite}. Its `run` executes inside the load-generator process (pinned to its own
 * core) against one peer server (pinned to the other) and returns flat numeric metrics; the runner repeats it,
 * takes medians and prints the table.
 */

/** The servers under test. */
export type PeerName =
  | 'classio'
  | 'socket.io'
  | 'bare-ws'
  | 'classio-socket-on'
  | 'classio-plain'
  | 'classio-decorated'
  | 'classio-dto'
  | 'classio-msgpack'
  | 'socket.io-msgpack'
  | 'classio-metrics'
  | 'classio-tracing'
  | 'classio-intercepted'
  | 'classio-throttled'
  | 'classio-recovery'
  | 'socket.io-recovery'
  | 'classio-catch-all'
  | 'classio-dynamic'
  | 'classio-deflate'
  | 'classio-admin-ui'
  | 'socket.io-catch-all'
  | 'socket.io-dynamic'
  | 'socket.io-deflate'
  | 'socket.io-admin-ui';

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

function readList(value: string | undefined): string[] | null {
  if (value === undefined || value.trim() === '') return null;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function readNumber(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value === undefined || value === '' || !Number.isFinite(parsed) || parsed <= 0 ? fallback : parsed;
}

/** Reads the options from the environment, and `--compare <ref>` from the command line. */
export function readOptions(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv.slice(2),
): BenchOptions {
  const isQuick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
  return {
    runs: Math.round(readNumber(env.BENCH_RUNS, isQuick ? 1 : 3)),
    seconds: readNumber(env.BENCH_SECONDS, isQuick ? 1 : 5),
    warmupSeconds: readNumber(env.BENCH_WARMUP, isQuick ? 0.5 : 2),
    isQuick,
    workloads: readList(env.BENCH_WORKLOADS),
    peers: readList(env.BENCH_PEERS) as PeerName[] | null,
    profile:
      env.BENCH_PROFILE === 'all'
        ? 'all'
        : env.BENCH_PROFILE === '1' || env.BENCH_PROFILE === 'true'
          ? 'classio'
          : 'off',
    shouldPin: env.BENCH_PIN !== '0',
    compareRef: readCompareRef(argv),
  };
}

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
export const CPU_METRICS: readonly MetricSpec[] = [
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
export function addCostPerOp(metrics: Record<string, number>, suite: Suite): Record<string, number> {
  const rate = suite.hasCostPerOp === false ? NaN : metrics[suite.metrics[0].key];
  return {
    ...metrics,
    serverMicrosPerOp: (metrics.serverCpu * 1e4) / rate,
    clientMicrosPerOp: (metrics.clientCpu * 1e4) / rate,
  };
}

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
export function sleep(seconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}
