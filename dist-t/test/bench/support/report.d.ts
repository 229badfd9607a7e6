import { type AnyPeerName, type BenchOptions, type MetricSpec, type PeerName } from './suite';
/** One run's outcome: metrics, or why it failed. */
export type RunOutcome = {
    metrics: Record<string, number>;
} | {
    error: string;
};
/** Every run of one workload, and the medians. */
export interface SuiteResult {
    id: string;
    title: string;
    metrics: readonly MetricSpec[];
    peers: readonly AnyPeerName[];
    baselines: readonly PeerName[];
    /** False when CPU per operation means nothing for this workload: its columns are left out. */
    hasCostPerOp: boolean;
    runs: Partial<Record<AnyPeerName, RunOutcome[]>>;
    medians: Partial<Record<AnyPeerName, Record<string, number>>>;
}
/** What `--compare <ref>` measured the working tree against. */
export interface Comparison {
    ref: string;
    commit: string;
    /** How the other side is labelled: the working tree, and the commit it sits on. */
    working: string;
}
/** The machine the figures come from. */
export interface MachineInfo {
    cpu: string;
    cores: number;
    memoryGiB: number;
    node: string;
    os: string;
    isPinned: boolean;
}
/** Everything a bench invocation produced (written as JSON to .bench-results/). */
export interface BenchReport {
    date: string;
    command: string;
    machine: MachineInfo;
    options: BenchOptions;
    suites: SuiteResult[];
    profiles: ProfileSummary[];
    comparison: Comparison | null;
}
/** A function of a CPU profile, by self time. */
export interface ProfileEntry {
    functionName: string;
    location: string;
    selfPercent: number;
}
/** A profile summary: top functions and self time per area (package, classio layer, Node internals). */
export interface ProfileSummary {
    peer: string;
    suite: string;
    file: string;
    top: ProfileEntry[];
    areas: {
        area: string;
        selfPercent: number;
    }[];
}
/** Below this server CPU % a figure is flagged: the server was not what limited it. */
export declare const SATURATED_SERVER_CPU = 85;
/** Describes this machine. */
export declare function describeMachine(isPinned: boolean): MachineInfo;
/** The command line that reproduces this run (the BENCH_* variables that were set, then the npm script). */
export declare function describeCommand(env?: NodeJS.ProcessEnv, argv?: readonly string[]): string;
/** The table of one workload: medians per peer, ratios of the headline metric, and CPU use on both sides. */
export declare function formatSuite(result: SuiteResult): string;
/**
 * The table of one compared workload: for each classio peer, the ref's and the working tree's medians of the
 * headline metric and of the server's CPU per operation, and their ratios (above 1× for throughput is faster,
 * below 1× for CPU per operation is cheaper).
 */
export declare function formatComparisonSuite(result: SuiteResult, comparison: Comparison): string;
/** The whole report as markdown: machine and command first, then one table per workload. */
export declare function formatReport(report: BenchReport): string;
