import type { Server } from '../../src/server';

/**
 * The Socket.IO v2 JavaScript client (npm `socket.io-client@2`, installed as `socket.io-client-v2`), which speaks
 * Engine.IO v3. It ships no types: this is the part of its API the tests use.
 */
export interface V2Socket {
  readonly id: string;
  readonly connected: boolean;
  readonly io: { engine: V2Engine };
  on(event: string, listener: (...args: never[]) => void): this;
  once(event: string, listener: (...args: never[]) => void): this;
  emit(event: string, ...args: unknown[]): this;
  close(): this;
}

export interface V2Engine {
  readonly id: string;
  readonly readyState: string;
  readonly transport: { name: string };
  on(event: string, listener: (...args: never[]) => void): this;
  once(event: string, listener: (...args: never[]) => void): this;
}

export interface V2Options {
  transports?: string[];
  query?: Record<string, string>;
  forceNew?: boolean;
  reconnection?: boolean;
}

/** The v2 counterpart of `TransportMode`: the same three ways to reach the server. */
export interface V2Mode {
  readonly name: 'websocket' | 'polling' | 'upgrade';
  readonly transports: string[];
  readonly shouldUpgrade: boolean;
}

export const V2_MODES: readonly V2Mode[] = [
  { name: 'websocket', transports: ['websocket'], shouldUpgrade: false },
  { name: 'polling', transports: ['polling'], shouldUpgrade: false },
  { name: 'upgrade', transports: ['polling', 'websocket'], shouldUpgrade: true },
];

// eslint-disable-next-line @typescript-eslint/no-require-imports -- an untyped CommonJS package
const connectV2 = require('socket.io-client-v2') as (url: string, options: V2Options) => V2Socket;

/** Tracks v2 clients so that `afterEach` can close them all. */
export class V2ClientPool {
  readonly #clients: V2Socket[] = [];

  /** Opens a v2 client to `nsp` without waiting. */
  open(server: Server, nsp: string, mode: V2Mode, options: V2Options = {}): V2Socket {
    const client = connectV2(`http://127.0.0.1:${server.port}${nsp}`, {
      forceNew: true,
      reconnection: false,
      transports: mode.transports,
      ...options,
    });
    this.#clients.push(client);
    return client;
  }

  /** Opens a v2 client and resolves once it is connected (and upgraded, in upgrade mode). */
  async connect(server: Server, nsp: string, mode: V2Mode, options: V2Options = {}): Promise<V2Socket> {
    const client = this.open(server, nsp, mode, options);
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', (err: unknown) => reject(new Error(`v2 client error: ${JSON.stringify(err)}`)));
      client.once('connect_error', (err: Error) => reject(err));
    });
    if (mode.shouldUpgrade && client.io.engine.transport.name !== 'websocket') {
      await new Promise<void>((resolve) => client.io.engine.once('upgrade', () => resolve()));
    }
    return client;
  }

  /** Closes every client and resolves once their engines are closed. */
  async closeAll(): Promise<void> {
    const clients = this.#clients.splice(0);
    await Promise.all(
      clients.map(async (client) => {
        const engine = client.io.engine;
        client.close();
        if (engine === undefined || engine.readyState === 'closed') return;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 2000);
          engine.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }),
    );
  }
}

/** Resolves with the arguments of the next `event` on a v2 client. */
export function nextV2Event<T extends unknown[] = unknown[]>(client: V2Socket, event: string): Promise<T> {
  return new Promise((resolve) => client.once(event, (...args: never[]) => resolve(args as unknown as T)));
}

/** A v2 acknowledged emit, as a promise of the answer's arguments. */
export function emitWithAckV2(client: V2Socket, event: string, ...args: unknown[]): Promise<unknown[]> {
  return new Promise((resolve) => client.emit(event, ...args, (...answer: unknown[]) => resolve(answer)));
}
