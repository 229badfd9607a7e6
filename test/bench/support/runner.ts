import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IpcChannel } from './ipc';
import { summarizeProfile } from './profile';
import { buildRef, type ComparedRef } from './compare';
import { reexecOnRequestedNode } from './node-version';
import { LOAD_CORE, PEERS, canPin, refPeer, spawnNode, startPeer, waitForExit, type PeerSpec } from './processes';
import {
  describeCommand,
  describeMachine,
  formatReport,
  type BenchReport,
  type Comparison,
  type RunOutcome,
  type SuiteResult,
} from './report';
import { median } from './histogram';
import {
  CPU_METRICS,
  addCostPerOp,
  readOptions,
  type AnyPeerName,
  type BenchOptions,
  type PeerName,
  type Suite,
} from './suite';

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
    channel.handle('server-cpu', () => server.channel.request('cpu'));
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
    const limitMs = (suite.limitSeconds ?? options.warmupSeconds + options.seconds + 120) * 1000;
    const metrics = await channel.request<Record<string, number>>(
      'run',
      // A ref's twin is driven exactly as its working-tree peer is.
      { file: suite.file, id: suite.id, port: server.port, peer: spec.name.replace(/@ref$/, '') as PeerName, options },
      limitMs,
    );
    return { metrics: addCostPerOp(metrics, suite), profile };
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
  const compared =
    options.compareRef === null ? null : buildRef(path.resolve(RESULTS_DIR, '..'), options.compareRef, RESULTS_DIR);
  const specOf = (peer: AnyPeerName): PeerSpec =>
    peer.endsWith('@ref') ? refPeer(peer.slice(0, -'@ref'.length) as PeerName, compared!) : PEERS[peer as PeerName];
  const isPinned = options.shouldPin && canPin();
  if (options.shouldPin && !isPinned) console.error('[bench] taskset is not usable here: running unpinned');
  const report: BenchReport = {
    date: new Date().toISOString(),
    command: describeCommand(),
    machine: describeMachine(isPinned),
    options,
    suites: [],
    profiles: [],
    comparison: compared === null ? null : describeComparison(compared),
  };

  for (const suite of selected) {
    const chosen = suite.peers.filter((peer) => options.peers === null || options.peers.includes(peer));
    // Compared: only classio peers, each beside its twin from the ref.
    const peers: AnyPeerName[] =
      compared === null
        ? chosen
        : chosen.filter((peer) => PEERS[peer].isClassio).flatMap((peer) => [`${peer}@ref` as const, peer]);
    const result: SuiteResult = {
      id: suite.id,
      title:
        options.isQuick && suite.quickNote !== undefined
          ? `${suite.title} (quick mode: ${suite.quickNote})`
          : suite.title,
      metrics: suite.metrics,
      peers,
      baselines: compared === null ? (suite.baselines ?? ['socket.io', 'bare-ws']) : [],
      hasCostPerOp: suite.hasCostPerOp !== false,
      runs: {},
      medians: {},
    };
    for (let round = 0; round < options.runs; round++) {
      // Odd rounds run the peers in reverse, so that a machine warming up or slowing down favours neither side.
      for (const peer of round % 2 === 0 ? peers : [...peers].reverse()) {
        const label = `[bench] ${suite.id} ${peer} run ${round + 1}/${options.runs}`;
        let outcome: RunOutcome;
        try {
          const { metrics, profile } = await runOnce(suite, specOf(peer), options, profileDir);
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

function describeComparison(compared: ComparedRef): Comparison {
  let working = 'working tree';
  try {
    working = `working tree on ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()}`;
  } catch {
    // Not a git checkout: the label stays generic.
  }
  return { ref: compared.ref, commit: compared.commit, working };
}

/** Runs `suites` when their file is executed directly (`node dist/test/bench/ping.bench.js`). */
export function runIfMain(module: NodeJS.Module, suites: readonly Suite[]): void {
  if (require.main !== module) return;
  reexecOnRequestedNode();
  runSuites(suites).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
