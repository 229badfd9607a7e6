import cluster, { type Worker } from 'node:cluster';
import { createServer, type AddressInfo, type Server as TcpServer, type Socket as TcpSocket } from 'node:net';
import { kindOf, type StickyConnectionMessage } from '../adapter/cluster/ipc';
import { createDebug } from '../debug';
import { ConfigurationError } from '../errors';
import { checkOptionNames } from '../option-names';

const debug = createDebug('classio:cluster');

/** Options of {@link listenSticky}. */
export interface ListenStickyOptions {
  /** The port clients connect to; 0 picks a free one (see {@link StickyBalancer.port}). Required. */
  port: number;
  /** The interface to listen on. Default `127.0.0.1`, as `server.listen()`. */
  host?: string;
  /**
   * Route by the value of this cookie instead of the client address: for clients behind one proxy or NAT, whose
   * addresses are all alike. It must be a cookie the client has before it connects (an application session
   * cookie); a request without it is routed by address. Default: none, the address.
   */
  cookie?: string;
}

const DEFAULTS = { port: 0, host: '127.0.0.1', cookie: undefined as string | undefined };
/** The most bytes of a request head read to find the cookie: Node's default `maxHeaderSize`. */
const MAX_HEAD_BYTES = 16 * 1024;
/** The most bytes of a request body read with its head (Engine.IO's default `maxHttpBufferSize`). */
const MAX_BODY_BYTES = 1_000_000;
/** How long a connection may take to send its request head, or wait for a worker, before it is closed. */
const HEAD_TIMEOUT_MS = 10_000;

/**
 * The primary's sticky balancer: it owns the port and hands each TCP connection, whole, to the worker chosen by a
 * hash of the client address (or of a cookie), like nginx's `ip_hash`, so every request of a polling session and
 * its upgrade reach the worker that holds the session.
 *
 * Workers take part once they call `acceptSticky()`. Each fills a slot, and a hash picks a slot, so that a worker
 * that dies and is replaced leaves the other clients where they were; while a slot is empty, its clients go to
 * another worker by the same hash (their sessions died with the worker anyway). A connection that comes while no
 * worker is ready (at startup) waits for one, up to 10 s, then is closed, and the client retries.
 */
