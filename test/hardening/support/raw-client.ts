import { randomBytes } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import WebSocket from 'ws';

/**
 * Raw Engine.IO clients for the hardening suites: they send wire literals the official client never produces
 * (ws `test/receiver.test.js` style) and record everything the server answers, so that a test can assert the
 * exact frames, close codes and HTTP statuses.
 */

/** The Engine.IO open packet's JSON. */
export interface OpenPayload {
  sid: string;
  upgrades: string[];
  pingInterval: number;
  pingTimeout: number;
  maxPayload: number;
}

/** One HTTP answer. */
export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Sends one HTTP request to the server and reads the whole answer; never rejects on a reset socket. */
export function httpRequest(
  port: number,
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    // A server that refuses a large body may reset the socket before the body is written: report status 0.
    req.on('error', () => resolve({ status: 0, headers: {}, body: '' }));
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

/** A raw websocket Engine.IO client. Frames are recorded as strings (text) and Buffers (binary). */
export class RawWebSocket {
  readonly frames: (string | Buffer)[] = [];
  readonly ws: WebSocket;
  /** Resolves with the close code once the server (or we) closed the socket. */
  readonly closed: Promise<number>;
  /** Resolves with the HTTP status when the upgrade is refused. */
  readonly refused: Promise<{ status: number; body: string }>;
  /** Answers pings automatically unless set to false (a client that stopped answering). */
  shouldAnswerPings = true;
  #waiters: (() => void)[] = [];

  constructor(port: number, query = '', headers: Record<string, string> = {}) {
    this.ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket${query}`, { headers });
    this.ws.on('message', (data: Buffer, isBinary: boolean) => {
      const frame = isBinary ? data : data.toString();
      if (frame === '2' && this.shouldAnswerPings) this.ws.send('3');
      this.frames.push(frame);
      this.#notify();
    });
    this.ws.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.ws.on('close', (code: number) => {
      this.#notify();
      resolve(code);
    }));
    this.refused = new Promise((resolve) =>
      this.ws.on('unexpected-response', (_req, res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      }),
    );
  }

  /** Connects over websocket and waits for the open packet. */
  static async open(port: number, query = '', headers: Record<string, string> = {}): Promise<RawWebSocket> {
    const client = new RawWebSocket(port, query, headers);
    await client.next((frame) => typeof frame === 'string' && frame.startsWith('0'));
    return client;
  }

  /** Opens a session and joins namespace `nsp` (default `/`); resolves once the CONNECT answer arrived. */
  static async connect(port: number, nsp = '/', auth?: object): Promise<RawWebSocket> {
    const client = await RawWebSocket.open(port);
    const prefix = nsp === '/' ? '' : `${nsp},`;
    client.send(`40${prefix}${auth === undefined ? '' : JSON.stringify(auth)}`);
    await client.next((frame) => typeof frame === 'string' && frame.startsWith(`40${prefix}`));
    return client;
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** The session id from the open packet. */
  get sid(): string {
    const open = this.frames.find((frame) => typeof frame === 'string' && frame.startsWith('0')) as string | undefined;
    if (open === undefined) throw new Error('no open packet yet');
    return (JSON.parse(open.slice(1)) as OpenPayload).sid;
  }

  send(frame: string | Buffer): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  /** Resolves with the first recorded frame matching `predicate` (already received or to come). */
  async next(predicate: (frame: string | Buffer) => boolean, timeoutMs = 3000): Promise<string | Buffer> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(predicate);
      if (found !== undefined) return found;
      if (this.ws.readyState === WebSocket.CLOSED) throw new Error('socket closed before the expected frame');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching frame; got ${JSON.stringify(this.frames.map(String)).slice(0, 300)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.ws.terminate();
  }

  #notify(): void {
    for (const waiter of this.#waiters.splice(0)) waiter();
  }
}

/** A raw HTTP long-polling Engine.IO client. */
export class RawPolling {
  readonly port: number;
  readonly sid: string;
  readonly open: OpenPayload;

  private constructor(port: number, open: OpenPayload) {
    this.port = port;
    this.open = open;
    this.sid = open.sid;
  }

  /** Performs the handshake (GET without sid). */
  static async open(port: number, query = '', headers: Record<string, string> = {}): Promise<RawPolling> {
    const answer = await httpRequest(port, 'GET', `/socket.io/?EIO=4&transport=polling${query}`, undefined, headers);
    if (answer.status !== 200 || !answer.body.startsWith('0')) {
      throw new Error(`handshake refused: ${answer.status} ${answer.body}`);
    }
    return new RawPolling(port, JSON.parse(answer.body.slice(1)) as OpenPayload);
  }

  /** Opens a session and joins namespace `nsp`. */
  static async connect(port: number, nsp = '/'): Promise<RawPolling> {
    const client = await RawPolling.open(port);
    const prefix = nsp === '/' ? '' : `${nsp},`;
    await client.post(`40${prefix}`);
    const packets = await client.poll();
    if (!packets.some((packet) => packet.startsWith(`40${prefix}`))) throw new Error(`not connected: ${packets.join(' | ')}`);
    return client;
  }

  get path(): string {
    return `/socket.io/?EIO=4&transport=polling&sid=${encodeURIComponent(this.sid)}`;
  }

  /** POSTs a raw body (a v4 payload: packets joined by \x1e). */
  post(body: string | Buffer, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    return httpRequest(this.port, 'POST', this.path, body, { 'Content-Type': 'text/plain;charset=UTF-8', ...headers });
  }

  /** GETs once and splits the payload into packets; a refused GET rejects with its status and body. */
  async poll(): Promise<string[]> {
    const answer = await httpRequest(this.port, 'GET', this.path);
    if (answer.status !== 200) throw new Error(`poll answered ${answer.status} ${answer.body}`);
    return answer.body.split('\x1e');
  }

  /** GETs until the server closes the session: resolves with what the last poll said (close packet or error). */
  async pollUntilClosed(maxPolls = 20): Promise<{ status: number; packets: string[] }> {
    for (let i = 0; i < maxPolls; i++) {
      const answer = await httpRequest(this.port, 'GET', this.path);
      if (answer.status !== 200) return { status: answer.status, packets: [answer.body] };
      const packets = answer.body.split('\x1e');
      if (packets.includes('1')) return { status: 200, packets };
    }
    throw new Error('session still open');
  }
}

/**
 * A websocket client that joins `/` and then stops reading: its TCP receive window fills, the server's socket
 * buffers grow, and only the server's `maxBufferedBytes` bound can end it. Spoken over a bare TCP socket so that
 * reading can really stop (a `ws` client always reads).
 */
export async function openStalledWebSocket(port: number, query = ''): Promise<{ sid: string; socket: Socket }> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  socket.write(
    `GET /socket.io/?EIO=4&transport=websocket${query} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
      `Connection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  let received = Buffer.alloc(0);
  const open = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const headerEnd = received.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const frame = received.subarray(headerEnd + 4);
      if (frame.length < 2) return;
      const shortLength = frame[1] & 0x7f;
      const [offset, length] = shortLength === 126 ? [4, frame.length >= 4 ? frame.readUInt16BE(2) : Infinity] : [2, shortLength];
      if (frame.length < offset + length) return;
      socket.off('data', onData);
      resolve(frame.subarray(offset, offset + length).toString());
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error('closed during the handshake')));
  });
  // A masked text frame '40' (a zero masking key is valid and leaves the payload as is).
  socket.write(Buffer.from([0x81, 0x82, 0, 0, 0, 0, 0x34, 0x30]));
  socket.pause();
  return { sid: (JSON.parse(open.slice(1)) as OpenPayload).sid, socket };
}
