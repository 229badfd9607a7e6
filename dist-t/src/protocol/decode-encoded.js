"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decodeEncoded = decodeEncoded;
const socket_io_parser_1 = require("socket.io-parser");
const packet_1 = require("./packet");
/**
 * Decodes frames this server encoded itself (one text frame, then the binary attachments) back into their packet,
 * or null when they are not one whole packet. For the rare reader that needs the values of a packet that was
 * encoded once for many recipients (a socket's outgoing catch-all listeners, a broadcast that came from another
 * process): never on the path of a packet nobody asked to see.
 */
function decodeEncoded(frames) {
    const first = frames[0];
    if (frames.length === 1 && typeof first === 'string') {
        const packet = (0, packet_1.decodeEventPacket)(first);
        if (packet !== null)
            return packet;
    }
    // socket.io-parser decodes synchronously: 'decoded' fires within the add() of the last frame.
    const decoder = new socket_io_parser_1.Decoder();
    let decoded = null;
    decoder.on('decoded', (packet) => (decoded = packet));
    try {
        for (const frame of frames)
            decoder.add(frame);
    }
    catch {
        return null;
    }
    finally {
        decoder.destroy();
    }
    return decoded;
}
//# sourceMappingURL=decode-encoded.js.map