import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import { raiseDescriptorLimit } from './support/limits';
import { reexecOnRequestedNode } from './support/node-version';

/**
 * The soak run (issue 5), outside the default test run: `npm run soak`. A classio server in a child process holds
 * SOAK_CLIENTS websocket clients (default 2000) for SOAK_MINUTES (default 2) with steady traffic: every client
 * emits an acknowledged event every SOAK_INTERVAL_MS (default 5000), every third one is broadcast to the sender's
 * room of 50, the server broadcasts a tick to everybody every second, and a slice of the clients reconnects every
 * 10 s (churn). Clients come from the loopback addresses 127.0.0.2 and up, 10,000 each, and the descriptor limit is
 * raised for the run (issue 18 soaks 20,000 clients: `SOAK_CLIENTS=20000 SOAK_MINUTES=10`). Every 10 s it prints the server's memory and counts; at the end a summary for the README.
 */

const MINUTES = Number(process.env.SOAK_MINUTES ?? 2);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 2000);
const INTERVAL_MS = Number(process.env.SOAK_INTERVAL_MS ?? 5000);
const ROOM_SIZE = 50;
const CHURN_PER_10S = Math.ceil(CLIENTS / 100);

interface ServerSample {
  rss: number;
  heapUsed: number;
  engineClients: number;
  sockets: number;
  rooms: number;
}

// ---------------------------------------------------------------------------------------------- server side

async function runServer(): Promise<void> {
  const server = new Server({ logger: false });
  let received = 0;
  server.on('chat', (message: { room: string; n: number }) => {
    received++;
    if (message.n % 3 === 0) server.to(message.room).emit('chat', message);
    return message.n;
  });
  server.of('/').on('connection', (socket: Socket) => {
    const room = socket.handshake.query.room;
    if (typeof room === 'string') socket.join(room);
  });
  await server.listen(0);
  const ticker = setInterval(() => server.emit('tick', Date.now()), 1000);
  process.on('message', (message: string) => {
    if (message === 'sample') {
      // Collected first (the child runs with --expose-gc), so that heap figures compare live data, not garbage.
      (globalThis as { gc?: () => void }).gc?.();
      const memory = process.memoryUsage();
      const sample: ServerSample = {
        rss: memory.rss,
        heapUsed: memory.heapUsed,
        engineClients: server.engine.clientsCount,
        sockets: server.of('/').sockets.size,
        rooms: server.of('/').adapter.rooms.size,
      };
      process.send!({ type: 'sample', sample, received });
    } else if (message === 'stop') {
      clearInterval(ticker);
      void server.close({ timeout: 2000 }).then(() => process.exit(0));
    }
  });
  process.send!({ type: 'ready', port: server.port });
}

// ---------------------------------------------------------------------------------------------- client side

interface SoakClient {
  ws: WebSocket;
  n: number;
  timer: NodeJS.Timeout | null;
}

const stats = { acks: 0, chats: 0, ticks: 0, errors: 0, sent: 0, reconnects: 0 };

