"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.encodePayloadV3 = encodePayloadV3;
exports.decodePayloadV3 = decodePayloadV3;
exports.decodeBinaryPayloadV3 = decodeBinaryPayloadV3;
exports.frameBinaryV3 = frameBinaryV3;
exports.unframeBinaryV3 = unframeBinaryV3;
/**
 * Engine.IO protocol v3 framing, for the Socket.IO v2 clients that `allowEIO3` admits (engine.io-protocol v3). The
 * packets and their type digits are v4's; what differs is how they travel:
 * - polling payloads prefix each packet with its length (`<length>:<packet>`, the length in UTF-16 code units of
 *   the packet text), where v4 joins them with `\x1e`; binary packets are `b` + type digit + base64 in a text
 *   payload, or, from a client that can send binary, in the binary payload format (see {@link decodeBinaryPayloadV3});
 * - a binary websocket frame starts with its packet type byte (`4` as a byte, 0x04), where v4 sends bare bytes;
 * - the client pings and the server answers (v4 is the other way round), which the session handles.
 */
const TYPES = ['open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop'];
const TYPE_DIGITS = {
    open: 0,
    close: 1,
    ping: 2,
    pong: 3,
    message: 4,
    upgrade: 5,
    noop: 6,
};
const ERROR_PACKET = { type: 'error', data: 'parser error' };
/** The longest length prefix accepted: more digits than any body within maxHttpBufferSize could need. */
const MAX_LENGTH_DIGITS = 10;
/** The text form of one packet in a v3 polling payload. */
function encodePacketText(packet) {
    const digit = TYPE_DIGITS[packet.type];
    const data = packet.data;
    if (data === undefined)
        return String(digit);
    if (typeof data === 'string')
        return `${digit}${data}`;
    return `b${digit}${Buffer.from(data).toString('base64')}`;
}
/** A v3 polling payload (text): every packet as `<length>:<packet>`. */
function encodePayloadV3(packets) {
    let payload = '';
    for (let i = 0; i < packets.length; i++) {
        const text = encodePacketText(packets[i]);
        payload += `${text.length}:${text}`;
    }
    return payload;
}
/** One packet of a text payload, or the error packet. */
function decodePacketText(text) {
    if (text.charCodeAt(0) === 0x62 /* b */) {
        const type = TYPES[text.charCodeAt(1) - 0x30];
        if (type === undefined)
            return ERROR_PACKET;
        return { type, data: Buffer.from(text.slice(2), 'base64') };
    }
    const type = TYPES[text.charCodeAt(0) - 0x30];
    if (type === undefined)
        return ERROR_PACKET;
    return text.length > 1 ? { type, data: text.slice(1) } : { type };
}
/**
 * Decodes a v3 text payload. Like engine.io-parser's v4 `decodePayload`, a malformed payload ends in an `error`
 * packet (after the sound packets before it), which closes the session with `parse error`.
 */
function decodePayloadV3(payload) {
    const packets = [];
    let offset = 0;
    if (payload.length === 0)
        return [ERROR_PACKET];
    while (offset < payload.length) {
        const colon = payload.indexOf(':', offset);
        if (colon === -1 || colon === offset || colon - offset > MAX_LENGTH_DIGITS)
            return [...packets, ERROR_PACKET];
        const digits = payload.slice(offset, colon);
        if (!/^\d+$/.test(digits))
            return [...packets, ERROR_PACKET];
        const length = Number(digits);
        const start = colon + 1;
        if (length === 0 || start + length > payload.length)
            return [...packets, ERROR_PACKET];
        const packet = decodePacketText(payload.slice(start, start + length));
        packets.push(packet);
        if (packet.type === 'error')
            return packets;
        offset = start + length;
    }
    return packets;
}
/**
 * Decodes a v3 binary payload (a POST of `application/octet-stream`): each packet is a marker byte (0 text, 1
 * binary), its length as one byte per decimal digit, 0xff, then the packet: UTF-8 text with its type digit, or the
 * type as a byte followed by the binary data.
 */
function decodeBinaryPayloadV3(body) {
    const packets = [];
    let offset = 0;
    if (body.length === 0)
        return [ERROR_PACKET];
    while (offset < body.length) {
        const marker = body[offset++];
        if (marker !== 0 && marker !== 1)
            return [...packets, ERROR_PACKET];
        let length = 0;
        let digits = 0;
        for (; offset < body.length && body[offset] !== 0xff; offset++) {
            const digit = body[offset];
            if (digit > 9 || ++digits > MAX_LENGTH_DIGITS)
                return [...packets, ERROR_PACKET];
            length = length * 10 + digit;
        }
        offset++; // the 0xff
        if (digits === 0 || length === 0 || offset + length > body.length)
            return [...packets, ERROR_PACKET];
        const bytes = body.subarray(offset, offset + length);
        offset += length;
        let packet;
        if (marker === 0) {
            packet = decodePacketText(bytes.toString('utf8'));
        }
        else {
            const type = TYPES[bytes[0]];
            packet = type === undefined ? ERROR_PACKET : { type, data: bytes.subarray(1) };
        }
        packets.push(packet);
        if (packet.type === 'error')
            return packets;
    }
    return packets;
}
/** A binary message as a v3 websocket frame's payload: the message type byte, then the bytes. */
function frameBinaryV3(data) {
    return Buffer.concat([MESSAGE_TYPE_BYTE_V3, data]);
}
/** The bytes of a binary v3 websocket frame after its type byte, or null when it is not a message. */
function unframeBinaryV3(frame) {
    return frame.length > 0 && frame[0] === 4 ? frame.subarray(1) : null;
}
const MESSAGE_TYPE_BYTE_V3 = Buffer.from([4]);
//# sourceMappingURL=eio3.js.map