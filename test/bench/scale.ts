import { performance } from 'node:perf_hooks';
import { LatencyHistogram } from './support/histogram';
import { descriptorLimit, raiseDescriptorLimit } from './support/limits';
import { reexecOnRequestedNode } from './support/node-version';
import { JOIN_FRAME, PING_FRAME, PONG_FRAME, RESPONSE_PREFIX, ROOM_EVENT_FRAME, prepareFrame } from './support/frames';
import { type RawClient, closeClients, connectClients } from './support/raw-client';
import { runSuites } from './support/runner';
import { readOptions, sleep, type Suite } from './support/suite';

/**
 * `npm run bench:scale`: the scale curve of issue 18. For each size (BENCH_SCALE_SIZES, default 1000,10000,50000)
 * and each peer (classio, Socket.IO, bare ws), one fresh server and one load generator:
 *
 * 1. connect: `size` websocket clients with the `/test` namespace connect and the app's greeting, 256 handshakes in
 *    flight, spread over the loopback source addresses 127.0.0.2 and up (10,000 a piece), so that no source address
 *    runs out of ephemeral ports;
 * 2. idle: server RSS and heap per connection after a full GC (and RSS less V8's young generation, which V8 sizes
 *    by the allocation rate of the connect burst, from 1 to about 70 MB in runs of the same server, and which says
 *    nothing of what a connection keeps), then BENCH_SCALE_IDLE seconds (default 50: longer
 *    than one ping interval plus its timeout, 25 + 20 s) of nothing but heartbeats: the server's CPU for them,
 *    and how many clients the server closed meanwhile (0 is the target: heartbeats on time);
 * 3. active: every client sends `my ping` BENCH_SCALE_RATE times a second (default 0.2, at random phases) for
 *    BENCH_SECONDS (5): server CPU (the CPU columns of the table) and the p99 of ping to pong;
 * 4. broadcast: every client joins one room, then one broadcast to the room, five times: the median time until the
 *    last client has it.
 *
 * The script raises its own descriptor limit (prlimit, inherited by the server and the load generator) to what the
 * largest size needs. BENCH_RUNS defaults to 1 here (a run at 50,000 takes about two minutes per peer).
 */

const SIZES = (process.env.BENCH_SCALE_SIZES ?? '1000,10000,50000')
  .split(',')
  .map((size) => Number(size.trim()))
  .filter((size) => Number.isInteger(size) && size > 0);
const IDLE_SECONDS = Number(process.env.BENCH_SCALE_IDLE ?? 50);
const RATE = Number(process.env.BENCH_SCALE_RATE ?? 0.2);
const PER_SOURCE_ADDRESS = 10_000;
const KIB = 1024;

const PING = prepareFrame(PING_FRAME);
const PONG = Buffer.from(PONG_FRAME);
const JOIN = prepareFrame(JOIN_FRAME);
const ROOM_EVENT = prepareFrame(ROOM_EVENT_FRAME);
const RESPONSE = Buffer.from(RESPONSE_PREFIX);

/** 127.0.0.2 for the first 10,000 connections, 127.0.0.3 for the next, and so on. */
function sourceAddress(index: number): string {
  const n = 2 + Math.floor(index / PER_SOURCE_ADDRESS);
  return `127.0.${Math.floor(n / 256)}.${n % 256}`;
}

function countClosed(clients: readonly RawClient[]): number {
  let closed = 0;
  for (const client of clients) if (!client.isOpen) closed++;
  return closed;
}

