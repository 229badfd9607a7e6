"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RESERVED_EVENTS = exports.PacketType = void 0;
exports.encodePacket = encodePacket;
exports.toBuffer = toBuffer;
exports.decodeEventPacket = decodeEventPacket;
const socket_io_parser_1 = require("socket.io-parser");
Object.defineProperty(exports, "PacketType", { enumerable: true, get: function () { return socket_io_parser_1.PacketType; } });
const errors_1 = require("../errors");
/**
 * One encoder for the whole process: socket.io-parser's Encoder keeps no state between packets, so sharing it
 * saves an allocation per connection.
 */
const encoder = new socket_io_parser_1.Encoder();
/**
 * Encodes a Socket.IO packet into Engine.IO messages: one text frame, followed by the binary attachments of a
 * BINARY_EVENT / BINARY_ACK (socket.io-protocol, "Packet encoding").
 *
 * Events and acks without binary data, nearly every packet a server sends, are encoded here: socket.io-parser's
 * `encode` spends about as long again around `JSON.stringify` (two `debug` calls with their argument lists, and a
 * binary check that goes megamorphic on application data), about 0.4 µs of the 11 µs an echo costs the server.
 * Everything else, binary packets included, goes through socket.io-parser.
 */
function encodePacket(packet) {
    if ((packet.type === socket_io_parser_1.PacketType.EVENT || packet.type === socket_io_parser_1.PacketType.ACK) && !containsBinary(packet.data, false)) {
        let text = packet.type === socket_io_parser_1.PacketType.EVENT ? '2' : '3';
        if (packet.nsp && packet.nsp !== '/')
            text += `${packet.nsp},`;
        if (packet.id !== undefined)
            text += packet.id;
        return [text + JSON.stringify(packet.data)];
    }
    const encoded = encoder.encode(packet);
    // socket.io-parser hands attachments on as the application gave them; the engine sends Buffers.
    for (let i = 1; i < encoded.length; i++)
        encoded[i] = toBuffer(encoded[i]);
    return encoded;
}
/** An attachment's bytes as a Buffer, without copying them. */
function toBuffer(attachment) {
    if (Buffer.isBuffer(attachment))
        return attachment;
    if (ArrayBuffer.isView(attachment))
        return Buffer.from(attachment.buffer, attachment.byteOffset, attachment.byteLength);
    if (attachment instanceof ArrayBuffer)
        return Buffer.from(attachment);
    // A Blob's bytes can only be read asynchronously, and an emit is synchronous.
    throw new errors_1.UsageError('a Blob cannot be emitted: send its bytes instead (Buffer.from(await blob.arrayBuffer()))');
}
const ZERO = 0x30;
const NINE = 0x39;
const SLASH = 0x2f;
const OPEN_BRACKET = 0x5b;
/**
 * Event names a client may not send and the server may not emit: they name lifecycle events on one side or the
 * other (socket.io-protocol, "Reserved event names"; socket.io-parser refuses them in an EVENT).
 */
exports.RESERVED_EVENTS = new Set([
    'connect',
    'connect_error',
    'disconnect',
    'disconnecting',
    'newListener',
    'removeListener',
]);
/**
 * Decodes the common text packet, an EVENT or ACK in its plain form (`2/chat,12["name",...]`), or returns null:
 * then socket.io-parser decodes it, and accepts or refuses it, exactly as it always has. What is taken here is the
 * subset both agree on; anything unusual (another type, no payload, a payload that is not a valid array, the
 * parser's laxer id digits) is left to it. It saves the decoder's event emitter and `debug` call per message.
 */
function decodeEventPacket(text) {
    const type = text.charCodeAt(0) - ZERO; // any number, until the check below
    if (type !== socket_io_parser_1.PacketType.EVENT && type !== socket_io_parser_1.PacketType.ACK)
        return null;
    let i = 1;
    let nsp = '/';
    if (text.charCodeAt(1) === SLASH) {
        const comma = text.indexOf(',', 2);
        if (comma === -1)
            return null;
        nsp = text.slice(1, comma);
        i = comma + 1;
    }
    const idStart = i;
    for (let code = text.charCodeAt(i); code >= ZERO && code <= NINE; code = text.charCodeAt(++i))
        ;
    if (text.charCodeAt(i) !== OPEN_BRACKET)
        return null;
    const id = i > idStart ? Number(text.slice(idStart, i)) : undefined;
    let data;
    try {
        data = JSON.parse(text.slice(i));
    }
    catch {
        return null;
    }
    if (!Array.isArray(data))
        return null;
    if (type === socket_io_parser_1.PacketType.EVENT && (typeof data[0] !== 'string' || exports.RESERVED_EVENTS.has(data[0])))
        return null;
    return { type, nsp, id, data };
}
/**
 * Whether `value` holds binary data anywhere, by socket.io-parser's rule: a Buffer, typed array, DataView,
 * ArrayBuffer or Blob, at any depth of arrays and own enumerable properties, or in what an object's `toJSON` returns
 * (followed once, as the serialisation will).
 */
function containsBinary(value, isToJsonResult) {
    if (typeof value !== 'object' || value === null)
        return false;
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++)
            if (containsBinary(value[i], false))
                return true;
        return false;
    }
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Blob)
        return true;
    const toJSON = value.toJSON;
    if (typeof toJSON === 'function' && !isToJsonResult)
        return containsBinary(toJSON.call(value), true);
    for (const key in value) {
        if (Object.hasOwn(value, key) && containsBinary(value[key], false))
            return true;
    }
    return false;
}
//# sourceMappingURL=packet.js.map