export class StickyBalancer {
  readonly #server: TcpServer;
  readonly #cookie: string | undefined;
  readonly #slots: (Worker | null)[] = [];
  /** Connections that came while no worker accepted any, with their routing key and what was read of them. */
  readonly #waiting: { socket: TcpSocket; key: string; head: Buffer | null; timer: NodeJS.Timeout }[] = [];
  /** The connections on their way to each worker, until the IPC write is done. */
  readonly #inFlight = new Map<Worker, Set<TcpSocket>>();
  readonly #onMessage = (worker: Worker, message: unknown) => {
    if (kindOf(message) === 'sticky-ready') this.#add(worker);
  };
  readonly #onGone = (worker: Worker) => this.#remove(worker);

  /** @internal Use {@link listenSticky}. */
  constructor(cookie: string | undefined) {
    this.#cookie = cookie;
    this.#server = createServer({ pauseOnConnect: true }, (socket) =>
      cookie === undefined ? this.#handOff(socket, socket.remoteAddress ?? '', null) : this.#readHead(socket),
    );
    cluster.on('message', this.#onMessage);
    cluster.on('disconnect', this.#onGone);
    cluster.on('exit', this.#onGone);
  }

  /** The port it listens on. */
  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** How many workers accept connections now. */
  get workers(): number {
    return this.#slots.filter((worker) => worker !== null).length;
  }

  /** @internal */
  listen(port: number, host: string): Promise<this> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => {
        this.#server.off('error', reject);
        resolve(this);
      });
    });
  }

  /**
   * Stops accepting connections; those handed over live on in their workers. Resolves once the port is closed,
   * without waiting for the workers' connections to end (the net server would ask every worker).
   */
  close(): Promise<void> {
    cluster.off('message', this.#onMessage);
    cluster.off('disconnect', this.#onGone);
    cluster.off('exit', this.#onGone);
    if (this.#server.listening) this.#server.close();
    for (const { socket, timer } of this.#waiting.splice(0)) {
      clearTimeout(timer);
      socket.destroy();
    }
    return Promise.resolve();
  }

  #add(worker: Worker): void {
    if (this.#slots.includes(worker) || !worker.isConnected()) return;
    const free = this.#slots.indexOf(null);
    if (free === -1) this.#slots.push(worker);
    else this.#slots[free] = worker;
    debug('sticky: worker %d accepts connections (%d workers)', worker.id, this.workers);
    for (const { socket, key, head, timer } of this.#waiting.splice(0)) {
      clearTimeout(timer);
      this.#handOff(socket, key, head);
    }
  }

  #remove(worker: Worker): void {
    const slot = this.#slots.indexOf(worker);
    if (slot !== -1) this.#slots[slot] = null;
    // Connections the worker never got: closing this process's copy ends them, and their clients retry.
    for (const socket of this.#inFlight.get(worker) ?? []) socket.destroy();
    this.#inFlight.delete(worker);
  }

  #pick(key: string): Worker | undefined {
    const hash = hashKey(key);
    const worker = this.#slots[hash % this.#slots.length];
    if (worker !== null && worker !== undefined) return worker;
    const live = this.#slots.filter((candidate) => candidate !== null);
    return live.length === 0 ? undefined : live[hash % live.length];
  }

  #handOff(socket: TcpSocket, key: string, head: Buffer | null): void {
    const worker = this.#pick(key);
    if (worker === undefined) {
      const timer = setTimeout(() => {
        this.#waiting.splice(
          this.#waiting.findIndex((waiting) => waiting.socket === socket),
          1,
        );
        debug('sticky: no worker accepted connections within %d ms; closed one', HEAD_TIMEOUT_MS);
        socket.destroy();
      }, HEAD_TIMEOUT_MS);
      this.#waiting.push({ socket, key, head, timer });
      return;
    }
    const message: StickyConnectionMessage = {
      classio: 'sticky-connection',
      head: head === null ? '' : head.toString('base64'),
    };
    // `keepOpen`: this process closes its copy of the connection itself, once the IPC write carried it (or failed),
    // and when the worker dies first. Without it, Node closes the copy only when the worker acknowledges the
    // handle, which a worker killed in between never does, and the connection would hang open.
    let inFlight = this.#inFlight.get(worker);
    if (inFlight === undefined) this.#inFlight.set(worker, (inFlight = new Set()));
    inFlight.add(socket);
    worker.send(message, socket, { keepOpen: true }, () => {
      inFlight.delete(socket);
      socket.destroy();
    });
  }

  /**
   * Cookie routing reads the request before handing the connection over: its head for the cookie, and its body as
   * far as Content-Length says, since bytes that reached this process after the hand-off would be lost. A client
   * sends nothing more before the answer (Socket.IO clients do not pipeline), so the worker gets the rest itself.
   */
  #readHead(socket: TcpSocket): void {
    const chunks: Buffer[] = [];
    let size = 0;
    let needed = -1;
    let key: string | undefined;
    const timer = setTimeout(() => socket.destroy(), HEAD_TIMEOUT_MS);
    const finish = () => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', onError);
      socket.pause();
      this.#handOff(socket, key ?? socket.remoteAddress ?? '', Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (needed === -1) {
        const data = chunks.length === 1 ? chunk : Buffer.concat(chunks, size);
        const end = data.indexOf('\r\n\r\n');
        if (end === -1) {
          if (size >= MAX_HEAD_BYTES) finish(); // the worker's HTTP parser refuses it (431)
          return;
        }
        const head = data.toString('latin1', 0, end);
        key = readCookie(head, this.#cookie!);
        needed = end + 4 + Math.min(readContentLength(head), MAX_BODY_BYTES);
      }
      if (size >= needed) finish();
    };
    const onError = () => {
      clearTimeout(timer);
      socket.destroy();
    };
    socket.on('data', onData);
    socket.on('error', onError);
    socket.resume();
  }
}

/**
 * Starts the sticky balancer in the primary of a Node `cluster`: it listens on `port` and hands each connection to
 * a worker that called `acceptSticky()`. Resolves once listening. Throws a {@link ConfigurationError} in a worker
 * or for a bad option.
 *
 * @example
 * if (cluster.isPrimary) {
 *   setupPrimary();
 *   await listenSticky({ port: 3000, host: '0.0.0.0' });
 *   for (let i = 0; i < availableParallelism(); i++) cluster.fork();
 * }
 */
export function listenSticky(options: ListenStickyOptions): Promise<StickyBalancer> {
  checkOptionNames(options, Object.keys(DEFAULTS), 'listenSticky()');
  const port = options.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigurationError(`listenSticky(): port must be an integer from 0 to 65535, got ${String(port)}`);
  }
  const host = options.host ?? DEFAULTS.host;
  const cookie = options.cookie ?? DEFAULTS.cookie;
  if (cookie !== undefined && (typeof cookie !== 'string' || !/^[!#$%&'*+\-.^_`|~\w]+$/.test(cookie))) {
    throw new ConfigurationError(`listenSticky(): cookie must be a cookie name, got ${JSON.stringify(cookie)}`);
  }
  if (!cluster.isPrimary) {
    throw new ConfigurationError('listenSticky() must run in the primary process of a cluster (cluster.isPrimary)');
  }
  return new StickyBalancer(cookie).listen(port, host);
}

/** A stable 32-bit hash (FNV-1a), so that one key always picks one slot. */
function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The value of cookie `name` in a request head, or undefined. */
function readCookie(head: string, name: string): string | undefined {
  for (const line of head.split('\r\n')) {
    if (!/^cookie:/i.test(line)) continue;
    for (const pair of line.slice(line.indexOf(':') + 1).split(';')) {
      const equals = pair.indexOf('=');
      if (equals !== -1 && pair.slice(0, equals).trim() === name) return pair.slice(equals + 1).trim();
    }
  }
  return undefined;
}

function readContentLength(head: string): number {
  const match = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  return match === null ? 0 : Number(match[1]);
}