/** Resolves once every client has seen a frame starting with `prefix`, or rejects after `timeoutMs`. */
function awaitEveryone(clients: readonly RawClient[], prefix: Buffer, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let waiting = clients.length;
    const timer = setTimeout(
      () => reject(new Error(`${waiting} of ${clients.length} clients saw nothing within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onFrame = (client: RawClient, data: Buffer): void => {
      if (data.length < prefix.length || data.compare(prefix, 0, prefix.length, 0, prefix.length) !== 0) return;
      client.onFrame = ignore;
      if (--waiting === 0) {
        clearTimeout(timer);
        resolve();
      }
    };
    for (const client of clients) client.onFrame = onFrame;
  });
}

function ignore(): void {}

/** Phase 3: pings at `RATE` per client and second, with their round trips recorded. */
async function measureActive(clients: readonly RawClient[], seconds: number): Promise<LatencyHistogram> {
  const histogram = new LatencyHistogram();
  const onFrame = (client: RawClient, data: Buffer): void => {
    if (client.sentAt !== 0 && data.equals(PONG)) {
      histogram.record(performance.now() - client.sentAt);
      client.sentAt = 0;
    }
  };
  const periodMs = 1000 / RATE;
  const timers: NodeJS.Timeout[] = [];
  for (const client of clients) {
    client.onFrame = onFrame;
    const send = (): void => {
      if (!client.isOpen) return;
      client.sentAt = performance.now();
      client.send(PING);
    };
    // Random phases: a load where every client pings in the same millisecond measures a burst, not a rate.
    timers.push(
      setTimeout(() => {
        send();
        timers.push(setInterval(send, periodMs));
      }, Math.random() * periodMs),
    );
  }
  await sleep(seconds);
  for (const timer of timers) clearTimeout(timer);
  return histogram;
}

function scaleSuite(size: number): Suite {
  return {
    id: `scale-${size}`,
    title: `scale: ${size.toLocaleString('en-US')} websocket connections (idle, then active, then one broadcast)`,
    file: __filename,
    peers: ['classio', 'socket.io', 'bare-ws'],
    metrics: [
      { key: 'rssPerConnection', label: 'RSS KiB/conn', isHigherBetter: false, digits: 2 },
      { key: 'rssLessYoungPerConnection', label: 'RSS less young gen KiB/conn', isHigherBetter: false, digits: 2 },
      { key: 'heapPerConnection', label: 'heap KiB/conn', isHigherBetter: false, digits: 2 },
      { key: 'connectsPerSecond', label: 'connects/s', isHigherBetter: true, digits: 0 },
      { key: 'heartbeatCpuMsPerSecond', label: 'idle CPU ms/s', isHigherBetter: false, digits: 1 },
      { key: 'closedWhileIdle', label: 'closed while idle', isHigherBetter: false, digits: 0 },
      { key: 'activeP99', label: 'active ping p99 ms', isHigherBetter: false, digits: 2 },
      { key: 'broadcastMs', label: 'broadcast to all ms', isHigherBetter: false, digits: 1 },
    ],
    hasCostPerOp: false,
    limitSeconds: IDLE_SECONDS + 240 + Math.ceil(size / 500),
    async run(context) {
      // The server holds one descriptor per connection, as does this process: say so rather than fail on EMFILE.
      const limit = descriptorLimit();
      if (size + 100 > limit) {
        throw new Error(`${size} connections need more descriptors than the limit of ${limit} (see prlimit above)`);
      }
      // A few connections first, so that lazily built server state (JIT, pools) is not billed per connection.
      closeClients(await connectClients(context.port, 20));
      await sleep(0.5);
      const before = await context.serverMemory();
      const started = performance.now();
      const clients = await connectClients(context.port, size, 256, sourceAddress);
      const connectSeconds = (performance.now() - started) / 1000;
      try {
        await sleep(1);
        const idle = await context.serverMemory();
        const cpuBefore = await context.serverCpuMicros();
        await sleep(IDLE_SECONDS);
        const heartbeatCpuMsPerSecond = ((await context.serverCpuMicros()) - cpuBefore) / 1000 / IDLE_SECONDS;
        const closedWhileIdle = countClosed(clients);

        const open = clients.filter((client) => client.isOpen);
        await context.beginMeasure();
        const active = await measureActive(open, context.options.seconds);
        await context.endMeasure();
        await sleep(1); // the last pongs

        const joined = awaitEveryone(open, RESPONSE, 60_000);
        for (const client of open) client.send(JOIN);
        await joined;
        const times: number[] = [];
        const sender = open[0];
        for (let i = 0; i < 5; i++) {
          const reached = awaitEveryone(open, RESPONSE, 60_000);
          const sentAt = performance.now();
          sender.send(ROOM_EVENT);
          await reached;
          times.push(performance.now() - sentAt);
        }
        times.sort((a, b) => a - b);
        return {
          rssPerConnection: (idle.rss - before.rss) / KIB / size,
          rssLessYoungPerConnection:
            (idle.rss - idle.youngGeneration - (before.rss - before.youngGeneration)) / KIB / size,
          heapPerConnection: (idle.heapUsed - before.heapUsed) / KIB / size,
          connectsPerSecond: size / connectSeconds,
          heartbeatCpuMsPerSecond,
          closedWhileIdle,
          activeP99: active.quantile(0.99),
          broadcastMs: times[2],
        };
      } finally {
        closeClients(clients);
      }
    },
  };
}

export const suites: readonly Suite[] = SIZES.map(scaleSuite);

if (require.main === module) {
  reexecOnRequestedNode();
  raiseDescriptorLimit(Math.max(...SIZES) * 2 + 10_000, 'bench:scale');
  const options = readOptions();
  runSuites(suites, { ...options, runs: process.env.BENCH_RUNS === undefined ? 1 : options.runs }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
