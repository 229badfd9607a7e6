import { encodePacket, decodePacket, type Packet } from 'engine.io-parser';
import type { RawData, WebSocket } from 'ws';
import { createDebug } from '../../debug';
import { kTransport } from '../symbols';
import { Transport, type CloseMode } from '../transport';
import type { TransportName } from '../types';

const debug = createDebug('classio:engine');

/** WebSocket.OPEN of the `ws` package (a constant, so no runtime import of the class is needed). */
const WS_OPEN = 1;

interface OwnedWebSocket extends WebSocket {
  [kTransport]?: WebSocketTransport;
}

/**
 * The websocket transport over a `ws` socket: one Engine.IO packet per frame, binary messages as binary frames.
 * The frame size limit is `ws`'s `maxPayload` (set from `maxHttpBufferSize` on the server); going over it ends the
 * session with `message too large`.
 */
export class WebSocketTransport extends Transport {
  readonly name: TransportName = 'websocket';
  readonly isBatchedPerTick = false;
  readonly #socket: WebSocket;
  /** A batch is being written; the packets sent meanwhile wait in the session's buffer until drain. */
  #isWriting = false;
  /**
   * The write callback of the last frame of a batch. ws calls it without a receiver, so this is the one closure
   * a websocket transport allocates (once per connection, never per message).
   */
  readonly #onBatchWritten = (err?: Error): void => {
    this.#isWriting = false;
    // A failed write means the socket is going away; its 'close' event ends the session.
    if (err === undefined || err === null) this.reportDrain();
  };

  constructor(socket: WebSocket) {
    super();
    this.#socket = socket;
    (socket as OwnedWebSocket)[kTransport] = this;
    // Shared listeners (ws `lib/websocket.js` style): they find this transport through kTransport.
    socket.on('message', WebSocketTransport.#onSocketMessage);
    socket.on('error', WebSocketTransport.#onSocketError);
    socket.on('close', WebSocketTransport.#onSocketClose);
  }

  get writable(): boolean {
    return !this.#isWriting && this.readyState === 'open' && this.#socket.readyState === WS_OPEN;
  }

  override get bufferedAmount(): number {
    return this.#socket.bufferedAmount;
  }

  send(packets: Packet[]): void {
    const socket = this.#socket;
    const last = packets.length - 1;
    if (last < 0) return;
    this.#isWriting = true;
    for (let i = 0; i <= last; i++) {
      const packet = packets[i];
      const onWritten = i === last ? this.#onBatchWritten : undefined;
      if (packet.type === 'message') {
        // Hot path: a text message is '4' + data, a binary message is the bytes as a binary frame.
        const data = packet.data;
        socket.send(typeof data === 'string' ? `4${data}` : data, onWritten);
      } else {
        encodePacket(packet, true, (encoded) => socket.send(encoded, onWritten));
      }
    }
  }

  protected doClose(_mode: CloseMode): void {
    // ws queues the close frame after the frames already sent, so pending writes still reach the client. The
    // session does not wait for the closing handshake (the reference does not either).
    this.#socket.close();
    this.finishClose();
  }

  static #onSocketMessage(this: OwnedWebSocket, data: RawData, isBinary: boolean): void {
    const transport = this[kTransport];
    if (transport === undefined || transport.readyState !== 'open') return;
    let packet: Packet;
    if (isBinary) {
      // binaryType is ws's default 'nodebuffer': one Buffer per message, fragments already joined.
      packet = { type: 'message', data: data as Buffer };
    } else {
      packet = decodePacket(data.toString());
    }
    transport.reportPacket(packet);
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
