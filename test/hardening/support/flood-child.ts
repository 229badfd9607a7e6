import 'reflect-metadata';
import { injectable } from 'tsyringe';
import WebSocket from 'ws';
import { request } from 'node:http';
import { Server } from '../../../src/server';
import { Namespace } from '../../../src';
import type { Socket } from '../../../src/namespace/socket';

/**
 * The flood, run in a child process started with --expose-gc so that heap figures mean something: FLOOD_CLIENTS
 * websocket connections (and a tenth as many polling sessions) join `/` and a connection-scoped namespace, join
 * rooms, then vanish without a goodbye (TCP reset, aborted poll). Prints one JSON line with the heap before and
 * after and every structure count once the server has noticed.
 */

let created = 0;
let disposed = 0;

@Namespace('/scoped', { scope: 'connection' })
@injectable()
class Scoped extends Namespace {
  constructor() {
    super();
    created++;
  }

  dispose(): void {
    disposed++;
  }
}

const clients = Number(process.env.FLOOD_CLIENTS ?? 2000);
const pollingClients = Math.ceil(clients / 10);
const BATCH = 100;

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(predicate: () => boolean, timeoutMs = 20_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) return false;
    await delay(20);
  }
  return true;
}

/** Opens one websocket client that joins `/` and `/scoped`; resolves once both answered. */
function openWebSocket(port: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`);
    let joined = 0;
    ws.on('error', reject);
    ws.on('message', (data: Buffer) => {
      const frame = data.toString();
      if (frame.startsWith('0')) {
        ws.send('40');
        ws.send('40/scoped,');
      } else if (frame.startsWith('40')) {
        joined++;
        if (joined === 2) {
          ws.send('42["join","flood"]');
          resolve(ws);
        }
      } else if (frame === '2') ws.send('3');
    });
  });
}

function httpCall(
  port: number,
  method: string,
  path: string,
  body?: string,
): { done: Promise<string>; abort: () => void } {
  let abort = () => undefined as void;
  const done = new Promise<string>((resolve) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(text));
      res.on('error', () => resolve(''));
    });
    req.on('error', () => resolve(''));
    abort = () => req.destroy();
    req.end(body);
  });
  return { done, abort: () => abort() };
}

/** Opens a polling session joined to `/`, leaves a GET pending, and returns the function that aborts it. */
async function openPolling(port: number): Promise<() => void> {
  const open = await httpCall(port, 'GET', '/socket.io/?EIO=4&transport=polling').done;
  const sid = (JSON.parse(open.slice(1)) as { sid: string }).sid;
  const path = `/socket.io/?EIO=4&transport=polling&sid=${sid}`;
  await httpCall(port, 'POST', path, '40\x1e42["join","flood"]').done;
  await httpCall(port, 'GET', path).done; // the CONNECT answer
  return httpCall(port, 'GET', path).abort;
}

async function flood(server: Server, port: number, count: number, polling: number): Promise<void> {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < count; i += BATCH) {
    const batch = await Promise.all(Array.from({ length: Math.min(BATCH, count - i) }, () => openWebSocket(port)));
    sockets.push(...batch);
  }
  const aborts: (() => void)[] = [];
  for (let i = 0; i < polling; i += BATCH) {
    aborts.push(...(await Promise.all(Array.from({ length: Math.min(BATCH, polling - i) }, () => openPolling(port)))));
  }
  await until(() => (server.of('/').adapter.rooms.get('flood')?.size ?? 0) === count + polling);
  // Abruptly: a TCP teardown without a close frame, and an aborted long-poll.
  for (const ws of sockets) ws.terminate();
  for (const abort of aborts) abort();
}

async function main(): Promise<void> {
  const server = new Server({ logger: false, pingInterval: 2000, pingTimeout: 2000 });
  server.register(Scoped);
  server.of('/').on('connection', (socket: Socket) => socket.on('join', (room: string) => socket.join(room)));
  await server.listen(0);
  const port = server.port;

  const counts = () => ({
    engineClients: server.engine.clientsCount,
    sockets: server.of('/').sockets.size + server.of('/scoped').sockets.size,
    rooms: server.of('/').adapter.rooms.size + server.of('/scoped').adapter.rooms.size,
    created,
    disposed,
  });
  const isClean = () => {
    const c = counts();
    return c.engineClients === 0 && c.sockets === 0 && c.rooms === 0 && c.created === c.disposed;
  };

  // Warm-up: JIT, pools and lazily created structures must not count as a leak.
  await flood(server, port, 200, 20);
  await until(isClean);
  const before = heapUsed();
  const startedAt = Date.now();
  await flood(server, port, clients, pollingClients);
  const peak = process.memoryUsage().heapUsed;
  const drained = await until(isClean);
  const after = heapUsed();
  process.stdout.write(
    `${JSON.stringify({
      clients,
      pollingClients,
      drained,
      seconds: (Date.now() - startedAt) / 1000,
      hasGc: typeof (globalThis as { gc?: unknown }).gc === 'function',
      heapBefore: before,
      heapPeak: peak,
      heapAfter: after,
      ...counts(),
    })}\n`,
  );
  await server.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
