"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mochaHooks = void 0;
const node_async_hooks_1 = require("node:async_hooks");
/**
 * A mocha root hook plugin (loaded by `.mocharc.json`): the run fails when the suite leaves behind anything that
 * keeps Node alive, instead of mocha's `--exit` killing the process over it.
 *
 * - Before the first test it counts the resources that keep the event loop alive
 *   (`process.getActiveResourcesInfo()`: sockets, servers, child processes, ref'd timers); after the last one it
 *   waits up to `DRAIN_MS` for sockets and processes that are still closing, then fails the run's "after all" hook
 *   naming every resource beyond that count.
 * - Either way it then arms an unref'd watchdog: if the process is still alive `WATCHDOG_MS` later (a leak, or
 *   something opened after the check), it prints what keeps it alive and exits with code 1. An idle process exits
 *   before the watchdog fires, so a clean run never sees it, and a leaky one fails instead of hanging CI.
 * - With `CLASSIO_LEAK_TRACE=1` it records where each handle and timer was created, and during which test
 *   (async_hooks, which slows the run), and prints those with the failure.
 *
 * Not meant for `--watch` (whose file watchers keep the process alive on purpose) or `--parallel` (whose workers
 * outlive the file they ran): under `--watch` the watchdog is not armed.
 */
/** How long the last test's servers, sockets and child processes get to finish closing. */
const DRAIN_MS = 2000;
/** How long after the check the process may stay alive before the watchdog calls it a hang. */
const WATCHDOG_MS = 10_000;
const POLL_MS = 10;
/** async_hooks types worth a stack trace: the ones that can keep the event loop alive. */
const TRACED_TYPES = new Set([
    'Timeout',
    'TCPWRAP',
    'TCPSERVERWRAP',
    'PIPEWRAP',
    'PIPESERVERWRAP',
    'PROCESSWRAP',
    'UDPWRAP',
    'SIGNALWRAP',
    'FSEVENTWRAP',
    'STATWATCHER',
]);
const traced = new Map();
const tracer = process.env.CLASSIO_LEAK_TRACE === '1' ? createTracer() : null;
let baseline = new Map();
let currentTest = '(before the first test)';
function createTracer() {
    const hook = (0, node_async_hooks_1.createHook)({
        init(asyncId, type, _triggerAsyncId, resource) {
            if (!TRACED_TYPES.has(type))
                return;
            const stack = (new Error().stack ?? '').split('\n').slice(2).join('\n');
            traced.set(asyncId, { type, resource, stack, test: currentTest });
        },
        destroy(asyncId) {
            traced.delete(asyncId);
        },
    });
    return hook.enable();
}
function countResources() {
    const counts = new Map();
    for (const type of process.getActiveResourcesInfo())
        counts.set(type, (counts.get(type) ?? 0) + 1);
    return counts;
}
/** The resources alive now beyond the baseline, as `type ×count`. */
function findLeftovers() {
    const leftovers = [];
    for (const [type, count] of countResources()) {
        const extra = count - (baseline.get(type) ?? 0);
        if (extra > 0)
            leftovers.push(extra === 1 ? type : `${type} ×${extra}`);
    }
    return leftovers;
}
function describeTraces() {
    if (tracer === null)
        return 'Run with CLASSIO_LEAK_TRACE=1 to see where each one was created.';
    // Leaves out this hook's own timers (its poll delay, and mocha's timeout, started from `this.timeout()` here).
    const live = [...traced.values()].filter((entry) => entry.resource.hasRef?.() !== false && !entry.stack.includes('leak-check'));
    if (live.length === 0)
        return 'No traced handle or timer is alive (the leftover is of another kind).';
    return ['Created at:', ...live.map((entry) => `${entry.type}, during "${entry.test}"\n${entry.stack}`)].join('\n\n');
}
function delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
function isWatchMode() {
    return process.argv.includes('--watch') || process.argv.includes('-w');
}
function armWatchdog() {
    if (isWatchMode())
        return;
    setTimeout(() => {
        // Everything, not the difference from the baseline: the hook timer counted there is gone by now.
        const alive = process.getActiveResourcesInfo().join(', ');
        console.error(`\nleak check: still alive ${WATCHDOG_MS} ms after the last test (${alive}); exiting with 1.`);
        console.error(describeTraces());
        process.exit(1);
    }, WATCHDOG_MS).unref();
}
/** Waits for the leftovers to close, up to `DRAIN_MS`; rejects naming those still open. */
async function drain() {
    const deadline = Date.now() + DRAIN_MS;
    let leftovers = findLeftovers();
    while (leftovers.length > 0 && Date.now() < deadline) {
        await delay(POLL_MS);
        leftovers = findLeftovers();
    }
    if (leftovers.length > 0) {
        throw new Error(`the suite leaves ${leftovers.join(', ')} open ${DRAIN_MS} ms after its last test.\n${describeTraces()}`);
    }
}
// Both hooks take `done`: mocha then runs its timeout timer for each before calling it, so that timer is in the
// baseline and in every later count alike (for a promise-returning hook it starts only after the first await).
exports.mochaHooks = {
    beforeAll(done) {
        baseline = countResources();
        done();
    },
    beforeEach() {
        if (tracer !== null)
            currentTest = this.currentTest?.fullTitle() ?? currentTest;
    },
    afterAll(done) {
        this.timeout(DRAIN_MS + 5000);
        void drain()
            .finally(armWatchdog)
            .then(() => done(), done);
    },
};
//# sourceMappingURL=leak-check.js.map