import {
  io as connectSocket,
  type Socket as ClientSocket,
  type ManagerOptions,
  type SocketOptions,
} from 'socket.io-client';
import { Server, type ServerOptions } from '../../src/server';

/**
 * The three ways an official client reaches the server. Every protocol-facing suite runs once per mode (the
 * transport contract, as hono's router suites run once per router).
 */
export interface TransportMode {
  readonly name: 'websocket' | 'polling' | 'upgrade';
  readonly options: Partial<ManagerOptions & SocketOptions>;
  /** True when the test must see the client move from polling to websocket. */
  readonly shouldUpgrade: boolean;
}

export const TRANSPORT_MODES: readonly TransportMode[] = [
  { name: 'websocket', options: { transports: ['websocket'] }, shouldUpgrade: false },
  { name: 'polling', options: { transports: ['polling'] }, shouldUpgrade: false },
  { name: 'upgrade', options: { transports: ['polling', 'websocket'] }, shouldUpgrade: true },
];

/** Starts a classio server on 127.0.0.1, port 0. */
export async function startServer(options: ServerOptions = {}): Promise<Server> {
  const server = new Server({ logger: false, ...options });
  await server.listen(0);
  return server;
}

/** How long `closeAll` waits for a client's engine to report itself closed. */
const CLOSE_SETTLE_MS = 2000;

/** Tracks clients so that `afterEach` can close them all. */
export class ClientPool {
  readonly #clients: ClientSocket[] = [];

  /**
   * Connects an official client to `nsp` and resolves once it is connected and, in upgrade mode, once the
   * transport is websocket (so that every assertion after it runs over the upgraded connection).
   */
  async connect(
    server: Server,
    nsp: string,
    mode: TransportMode,
    options: Partial<ManagerOptions & SocketOptions> = {},
  ): Promise<ClientSocket> {
    const client = this.open(server, nsp, mode, options);
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('connect_error', reject);
    });
    if (mode.shouldUpgrade) await waitForUpgrade(client);
    return client;
  }

  /** Opens a client without waiting (for refused connections). */
  open(
    server: Server,
    nsp: string,
    mode: TransportMode,
    options: Partial<ManagerOptions & SocketOptions> = {},
  ): ClientSocket {
    const client = connectSocket(`http://127.0.0.1:${server.port}${nsp}`, {
      forceNew: true,
      reconnection: false,
      ...mode.options,
      ...options,
    });
    this.#clients.push(client);
    return client;
  }

  /**
   * Closes every client and resolves once their engines are closed (or after `CLOSE_SETTLE_MS`), so that the server
   * is still there while they finish. engine.io-client cannot close between an upgrade probe's pong and the switch:
   * it waits for the upgrade, its polling transport paused. If `afterEach` closed the server then, the probe would
   * fail without `upgrading` ever being reset, and the client would wait forever while its 45 s ping timer holds the
   * process: the leak check found it after about one run in twelve of the upgrade-mode connect tests.
   */
  async closeAll(): Promise<void> {
    const clients = this.#clients.splice(0);
    for (const client of clients) client.disconnect();
    await Promise.all(clients.map((client) => whenEngineClosed(client)));
  }
}

/**
 * Resolves once the engine of `client` is closed, or after `CLOSE_SETTLE_MS`. Await it after `disconnect()` and
 * before closing the server (see {@link ClientPool.closeAll} for why).
 */
export function whenEngineClosed(client: ClientSocket): Promise<void> {
  const engine = client.io.engine;
  if (engine === undefined || engine.readyState === 'closed') return Promise.resolve();
  return new Promise<void>((resolve) => {
    const settle = (): void => {
      clearTimeout(timer);
      engine.off('close', settle);
      resolve();
    };
    const timer = setTimeout(settle, CLOSE_SETTLE_MS);
    engine.once('close', settle);
  });
}

/** Resolves once the client's engine runs on websocket. */
export function waitForUpgrade(client: ClientSocket): Promise<void> {
  const engine = client.io.engine;
  if (engine.transport.name === 'websocket') return Promise.resolve();
  return new Promise((resolve) => engine.once('upgrade', () => resolve()));
}

/** Resolves with the arguments of the next `event` on `client`. */
export function nextEvent<T extends unknown[] = unknown[]>(client: ClientSocket, event: string): Promise<T> {
  return new Promise((resolve) => client.once(event, (...args: unknown[]) => resolve(args as T)));
}

/** Collects every `event` a client receives. */
export function collect(client: ClientSocket, event: string): unknown[][] {
  const received: unknown[][] = [];
  client.on(event, (...args: unknown[]) => received.push(args));
  return received;
}

/** Resolves after `ms` milliseconds (to let a packet that must NOT arrive have its chance). */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves once `predicate` holds, polling every 5 ms; rejects after `timeoutMs` with `what`. */
export async function until(predicate: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(5);
  }
}
