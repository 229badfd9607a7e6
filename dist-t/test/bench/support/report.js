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
exports.SATURATED_SERVER_CPU = void 0;
exports.describeMachine = describeMachine;
exports.describeCommand = describeCommand;
exports.formatSuite = formatSuite;
exports.formatComparisonSuite = formatComparisonSuite;
exports.formatReport = formatReport;
const os = __importStar(require("node:os"));
const suite_1 = require("./suite");
/** Below this server CPU % a figure is flagged: the server was not what limited it. */
exports.SATURATED_SERVER_CPU = 85;
const BASELINE_LABELS = { 'socket.io': 'Socket.IO', 'bare-ws': 'bare ws' };
/** Describes this machine. */
function describeMachine(isPinned) {
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
function describeCommand(env = process.env, argv = process.argv.slice(2)) {
    const settings = Object.keys(env)
        .filter((key) => key.startsWith('BENCH_'))
        .sort()
        .map((key) => `${key}=${env[key]}`);
    const compare = argv.findIndex((argument) => argument === '--compare' || argument.startsWith('--compare='));
    const compareArgs = compare === -1 ? [] : ['--', ...argv.slice(compare, argv[compare] === '--compare' ? compare + 2 : compare + 1)];
    return [...settings, 'npm run bench', ...compareArgs].join(' ');
}
function formatNumber(value, digits) {
    if (value === undefined || Number.isNaN(value))
        return 'n/a';
    return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
function formatRatio(value, baseline) {
    if (value === undefined ||
        baseline === undefined ||
        Number.isNaN(value) ||
        Number.isNaN(baseline) ||
        baseline === 0) {
        return 'n/a';
    }
    return `${(value / baseline).toFixed(2)}×`;
}
/** The table of one workload: medians per peer, ratios of the headline metric, and CPU use on both sides. */
function formatSuite(result) {
    const headline = result.metrics[0];
    const baselines = result.baselines.filter((peer) => result.peers.includes(peer));
    const efficiencyBaselines = result.hasCostPerOp ? baselines : [];
    const cpuMetrics = result.hasCostPerOp ? suite_1.CPU_METRICS : suite_1.CPU_METRICS.filter((metric) => metric.key.endsWith('Cpu'));
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
        const isUnsaturated = medians !== undefined && medians.serverCpu < exports.SATURATED_SERVER_CPU;
        hasUnsaturated ||= isUnsaturated;
        const cells = [
            isUnsaturated ? `${peer} *` : peer,
            ...result.metrics.map((metric) => formatNumber(medians?.[metric.key], metric.digits)),
            ...baselines.map((baseline) => formatRatio(medians?.[headline.key], result.medians[baseline]?.[headline.key])),
            // Operations per server CPU second, relative: what the ratio would be if every server had its core to itself.
            ...efficiencyBaselines.map((baseline) => formatRatio(result.medians[baseline]?.serverMicrosPerOp, medians?.serverMicrosPerOp)),
            ...cpuMetrics.map((metric) => formatNumber(medians?.[metric.key], metric.digits)),
            failures === 0 ? String(runs.length) : `${runs.length - failures}/${runs.length} (${failures} failed)`,
        ];
        lines.push(`| ${cells.join(' | ')} |`);
    }
    if (hasUnsaturated) {
        lines.push('', `\\* The server used less than ${exports.SATURATED_SERVER_CPU} % of its core during the measured window: something else ` +
            'bounded this figure (the load generator, or a busy machine), so it understates the server.');
    }
    const errors = result.peers.flatMap((peer) => (result.runs[peer] ?? []).flatMap((run) => ('error' in run ? [`- ${peer}: ${run.error}`] : [])));
    if (errors.length > 0)
        lines.push('', 'Failed runs:', ...new Set(errors));
    return lines.join('\n');
}
/**
 * The table of one compared workload: for each classio peer, the ref's and the working tree's medians of the
 * headline metric and of the server's CPU per operation, and their ratios (above 1× for throughput is faster,
 * below 1× for CPU per operation is cheaper).
 */
function formatComparisonSuite(result, comparison) {
    const headline = result.metrics[0];
    const header = [
        'peer',
        `${headline.label} @ ${comparison.ref}`,
        `${headline.label} working`,
        'ratio',
        `server CPU µs/op @ ${comparison.ref}`,
        'server CPU µs/op working',
        'ratio',
        'runs',
    ];
    const lines = [
        `### ${result.title}`,
        '',
        `| ${header.join(' | ')} |`,
        `|${header.map((_, index) => (index === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ];
    for (const peer of result.peers) {
        if (peer.endsWith('@ref'))
            continue;
        const twin = `${peer}@ref`;
        const working = result.medians[peer];
        const before = result.medians[twin];
        const runs = `${(result.runs[twin] ?? []).filter((run) => 'metrics' in run).length}+${(result.runs[peer] ?? []).filter((run) => 'metrics' in run).length}`;
        lines.push(`| ${[
            peer,
            formatNumber(before?.[headline.key], headline.digits),
            formatNumber(working?.[headline.key], headline.digits),
            formatRatio(working?.[headline.key], before?.[headline.key]),
            formatNumber(before?.serverMicrosPerOp, 1),
            formatNumber(working?.serverMicrosPerOp, 1),
            formatRatio(working?.serverMicrosPerOp, before?.serverMicrosPerOp),
            runs,
        ].join(' | ')} |`);
    }
    const errors = result.peers.flatMap((peer) => (result.runs[peer] ?? []).flatMap((run) => ('error' in run ? [`- ${peer}: ${run.error}`] : [])));
    if (errors.length > 0)
        lines.push('', 'Failed runs:', ...new Set(errors));
    return lines.join('\n');
}
/** The whole report as markdown: machine and command first, then one table per workload. */
function formatReport(report) {
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
        lines.push('', 'Self time by area: ' +
            profile.areas.map((area) => `${area.area} ${area.selfPercent.toFixed(1)}%`).join(', ') +
            '.', '');
    }
    return lines.join('\n');
}
//# sourceMappingURL=report.js.map