"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DeflateNegotiator = exports.SharedDeflater = void 0;
const node_zlib_1 = require("node:zlib");
/** '4', the Engine.IO message type, in front of every text message. */
const MESSAGE_TYPE_BYTE = 0x34;
/** FIN + RSV1 (the "compressed" bit of RFC 7692, section 6) + the text or binary opcode. */
const COMPRESSED_TEXT = 0xc1;
const COMPRESSED_BINARY = 0xc2;
/**
 * Compresses messages on their own (no context takeover) and keeps the last frame built: a broadcast hands the same
 * encoded string to every recipient, so it is compressed once and the one frame is written N times.
 */
class SharedDeflater {
    #options;
    #lastData = null;
    #lastFrame = [];
    constructor(zlibOptions, windowBits) {
        // Z_SYNC_FLUSH ends the data with the empty stored block 00 00 ff ff, which RFC 7692 section 7.2.1 removes.
        this.#options = Object.freeze({ ...zlibOptions, windowBits, finishFlush: node_zlib_1.constants.Z_SYNC_FLUSH });
    }
    /** The compressed WebSocket frame of one Engine.IO message, as the list `sendFrame` writes. */
    frameOf(data) {
        if (data === this.#lastData)
            return this.#lastFrame;
        const isText = typeof data === 'string';
        let payload;
        if (isText) {
            const bytes = Buffer.allocUnsafe(1 + Buffer.byteLength(data));
            bytes[0] = MESSAGE_TYPE_BYTE;
            bytes.write(data, 1, 'utf8');
            payload = (0, node_zlib_1.deflateRawSync)(bytes, this.#options);
        }
        else {
            payload = (0, node_zlib_1.deflateRawSync)(data, this.#options);
        }
        const length = payload.length - 4;
        const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
        const head = Buffer.allocUnsafe(headerLength);
        head[0] = isText ? COMPRESSED_TEXT : COMPRESSED_BINARY;
        if (headerLength === 2) {
            head[1] = length;
        }
        else if (headerLength === 4) {
            head[1] = 126;
            head.writeUInt16BE(length, 2);
        }
        else {
            head[1] = 127;
            head[2] = head[3] = 0;
            head.writeUIntBE(length, 4, 6);
        }
        this.#lastFrame = [head, payload.subarray(0, length)];
        this.#lastData = data;
        return this.#lastFrame;
    }
}
exports.SharedDeflater = SharedDeflater;
/**
 * The server's permessage-deflate: turns the extension header of each accepted websocket into its
 * {@link MessageDeflate}. One shared compressor per window size, created on first use.
 */
class DeflateNegotiator {
    #settings;
    #zlibOptions;
    #own;
    #shared = new Map();
    constructor(settings) {
        this.#settings = settings;
        const { windowBits: _ignored, ...zlibOptions } = settings.zlibDeflateOptions ?? {};
        this.#zlibOptions = zlibOptions;
        this.#own = Object.freeze({ threshold: settings.threshold, shared: null });
    }
    /** The `ws` options object: the user's, as engine.io passes them. */
    get wsOptions() {
        return this.#settings;
    }
    /**
     * The deflate of a connection whose handshake answered `header` (the value of `Sec-WebSocket-Extensions`), or
     * `null` when permessage-deflate was not negotiated.
     */
    negotiated(header) {
        if (header === undefined)
            return null;
        const params = new Map();
        const parts = header.split(';');
        if (parts[0].trim() !== 'permessage-deflate')
            return null;
        for (let i = 1; i < parts.length; i++) {
            const [key, value] = parts[i].split('=');
            params.set(key.trim(), value === undefined ? true : value.trim());
        }
        if (!params.has('server_no_context_takeover'))
            return this.#own;
        const bits = params.get('server_max_window_bits');
        const windowBits = typeof bits === 'string' ? Number(bits) : (this.#settings.zlibDeflateOptions?.windowBits ?? 15);
        // zlib cannot make raw deflate data with an 8-bit window (it uses 9): leave such a connection to ws.
        if (!(windowBits >= 9 && windowBits <= 15))
            return this.#own;
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
exports.DeflateNegotiator = DeflateNegotiator;
//# sourceMappingURL=deflate.js.map