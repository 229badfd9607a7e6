import { request, type IncomingHttpHeaders, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';

/**
 * A tiny raw Engine.IO client for protocol tests: it sends and receives wire literals (`4hello`, `2probe`,
 * `4a\x1ebAQID`) over HTTP long-polling and websocket, and decodes nothing beyond what a test asserts on.
 * The hostile-input clients of the hardening suites build on it in `raw-hostile-client.ts`.
 */

/** An HTTP answer, body as text (and as the bytes received, for an encoded body). */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  rawBody?: Buffer;
}

/** The fields of an open packet. */
export interface OpenPacket {
  sid: string;
  upgrades: string[];
  pingInterval: number;
  pingTimeout: number;
  maxPayload: number;
}

/** `http://127.0.0.1:<port>`. */
export function baseUrlOfPort(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/** `http://127.0.0.1:<port>` of a listening server. */
export function baseUrlOf(server: HttpServer): string {
  return baseUrlOfPort((server.address() as AddressInfo).port);
}

/** `ws://.../path?EIO=4&transport=websocket` plus `query`. */
export function webSocketUrlOf(baseUrl: string, path: string, query = ''): string {
  return `${baseUrl.replace('http', 'ws')}${path}?EIO=4&transport=websocket${query}`;
}

/** What one raw HTTP request sends, and how it treats a reset connection. */
export interface RawRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /**
   * Resolve instead of rejecting when the connection breaks: with what was read if the answer was cut short, or
   * with status 0 if the request failed (a server that refuses a large body may reset the socket before the body
   * is written). Hostile-input tests assert on those outcomes; protocol tests want the failure. Default false.
   */
  shouldResolveOnReset?: boolean;
}

/** One HTTP request without keep-alive (so closing the server never waits for an idle socket). */
export function httpRequest(url: string, options: RawRequestOptions = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      const answer = (): RawResponse => ({
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        rawBody: Buffer.concat(chunks),
      });
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(answer()));
      res.on('error', (err) => (options.shouldResolveOnReset ? resolve(answer()) : reject(err)));
    });
    req.on('error', (err) =>
      options.shouldResolveOnReset ? resolve({ status: 0, headers: {}, body: '' }) : reject(err),
    );
    req.end(options.body);
  });
}

/** Parses `0{...}`. */
export function parseOpenPacket(literal: string): OpenPacket {
  if (!literal.startsWith('0')) throw new Error(`expected an open packet, got ${JSON.stringify(literal)}`);
  return JSON.parse(literal.slice(1)) as OpenPacket;
}

/** How `RawPollingClient.connect` opens its session. */
export interface RawPollingOptions {
  /** The engine's path. Default `/engine.io/`. */
  path?: string;
  /** Appended to the handshake URL only (for example `&foo=bar`). Default none. */
  query?: string;
  /** Headers of the handshake request. Default none. */
  headers?: Record<string, string>;
  /** Passed to every request of the session, see `RawRequestOptions`. Default false. */
  shouldResolveOnReset?: boolean;
}

/** A polling session driven by hand: `poll()` is a GET, `push()` a POST, both with the session's sid. */
export class RawPollingClient {
  readonly sid: string;
  readonly open: OpenPacket;
  readonly #baseUrl: string;
  readonly #path: string;
  readonly #shouldResolveOnReset: boolean;

  private constructor(baseUrl: string, path: string, open: OpenPacket, shouldResolveOnReset: boolean) {
    this.#baseUrl = baseUrl;
    this.#path = path;
    this.open = open;
    this.sid = open.sid;
    this.#shouldResolveOnReset = shouldResolveOnReset;
  }

