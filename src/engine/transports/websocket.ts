import { encodePacket, decodePacket, type Packet } from 'engine.io-parser';
import type { RawData, WebSocket } from 'ws';
import { createDebug } from '../../debug';
import { frameBinaryV3, unframeBinaryV3 } from '../eio3';
import { kTransport } from '../symbols';
import { Transport, type CloseMode } from '../transport';
import type { EngineData, SendOptions, TransportName } from '../types';
import type { MessageDeflate } from './deflate';

const debug = createDebug('classio:engine');

/** WebSocket.OPEN of the `ws` package (a constant, so no runtime import of the class is needed). */
const WS_OPEN = 1;
/** '4', the Engine.IO message type, in front of every text message. */
const MESSAGE_TYPE_BYTE = 0x34;
/** ws's send options for control packets: never compressed, queued after what ws is still compressing. */
const UNCOMPRESSED = Object.freeze({ compress: false });
const COMPRESSED = Object.freeze({ compress: true });

/**
 * The one `ws` internal this transport relies on: `Sender#sendFrame(list, cb)`, which writes already framed bytes
 * to the socket in order with ws's own frames (the reference server uses it for the same purpose). It exists in
 * ws 7 and 8; when it is missing, messages go through the public `send`.
 */
interface FrameSender {
  sendFrame(list: Buffer[], cb?: (err?: Error) => void): void;
}

interface OwnedWebSocket extends WebSocket {
  [kTransport]?: WebSocketTransport;
  _sender?: Partial<FrameSender>;
}

/**
 * The websocket transport over a `ws` socket: one Engine.IO packet per frame, binary messages as binary frames.
 * The frame size limit is `ws`'s `maxPayload` (set from `maxHttpBufferSize` on the server); going over it ends the
 * session with `message too large`.
 *
 * Messages are written as whole WebSocket frames built here, in one buffer each, and the last frame built is
 * kept: a broadcast hands the same encoded string to every recipient, so the frame is built once and written N
 * times, which is all a fan-out costs beyond the system calls.
 *
 * With permessage-deflate negotiated (`perMessageDeflate`), a message of at least `threshold` bytes not flagged
 * `compress: false` is compressed: without server context takeover, into a frame built here once per message and
 * shared by every recipient (see `SharedDeflater`); with context takeover, by `ws` on the connection's own zlib
 * stream, and then every write of the connection goes through `ws`, which keeps them in order while it compresses.
 *
 * Writes take no callback: like `ws.send`, a write is always accepted and waits in the socket's buffer, which the
 * session bounds through {@link bufferedAmount} (`maxBufferedBytes`), so the transport is writable whenever it is
 * open and never reports a drain.
 *
 * The first message of a tick is written at once (a reply costs no waiting); the ones that follow in the same tick
 * (a burst of broadcasts arriving from Redis together, a handler emitting several events) are gathered and written
 * with one system call at the end of the tick, instead of one each.
 */
export class WebSocketTransport extends Transport {
  // Getters, not fields: constants cost a connection nothing on the prototype.
  get name(): TransportName {
    return 'websocket';
  }

  get isBatchedPerTick(): boolean {
    return false;
  }

  readonly #socket: WebSocket;
  readonly #sender: FrameSender | null;
  /** The negotiated permessage-deflate, or `null` (the common case: one check per message). */
  readonly #deflate: MessageDeflate | null;
  /** Whether a frame went out in this tick: the next ones wait in `#batch` for the end of the tick. */
  #hasWrittenThisTick = false;
  #batch: Buffer[] | null = null;
  #batchBytes = 0;

