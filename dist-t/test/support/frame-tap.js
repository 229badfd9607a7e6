"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FrameTap = void 0;
exports.clientWebSocket = clientWebSocket;
/** The client's underlying websocket (the client must be connected over websocket). */
function clientWebSocket(client) {
    return client.io.engine.transport.ws;
}
/**
 * Records the frames a connected official client receives, read from its TCP socket beside `ws` (which still reads
 * everything itself). Start it while the connection is quiet, so that the first bytes begin a frame.
 */
class FrameTap {
    #pending;
    constructor(client) {
        this.frames = [];
        /** Bytes received since the tap started, frame headers included. */
        this.bytes = 0;
        this.#pending = Buffer.alloc(0);
        clientWebSocket(client)._socket.on('data', (chunk) => this.#onData(chunk));
    }
    #onData(chunk) {
        this.bytes += chunk.length;
        let buffer = Buffer.concat([this.#pending, chunk]);
        for (;;) {
            if (buffer.length < 2)
                break;
            let length = buffer[1] & 0x7f;
            let offset = 2;
            if (length === 126) {
                if (buffer.length < 4)
                    break;
                length = buffer.readUInt16BE(2);
                offset = 4;
            }
            else if (length === 127) {
                if (buffer.length < 10)
                    break;
                length = Number(buffer.readBigUInt64BE(2));
                offset = 10;
            }
            if (buffer.length < offset + length)
                break;
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
exports.FrameTap = FrameTap;
//# sourceMappingURL=frame-tap.js.map