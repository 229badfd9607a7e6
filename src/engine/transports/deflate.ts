import { constants, deflateRawSync, type ZlibOptions } from 'node:zlib';
import type { DeflateSettings } from '../compression-options';
import type { EngineData } from '../types';

/** '4', the Engine.IO message type, in front of every text message. */
const MESSAGE_TYPE_BYTE = 0x34;
/** FIN + RSV1 (the "compressed" bit of RFC 7692, section 6) + the text or binary opcode. */
const COMPRESSED_TEXT = 0xc1;
const COMPRESSED_BINARY = 0xc2;

/**
 * What one websocket connection negotiated of permessage-deflate (RFC 7692), read from the extension header the
 * server answered with. `shared` is set when the server compresses without context takeover: each message is then
 * compressed on its own, so the same compressed frame is valid on every connection that negotiated the same
 * window, and classio builds it once per broadcast. Without it, `ws` compresses on the connection's own stream.
 */
export interface MessageDeflate {
  /** Messages of fewer bytes go uncompressed. */
  readonly threshold: number;
  /** The compressor shared by the connections with this window, or `null` for `ws`'s own per-connection stream. */
  readonly shared: SharedDeflater | null;
}

/**
 * Compresses messages on their own (no context takeover) and keeps the last frame built: a broadcast hands the same
 * encoded string to every recipient, so it is compressed once and the one frame is written N times.
 */
export class SharedDeflater {
  readonly #options: ZlibOptions;
  #lastData: EngineData | null = null;
  #lastFrame: Buffer[] = [];

  constructor(zlibOptions: ZlibOptions, windowBits: number) {
    // Z_SYNC_FLUSH ends the data with the empty stored block 00 00 ff ff, which RFC 7692 section 7.2.1 removes.
    this.#options = Object.freeze({ ...zlibOptions, windowBits, finishFlush: constants.Z_SYNC_FLUSH });
  }

  /** The compressed WebSocket frame of one Engine.IO message, as the list `sendFrame` writes. */
  frameOf(data: EngineData): Buffer[] {
    if (data === this.#lastData) return this.#lastFrame;
    const isText = typeof data === 'string';
    let payload: Buffer;
    if (isText) {
      const bytes = Buffer.allocUnsafe(1 + Buffer.byteLength(data));
      bytes[0] = MESSAGE_TYPE_BYTE;
      bytes.write(data, 1, 'utf8');
      payload = deflateRawSync(bytes, this.#options);
    } else {
      payload = deflateRawSync(data, this.#options);
    }
    const length = payload.length - 4;
    const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
    const head = Buffer.allocUnsafe(headerLength);
    head[0] = isText ? COMPRESSED_TEXT : COMPRESSED_BINARY;
    if (headerLength === 2) {
      head[1] = length;
    } else if (headerLength === 4) {
      head[1] = 126;
      head.writeUInt16BE(length, 2);
    } else {
      head[1] = 127;
      head[2] = head[3] = 0;
      head.writeUIntBE(length, 4, 6);
    }
    this.#lastFrame = [head, payload.subarray(0, length)];
    this.#lastData = data;
    return this.#lastFrame;
  }
}

/**
 * The server's permessage-deflate: turns the extension header of each accepted websocket into its
 * {@link MessageDeflate}. One shared compressor per window size, created on first use.
 */
export class DeflateNegotiator {
  readonly #settings: DeflateSettings;
  readonly #zlibOptions: ZlibOptions;
  readonly #own: MessageDeflate;
  readonly #shared = new Map<number, MessageDeflate>();

  constructor(settings: DeflateSettings) {
    this.#settings = settings;
    const { windowBits: _ignored, ...zlibOptions } = settings.zlibDeflateOptions ?? {};
    this.#zlibOptions = zlibOptions;
    this.#own = Object.freeze({ threshold: settings.threshold, shared: null });
  }

  /** The `ws` options object: the user's, as engine.io passes them. */
  get wsOptions(): DeflateSettings {
    return this.#settings;
  }

  /**
   * The deflate of a connection whose handshake answered `header` (the value of `Sec-WebSocket-Extensions`), or
   * `null` when permessage-deflate was not negotiated.
   */
  negotiated(header: string | undefined): MessageDeflate | null {
    if (header === undefined) return null;
    const params = new Map<string, string | true>();
    const parts = header.split(';');
    if (parts[0].trim() !== 'permessage-deflate') return null;
    for (let i = 1; i < parts.length; i++) {
      const [key, value] = parts[i].split('=');
      params.set(key.trim(), value === undefined ? true : value.trim());
    }
    if (!params.has('server_no_context_takeover')) return this.#own;
    const bits = params.get('server_max_window_bits');
    const windowBits = typeof bits === 'string' ? Number(bits) : (this.#settings.zlibDeflateOptions?.windowBits ?? 15);
    // zlib cannot make raw deflate data with an 8-bit window (it uses 9): leave such a connection to ws.
    if (!(windowBits >= 9 && windowBits <= 15)) return this.#own;
    let deflate = this.#shared.get(windowBits);
    if (deflate === undefined) {
      deflate = Object.freeze({
        threshold: this.#settings.threshold,
        shared: new SharedDeflater(this.#zlibOptions, windowBits),
      });
      this.#shared.set(windowBits, deflate);
    }
    return deflate;
  }
}