  /** Performs the handshake GET (`?EIO=4&transport=polling`) against `baseUrl + path`. */
  static async connect(baseUrl: string, options: RawPollingOptions = {}): Promise<RawPollingClient> {
    const { path = '/engine.io/', query = '', headers, shouldResolveOnReset = false } = options;
    const pathAndQuery = `${path}?EIO=4&transport=polling`;
    const res = await httpRequest(`${baseUrl}${pathAndQuery}${query}`, { headers, shouldResolveOnReset });
    if (res.status !== 200) throw new Error(`handshake failed: ${res.status} ${res.body}`);
    return new RawPollingClient(baseUrl, pathAndQuery, parseOpenPacket(res.body), shouldResolveOnReset);
  }

  /** The session's path and query (`/engine.io/?...&sid=`), with extra query parameters appended. */
  path(extra = ''): string {
    return `${this.#path}&sid=${encodeURIComponent(this.sid)}${extra}`;
  }

  /** The session URL (`...&sid=`), with extra query parameters appended. */
  url(extra = ''): string {
    return `${this.#baseUrl}${this.path(extra)}`;
  }

  /** GET: resolves with the payload the server answers. */
  poll(headers?: Record<string, string>): Promise<RawResponse> {
    return httpRequest(this.url(), { headers, shouldResolveOnReset: this.#shouldResolveOnReset });
  }

  /** POST of a raw payload (for example `4a\x1e4b`). */
  push(payload: string | Buffer, headers?: Record<string, string>): Promise<RawResponse> {
    return httpRequest(this.url(), {
      method: 'POST',
      body: payload,
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers },
      shouldResolveOnReset: this.#shouldResolveOnReset,
    });
  }
}

/** One received websocket frame: text as a string, binary as a Buffer. */
export type RawFrame = string | Buffer;

/** A websocket connection that queues frames, so a test can `await next()` in order. */
export class RawWebSocketClient {
  readonly ws: WebSocket;
  /** Resolves with the close code once the connection is closed (by either side). */
  readonly closed: Promise<number>;
  readonly #frames: RawFrame[] = [];
  readonly #waiters: ((frame: RawFrame) => void)[] = [];

  private constructor(ws: WebSocket) {
    this.ws = ws;
    this.closed = new Promise((resolve) => ws.once('close', (code: number) => resolve(code)));
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      const frame: RawFrame = isBinary ? data : data.toString('utf8');
      const waiter = this.#waiters.shift();
      if (waiter) waiter(frame);
      else this.#frames.push(frame);
    });
    ws.on('error', () => {});
  }

  /** Opens `ws://.../path?EIO=4&transport=websocket` (plus `query`) and waits until the socket is open. */
  static connect(baseUrl: string, query = '', path = '/engine.io/'): Promise<RawWebSocketClient> {
    const ws = new WebSocket(webSocketUrlOf(baseUrl, path, query));
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new RawWebSocketClient(ws)));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
  }

  /** Connects and reads the open packet. */
  static async handshake(
    baseUrl: string,
    path = '/engine.io/',
  ): Promise<{ client: RawWebSocketClient; open: OpenPacket }> {
    const client = await RawWebSocketClient.connect(baseUrl, '', path);
    const open = parseOpenPacket((await client.next()) as string);
    return { client, open };
  }

  /** The next frame (already received, or the next to arrive). */
  next(): Promise<RawFrame> {
    const frame = this.#frames.shift();
    if (frame !== undefined) return Promise.resolve(frame);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** The next frame that is not a ping (`2`). */
  async nextNonPing(): Promise<RawFrame> {
    for (;;) {
      const frame = await this.next();
      if (frame !== '2') return frame;
    }
  }

  /** Sends a text literal or a binary frame. */
  send(frame: RawFrame): void {
    this.ws.send(frame);
  }

  close(): void {
    this.ws.close();
  }
}

/** Resolves on the next `event` of an emitter, with the listener's arguments. */
export function once<T extends unknown[] = unknown[]>(
  emitter: { once(event: string, listener: (...args: unknown[]) => void): unknown },
  event: string,
): Promise<T> {
  return new Promise((resolve) => emitter.once(event, (...args: unknown[]) => resolve(args as T)));
}
