import 'reflect-metadata';
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

/**
 * Cluster fan-out (issue 6): three server processes on one Redis, 1,000 websocket clients in one room spread
 * evenly over them, and one process broadcasting to the room, so two thirds of every broadcast crosses Redis.
 * classio with its Redis adapter against Socket.IO with @socket.io/redis-adapter (both ioredis, both msgpack),
 * on the same Redis, in the same run, peers alternating run by run.
 *
 *   npm run build && node dist/test/bench/cluster-fanout.js
 *
 * Per run: a burst of BURST broadcasts (throughput: broadcasts/s and deliveries/s until the last client got the
 * last one) and SAMPLES single broadcasts one after the other (latency until the last client got it, median).
 * Every client must receive every broadcast exactly once, or the run fails. Figures are medians of RUNS runs.
 *
 * Environment: REDIS_URL (redis://127.0.0.1:6379), CLIENTS (1000), BURST (200), SAMPLES (20), RUNS (3),
 * PAYLOAD bytes (100), PROCESSES (3), PEERS (classio,socket.io; also classio-sio and mixed), PROF_DIR (unset: when
 * set, the server processes write V8 CPU profiles there).
 *
 * Run as `node cluster-fanout.js server <peer> <channel>` it is one of the server processes (internal).
 */

/**
 * The pub/sub adapters (`classio`, `socket.io`); `classio-sio`, classio with the Redis adapter in the `socket.io`
 * format (`createRedisAdapter({ format })`), and `mixed`, a cluster of both kinds, classio (that format) and Socket.IO
 * processes alternating, classio broadcasting; and the Redis Streams ones (`-streams`: classio's
 * createRedisStreamsAdapter, @socket.io/redis-streams-adapter), those also with connection state recovery on
 * (`-streams-recovery`). `streams-fanout.ts` runs the streams peers.
 */
export type Peer =
  | 'classio'
  | 'classio-sio'
  | 'socket.io'
  | 'mixed'
  | 'classio-streams'
  | 'socket.io-streams'
  | 'classio-streams-recovery'
  | 'socket.io-streams-recovery';
type ProcessKind = Exclude<Peer, 'mixed'>;

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const CLIENTS = Number(process.env.CLIENTS ?? 1000);
const BURST = Number(process.env.BURST ?? 200);
const SAMPLES = Number(process.env.SAMPLES ?? 20);
const RUNS = Number(process.env.RUNS ?? 3);
const PAYLOAD = 'x'.repeat(Number(process.env.PAYLOAD ?? 100));
const PROCESSES = Number(process.env.PROCESSES ?? 3);
/** The peers to run, comma-separated (default `classio,socket.io`). */
const PEERS = (process.env.PEERS ?? 'classio,socket.io').split(',') as Peer[];
const ROOM = 'fanout';

