import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { HandlerContext, currentContext, runInContext } from '../../src/runtime/context';
import type { Socket } from '../../src/namespace/socket';
import { reexecOnRequestedNode } from './support/node-version';

/**
 * The handler context's cost per call (issue 18): what `runInContext` (the AsyncLocalStorage run every compiled
 * handler goes through, plus its synchronous fast path) adds to a handler call, on the Node it runs on. Node 24
 * carries AsyncLocalStorage in AsyncContextFrame (V8's continuation data); Node 20 in async_hooks, whose promise
 * hook then also runs for every promise created while any storage is enabled.
 *
 *   npm run build && node dist/test/bench/context-cost.js [--node 24]
 *
 * Cases, each CALLS calls, ROUNDS rounds (median ns per call):
 * - `direct`: the handler called as is (sync), the floor;
 * - `runInContext`: the same call inside classio's runInContext, reading the context once (as `this.emit` does);
 * - `storage.run`: a bare AsyncLocalStorage run around it, no fast path;
 * - `async direct` / `async runInContext`: an async handler that awaits one resolved promise and reads the
 *   context after it (the continuation reads the storage), awaited in batches of 1,000.
 *
 * Environment: CALLS (1,000,000), ROUNDS (5).
 */

reexecOnRequestedNode();

const CALLS = Number(process.env.CALLS ?? 1_000_000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const BATCH = 1000;

const socket = { id: 'sid', data: {} } as unknown as Socket;
const storage = new AsyncLocalStorage<HandlerContext>();
let sink = 0;

function handler(a: number, b: number, _c: undefined, _d: undefined): number {
  return a + b;
}

function readingHandler(a: number, b: number, _c: undefined, _d: undefined): number {
  return a + b + (currentContext() === undefined ? 0 : 1);
}

async function asyncHandler(a: number, _b: number, _c: undefined, _d: undefined): Promise<number> {
  await Promise.resolve();
  return a + (currentContext() === undefined ? 0 : 1);
}

async function asyncDirect(a: number, _b: number, _c: undefined, _d: undefined): Promise<number> {
  await Promise.resolve();
  return a + 1;
}

const SYNC_CASES: Record<string, () => void> = {
  direct: () => {
    for (let i = 0; i < CALLS; i++) sink += handler(i, 1, undefined, undefined);
  },
  runInContext: () => {
    for (let i = 0; i < CALLS; i++) {
      sink += runInContext(new HandlerContext(socket, 'e', []), readingHandler, i, 1, undefined, undefined);
    }
  },
  'storage.run': () => {
    for (let i = 0; i < CALLS; i++) {
      sink += storage.run(new HandlerContext(socket, 'e', []), readingHandler, i, 1, undefined, undefined);
    }
  },
};

const ASYNC_CASES: Record<string, () => Promise<void>> = {
  'async direct': async () => {
    for (let i = 0; i < CALLS; i += BATCH) {
      const pending: Promise<number>[] = [];
      for (let j = 0; j < BATCH; j++) pending.push(asyncDirect(j, 1, undefined, undefined));
      for (const value of await Promise.all(pending)) sink += value;
    }
  },
  'async runInContext': async () => {
    for (let i = 0; i < CALLS; i += BATCH) {
      const pending: Promise<number>[] = [];
      for (let j = 0; j < BATCH; j++) {
        pending.push(runInContext(new HandlerContext(socket, 'e', []), asyncHandler, j, 1, undefined, undefined));
      }
      for (const value of await Promise.all(pending)) sink += value;
    }
  },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const rows: string[] = [];
  const cases: [string, () => void | Promise<void>][] = [...Object.entries(SYNC_CASES), ...Object.entries(ASYNC_CASES)];
  for (const [name, run] of cases) {
    await run(); // warm-up
    const samples: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      await run();
      samples.push(((performance.now() - started) * 1e6) / CALLS);
    }
    rows.push(`| ${name} | ${median(samples).toFixed(1)} |`);
  }
  process.stdout.write(`Node ${process.version}, ${CALLS.toLocaleString('en-US')} calls × ${ROUNDS} rounds\n\n`);
  process.stdout.write(`| case | ns / call (median) |\n| --- | ---: |\n${rows.join('\n')}\n`);
  if (sink === -1) process.stdout.write('\n');
}

void main();
