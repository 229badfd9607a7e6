import { type ChildProcess, spawn } from 'node:child_process';
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { suite as fanout } from './fanout.bench';
import { canPin } from './support/processes';
import { runIfMain } from './support/runner';
import type { LoadContext, Suite } from './support/suite';

/**
 * Cluster on one machine (issue 15): workload 4, the fan-out (1,000 websocket clients in one room, one more client
 * emitting `my_room_event` to it, 64 broadcasts in flight), run as it is against a Node `cluster` of one and then
 * two workers on one port, so that with two every broadcast also crosses the primary to the other worker. classio
 * with classio/cluster (`createClusterAdapter`, `setupPrimary`) against Socket.IO 4.8 with
 * @socket.io/cluster-adapter, in the same run. The figure is deliveries per second.
 *
 * The clients are websocket-only, so `cluster`'s round-robin spreads them evenly and neither side needs a sticky
 * balancer (classio's `listenSticky` and @socket.io/sticky only act when a connection opens, not per message).
 * The runner starts its usual peer server for each run, which this workload leaves idle: the cluster under test is
 * started here, from the load generator, as `node cluster.bench.js primary <peer> <workers>`, on every core (the
 * load generator itself stays pinned to its core, so with two cores the second worker shares one with the load).
 * Its server CPU column is therefore that of the idle peer (left out of docs/cluster.md); the load CPU is real.
 */

type ClusterPeer = 'classio' | 'socket.io';

// ---------------------------------------------------------------------------------------------------------------
// The cluster under test: a primary and its workers.

async function runPrimary(peer: ClusterPeer, workers: number): Promise<void> {
  if (peer === 'classio') (await import('../../src/cluster')).setupPrimary();
  else (await import('@socket.io/cluster-adapter')).setupPrimary();
  cluster.setupPrimary({ exec: __filename, args: ['worker', peer] });
  const ports = await Promise.all(
    Array.from({ length: workers }, () => {
      const worker = cluster.fork();
      // The worker's adapter talks to the primary on the same channel: wait for this one message among them.
      return new Promise<number>((resolve) =>
        worker.on(
          'message',
          (message: { port?: number }) => typeof message?.port === 'number' && resolve(message.port),
        ),
      );
    }),
  );
  process.send!({ port: ports[0] });
  process.once('disconnect', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
    process.exit(0);
  });
}

/** A worker listens on port 0, which `cluster` makes one port shared by every worker (round-robin). */
async function runWorker(peer: ClusterPeer): Promise<void> {
  let port: number;
  if (peer === 'classio') {
    const { createClusterAdapter } = await import('../../src/cluster');
    const { createChatApp } = await import('../../examples/chat/server');
    // The chat app of every other workload, its `/test` namespace answering `join` and `my_room_event`.
    const app = createChatApp({
      port: 0,
      backgroundIntervalMs: 0,
      log: () => undefined,
      server: { adapter: createClusterAdapter() },
    });
    await app.server.of('/test').adapter.init();
    port = (await app.listen()).port;
  } else {
    const { Server } = await import('socket.io');
    const { createAdapter } = await import('@socket.io/cluster-adapter');
    const httpServer = createServer();
    const io = new Server(httpServer, { serveClient: false, adapter: createAdapter() });
    // The two events of the fan-out, as the Socket.IO peer of the other workloads answers them.
    io.of('/test').on('connection', (socket) => {
      socket.emit('my response', { data: 'Connected', count: 0 });
      socket.on('join', (message: { room: string }) => {
        void socket.join(message.room);
        socket.emit('my response', { data: `In rooms: ${[...socket.rooms].join(', ')}`, count: 1 });
      });
      socket.on('my_room_event', (message: { room: string; data: unknown }) => {
        io.of('/test').to(message.room).emit('my response', { data: message.data, count: 1 });
      });
    });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    port = (httpServer.address() as { port: number }).port;
  }
  process.send!({ port });
}

/** Starts a primary with `workers` workers on every core; resolves with it and its port. */
async function startCluster(peer: ClusterPeer, workers: number): Promise<{ child: ChildProcess; port: number }> {
  const args = [__filename, 'primary', peer, String(workers)];
  const stdio: ['ignore', 'inherit', 'inherit', 'ipc'] = ['ignore', 'inherit', 'inherit', 'ipc'];
  const child = canPin()
    ? spawn('taskset', ['-c', `0-${availableParallelism() - 1}`, process.execPath, ...args], { stdio })
    : spawn(process.execPath, args, { stdio });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`${peer} cluster exited during startup (code ${code})`)));
  });
  return { child, port };
}

async function stopCluster(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.disconnect();
  await exited;
}

/**
 * Workload 4 on a fresh cluster of `workers`; resolves with deliveries per second. Only the last window is
 * `measured` for CPU (the runner keeps one figure per run): its load CPU is the load generator's, its server CPU
 * that of the runner's idle peer, which the docs leave out.
 */
async function measure(context: LoadContext, workers: number, isMeasured: boolean): Promise<number> {
  const { child, port } = await startCluster(context.peer as ClusterPeer, workers);
  try {
    const noop = () => Promise.resolve();
    const metrics = await fanout.run(
      isMeasured ? { ...context, port } : { ...context, port, beginMeasure: noop, endMeasure: noop },
    );
    return metrics.deliveriesPerSecond;
  } finally {
    await stopCluster(child);
  }
}

export const suite: Suite = {
  id: 'cluster',
  title:
    '(15) cluster on one machine: fan-out to 1,000 websocket clients in one room over 1 and 2 workers, ' +
    'classio/cluster vs @socket.io/cluster-adapter',
  quickNote: '200 members',
  file: __filename,
  peers: ['classio', 'socket.io'],
  baselines: ['socket.io'],
  hasCostPerOp: false,
  metrics: [
    { key: 'deliveriesTwoWorkers', label: 'deliveries/s, 2 workers', isHigherBetter: true, digits: 0 },
    { key: 'deliveriesOneWorker', label: 'deliveries/s, 1 worker', isHigherBetter: true, digits: 0 },
    { key: 'scaling', label: '2 workers / 1', isHigherBetter: true, digits: 2 },
  ],
  limitSeconds: 300,
  async run(context) {
    const one = await measure(context, 1, false);
    const two = await measure(context, 2, true);
    return { deliveriesTwoWorkers: two, deliveriesOneWorker: one, scaling: two / one };
  },
};

if (cluster.isPrimary && require.main === module && process.argv[2] === 'primary') {
  void runPrimary(process.argv[3] as ClusterPeer, Number(process.argv[4]));
} else if (cluster.isWorker && process.argv[2] === 'worker') {
  void runWorker(process.argv[3] as ClusterPeer);
} else {
  runIfMain(module, [suite]);
}
