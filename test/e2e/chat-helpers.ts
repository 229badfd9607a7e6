import { io, type Socket as ClientSocket, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import { createChatApp, type ChatApp, type ChatAppOptions } from '../../examples/chat/server';
import { whenEngineClosed } from '../support/io';

/** How socket.io-client reaches the server: each end-to-end suite runs once per mode. */
export interface TransportMode {
  readonly name: string;
  readonly options: Partial<ManagerOptions & SocketOptions>;
}

export const TRANSPORT_MODES: readonly TransportMode[] = [
  { name: 'websocket only', options: { transports: ['websocket'] } },
  { name: 'polling only', options: { transports: ['polling'] } },
  { name: 'polling with upgrade (default)', options: {} },
];

/** A chat app listening on 127.0.0.1, port 0, with its base URL. */
export interface RunningChat {
  readonly app: ChatApp;
  readonly url: string;
  /** Lines the app logged (disconnects, the background task). */
  readonly logs: string[];
  /** Resolves with the first logged line (already logged or to come) that matches. */
  waitForLog(pattern: RegExp): Promise<string>;
}

/** Starts the chat app on a free port; the background task is off unless the options turn it on. */
export async function startChat(options: Partial<ChatAppOptions> = {}): Promise<RunningChat> {
  const logs: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const app = createChatApp({
    host: '127.0.0.1',
    port: 0,
    backgroundIntervalMs: 0,
    token: 'secret',
    ...options,
    log: (line: string) => {
      logs.push(line);
      for (let i = waiters.length - 1; i >= 0; i--) {
        if (waiters[i].pattern.test(line)) waiters.splice(i, 1)[0].resolve(line);
      }
    },
  });
  const address = await app.listen();
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    logs,
    waitForLog(pattern) {
      const found = logs.find((line) => pattern.test(line));
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ pattern, resolve }));
    },
  };
}

/** What {@link EventQueue} listens on: a socket.io-client socket of v4, or of v2 (`socket.io-client@2`). */
export interface EventSource {
  on(event: string, listener: (...args: never[]) => void): unknown;
}

/** Buffers every occurrence of one event, so that a test can await them in order without racing the listener. */
export class EventQueue {
  readonly #items: unknown[][] = [];
  readonly #waiters: ((args: unknown[]) => void)[] = [];

  constructor(socket: EventSource, event: string) {
    socket.on(event, (...args: unknown[]) => {
      const waiter = this.#waiters.shift();
      if (waiter !== undefined) waiter(args);
      else this.#items.push(args);
    });
  }

  /** The arguments of the next occurrence. */
  next(): Promise<unknown[]> {
    const item = this.#items.shift();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** The first argument of the next occurrence. */
  async nextPayload(): Promise<unknown> {
    return (await this.next())[0];
  }
}

/** A client socket with its `my response` queue, created before connecting so nothing is missed. */
export interface ChatClient {
  readonly socket: ClientSocket;
  readonly responses: EventQueue;
}

/**
 * Creates a socket.io-client socket on `namespace` with reconnection off and a fresh manager, and waits for
 * `connect` (resolves) or `connect_error` (rejects with the client's error).
 */
export async function connectClient(
  url: string,
  namespace: string,
  mode: TransportMode,
  extra: Partial<ManagerOptions & SocketOptions> = {},
): Promise<ChatClient> {
  const socket = io(url + namespace, {
    forceNew: true,
    reconnection: false,
    autoConnect: false,
    ...mode.options,
    ...extra,
  });
  const responses = new EventQueue(socket, 'my response');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
    socket.connect();
  });
  return { socket, responses };
}

/** Resolves with the arguments of the next `event` on the socket. */
export function once(socket: ClientSocket, event: string): Promise<unknown[]> {
  return new Promise((resolve) => socket.once(event, (...args: unknown[]) => resolve(args)));
}

/** Closes every client socket (their managers too), waits for their engines to close, then closes the app. */
export async function closeAll(chat: RunningChat | undefined, clients: ClientSocket[]): Promise<void> {
  const closing = clients.splice(0);
  for (const socket of closing) socket.disconnect();
  // An upgrade still in flight can only finish while the server is there (see ClientPool.closeAll).
  await Promise.all(closing.map((socket) => whenEngineClosed(socket)));
  if (chat !== undefined) await chat.app.close();
}

export type { ChatApp };
