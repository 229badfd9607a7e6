import { type BenchReport } from './report';
import { type BenchOptions, type Suite } from './suite';
/** Where results go (gitignored): JSON reports, and CPU profiles with BENCH_PROFILE=1. */
export declare const RESULTS_DIR: string;
/**
 * Runs every workload against every peer it names, `options.runs` times, peers interleaved within each round so
 * that a slow phase of a shared machine hurts all peers alike. Prints the markdown report to stdout (progress goes
 * to stderr) and writes the JSON report to .bench-results/.
 */
export declare function runSuites(suites: readonly Suite[], options?: BenchOptions): Promise<BenchReport>;
/** Runs `suites` when their file is executed directly (`node dist/test/bench/ping.bench.js`). */
export declare function runIfMain(module: NodeJS.Module, suites: readonly Suite[]): void;
