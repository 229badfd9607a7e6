import * as os from 'node:os';
import { CPU_METRICS, type AnyPeerName, type BenchOptions, type MetricSpec, type PeerName } from './suite';

/** One run's outcome: metrics, or why it failed. */
export type RunOutcome = { metrics: Record<string, number> } | { error: string };

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
  areas: { area: string; selfPercent: number }[];
}

/** Below this server CPU % a figure is flagged: the server was not what limited it. */
export const SATURATED_SERVER_CPU = 85;

const BASELINE_LABELS: Partial<Record<PeerName, string>> = { 'socket.io': 'Socket.IO', 'bare-ws': 'bare ws' };

/** Describes this machine. */
export function describeMachine(isPinned: boolean): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    isPinned,
  };
}

/** The command line that reproduces this run (the BENCH_* variables that were set, then the npm script). */
export function describeCommand(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv.slice(2),
): string {
  const settings = Object.keys(env)
    .filter((key) => key.startsWith('BENCH_'))
    .sort()
    .map((key) => `${key}=${env[key]}`);
  const compare = argv.findIndex((argument) => argument === '--compare' || argument.startsWith('--compare='));
  const compareArgs =
    compare === -1 ? [] : ['--', ...argv.slice(compare, argv[compare] === '--compare' ? compare + 2 : compare + 1)];
  return [...settings, 'npm run bench', ...compareArgs].join(' ');
}

