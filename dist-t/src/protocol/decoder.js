"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PacketDecoder = void 0;
exports.isPacketSound = isPacketSound;
const socket_io_parser_1 = require("socket.io-parser");
const packet_1 = require("./packet");
const kOwner = Symbol('classio.packetDecoder');
/**
 * Decodes one connection's Engine.IO messages into Socket.IO packets (socket.io-protocol, "Packet encoding").
 *
 * The plain text EVENT or ACK, nearly every message, is taken by {@link decodeEventPacket} without the parser's event
 * emitter. Other text packets go through one decoder shared by every connection: a socket.io-parser decoder keeps
 * state only while it gathers the attachments of a binary packet, and it decodes a text packet synchronously, so it
 * can serve each connection in turn. A connection gets a decoder of its own on its first binary packet (BINARY_EVENT
 * or BINARY_ACK, and their attachments), and keeps it; one per idle connection would cost about 180 bytes.
 */
class PacketDecoder {
    /** The shared decoder of text packets; its owner is the PacketDecoder whose message it is decoding. */
    static #textDecoder = PacketDecoder.#createDecoder(null);
    #sink;
    #maxAttachments;
    #binaryDecoder = null;
    /** `maxAttachments` is the most binary attachments one packet may announce. */
    constructor(sink, maxAttachments) {
        this.#sink = sink;
        this.#maxAttachments = maxAttachments;
    }
    /** Decodes one Engine.IO message: the sink gets its packet, or a parse error. */
    add(data) {
        if (this.#binaryDecoder === null && typeof data === 'string' && !isBinaryPacketHeader(data)) {
            // The fast path neither throws nor allocates beyond the packet itself.
            const packet = (0, packet_1.decodeEventPacket)(data);
            if (packet !== null) {
                this.#deliver(packet);
                return;
            }
            const textDecoder = PacketDecoder.#textDecoder;
            // Saved and restored: a sink may feed another connection's message from within (in-memory connections
            // deliver synchronously).
            const previous = textDecoder[kOwner];
            textDecoder[kOwner] = this;
            try {
                textDecoder.add(data);
            }
            catch (err) {
                this.#sink.onParseError(err.message);
            }
            finally {
                textDecoder[kOwner] = previous;
            }
            return;
        }
        try {
            (this.#binaryDecoder ??= PacketDecoder.#createDecoder(this, this.#maxAttachments)).add(data);
        }
        catch (err) {
            this.#sink.onParseError(err.message);
        }
    }
    /** Drops a binary packet still waiting for attachments. */
    destroy() {
        this.#binaryDecoder?.destroy();
        this.#binaryDecoder = null;
    }
    #deliver(packet) {
        if (isPacketSound(packet))
            this.#sink.onPacket(packet);
        else
            this.#sink.onParseError('an ack id past Number.MAX_SAFE_INTEGER or a non-string event name');
    }
    static #createDecoder(owner, maxAttachments) {
        const decoder = new socket_io_parser_1.Decoder(maxAttachments === undefined ? undefined : { maxAttachments });
        decoder[kOwner] = owner;
        // One shared listener for every decoder: it finds its PacketDecoder through the decoder, not through a closure.
        decoder.on('decoded', PacketDecoder.#onDecoded);
        return decoder;
    }
    static #onDecoded(packet) {
        this[kOwner].#deliver(packet);
    }
}
exports.PacketDecoder = PacketDecoder;
/**
 * Whether a packet socket.io-parser let through may be handled. It refuses an ack id that cannot be represented
 * exactly (it would be answered with another id, `1e+23` on the wire) and an event without a string name (the parser
 * allows a number for old clients, and an EVENT without payload, `2/chat,`; classio routes by string only).
 */
function isPacketSound(packet) {
    if (packet.id !== undefined && !Number.isSafeInteger(packet.id))
        return false;
    if (packet.type === packet_1.PacketType.EVENT || packet.type === packet_1.PacketType.BINARY_EVENT) {
        return Array.isArray(packet.data) && typeof packet.data[0] === 'string';
    }
    return true;
}
/** BINARY_EVENT (5) and BINARY_ACK (6) announce attachments: their decoder must wait for them. */
function isBinaryPacketHeader(data) {
    const type = data.charCodeAt(0);
    return type === 0x35 || type === 0x36;
}
//# sourceMappingURL=decoder.js.map