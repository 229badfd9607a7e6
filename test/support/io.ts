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

/** How long `closeAll` lets an upgrade in flight finish before closing its client anyway. */
const UPGRADE_SETTLE_MS = 2000;

/** Tracks clients so that `afterEach` can close them all. */
export class ClientPool {
  readonly #clients: ClientSocket[] = [];
  /** The clients whose upgrade is between the probe's pong and the switch, with a promise of its end. */
  readonly #upgrades = new Map<ClientSocket, Promise<void>>();

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
    client.io.engine.on('upgrading', () => this.#upgrades.set(client, this.#settleUpgrade(client)));
    return client;
  }

  /**
   * Closes every client, once none is in the middle of an upgrade. engine.io-client cannot be closed between the
   * probe's pong and the switch: it waits for the upgrade with its polling transport paused, and if the server goes
   * away meanwhile (the next thing `afterEach` does) the upgrade fails without `upgrading` ever being reset, so the
   * client waits forever and its 45 s ping timer holds the process. Seen as a leftover timer after the connect tests.
   */
  async closeAll(): Promise<void> {
    for (let pending = [...this.#upgrades.values()]; pending.length > 0; pending = [...this.#upgrades.values()]) {
      await Promise.all(pending);
    }
    for (const client of this.#clients.splice(0)) client.disconnect();
  }

  /** Resolves when the upgrade of `client` ends (either way) or after `UPGRADE_SETTLE_MS`, and forgets it. */
  #settleUpgrade(client: ClientSocket): Promise<void> {
    const engine = client.io.engine;
    return new Promise<void>((resolve) => {
      const settle = (): void => {
        clearTimeout(timer);
        engine.off('upgrade', settle);
        engine.off('upgradeError', settle);
        engine.off('close', settle);
        this.#upgrades.delete(client);
        resolve();
      };
      const timer = setTimeout(settle, UPGRADE_SETTLE_MS);
      engine.once('upgrade', settle);
      engine.once('upgradeError', settle);
      engine.once('close', settle);
    });
  }
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