function formatNumber(value: number | undefined, digits: number): string {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function formatRatio(value: number | undefined, baseline: number | undefined): string {
  if (
    value === undefined ||
    baseline === undefined ||
    Number.isNaN(value) ||
    Number.isNaN(baseline) ||
    baseline === 0
  ) {
    return 'n/a';
  }
  return `${(value / baseline).toFixed(2)}×`;
}

/** The table of one workload: medians per peer, ratios of the headline metric, and CPU use on both sides. */
export function formatSuite(result: SuiteResult): string {
  const headline = result.metrics[0];
  const baselines = result.baselines.filter((peer) => result.peers.includes(peer));
  const efficiencyBaselines = result.hasCostPerOp ? baselines : [];
  const cpuMetrics = result.hasCostPerOp ? CPU_METRICS : CPU_METRICS.filter((metric) => metric.key.endsWith('Cpu'));
  const header = [
    'peer',
    ...result.metrics.map((metric) => metric.label),
    ...baselines.map((peer) => `${headline.label} vs ${BASELINE_LABELS[peer] ?? peer}`),
    ...efficiencyBaselines.map((peer) => `CPU efficiency vs ${BASELINE_LABELS[peer] ?? peer}`),
    ...cpuMetrics.map((metric) => metric.label),
    'runs',
  ];
  const lines = [
    `### ${result.title}`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map((_, index) => (index === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
  ];
  let hasUnsaturated = false;
  for (const peer of result.peers) {
    const medians = result.medians[peer];
    const runs = result.runs[peer] ?? [];
    const failures = runs.filter((run) => 'error' in run).length;
    const isUnsaturated = medians !== undefined && medians.serverCpu < SATURATED_SERVER_CPU;
    hasUnsaturated ||= isUnsaturated;
    const cells = [
      isUnsaturated ? `${peer} *` : peer,
      ...result.metrics.map((metric) => formatNumber(medians?.[metric.key], metric.digits)),
      ...baselines.map((baseline) => formatRatio(medians?.[headline.key], result.medians[baseline]?.[headline.key])),
      // Operations per server CPU second, relative: what the ratio would be if every server had its core to itself.
      ...efficiencyBaselines.map((baseline) =>
        formatRatio(result.medians[baseline]?.serverMicrosPerOp, medians?.serverMicrosPerOp),
      ),
      ...cpuMetrics.map((metric) => formatNumber(medians?.[metric.key], metric.digits)),
      failures === 0 ? String(runs.length) : `${runs.length - failures}/${runs.length} (${failures} failed)`,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (hasUnsaturated) {
    lines.push(
      '',
      `\\* The server used less than ${SATURATED_SERVER_CPU} % of its core during the measured window: something else ` +
        'bounded this figure (the load generator, or a busy machine), so it understates the server.',
    );
  }
  const errors = result.peers.flatMap((peer) =>
    (result.runs[peer] ?? []).flatMap((run) => ('error' in run ? [`- ${peer}: ${run.error}`] : [])),
  );
  if (errors.length > 0) lines.push('', 'Failed runs:', ...new Set(errors));
  return lines.join('\n');
}

/**
 * The table of one compared workload: for each classio peer, the ref's and the working tree's medians of every
 * metric of the workload (memory too, where it has some) and of the server's CPU per operation, and their ratios
 * (above 1× is higher: faster for throughput, dearer for CPU or memory).
 */
export function formatComparisonSuite(result: SuiteResult, comparison: Comparison): string {
  const columns = [
    ...result.metrics.map((metric) => ({ key: metric.key, label: metric.label, digits: metric.digits })),
    { key: 'serverMicrosPerOp', label: 'server CPU µs/op', digits: 1 },
  ];
  const header = [
    'peer',
    ...columns.flatMap(({ label }) => [`${label} @ ${comparison.ref}`, `${label} working`, 'ratio']),
    'runs',
  ];
  const lines = [
    `### ${result.title}`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map((_, index) => (index === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
  ];
  for (const peer of result.peers) {
    if (peer.endsWith('@ref')) continue;
    const twin = `${peer}@ref` as AnyPeerName;
    const working = result.medians[peer];
    const before = result.medians[twin];
    const runs = `${(result.runs[twin] ?? []).filter((run) => 'metrics' in run).length}+${(result.runs[peer] ?? []).filter((run) => 'metrics' in run).length}`;
    const cells = columns.flatMap(({ key, digits }) => [
      formatNumber(before?.[key], digits),
      formatNumber(working?.[key], digits),
      formatRatio(working?.[key], before?.[key]),
    ]);
    lines.push(`| ${[peer, ...cells, runs].join(' | ')} |`);
  }
  const errors = result.peers.flatMap((peer) =>
    (result.runs[peer] ?? []).flatMap((run) => ('error' in run ? [`- ${peer}: ${run.error}`] : [])),
  );
  if (errors.length > 0) lines.push('', 'Failed runs:', ...new Set(errors));
  return lines.join('\n');
}

/** The whole report as markdown: machine and command first, then one table per workload. */
export function formatReport(report: BenchReport): string {
  const { machine, options } = report;
  const lines = [
    `Machine: ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}.`,
    machine.isPinned
      ? 'Server pinned to core 0 and load generator to core 1 (`taskset`); raw WebSocket clients with pre-encoded frames.'
      : 'Not pinned (taskset unavailable or BENCH_PIN=0): server and load generator share the cores.',
    `Command: \`${report.command}\` (${options.runs} run(s) of ${options.seconds} s after ${options.warmupSeconds} s ` +
      `warm-up per workload and peer; medians${options.isQuick ? '; QUICK MODE, not for publishing' : ''}). ${report.date}.`,
    ...(report.comparison === null
      ? []
      : [
          `Compared: ${report.comparison.ref} (${report.comparison.commit.slice(0, 10)}) against the ` +
            `${report.comparison.working}, peers interleaved in each round.`,
        ]),
    '',
  ];
  for (const suite of report.suites) {
    lines.push(report.comparison === null ? formatSuite(suite) : formatComparisonSuite(suite, report.comparison), '');
  }
  for (const profile of report.profiles) {
    lines.push(`CPU profile of ${profile.peer} in ${profile.suite} (${profile.file}), top functions by self time:`, '');
    lines.push('| self % | function | location |', '| ---: | --- | --- |');
    for (const entry of profile.top) {
      lines.push(`| ${entry.selfPercent.toFixed(1)} | ${entry.functionName} | ${entry.location} |`);
    }
    lines.push(
      '',
      'Self time by area: ' +
        profile.areas.map((area) => `${area.area} ${area.selfPercent.toFixed(1)}%`).join(', ') +
        '.',
      '',
    );
  }
  return lines.join('\n');
}
