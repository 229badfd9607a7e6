import type { Socket as NetSocket } from 'node:net';
import type { Socket as ClientSocket } from 'socket.io-client';

/** One server-to-client WebSocket frame as it crossed the wire (RFC 6455 section 5.2; server frames are unmasked). */
export interface WireFrame {
  /** RSV1: the "compressed" bit of permessage-deflate (RFC 7692 section 6). */
  readonly isCompressed: boolean;
  readonly opcode: number;
  /** The payload as sent: compressed bytes when `isCompressed`. */
  readonly payload: Buffer;
}

/** The `ws` WebSocket under an official client on websocket (its transport keeps it as `ws`). */
interface ClientWebSocket {
  readonly extensions: string;
  readonly _socket: NetSocket;
}

/** The client's underlying websocket (the client must be connected over websocket). */
export function clientWebSocket(client: ClientSocket): ClientWebSocket {
  return (client.io.engine.transport as unknown as { ws: ClientWebSocket }).ws;
}

/**
 * Records the frames a connected official client receives, read from its TCP socket beside `ws` (which still reads
 * everything itself). Start it while the connection is quiet, so that the first bytes begin a frame.
 */
export class FrameTap {
  readonly frames: WireFrame[] = [];
  /** Bytes received since the tap started, frame headers included. */
  bytes = 0;
  #pending = Buffer.alloc(0);

  constructor(client: ClientSocket) {
    clientWebSocket(client)._socket.on('data', (chunk: Buffer) => this.#onData(chunk));
  }

  #onData(chunk: Buffer): void {
    this.bytes += chunk.length;
    let buffer = Buffer.concat([this.#pending, chunk]);
    for (;;) {
      if (buffer.length < 2) break;
      let length = buffer[1] & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) break;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) break;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffer.length < offset + length) break;
      this.frames.push({
        isCompressed: (buffer[0] & 0x40) !== 0,
        opcode: buffer[0] & 0x0f,
        payload: Buffer.from(buffer.subarray(offset, offset + length)),
      });
      buffer = buffer.subarray(offset + length);
    }
    this.#pending = Buffer.from(buffer);
  }
}
