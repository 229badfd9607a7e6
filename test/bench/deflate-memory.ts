import 'reflect-metadata';
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectClients } from './deflate-broadcast';

/**
 * Memory per compressed connection (issue 13): the server's RSS and heap after a full GC, before and after CLIENTS
 * websocket clients connected, each received one compressed broadcast and sent one compressed message, with
 * permessage-deflate off, with context takeover (a zlib stream per connection each way, ws#1202, nodejs/node#8871)
 * and without it (classio's shared frames: no compressing stream per connection).
 *
 *   npm run build && node --expose-gc dist/test/bench/deflate-memory.js
 *
 * Environment: CLIENTS (500). Run as `node deflate-memory.js server <mode>` it is the server process (internal).
 */

type Mode = 'off' | 'takeover' | 'no-takeover';
const CLIENTS = Number(process.env.CLIENTS ?? 500);
const BIG = JSON.stringify(Array.from({ length: 185 }, (_, i) => ({ id: i, name: `player-${i}`, x: i * 3.5 })));

async function serveAs(mode: Mode): Promise<void> {
  const { Server } = await import('../../src/server');
  const httpServer = createServer();
  const perMessageDeflate =
    mode === 'off'
      ? false
      : mode === 'takeover'
        ? { threshold: 1024 }
        : { threshold: 1024, serverNoContextTakeover: true };
  const io = new Server(httpServer, { logger: false, perMessageDeflate, pingInterval: 600_000 });
  io.of('/').on('connection', (socket) => socket.on('up', () => undefined));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const sample = () => {
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    return { rss, heap: heapUsed + external + arrayBuffers };
  };
  process.send!({ port: (httpServer.address() as AddressInfo).port, ...sample() });
  process.on('message', (message: string) => {
    if (message === 'broadcast') io.emit('state', BIG);
    else setTimeout(() => process.send!(sample()), 500);
  });
}

async function measure(mode: Mode): Promise<{ rss: number; heap: number }> {
  const child = fork(__filename, ['server', mode], { execArgv: ['--expose-gc'], stdio: 'inherit' });
  const next = () => new Promise<{ port: number; rss: number; heap: number }>((r) => child.once('message', r as never));
  try {
    const before = await next();
    const clients = await connectClients(before.port, CLIENTS);
    const received = clients.map((ws) => new Promise((resolve) => ws.once('message', resolve)));
    child.send('broadcast');
    await Promise.all(received);
    for (const ws of clients) ws.send(`42${JSON.stringify(['up', BIG])}`);
    child.send('sample');
    const after = await next();
    for (const ws of clients) ws.terminate();
    return { rss: (after.rss - before.rss) / CLIENTS, heap: (after.heap - before.heap) / CLIENTS };
  } finally {
    child.kill();
  }
}

async function main(): Promise<void> {
  console.log(`memory per connection, ${CLIENTS} connections, one compressed message each way`);
  console.log('| permessage-deflate | RSS KiB per connection | heap + external KiB per connection |');
  console.log('| --- | ---: | ---: |');
  for (const mode of ['off', 'takeover', 'no-takeover'] as const) {
    const { rss, heap } = await measure(mode);
    console.log(`| ${mode} | ${(rss / 1024).toFixed(1)} | ${(heap / 1024).toFixed(1)} |`);
  }
}

if (require.main === module) {
  if (process.argv[2] === 'server') void serveAs(process.argv[3] as Mode);
  else
    main().catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
