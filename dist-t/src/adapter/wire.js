"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MessageType = void 0;
exports.requestChannel = requestChannel;
exports.responseChannel = responseChannel;
exports.storedChannel = storedChannel;
exports.encodeMessage = encodeMessage;
exports.decodeMessage = decodeMessage;
const notepack_io_1 = require("notepack.io");
/**
 * The cluster wire format, shared by every server process and by the external {@link Emitter}.
 *
 * Why MessagePack (notepack.io, the codec socket.io's own Redis adapter uses) rather than JSON: binary attachments
 * of a packet travel as raw bytes instead of base64 (a third larger, plus an encode/decode pass), and a Buffer
 * stays a Buffer on the far side, so socket.io-parser still turns the packet into a BINARY_EVENT there. Text
 * payloads cost about the same as JSON.
 *
 * Every message is one array whose first two slots are the sender's uid and the message type; processes drop
 * their own messages by uid. Broadcasts and requests go to `${channel}#${nsp}#`, which every server subscribes to;
 * answers go to `${channel}-response#${nsp}#${uid}#`, which only the requester subscribes to.
 */
/** Message types. Requests and fire-and-forget commands are below 20, answers from 20 on. */
exports.MessageType = {
    BROADCAST: 1,
    BROADCAST_WITH_ACK: 2,
    SOCKETS_JOIN: 3,
    SOCKETS_LEAVE: 4,
    DISCONNECT_SOCKETS: 5,
    FETCH_SOCKETS: 6,
    SOCKETS: 7,
    SERVER_SIDE_EMIT: 8,
    STORED_BROADCAST: 9,
    BROADCAST_CLIENT_COUNT: 20,
    BROADCAST_ACK: 21,
    FETCH_SOCKETS_RESPONSE: 22,
    SOCKETS_RESPONSE: 23,
    SERVER_SIDE_EMIT_RESPONSE: 24,
};
/** The channel every server of a cluster subscribes to for namespace `nsp`. */
function requestChannel(channel, nsp) {
    return `${channel}#${nsp}#`;
}
/** The channel on which process `uid` receives answers for namespace `nsp`. */
function responseChannel(channel, nsp, uid) {
    return `${channel}-response#${nsp}#${uid}#`;
}
/**
 * The channel of the broadcasts kept for connection state recovery (Redis Streams adapter): every process, the
 * sender included, delivers them as it reads them, so that all deliver them in the stream's order.
 */
function storedChannel(channel, nsp) {
    return `${channel}-stored#${nsp}#`;
}
/** Encodes one message. */
function encodeMessage(message) {
    // notepack.io's types say `any` because it also runs in browsers; under Node it encodes into a Buffer.
    return (0, notepack_io_1.encode)(message);
}
/**
 * Decodes one message, or returns undefined for anything that is not a message of this format (a foreign
 * publisher on the same channel must not crash a server).
 */
function decodeMessage(data) {
    let value;
    try {
        value = (0, notepack_io_1.decode)(data);
    }
    catch {
        return undefined;
    }
    if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'number')
        return undefined;
    return value;
}
//# sourceMappingURL=wire.js.map