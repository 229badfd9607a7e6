import * as net from 'node:net';
import WebSocket from 'ws';
import {
  CONNECTED_PREFIX,
  ENGINE_PATH,
  ENGINE_PONG,
  NSP_CONNECT,
  NSP_CONNECTED_PREFIX,
  NSP_CONNECT_ERROR_PREFIX,
  WEBSOCKET_QUERY,
  hasPrefix,
  prepareFrame,
  type Frame,
} from './frames';

/**
 * The load generator's Socket.IO client over websocket: the websocket transport directly (no polling, no upgrade),
 * the namespace connect, heartbeat answers, and pre-encoded frames both ways.
 *
 * Two implementations behind one interface:
 * - the default speaks WebSocket itself over a TCP socket: requests are pre-framed once (RFC 6455 requires
 *   clients to mask; a zero masking key is valid and leaves the payload as is, so the framed bytes are constant),
 *   and incoming frames are cut out of the stream with a few reads of the header, no copy, no UTF-8 decoding;
 * - BENCH_CLIENT=library uses the `ws` package's client, to cross-check the first. It costs about as much CPU per
 *   message as the bare-ws server, so against fast peers the load core saturates before the server's.
 */

/** Called for every Socket.IO frame once the client is ready; `data` is the raw text payload, never decoded. */
export type FrameListener = (client: RawClient, data: Buffer) => void;

const PONG = prepareFrame(ENGINE_PONG);
const CONNECT = prepareFrame(NSP_CONNECT);
const CONNECTED = Buffer.from(NSP_CONNECTED_PREFIX);
const CONNECT_ERROR = Buffer.from(NSP_CONNECT_ERROR_PREFIX);
const GREETING = Buffer.from(CONNECTED_PREFIX);
const ENGINE_PING_BYTE = 0x32; // '2'
const ENGINE_OPEN_BYTE = 0x30; // '0'
const HANDSHAKE_TIMEOUT_MS = 15_000;

const enum Phase {
  Opening,
  Joining,
  Greeting,
  Ready,
  Closed,
}

function noop(): void {}

/** One client connection, whichever implementation carries it. */
export abstract class RawClient {
  /** Where frames go once the client is ready; a workload sets it. */
  onFrame: FrameListener = noop;
  /** Free slots for the workload: when the request in flight was sent, and a sequence number. */
  sentAt = 0;
  sequence = 0;
  private phase = Phase.Opening;
  private resolveReady: ((client: RawClient) => void) | null = null;
  private rejectReady: ((error: Error) => void) | null = null;
  private timer: NodeJS.Timeout | null = null;

  /** Sends one pre-encoded frame. */
  abstract send(frame: Frame): void;

  /** False once the connection is gone, whoever closed it. */
  get isOpen(): boolean {
    return this.phase !== Phase.Closed;
  }

  /** Drops the connection at once (the server sees a transport close). */
  close(): void {
    this.phase = Phase.Closed;
    this.destroy();
  }

  protected abstract destroy(): void;

  /**
   * Opens a connection to `/test` on 127.0.0.1:`port` and resolves once the greeting has arrived. `localAddress`
   * (another loopback address, 127.0.0.2 and up) gives tens of thousands of connections their own source ports.
   * `offersDeflate`: the client offers permessage-deflate as browsers do (with context takeover), so it is the `ws`
   * client, which inflates what the server compresses and compresses what it sends: Socket.IO compresses every
   * message then (ws applies engine.io's 1 KB threshold only without context takeover), classio only those past
   * the threshold.
   */
  static connect(port: number, localAddress?: string, offersDeflate = false): Promise<RawClient> {
    const client: RawClient =
      offersDeflate || process.env.BENCH_CLIENT === 'library'
        ? new WsClient(port, localAddress, offersDeflate)
        : new WireClient(port, localAddress);
    return new Promise((resolve, reject) => {
      client.resolveReady = resolve;
      client.rejectReady = reject;
      client.timer = setTimeout(() => client.fail(new Error('no namespace connect within 15 s')), HANDSHAKE_TIMEOUT_MS);
    });
  }

  protected fail(error: Error): void {
    if (this.timer !== null) clearTimeout(this.timer);
    const wasReady = this.phase === Phase.Ready;
    this.close();
    if (!wasReady) this.rejectReady?.(error);
  }

  protected onClosed(): void {
    if (this.phase !== Phase.Ready && this.phase !== Phase.Closed) this.fail(new Error('closed during the handshake'));
    this.phase = Phase.Closed;
  }

  /** One Engine.IO packet from the server. */
  protected receive(data: Buffer): void {
    if (data.length === 1 && data[0] === ENGINE_PING_BYTE) {
      this.send(PONG);
    } else if (this.phase === Phase.Ready) {
      this.onFrame(this, data);
    } else if (this.phase === Phase.Opening && data[0] === ENGINE_OPEN_BYTE) {
      this.phase = Phase.Joining;
      this.send(CONNECT);
    } else if (this.phase === Phase.Joining && hasPrefix(data, CONNECTED)) {
      this.phase = Phase.Greeting;
    } else if (this.phase === Phase.Joining && hasPrefix(data, CONNECT_ERROR)) {
      this.fail(new Error(`namespace connect refused: ${data.toString()}`));
    } else if (this.phase === Phase.Greeting && hasPrefix(data, GREETING)) {
      if (this.timer !== null) clearTimeout(this.timer);
      this.phase = Phase.Ready;
      this.resolveReady?.(this);
      this.resolveReady = null;
      this.rejectReady = null;
    }
  }
}