/** The result of one run of one peer. */
export interface FanoutResult {
  broadcastsPerSecond: number;
  deliveriesPerSecond: number;
  latencyMs: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Server processes

interface ServerCommand {
  op: 'burst' | 'roomSize' | 'close';
  count?: number;
}

async function runServer(peer: ProcessKind, channel: string): Promise<void> {
  let broadcast: (seq: number) => void;
  let roomSize: () => number;
  let close: () => Promise<void>;
  let port: number;
  const isStreams = peer.includes('-streams');
  const isRecovery = peer.endsWith('-recovery');
  if (peer.startsWith('classio')) {
    const { Server } = await import('../../src/server');
    const { createRedisAdapter, createRedisStreamsAdapter } = await import('../../src/adapter/redis');
    const server = new Server({
      ...(isStreams
        ? { adapter: createRedisStreamsAdapter({ url: REDIS_URL, streamName: channel }) }
        : peer === 'classio-sio'
          ? { adapter: createRedisAdapter({ url: REDIS_URL, channel, format: 'socket.io' }) }
          : { messageQueue: REDIS_URL, channel }),
      connectionStateRecovery: isRecovery ? {} : false,
      logger: false,
    });
    const nsp = server.of('/');
    nsp.on('connection', (socket: { join(room: string): void }) => socket.join(ROOM));
    await server.listen(0);
    await nsp.adapter.init();
    port = server.port;
    broadcast = (seq) => void nsp.to(ROOM).emit('fanout', seq, PAYLOAD);
    roomSize = () => nsp.adapter.rooms.get(ROOM)?.size ?? 0;
    close = () => server.close();
  } else {
    const { Server } = await import('socket.io');
    const { createAdapter } = await import('@socket.io/redis-adapter');
    const { createAdapter: createStreamsAdapter } = await import('@socket.io/redis-streams-adapter');
    const { default: Redis } = await import('ioredis');
    const pub = new Redis(REDIS_URL);
    const sub = pub.duplicate();
    const httpServer = createServer();
    const io = new Server(httpServer, {
      adapter: isStreams
        ? createStreamsAdapter(pub, { streamName: channel, channelPrefix: channel })
        : createAdapter(pub, sub, { key: channel }),
      ...(isRecovery ? { connectionStateRecovery: {} } : {}),
    });
    io.on('connection', (socket) => socket.join(ROOM));
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    // The adapter subscribes on creation; a round trip on `sub` proves the SUBSCRIBE was processed.
    await sub.ping();
    port = (httpServer.address() as { port: number }).port;
    broadcast = (seq) => void io.to(ROOM).emit('fanout', seq, PAYLOAD);
    roomSize = () => io.of('/').adapter.rooms.get(ROOM)?.size ?? 0;
    close = async () => {
      await io.close();
      pub.disconnect();
      sub.disconnect();
    };
  }
  let seq = 0;
  process.on('message', (command: ServerCommand) => {
    if (command.op === 'burst') {
      for (let i = 0; i < command.count!; i++) broadcast(seq++);
      process.send!({ op: 'burst' });
    } else if (command.op === 'roomSize') {
      process.send!({ op: 'roomSize', size: roomSize() });
    } else {
      void close().then(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send!({ op: 'ready', port });
}

// ---------------------------------------------------------------------------------------------------------------
// Load side: raw Engine.IO websocket clients, cheap enough that 1,000 of them fit in this process.

class ServerProcess {
  readonly child: ChildProcess;
  port = 0;

  constructor(peer: ProcessKind, channel: string) {
    const execArgv = process.env.PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF_DIR}`] : [];
    this.child = fork(__filename, ['server', peer, channel], {
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  }

  request<T extends object>(command: ServerCommand): Promise<T> {
    return new Promise((resolve) => {
      this.child.once('message', (message: T) => resolve(message));
      this.child.send(command);
    });
  }

  async start(): Promise<void> {
    const ready = await new Promise<{ port: number }>((resolve, reject) => {
      this.child.once('message', resolve);
      this.child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    this.port = ready.port;
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ op: 'close' });
    await exited;
  }
}

/** Counts `fanout` events over all clients; `until(n)` resolves once the total reaches n. */
class DeliveryCounter {
  total = 0;
  readonly perClient: number[] = [];
  #target = Infinity;
  #resolve: (() => void) | null = null;

  add(client: number): void {
    this.perClient[client]++;
    if (++this.total >= this.#target && this.#resolve !== null) {
      const resolve = this.#resolve;
      this.#resolve = null;
      resolve();
    }
  }

  until(total: number): Promise<void> {
    if (this.total >= total) return Promise.resolve();
    this.#target = total;
    return new Promise((resolve) => (this.#resolve = resolve));
  }
}

const EVENT_PREFIX = '42["fanout",';

function connectClient(port: number, index: number, counter: DeliveryCounter): Promise<WebSocket> {
  counter.perClient[index] = 0;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`);
    ws.on('error', reject);
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) return;
      const text = data.toString();
      if (text.startsWith(EVENT_PREFIX)) counter.add(index);
      else if (text === '2') ws.send('3');
      else if (text.startsWith('0')) ws.send('40');
      else if (text.startsWith('40')) resolve(ws);
    });
  });
}

async function connectAll(servers: ServerProcess[], counter: DeliveryCounter): Promise<WebSocket[]> {
  const clients: WebSocket[] = [];
  // 50 handshakes in flight at a time, spread round-robin over the processes.
  for (let start = 0; start < CLIENTS; start += 50) {
    const batch = [];
    for (let i = start; i < Math.min(start + 50, CLIENTS); i++) {
      batch.push(connectClient(servers[i % servers.length].port, i, counter));
    }
    clients.push(...(await Promise.all(batch)));
  }
  return clients;
}

