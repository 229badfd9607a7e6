import 'reflect-metadata';
import { type ChildProcess, fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';

/**
 * Compressed broadcast (issue 13): CLIENTS websocket clients that offer permessage-deflate (as browsers always do),
 * and a server that broadcasts a 10 KB JSON document BURST times to all of them. classio against Socket.IO 4.8,
 * each with `perMessageDeflate` on, with and without server context takeover, in the same run, peers alternating.
 *
 *   npm run build && node dist/test/bench/deflate-broadcast.js
 *
 * Reported per peer (medians of RUNS runs): deliveries/s until the last client got the last broadcast, bytes on
 * the wire per delivery (what the clients read, frame headers included), and the server's CPU time per delivery
 * (user + system, zlib's threads included, from `process.cpuUsage()` from the first broadcast until the clients
 * have the last one). Every client must receive every broadcast, or the
 * run fails.
 *
 * Environment: CLIENTS (200), BURST (200), RUNS or BENCH_RUNS (3), PEERS (all, comma-separated).
 * Run as `node deflate-broadcast.js server <peer>` it is the server process (internal).
 */

type Peer = 'classio' | 'classio-no-takeover' | 'socket.io' | 'socket.io-no-takeover';
const ALL_PEERS: readonly Peer[] = ['classio', 'classio-no-takeover', 'socket.io', 'socket.io-no-takeover'];

const CLIENTS = Number(process.env.CLIENTS ?? 200);
const BURST = Number(process.env.BURST ?? 200);
const RUNS = Number(process.env.RUNS ?? process.env.BENCH_RUNS ?? 3);
const PEERS = (process.env.PEERS?.split(',') as Peer[] | undefined) ?? ALL_PEERS;
/** A 10 KB JSON document, as a game state or a dashboard update is. */
const DOCUMENT = Array.from({ length: 185 }, (_, i) => ({
  id: i,
  name: `player-${i}`,
  x: i * 3.5,
  y: i % 17,
  ok: true,
}));

interface RunResult {
  deliveriesPerSecond: number;
  bytesPerDelivery: number;
  cpuMicrosPerDelivery: number;
}

/** The server process: starts the peer, then broadcasts a burst on each `burst` message and reports its CPU. */
async function serveAs(peer: Peer): Promise<void> {
  const httpServer = createServer();
  const isNoTakeover = peer.endsWith('no-takeover');
  const perMessageDeflate = isNoTakeover ? { threshold: 1024, serverNoContextTakeover: true } : { threshold: 1024 };
  let broadcast: (document: unknown) => void;
  if (peer.startsWith('classio')) {
    const { Server } = await import('../../src/server');
    const io = new Server(httpServer, { logger: false, perMessageDeflate });
    broadcast = (document) => io.emit('state', document);
  } else {
    const { Server } = await import('socket.io');
    const io = new Server(httpServer, { serveClient: false, perMessageDeflate });
    broadcast = (document) => io.emit('state', document);
  }
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  process.send!({ port: (httpServer.address() as AddressInfo).port });
  let before = process.cpuUsage();
  process.on('message', (message: { burst?: number; report?: true }) => {
    if (message.report) {
      // Read once every client has the last broadcast: ws may still be compressing long after the last emit.
      const used = process.cpuUsage(before);
      process.send!({ cpuMicros: used.user + used.system });
      return;
    }
    before = process.cpuUsage();
    let sent = 0;
    // One broadcast per macrotask, so that writes and compression interleave as they would under real load.
    const next = (): void => {
      broadcast(DOCUMENT);
      if (++sent < message.burst!) setImmediate(next);
    };
    next();
  });
}

/** Opens `count` raw Engine.IO websocket clients (permessage-deflate offered) in namespace `/`. */
export async function connectClients(port: number, count: number): Promise<WebSocket[]> {
  const clients: WebSocket[] = [];
  for (let i = 0; i < count; i++) {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`, {
      perMessageDeflate: true,
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('error', reject);
      ws.on('message', function onMessage(data: Buffer) {
        const text = data.toString();
        if (text.startsWith('0')) ws.send('40');
        else if (text.startsWith('40')) {
          ws.off('message', onMessage);
          resolve();
        }
      });
    });
    // Answer pings so that a long burst does not time the clients out.
    ws.on('message', (data: Buffer) => data.length === 1 && data[0] === 0x32 && ws.send('3'));
    clients.push(ws);
  }
  return clients;
}

async function runOnce(peer: Peer): Promise<RunResult> {
  const child: ChildProcess = fork(__filename, ['server', peer], { stdio: 'inherit' });
  try {
    const { port } = await new Promise<{ port: number }>((resolve) => child.once('message', resolve as never));
    const clients = await connectClients(port, CLIENTS);
    const bytesBefore = clients.reduce((sum, ws) => sum + socketOf(ws).bytesRead, 0);
    let deliveries = 0;
    const allArrived = new Promise<void>((resolve) => {
      for (const ws of clients) {
        ws.on('message', (data: Buffer) => {
          if (data.length > 1000 && ++deliveries === CLIENTS * BURST) resolve();
        });
      }
    });
    const started = performance.now();
    child.send({ burst: BURST });
    await allArrived;
    const elapsed = (performance.now() - started) / 1000;
    const cpu = new Promise<{ cpuMicros: number }>((resolve) => child.once('message', resolve as never));
    child.send({ report: true });
    const { cpuMicros } = await cpu;
    const bytes = clients.reduce((sum, ws) => sum + socketOf(ws).bytesRead, 0) - bytesBefore;
    for (const ws of clients) ws.terminate();
    return {
      deliveriesPerSecond: deliveries / elapsed,
      bytesPerDelivery: bytes / deliveries,
      cpuMicrosPerDelivery: cpuMicros / deliveries,
    };
  } finally {
    child.kill();
  }
}

function socketOf(ws: WebSocket): { bytesRead: number } {
  return (ws as unknown as { _socket: { bytesRead: number } })._socket;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const results = new Map<Peer, RunResult[]>(PEERS.map((peer) => [peer, []]));
  for (let run = 0; run < RUNS; run++) {
    // Peers alternate run by run, so a change in the machine's load hits them alike.
    for (const peer of run % 2 === 0 ? PEERS : [...PEERS].reverse()) results.get(peer)!.push(await runOnce(peer));
  }
  const json = JSON.stringify(DOCUMENT).length;
  console.log(`compressed broadcast: ${CLIENTS} clients, ${BURST} broadcasts of ${json} bytes of JSON, ${RUNS} runs`);
  console.log('| peer | deliveries/s | bytes on the wire per delivery | server CPU µs per delivery |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [peer, runs] of results) {
    const row = [
      median(runs.map((r) => r.deliveriesPerSecond)).toFixed(0),
      median(runs.map((r) => r.bytesPerDelivery)).toFixed(0),
      median(runs.map((r) => r.cpuMicrosPerDelivery)).toFixed(1),
    ];
    console.log(`| ${peer} | ${row.join(' | ')} |`);
  }
}

if (require.main === module) {
  if (process.argv[2] === 'server') void serveAs(process.argv[3] as Peer);
  else
    main().catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
