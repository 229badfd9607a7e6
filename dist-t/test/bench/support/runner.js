"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.RESULTS_DIR = void 0;
exports.runSuites = runSuites;
exports.runIfMain = runIfMain;
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const ipc_1 = require("./ipc");
const profile_1 = require("./profile");
const compare_1 = require("./compare");
const node_version_1 = require("./node-version");
const processes_1 = require("./processes");
const report_1 = require("./report");
const histogram_1 = require("./histogram");
const suite_1 = require("./suite");
/** Where results go (gitignored): JSON reports, and CPU profiles with BENCH_PROFILE=1. */
exports.RESULTS_DIR = path.resolve(__dirname, '..', '..', '..', '..', '.bench-results');
const WORKER = path.join(__dirname, 'load-worker.js');
/** Starts the peer and a load generator, runs the workload once, and stops both whatever happens. */
async function runOnce(suite, spec, options, profileDir) {
    const server = await (0, processes_1.startPeer)(spec, options);
    const worker = (0, processes_1.spawnNode)(processes_1.LOAD_CORE, [WORKER], options.shouldPin);
    const channel = new ipc_1.IpcChannel(worker);
    const shouldProfile = profileDir !== null && (options.profile === 'all' || spec.isClassio);
    let profile = null;
    try {
        channel.handle('server-memory', () => server.channel.request('memory'));
        channel.handle('server-cpu', () => server.channel.request('cpu'));
        channel.handle('measure-begin', async () => {
            if (shouldProfile)
                await server.channel.request('profile-start');
            return server.channel.request('cpu');
        });
        channel.handle('measure-end', async () => {
            const cpu = await server.channel.request('cpu');
            if (shouldProfile)
                profile = await server.channel.request('profile-stop', { directory: profileDir });
            return cpu;
        });
        await new Promise((resolve, reject) => {
            channel.handle('ready', () => resolve());
            worker.once('exit', (code) => reject(new Error(`load generator exited (code ${code})`)));
        });
        worker.once('exit', (code) => channel.failPending(new Error(`load generator exited (code ${code})`)));
        // Generous, but bounded: a wedged run must end the bench, not hang it.
        const limitMs = (suite.limitSeconds ?? options.warmupSeconds + options.seconds + 120) * 1000;
        const metrics = await channel.request('run', 
        // A ref's twin is driven exactly as its working-tree peer is.
        { file: suite.file, id: suite.id, port: server.port, peer: spec.name.replace(/@ref$/, ''), options }, limitMs);
        return { metrics: (0, suite_1.addCostPerOp)(metrics, suite), profile };
    }
    finally {
        if (worker.connected)
            worker.disconnect();
        await (0, processes_1.waitForExit)(worker, 5_000);
        await server.stop();
    }
}
function summarizeRun(metrics, suite) {
    return [...suite.metrics, ...suite_1.CPU_METRICS]
        .map((metric) => `${metric.label} ${Number.isNaN(metrics[metric.key]) ? 'n/a' : metrics[metric.key].toFixed(metric.digits)}`)
        .join(', ');
}
/**
 * Runs every workload against every peer it names, `options.runs` times, peers interleaved within each round so
 * that a slow phase of a shared machine hurts all peers alike. Prints the markdown report to stdout (progress goes
 * to stderr) and writes the JSON report to .bench-results/.
 */
async function runSuites(suites, options = (0, suite_1.readOptions)()) {
    const selected = suites.filter((suite) => options.workloads === null || options.workloads.includes(suite.id));
    const profileDir = options.profile === 'off' ? null : path.join(exports.RESULTS_DIR, 'profiles');
    const compared = options.compareRef === null ? null : (0, compare_1.buildRef)(path.resolve(exports.RESULTS_DIR, '..'), options.compareRef, exports.RESULTS_DIR);
    const specOf = (peer) => peer.endsWith('@ref') ? (0, processes_1.refPeer)(peer.slice(0, -'@ref'.length), compared) : processes_1.PEERS[peer];
    const isPinned = options.shouldPin && (0, processes_1.canPin)();
    if (options.shouldPin && !isPinned)
        console.error('[bench] taskset is not usable here: running unpinned');
    const report = {
        date: new Date().toISOString(),
        command: (0, report_1.describeCommand)(),
        machine: (0, report_1.describeMachine)(isPinned),
        options,
        suites: [],
        profiles: [],
        comparison: compared === null ? null : describeComparison(compared),
    };
    for (const suite of selected) {
        const chosen = suite.peers.filter((peer) => options.peers === null || options.peers.includes(peer));
        // Compared: only classio peers, each beside its twin from the ref.
        const peers = compared === null
            ? chosen
            : chosen.filter((peer) => processes_1.PEERS[peer].isClassio).flatMap((peer) => [`${peer}@ref`, peer]);
        const result = {
            id: suite.id,
            title: options.isQuick && suite.quickNote !== undefined
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
                let outcome;
                try {
                    const { metrics, profile } = await runOnce(suite, specOf(peer), options, profileDir);
                    outcome = { metrics };
                    console.error(`${label}: ${summarizeRun(metrics, suite)}`);
                    if (profile !== null)
                        report.profiles.push({ peer, suite: suite.id, ...(0, profile_1.summarizeProfile)(profile) });
                }
                catch (error) {
                    outcome = { error: error instanceof Error ? error.message : String(error) };
                    console.error(`${label}: FAILED ${outcome.error}`);
                }
                (result.runs[peer] ??= []).push(outcome);
            }
        }
        for (const peer of peers) {
            const metricsOfRuns = (result.runs[peer] ?? []).flatMap((run) => ('metrics' in run ? [run.metrics] : []));
            if (metricsOfRuns.length === 0)
                continue;
            const medians = {};
            for (const key of Object.keys(metricsOfRuns[0]))
                medians[key] = (0, histogram_1.median)(metricsOfRuns.map((metrics) => metrics[key]));
            result.medians[peer] = medians;
        }
        report.suites.push(result);
    }
    console.log((0, report_1.formatReport)(report));
    fs.mkdirSync(exports.RESULTS_DIR, { recursive: true });
    const file = path.join(exports.RESULTS_DIR, `bench-${report.date.replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, JSON.stringify(report, null, 2));
    console.error(`[bench] results written to ${path.relative(process.cwd(), file)}`);
    return report;
}
function describeComparison(compared) {
    let working = 'working tree';
    try {
        working = `working tree on ${(0, node_child_process_1.execFileSync)('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()}`;
    }
    catch {
        // Not a git checkout: the label stays generic.
    }
    return { ref: compared.ref, commit: compared.commit, working };
}
/** Runs `suites` when their file is executed directly (`node dist/test/bench/ping.bench.js`). */
function runIfMain(module, suites) {
    if (require.main !== module)
        return;
    (0, node_version_1.reexecOnRequestedNode)();
    runSuites(suites).then(() => process.exit(0), (error) => {
        console.error(error);
        process.exit(1);
    });
}
//# sourceMappingURL=runner.js.map