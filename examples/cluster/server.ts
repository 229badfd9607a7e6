import 'reflect-metadata';
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { emit, Server, currentSid, type ServerOptions } from '../../src';
import { acceptSticky, createClusterAdapter, listenSticky, setupPrimary } from '../../src/cluster';

/**
 * Several classio processes behind one port, with Node's `cluster` module: every core of one machine.
 *
 *   node dist/examples/cluster/server.js                                 # cluster adapter, no Redis, sticky
 *   CLUSTER_ADAPTER=redis node dist/examples/cluster/server.js           # the workers talk through Redis
 *   CLUSTER_MODE=websocket node dist/examples/cluster/server.js          # websocket only: no stickiness needed
 *
 * Environment: PORT (5000), HOST (127.0.0.1), WORKERS (the number of cores), CLUSTER_ADAPTER (`cluster`, the
 * default, or `redis`), REDIS_URL (redis://127.0.0.1:6379, with CLUSTER_ADAPTER=redis), STICKY_COOKIE (unset:
 * route by client address; set: by the value of that cookie).
 *
 * The cluster adapter (classio/cluster) needs nothing but this process: the primary relays between the workers
 * (`setupPrimary()`). With CLUSTER_ADAPTER=redis the workers share a Redis instead, so that servers on other
 * machines, and `notify.js`, can join the same cluster.
 *
 * Why sticky: a polling session is a series of HTTP requests that must all reach the process holding the session
 * (and its upgrade to websocket too). The primary owns the port (`listenSticky()`) and hands every TCP connection
 * to the worker chosen by a hash of the client address, like nginx's `ip_hash`; the workers serve what they are
 * handed (`acceptSticky()`). A websocket-only client opens one long-lived connection, so `cluster`'s own
 * round-robin is enough: clients must then be created with `transports: ['websocket']`.
 */

const PORT = Number(process.env.PORT ?? 5000);
const HOST = process.env.HOST ?? '127.0.0.1';
const WORKERS = Number(process.env.WORKERS ?? availableParallelism());
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const isRedis = process.env.CLUSTER_ADAPTER === 'redis';
const isWebsocketOnly = process.env.CLUSTER_MODE === 'websocket';
const CHANNEL = 'classio-cluster-example';

if (cluster.isPrimary) void startPrimary();
else void startWorker();

async function startPrimary(): Promise<void> {
  // Before forking: the workers' adapters talk to the relay from their first message.
  if (!isRedis) setupPrimary();
  for (let i = 0; i < WORKERS; i++) cluster.fork();
  // A dead worker takes only its own clients; its replacement takes its place in the sticky balancer.
  cluster.on('exit', (worker, code, signal) => {
    console.log(`worker ${worker.process.pid} exited (${signal ?? code}), starting another`);
    cluster.fork();
  });
  const adapter = isRedis ? `Redis at ${REDIS_URL}` : 'the cluster adapter';
  if (isWebsocketOnly) {
    console.log(`websocket-only cluster of ${WORKERS} workers on http://${HOST}:${PORT} (${adapter})`);
    return;
  }
  await listenSticky({ port: PORT, host: HOST, cookie: process.env.STICKY_COOKIE || undefined });
  console.log(`sticky cluster of ${WORKERS} workers on http://${HOST}:${PORT} (${adapter})`);
}

async function startWorker(): Promise<void> {
  const options: ServerOptions = isRedis
    ? { messageQueue: REDIS_URL, channel: CHANNEL }
    : { adapter: createClusterAdapter({ channel: CHANNEL }) };
  const server = new Server({ ...options, ...(isWebsocketOnly ? { transports: ['websocket' as const] } : {}) });
  const worker = `worker ${process.pid}`;
  // Whatever process a client is on, a broadcast reaches every client of every worker.
  server.on('chat', (text: string) => {
    server.emit('chat', { from: currentSid(), via: worker, text });
    return 'sent';
  });
  server.on('connect', () => {
    emit('welcome', { worker });
  });

  if (isWebsocketOnly) {
    // Workers that listen on the same port share it: the primary accepts and deals connections round-robin.
    await server.listen(PORT, HOST);
    return;
  }
  // Sticky mode: this worker never listens; it serves the connections the primary hands over.
  await acceptSticky(server);
}