const UPGRADE_REQUEST = (port: number): string =>
  `GET ${ENGINE_PATH}${WEBSOCKET_QUERY} HTTP/1.1\r\n` +
  `Host: 127.0.0.1:${port}\r\n` +
  'Upgrade: websocket\r\n' +
  'Connection: Upgrade\r\n' +
  // A fixed key: the load generator does not check Sec-WebSocket-Accept, only the 101 status.
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n' +
  'Sec-WebSocket-Version: 13\r\n\r\n';

const HEADER_END = Buffer.from('\r\n\r\n');
const OPCODE_CLOSE = 0x8;
const OPCODE_PING = 0x9;

/** WebSocket over a bare TCP socket, for a load generator: constant pre-framed writes, zero-copy frame reads. */
class WireClient extends RawClient {
  private readonly socket: net.Socket;
  private isUpgraded = false;
  private leftover: Buffer | null = null;

  constructor(port: number, localAddress: string | undefined) {
    super();
    this.socket = net.connect({ host: '127.0.0.1', port, noDelay: true, localAddress });
    this.socket.on('connect', () => this.socket.write(UPGRADE_REQUEST(port)));
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => this.onClosed());
  }

  send(frame: Frame): void {
    this.socket.write(frame.wire);
  }

  protected destroy(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    let buffer = this.leftover === null ? chunk : Buffer.concat([this.leftover, chunk]);
    this.leftover = null;
    if (!this.isUpgraded) {
      const end = buffer.indexOf(HEADER_END);
      if (end === -1) {
        this.leftover = buffer;
        return;
      }
      if (buffer.toString('latin1', 0, 12) !== 'HTTP/1.1 101') {
        this.fail(new Error(`websocket upgrade refused: ${buffer.toString('latin1', 0, Math.min(end, 200))}`));
        return;
      }
      this.isUpgraded = true;
      buffer = buffer.subarray(end + HEADER_END.length);
    }
    let offset = 0;
    const length = buffer.length;
    // Server frames are unmasked (RFC 6455 5.1) and, for messages this size, never fragmented.
    while (length - offset >= 2) {
      let size = buffer[offset + 1] & 0x7f;
      let header = 2;
      if (size === 126) {
        if (length - offset < 4) break;
        size = buffer.readUInt16BE(offset + 2);
        header = 4;
      } else if (size === 127) {
        if (length - offset < 10) break;
        size = buffer.readUInt32BE(offset + 6);
        header = 10;
      }
      if (length - offset < header + size) break;
      const opcode = buffer[offset] & 0x0f;
      const payload = buffer.subarray(offset + header, offset + header + size);
      offset += header + size;
      if (opcode === 0x1 || opcode === 0x2) this.receive(payload);
      else if (opcode === OPCODE_PING) this.socket.write(prepareFrame(payload.toString('latin1'), 0xa).wire);
      else if (opcode === OPCODE_CLOSE) this.socket.destroy();
    }
    if (offset < length) this.leftover = buffer.subarray(offset);
  }
}

const TEXT = { binary: false } as const;

/** The `ws` package's client (BENCH_CLIENT=library). */
class WsClient extends RawClient {
  private readonly ws: WebSocket;

  constructor(port: number, localAddress: string | undefined, offersDeflate: boolean) {
    super();
    this.ws = new WebSocket(`ws://127.0.0.1:${port}${ENGINE_PATH}${WEBSOCKET_QUERY}`, {
      localAddress,
      perMessageDeflate: offersDeflate,
      skipUTF8Validation: true,
    });
    this.ws.on('message', (data: Buffer) => this.receive(data));
    this.ws.on('error', (error) => this.fail(error));
    this.ws.on('close', () => this.onClosed());
  }

  send(frame: Frame): void {
    this.ws.send(frame.payload, TEXT);
  }

  protected destroy(): void {
    this.ws.terminate();
  }
}

/**
 * Opens `count` clients with at most `concurrency` handshakes in flight (a burst of thousands of simultaneous
 * handshakes would measure the kernel's accept queue rather than the server). `sourceOf(index)` names the local
 * address of the index-th connection (by default the kernel's choice, 127.0.0.1).
 */
export async function connectClients(
  port: number,
  count: number,
  concurrency = 64,
  sourceOf: (index: number) => string | undefined = () => undefined,
  offersDeflate = false,
): Promise<RawClient[]> {
  const clients: RawClient[] = [];
  let next = 0;
  // `as`: the workers set it, so TypeScript must not narrow it to null after they ran.
  let failure = null as { error: unknown } | null;
  const worker = async (): Promise<void> => {
    while (next < count && failure === null) {
      const index = next++;
      try {
        clients.push(await RawClient.connect(port, sourceOf(index), offersDeflate));
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const workers: Promise<void>[] = [];
  for (let i = 0; i < Math.min(concurrency, count); i++) workers.push(worker());
  await Promise.all(workers);
  if (failure !== null) {
    closeClients(clients);
    throw failure.error;
  }
  return clients;
}

/** Throws when the server dropped some of `clients` (a run with lost connections measures nothing sound). */
export function assertAllOpen(clients: readonly RawClient[]): void {
  const lost = clients.filter((client) => !client.isOpen).length;
  if (lost > 0) throw new Error(`${lost} of ${clients.length} connections were closed by the server during the run`);
}

/** Closes every client. */
export function closeClients(clients: readonly RawClient[]): void {
  for (const client of clients) client.close();
}