async function runOnce(peer: Peer): Promise<FanoutResult> {
  const channel = `bench-fanout-${peer}-${randomBytes(4).toString('hex')}`;
  const kindOf = (index: number): ProcessKind =>
    peer !== 'mixed' ? peer : index % 2 === 0 ? 'classio-sio' : 'socket.io';
  const servers = Array.from({ length: PROCESSES }, (_, index) => new ServerProcess(kindOf(index), channel));
  await Promise.all(servers.map((server) => server.start()));
  const counter = new DeliveryCounter();
  const clients = await connectAll(servers, counter);
  try {
    const sizes = await Promise.all(servers.map((s) => s.request<{ size: number }>({ op: 'roomSize' })));
    const inRoom = sizes.reduce((sum, { size }) => sum + size, 0);
    if (inRoom !== CLIENTS) throw new Error(`${peer}: ${inRoom} of ${CLIENTS} clients in the room`);
    const [origin] = servers;
    let expected = 0;
    // Warm-up: the JIT and Redis' buffers, unmeasured.
    expected += 20 * CLIENTS;
    await origin.request({ op: 'burst', count: 20 });
    await counter.until(expected);

    expected += BURST * CLIENTS;
    const started = performance.now();
    await origin.request({ op: 'burst', count: BURST });
    await counter.until(expected);
    const burstSeconds = (performance.now() - started) / 1000;

    const latencies: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      expected += CLIENTS;
      const sent = performance.now();
      await origin.request({ op: 'burst', count: 1 });
      await counter.until(expected);
      latencies.push(performance.now() - sent);
    }
    const perClient = 20 + BURST + SAMPLES;
    const wrong = counter.perClient.filter((n) => n !== perClient).length;
    if (wrong > 0 || counter.total !== expected) {
      throw new Error(`${peer}: ${wrong} clients did not receive exactly ${perClient} broadcasts`);
    }
    return {
      broadcastsPerSecond: BURST / burstSeconds,
      deliveriesPerSecond: (BURST * CLIENTS) / burstSeconds,
      latencyMs: median(latencies),
    };
  } finally {
    for (const client of clients) client.terminate();
    await Promise.all(servers.map((server) => server.stop()));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs the peers RUNS times, alternating, and returns the medians per peer. */
export async function runClusterFanout(peers: readonly Peer[] = PEERS): Promise<Partial<Record<Peer, FanoutResult>>> {
  const results = Object.fromEntries(peers.map((peer) => [peer, [] as FanoutResult[]])) as Record<Peer, FanoutResult[]>;
  for (let run = 0; run < RUNS; run++) {
    for (const peer of peers) {
      const result = await runOnce(peer);
      results[peer].push(result);
      console.error(
        `run ${run + 1}/${RUNS} ${peer}: ${result.broadcastsPerSecond.toFixed(0)} broadcasts/s, ` +
          `${result.deliveriesPerSecond.toFixed(0)} deliveries/s, ${result.latencyMs.toFixed(2)} ms`,
      );
    }
  }
  const medians: Partial<Record<Peer, FanoutResult>> = {};
  for (const peer of peers) {
    medians[peer] = {
      broadcastsPerSecond: median(results[peer].map((r) => r.broadcastsPerSecond)),
      deliveriesPerSecond: median(results[peer].map((r) => r.deliveriesPerSecond)),
      latencyMs: median(results[peer].map((r) => r.latencyMs)),
    };
  }
  return medians;
}

/** Prints the medians as a markdown table. */
export function printTable(medians: Partial<Record<Peer, FanoutResult>>): void {
  console.log(
    `\nCluster fan-out: ${PROCESSES} processes, ${CLIENTS} websocket clients in one room, Redis ${REDIS_URL}, ` +
      `${PAYLOAD.length}-byte payload, burst of ${BURST}, medians of ${RUNS} runs\n`,
  );
  console.log('| peer | broadcasts/s (burst) | deliveries/s | latency to last client (ms, median) |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [peer, r] of Object.entries(medians)) {
    console.log(
      `| ${peer} | ${r.broadcastsPerSecond.toFixed(0)} | ${r.deliveriesPerSecond.toFixed(0)} | ${r.latencyMs.toFixed(2)} |`,
    );
  }
}

if (require.main === module) {
  const [role, peer, channel] = process.argv.slice(2);
  const main = role === 'server' ? runServer(peer as ProcessKind, channel) : runClusterFanout().then(printTable);
  main.then(
    () => {
      if (role !== 'server') process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