  constructor(socket: WebSocket, deflate: MessageDeflate | null = null) {
    super();
    this.#socket = socket;
    this.#deflate = deflate;
    const sender = (socket as OwnedWebSocket)._sender;
    // With ws's own compression stream, ws must see every write to keep them in order.
    const isOwnFraming = typeof sender?.sendFrame === 'function' && (deflate === null || deflate.shared !== null);
    this.#sender = isOwnFraming ? (sender as FrameSender) : null;
    (socket as OwnedWebSocket)[kTransport] = this;
    // Shared listeners (ws `lib/websocket.js` style): they find this transport through kTransport.
    socket.on('message', WebSocketTransport.#onSocketMessage);
    socket.on('error', WebSocketTransport.#onSocketError);
    socket.on('close', WebSocketTransport.#onSocketClose);
  }

  get writable(): boolean {
    return this.readyState === 'open' && this.#socket.readyState === WS_OPEN;
  }

  override get bufferedAmount(): number {
    return this.#socket.bufferedAmount + this.#batchBytes;
  }

  /**
   * Past its buffer, a websocket cannot write at once: bytes wait in Node or in ws (the kernel took no more, or ws
   * is still compressing), so a volatile message is dropped. Frames gathered in this tick are not waiting: they
   * are written at the end of it.
   */
  override get isWritableAtOnce(): boolean {
    return this.writable && this.#socket.bufferedAmount === 0;
  }

  /** Whether permessage-deflate was negotiated on this connection. */
  get isCompressing(): boolean {
    return this.#deflate !== null;
  }

  send(packets: Packet[]): void {
    for (let i = 0; i < packets.length; i++) {
      const packet = packets[i];
      if (packet.type === 'message') {
        this.sendMessage(packet.data as EngineData, packet.options);
      } else {
        // Control packets (ping, noop, probe answers) go through ws, after the messages gathered so far.
        this.#flushBatch();
        encodePacket(packet, true, (encoded: EngineData) => this.#socket.send(encoded, UNCOMPRESSED));
      }
    }
  }

  override sendMessage(data: EngineData, options?: SendOptions): void {
    const sender = this.#sender;
    const deflate = this.#deflate;
    const shouldCompress =
      deflate !== null &&
      options?.compress !== false &&
      (typeof data === 'string' ? 1 + Buffer.byteLength(data) : data.length) >= deflate.threshold;
    if (sender === null || this.isEio3) {
      // v3 sessions take ws's own framing: their binary frames differ from v4's, so the shared frame cache is not
      // theirs to use.
      this.#socket.send(
        typeof data === 'string' ? `4${data}` : this.isEio3 ? frameBinaryV3(data) : data,
        shouldCompress ? COMPRESSED : UNCOMPRESSED,
      );
      return;
    }
    this.#writeFrame(sender, shouldCompress ? deflate.shared!.frameOf(data) : frameOf(data));
  }

  /** Writes one frame: at once when it is the first of the tick, else gathered for the end of the tick. */
  #writeFrame(sender: FrameSender, frame: Buffer[]): void {
    if (!this.#hasWrittenThisTick) {
      this.#hasWrittenThisTick = true;
      writtenThisTick.push(this);
      // Node calls a write's callback from the tick it schedules after every write anyway: that is the end of
      // this tick, with no tick of our own per message.
      sender.sendFrame(frame, WebSocketTransport.#endTick);
      return;
    }
    const batch = (this.#batch ??= []);
    for (let i = 0; i < frame.length; i++) {
      batch.push(frame[i]);
      this.#batchBytes += frame[i].length;
    }
  }

  protected doClose(_mode: CloseMode): void {
    // ws queues the close frame after the frames already sent, so pending writes still reach the client. The
    // session does not wait for the closing handshake (the reference does not either).
    this.#flushBatch();
    this.#socket.close();
    this.finishClose();
  }

  /** Writes the frames gathered in this tick: one buffer, so one system call, unless they are large. */
  #flushBatch(): void {
    const batch = this.#batch;
    if (batch === null) return;
    this.#batch = null;
    const bytes = this.#batchBytes;
    this.#batchBytes = 0;
    if (this.#socket.readyState !== WS_OPEN) return;
    if (bytes <= MAX_GATHERED_COPY) {
      this.#sender!.sendFrame([Buffer.concat(batch, bytes)]);
    } else {
      for (let i = 0; i < batch.length; i++) this.#sender!.sendFrame([batch[i]]);
    }
  }

  /**
   * The end of a tick in which transports wrote: each writes what it gathered and may write at once again. It is
   * the callback of every first write of a tick, so it runs as soon as one of them is done (further calls find
   * nothing left to do).
   */
  static #endTick(): void {
    // Flushing writes synchronously and calls back later, so nothing joins the list while it is walked.
    const transports = writtenThisTick;
    for (let i = 0; i < transports.length; i++) {
      const transport = transports[i];
      transport.#hasWrittenThisTick = false;
      transport.#flushBatch();
    }
    transports.length = 0;
  }

  static #onSocketMessage(this: OwnedWebSocket, data: RawData, isBinary: boolean): void {
    const transport = this[kTransport];
    if (transport === undefined || transport.readyState !== 'open') return;
    // binaryType is ws's default 'nodebuffer': one Buffer per message, fragments already joined.
    const bytes = data as Buffer;
    if (isBinary && transport.isEio3) {
      const message = unframeBinaryV3(bytes);
      if (message === null) transport.reportPacket({ type: 'error', data: 'parser error' });
      else transport.reportMessage(message);
    } else if (isBinary) transport.reportMessage(bytes);
    else if (bytes[0] === MESSAGE_TYPE_BYTE) transport.reportMessage(bytes.toString('utf8', 1));
    else transport.reportPacket(decodePacket(bytes.toString()));
  }

  static #onSocketError(this: OwnedWebSocket, err: Error & { code?: string }): void {
    const transport = this[kTransport];
    if (transport === undefined || transport.readyState === 'closed') return;
    debug('websocket error: %s', err.message);
    // ws raises WS_ERR_UNSUPPORTED_MESSAGE_LENGTH when a frame is over maxPayload (and closes with 1009).
    const reason = err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'message too large' : 'transport error';
    transport.reportError(reason, err);
  }

  static #onSocketClose(this: OwnedWebSocket): void {
    const transport = this[kTransport];
    if (transport === undefined) return;
    transport.readyState = 'closing';
    transport.finishClose();
  }
}

