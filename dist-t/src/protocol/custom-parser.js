"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CustomPacketDecoder = void 0;
exports.checkParser = checkParser;
exports.createCustomEncoder = createCustomEncoder;
exports.isCustomPacketSound = isCustomPacketSound;
const errors_1 = require("../errors");
const decoder_1 = require("./decoder");
const msgpack_bounds_1 = require("./msgpack-bounds");
const packet_1 = require("./packet");
/** Checks the `parser` option at construction; throws {@link ConfigurationError}. */
function checkParser(parser) {
    if (parser === null)
        return;
    const candidate = typeof parser === 'object' ? parser : null;
    const isValid = candidate !== null &&
        typeof candidate.Encoder === 'function' &&
        typeof candidate.Decoder === 'function' &&
        typeof candidate.Encoder.prototype?.encode === 'function' &&
        typeof candidate.Decoder.prototype?.add === 'function';
    if (!isValid) {
        throw new errors_1.ConfigurationError('option "parser" must be a Socket.IO parser: an object with an Encoder class (with encode(packet)) and a ' +
            "Decoder class (with add(data)), such as require('socket.io-msgpack-parser')");
    }
}
/**
 * The encoder of a custom parser as a {@link PacketEncoder}. One encoder serves the whole server (Socket.IO shares
 * one as well: an encoder keeps no state between packets). What it returns is normalised to what the engine
 * sends: strings stay, binary data becomes a Buffer over the same bytes.
 */
function createCustomEncoder(parser) {
    const encoder = new parser.Encoder();
    return (packet) => {
        const result = encoder.encode(packet);
        const encoded = Array.isArray(result) ? result : [result];
        for (let i = 0; i < encoded.length; i++) {
            const frame = encoded[i];
            if (typeof frame !== 'string' && !Buffer.isBuffer(frame))
                encoded[i] = (0, packet_1.toBuffer)(frame);
        }
        return encoded;
    };
}
const kOwner = Symbol('classio.customPacketDecoder');
/**
 * One connection's decoder when the server has a custom parser: the parser's own `Decoder`, one per connection
 * (a custom decoder may keep state between messages). Whatever it throws, and any packet it lets through that
 * classio could not handle safely (see {@link isCustomPacketSound}), is a parse error of this connection only.
 */
class CustomPacketDecoder {
    #sink;
    #decoder;
    #isWellFormed;
    constructor(sink, parser) {
        this.#sink = sink;
        this.#isWellFormed = wellFormedCheckOf(parser);
        this.#decoder = new parser.Decoder();
        this.#decoder[kOwner] = this;
        // A shared listener that finds its owner through the decoder, not a closure per connection.
        this.#decoder.on('decoded', CustomPacketDecoder.#onDecoded);
    }
    add(data) {
        if (this.#isWellFormed !== null && !this.#isWellFormed(data)) {
            this.#sink.onParseError('not a well-formed msgpack message');
            return;
        }
        try {
            this.#decoder.add(data);
        }
        catch (err) {
            this.#sink.onParseError(err instanceof Error ? err.message : 'the parser threw a non-error');
        }
    }
    destroy() {
        try {
            this.#decoder.destroy();
        }
        catch {
            // The connection is gone either way; a parser failing to clean up must not disturb the close.
        }
    }
    static #onDecoded(packet) {
        const owner = this[kOwner];
        if (isCustomPacketSound(packet))
            owner.#sink.onPacket(packet);
        else
            owner.#sink.onParseError('the parser decoded a packet of an unknown shape');
    }
}
exports.CustomPacketDecoder = CustomPacketDecoder;
/**
 * Whether a packet from a custom decoder may be handled. A custom parser checks what it likes (msgpack's checks the
 * type, namespace, payload and id), so the shape socket.io-parser guarantees is checked again here: a known type,
 * a namespace path, an array payload for events and acks with a string, non-reserved event name, an object (or
 * nothing) for CONNECT, and an ack id that is a safe integer.
 */
function isCustomPacketSound(packet) {
    if (typeof packet !== 'object' || packet === null)
        return false;
    const { type, nsp, id } = packet;
    const data = packet.data;
    if (typeof nsp !== 'string' || !nsp.startsWith('/'))
        return false;
    if (id !== undefined && !(typeof id === 'number' && id >= 0))
        return false;
    switch (type) {
        case packet_1.PacketType.CONNECT:
            return data === undefined || (typeof data === 'object' && data !== null && !Array.isArray(data));
        case packet_1.PacketType.DISCONNECT:
            return true;
        case packet_1.PacketType.EVENT:
        case packet_1.PacketType.BINARY_EVENT:
            if (!Array.isArray(data) || packet_1.RESERVED_EVENTS.has(data[0]))
                return false;
            return (0, decoder_1.isPacketSound)(packet);
        case packet_1.PacketType.ACK:
        case packet_1.PacketType.BINARY_ACK:
            return id !== undefined && Array.isArray(data) && (0, decoder_1.isPacketSound)(packet);
        default:
            // CONNECT_ERROR goes server to client only.
            return false;
    }
}
/** The check each parser's messages pass before its decoder sees them, found once per parser. */
const wellFormedChecks = new WeakMap();
/**
 * socket.io-msgpack-parser's messages are checked with {@link isMsgpackWellFormed} first (its decoder trusts the
 * lengths a message declares); it is recognised by identity, as the copy this process resolves. Other parsers are
 * trusted to bound their own work.
 */
function wellFormedCheckOf(parser) {
    let check = wellFormedChecks.get(parser);
    if (check === undefined) {
        check = parser.Decoder === loadMsgpackDecoder() ? msgpack_bounds_1.isMsgpackWellFormed : null;
        wellFormedChecks.set(parser, check);
    }
    return check;
}
function loadMsgpackDecoder() {
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional module, looked up only to compare
        return require('socket.io-msgpack-parser').Decoder;
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=custom-parser.js.map