function openClient(port: number, index: number): Promise<SoakClient> {
  return new Promise((resolve) => {
    const room = `room-${Math.floor(index / ROOM_SIZE)}`;
    // 10,000 clients per loopback source address (127.0.0.2 and up), so that churn never runs out of ports.
    const localAddress = `127.0.0.${2 + Math.floor(index / 10_000)}`;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket&room=${room}`, {
      localAddress,
    });
    const client: SoakClient = { ws, n: 0, timer: null };
    // Settles once: connected to the namespace, or failed (an error, a close or no connect within 15 s), so that
    // one lost handshake cannot stall the ramp-up (it counts as an error).
    let isSettled = false;
    const fail = (): void => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(deadline);
      stats.errors++;
      resolve(client);
    };
    const deadline = setTimeout(() => {
      fail();
      ws.terminate();
    }, 15_000);
    ws.on('error', fail);
    ws.on('close', fail);
    ws.on('message', (data: Buffer) => {
      const frame = data.toString();
      if (frame === '2') ws.send('3');
      else if (frame.startsWith('0')) ws.send('40');
      else if (frame.startsWith('40')) {
        // Spread the clients' sends over the interval.
        client.timer = setTimeout(function send() {
          client.n++;
          stats.sent++;
          ws.send(`42${client.n}["chat",{"room":"${room}","n":${client.n},"text":"soak message ${client.n}"}]`);
          client.timer = setTimeout(send, INTERVAL_MS);
        }, Math.random() * INTERVAL_MS);
        isSettled = true;
        clearTimeout(deadline);
        resolve(client);
      } else if (frame.startsWith('43')) stats.acks++;
      else if (frame.startsWith('42["tick"')) stats.ticks++;
      else if (frame.startsWith('42["chat"')) stats.chats++;
    });
  });
}

function closeClient(client: SoakClient): void {
  if (client.timer !== null) clearTimeout(client.timer);
  client.ws.terminate();
}

function sampleServer(child: ChildProcess): Promise<{ sample: ServerSample; received: number }> {
  return new Promise((resolve) => {
    const onMessage = (message: { type: string; sample: ServerSample; received: number }) => {
      if (message.type !== 'sample') return;
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.send('sample');
  });
}

const mib = (bytes: number) => (bytes / 1048576).toFixed(1);

async function runSoak(): Promise<void> {
  raiseDescriptorLimit(CLIENTS * 2 + 10_000, 'soak');
  const child = fork(__filename, ['server'], { execArgv: ['--expose-gc'] });
  const port = await new Promise<number>((resolve) =>
    child.on(
      'message',
      (message: { type: string; port?: number }) => message.type === 'ready' && resolve(message.port!),
    ),
  );
  console.log(`soak: ${CLIENTS} clients, ${MINUTES} min, one acknowledged event per client every ${INTERVAL_MS} ms`);
  const idle = await sampleServer(child);
  const clients: SoakClient[] = [];
  const rampStart = Date.now();
  for (let i = 0; i < CLIENTS; i += 100) {
    clients.push(
      ...(await Promise.all(Array.from({ length: Math.min(100, CLIENTS - i) }, (_, j) => openClient(port, i + j)))),
    );
    if ((i + 100) % 5000 === 0)
      console.log(
        `  ${i + 100} clients open after ${Math.round((Date.now() - rampStart) / 1000)} s, ${stats.errors} errors`,
      );
  }
  const start = Date.now();
  const samples: ServerSample[] = [];
  console.log('  time | rss MiB | heap MiB | sessions | sockets | rooms | sent | acks | chats | ticks | errors');
  const print = (elapsed: number, sample: ServerSample) =>
    console.log(
      `${String(Math.round(elapsed / 1000)).padStart(5)}s | ${mib(sample.rss).padStart(7)} | ${mib(sample.heapUsed).padStart(8)} | ` +
        `${String(sample.engineClients).padStart(8)} | ${String(sample.sockets).padStart(7)} | ${String(sample.rooms).padStart(5)} | ` +
        `${stats.sent} | ${stats.acks} | ${stats.chats} | ${stats.ticks} | ${stats.errors}`,
    );
  let churnCursor = 0;
  while (Date.now() - start < MINUTES * 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    // Churn: a slice of the clients drops abruptly and comes back.
    for (let k = 0; k < CHURN_PER_10S; k++) {
      const index = churnCursor++ % clients.length;
      closeClient(clients[index]);
      clients[index] = await openClient(port, index);
      stats.reconnects++;
    }
    const { sample } = await sampleServer(child);
    samples.push(sample);
    print(Date.now() - start, sample);
  }
  for (const client of clients) closeClient(client);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const drained = await sampleServer(child);
  const peak = samples.reduce((a, b) => (b.rss > a.rss ? b : a), samples[0] ?? idle.sample);
  const last = samples[samples.length - 1] ?? idle.sample;
  console.log('\nsummary');
  console.log(`  clients ${CLIENTS}, duration ${MINUTES} min, reconnects ${stats.reconnects}`);
  console.log(
    `  events sent ${stats.sent}, acks ${stats.acks} (${((stats.acks / Math.max(1, stats.sent)) * 100).toFixed(2)}%), room broadcasts received ${stats.chats}, ticks ${stats.ticks}, errors ${stats.errors}`,
  );
  console.log(
    `  server rss: idle ${mib(idle.sample.rss)} MiB, peak ${mib(peak.rss)} MiB, last ${mib(last.rss)} MiB, after all left ${mib(drained.sample.rss)} MiB`,
  );
  console.log(
    `  server heap: idle ${mib(idle.sample.heapUsed)} MiB, first ${mib(samples[0]?.heapUsed ?? 0)} MiB, last ${mib(last.heapUsed)} MiB, after all left ${mib(drained.sample.heapUsed)} MiB`,
  );
  console.log(
    `  after all left: ${drained.sample.engineClients} sessions, ${drained.sample.sockets} sockets, ${drained.sample.rooms} rooms`,
  );
  child.send('stop');
  await new Promise((resolve) => child.once('exit', resolve));
}

if (process.argv[2] === 'server') {
  void runServer();
} else {
  reexecOnRequestedNode();
  runSoak().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