/** Transports that wrote in the current tick (see {@link WebSocketTransport}). */
const writtenThisTick: WebSocketTransport[] = [];
/** Gathered frames up to this size are copied into one buffer; larger batches are written frame by frame. */
const MAX_GATHERED_COPY = 64 * 1024;

/** The message the last frame was built for, and that frame (see {@link WebSocketTransport}). */
let lastData: EngineData | null = null;
let lastFrame: Buffer[] = [];

/**
 * Text frames are written into a shared slab, each after the last (Node's own Buffer pool works the same way): a
 * frame is never overwritten, and a slab is dropped, not reused, when full, so a write still queued in a socket keeps
 * its bytes. One `write` of the string into the slab replaces measuring it, allocating, then writing it.
 */
const SLAB_SIZE = 64 * 1024;
/** Longer texts get a buffer of their own (the reservation below would waste most of a slab). */
const MAX_SLAB_TEXT = 16 * 1024;
let slab = Buffer.allocUnsafeSlow(SLAB_SIZE);
let slabOffset = 0;

/**
 * The WebSocket frame (RFC 6455, section 5.2; server frames are unmasked) of one Engine.IO message, as the list
 * `sendFrame` writes. A text message is one buffer, the header then `'4'` and the UTF-8 bytes; a binary one is the
 * header and the caller's bytes, which are not copied.
 */
function frameOf(data: EngineData): Buffer[] {
  // Equal strings make equal frames, so a content match is as good as the same string.
  if (data === lastData) return lastFrame;
  lastFrame = typeof data === 'string' && data.length <= MAX_SLAB_TEXT ? [slabTextFrame(data)] : ownFrame(data);
  lastData = data;
  return lastFrame;
}

function slabTextFrame(text: string): Buffer {
  // The header's size depends on the byte length, known only once written: the text goes after room for the
  // largest header this path needs (4 bytes, for up to 3 bytes per UTF-16 unit), and the header right before it.
  if (4 + 1 + text.length * 3 > SLAB_SIZE - slabOffset) {
    slab = Buffer.allocUnsafeSlow(SLAB_SIZE);
    slabOffset = 0;
  }
  const bodyStart = slabOffset + 4;
  slab[bodyStart] = MESSAGE_TYPE_BYTE;
  const payloadLength = 1 + slab.write(text, bodyStart + 1);
  const headStart = bodyStart - writeHeader(slab, bodyStart, 0x81, payloadLength);
  slabOffset = bodyStart + payloadLength;
  return slab.subarray(headStart, slabOffset);
}

function ownFrame(data: EngineData): Buffer[] {
  const isText = typeof data === 'string';
  const payloadLength = isText ? 1 + Buffer.byteLength(data) : data.length;
  const headerLength = headerLengthOf(payloadLength);
  const head = Buffer.allocUnsafe(isText ? headerLength + payloadLength : headerLength);
  writeHeader(head, headerLength, isText ? 0x81 : 0x82, payloadLength);
  if (!isText) return [head, data];
  head[headerLength] = MESSAGE_TYPE_BYTE;
  head.write(data, headerLength + 1, 'utf8');
  return [head];
}

function headerLengthOf(payloadLength: number): number {
  return payloadLength < 126 ? 2 : payloadLength < 65536 ? 4 : 10;
}

/** Writes the header that ends at `end`: FIN and the opcode, then the 7-, 16- or 64-bit length. Returns its size. */
function writeHeader(target: Buffer, end: number, firstByte: number, payloadLength: number): number {
  const headerLength = headerLengthOf(payloadLength);
  const start = end - headerLength;
  target[start] = firstByte;
  if (headerLength === 2) {
    target[start + 1] = payloadLength;
  } else if (headerLength === 4) {
    target[start + 1] = 126;
    target.writeUInt16BE(payloadLength, start + 2);
  } else {
    target[start + 1] = 127;
    target[start + 2] = target[start + 3] = 0;
    target.writeUIntBE(payloadLength, start + 4, 6);
  }
  return headerLength;
}
