import * as fs from 'node:fs';
import * as path from 'node:path';
import { IpcChannel } from './ipc';
import { summarizeProfile } from './profile';
import { LOAD_CORE, PEERS, canPin, spawnNode, startPeer, waitForExit, type PeerSpec } from './processes';
import {
  describeCommand,
  describeMachine,
  formatReport,
  type BenchReport,
  type RunOutcome,
  type SuiteResult,
} from './report';
import { median } from './histogram';
import { CPU_METRICS, addCostPerOp, readOptions, type BenchOptions, type Suite } from './suite';

/** Where results go (gitignored): JSON reports, and CPU profiles with BENCH_PROFILE=1. */
export const RESULTS_DIR = path.resolve(__dirname, '..', '..', '..', '..', '.bench-results');

const WORKER = path.join(__dirname, 'load-worker.js');

/** Starts the peer and a load generator, runs the workload once, and stops both whatever happens. */
async function runOnce(
  suite: Suite,
  spec: PeerSpec,
  options: BenchOptions,
  profileDir: string | null,
): Promise<{ metrics: Record<string, number>; profile: string | null }> {
  const server = await startPeer(spec, options);
  const worker = spawnNode(LOAD_CORE, [WORKER], options.shouldPin);
  const channel = new IpcChannel(worker);
  const shouldProfile = profileDir !== null && (options.profile === 'all' || spec.isClassio);
  let profile: string | null = null;
  try {
    channel.handle('server-memory', () => server.channel.request('memory'));
    channel.handle('measure-begin', async () => {
      if (shouldProfile) await server.channel.request('profile-start');
      return server.channel.request('cpu');
    });
    channel.handle('measure-end', async () => {
      const cpu = await server.channel.request('cpu');
      if (shouldProfile) profile = await server.channel.request<string>('profile-stop', { directory: profileDir });
      return cpu;
    });
    await new Promise<void>((resolve, reject) => {
      channel.handle('ready', () => resolve());
      worker.once('exit', (code) => reject(new Error(`load generator exited (code ${code})`)));
    });
    worker.once('exit', (code) => channel.failPending(new Error(`load generator exited (code ${code})`)));
    // Generous, but bounded: a wedged run must end the bench, not hang it.
    const limitMs = (options.warmupSeconds + options.seconds) * 1000 + 120_000;
    const metrics = await channel.request<Record<string, number>>(
      'run',
      { file: suite.file, port: server.port, peer: spec.name, options },
      limitMs,
    );
    return { metrics: addCostPerOp(metrics, suite.metrics[0]), profile };
  } finally {
    if (worker.connected) worker.disconnect();
    await waitForExit(worker, 5_000);
    await server.stop();
  }
}

function summarizeRun(metrics: Record<string, number>, suite: Suite): string {
  return [...suite.metrics, ...CPU_METRICS]
    .map(
      (metric) =>
        `${metric.label} ${Number.isNaN(metrics[metric.key]) ? 'n/a' : metrics[metric.key].toFixed(metric.digits)}`,
    )
    .join(', ');
}

/**
 * Runs every workload against every peer it names, `options.runs` times, peers interleaved within each round so
 * that a slow phase of a shared machine hurts all peers alike. Prints the markdown report to stdout (progress goes
 * to stderr) and writes the JSON report to .bench-results/.
 */
export async function runSuites(suites: readonly Suite[], options: BenchOptions = readOptions()): Promise<BenchReport> {
  const selected = suites.filter((suite) => options.workloads === null || options.workloads.includes(suite.id));
  const profileDir = options.profile === 'off' ? null : path.join(RESULTS_DIR, 'profiles');
  const isPinned = options.shouldPin && canPin();
  if (options.shouldPin && !isPinned) console.error('[bench] taskset is not usable here: running unpinned');
  const report: BenchReport = {
    date: new Date().toISOString(),
    command: describeCommand(),
    machine: describeMachine(isPinned),
    options,
    suites: [],
    profiles: [],
  };

  for (const suite of selected) {
    const peers = suite.peers.filter((peer) => options.peers === null || options.peers.includes(peer));
    const result: SuiteResult = {
      id: suite.id,
      title:
        options.isQuick && suite.quickNote !== undefined
          ? `${suite.title} (quick mode: ${suite.quickNote})`
          : suite.title,
      metrics: suite.metrics,
      peers,
      baselines: suite.baselines ?? ['socket.io', 'bare-ws'],
      runs: {},
      medians: {},
    };
    for (let round = 0; round < options.runs; round++) {
      for (const peer of peers) {
        const label = `[bench] ${suite.id} ${peer} run ${round + 1}/${options.runs}`;
        let outcome: RunOutcome;
        try {
          const { metrics, profile } = await runOnce(suite, PEERS[peer], options, profileDir);
          outcome = { metrics };
          console.error(`${label}: ${summarizeRun(metrics, suite)}`);
          if (profile !== null) report.profiles.push({ peer, suite: suite.id, ...summarizeProfile(profile) });
        } catch (error) {
          outcome = { error: error instanceof Error ? error.message : String(error) };
          console.error(`${label}: FAILED ${outcome.error}`);
        }
        (result.runs[peer] ??= []).push(outcome);
      }
    }
    for (const peer of peers) {
      const metricsOfRuns = (result.runs[peer] ?? []).flatMap((run) => ('metrics' in run ? [run.metrics] : []));
      if (metricsOfRuns.length === 0) continue;
      const medians: Record<string, number> = {};
      for (const key of Object.keys(metricsOfRuns[0]))
        medians[key] = median(metricsOfRuns.map((metrics) => metrics[key]));
      result.medians[peer] = medians;
    }
    report.suites.push(result);
  }

  console.log(formatReport(report));
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `bench-${report.date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
  console.error(`[bench] results written to ${path.relative(process.cwd(), file)}`);
  return report;
}

/** Runs `suites` when their file is executed directly (`node dist/test/bench/ping.bench.js`). */
export function runIfMain(module: NodeJS.Module, suites: readonly Suite[]): void {
  if (require.main !== module) return;
  runSuites(suites).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
