"use strict";
/**
 * Pre-encoded Engine.IO v4 / Socket.IO v5 frames of the benchmark's app (the example chat's `/test` namespace).
 *
 * Over the websocket transport one WebSocket message carries one Engine.IO packet, so a Socket.IO packet is the
 * Engine.IO type `4` (message) followed by the Socket.IO encoding (socket.io-protocol, "Packet encoding"):
 * `<type>[<nsp>,][<ack id>][<json array>]`. Over polling, packets of one payload are joined by the record separator
 * U+001E (engine.io-protocol v4, "Payload").
 *
 * The load generator only sends these constants and recognises replies by a byte prefix: parsing JSON per message
 * would make the client, not the server, the bottleneck.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.POLLING_QUERY = exports.WEBSOCKET_QUERY = exports.ENGINE_PATH = exports.ROOM_EVENT_FRAME = exports.JOIN_FRAME = exports.FANOUT_ROOM = exports.ACK_ANSWER_ARGS = exports.ACK_ARGS = exports.ECHO_FRAME = exports.ECHO_DATA = exports.RESPONSE_PREFIX = exports.PONG_FRAME = exports.PING_FRAME = exports.CONNECTED_PREFIX = exports.ACK_PREFIX = exports.EVENT_PREFIX = exports.NSP_CONNECT_ERROR_PREFIX = exports.NSP_CONNECTED_PREFIX = exports.NSP_CONNECT = exports.RECORD_SEPARATOR = exports.ENGINE_PONG = exports.ENGINE_PING = exports.ENGINE_OPEN = exports.NAMESPACE = void 0;
exports.ackFrame = ackFrame;
exports.prepareFrame = prepareFrame;
exports.hasPrefix = hasPrefix;
/** The namespace every workload uses. */
exports.NAMESPACE = '/test';
/** Engine.IO packet types as single characters (engine.io-protocol v4). */
exports.ENGINE_OPEN = '0';
exports.ENGINE_PING = '2';
exports.ENGINE_PONG = '3';
/** Engine.IO polling payload separator. */
exports.RECORD_SEPARATOR = '\x1e';
/** Socket.IO CONNECT to `/test` (no auth payload). */
exports.NSP_CONNECT = '40/test,';
/** Prefix of the server's CONNECT answer, `40/test,{"sid":"..."}`. */
exports.NSP_CONNECTED_PREFIX = '40/test,{';
/** Prefix of a refused namespace connect. */
exports.NSP_CONNECT_ERROR_PREFIX = '44/test,';
/** Prefix of every event the server sends on `/test`. */
exports.EVENT_PREFIX = '42/test,[';
/** Prefix of every ack answer on `/test`. */
exports.ACK_PREFIX = '43/test,';
/** The greeting every peer emits right after the namespace connect (example chat, behaviour 1). */
exports.CONNECTED_PREFIX = '42/test,["my response",{"data":"Connected"';
/** Workload 1: `my ping` -> `my pong`. */
exports.PING_FRAME = '42/test,["my ping"]';
exports.PONG_FRAME = '42/test,["my pong"]';
/** Prefix of `my response` (echo, join and room replies). */
exports.RESPONSE_PREFIX = '42/test,["my response",';
/** Workload 2: `my event` with a 100-byte string payload. */
exports.ECHO_DATA = 'x'.repeat(100);
exports.ECHO_FRAME = `42/test,["my event",{"data":"${exports.ECHO_DATA}"}]`;
/** Workload 3: `ack` with two arguments; the ack id goes between the namespace and the array. */
exports.ACK_ARGS = '["ack","hello",{"n":1}]';
/** The answer's arguments: the handler returns its arguments. */
exports.ACK_ANSWER_ARGS = '["hello",{"n":1}]';
/** Builds the `ack` request with the given ack id. */
function ackFrame(id) {
    return `42/test,${id}${exports.ACK_ARGS}`;
}
/** Workload 4: the room and the event one sender emits to it. */
exports.FANOUT_ROOM = 'bench';
exports.JOIN_FRAME = `42/test,["join",{"room":"${exports.FANOUT_ROOM}"}]`;
exports.ROOM_EVENT_FRAME = `42/test,["my_room_event",{"room":"${exports.FANOUT_ROOM}","data":"fan-out"}]`;
/** The path of the Socket.IO endpoint. */
exports.ENGINE_PATH = '/socket.io/';
/** Query of a websocket-only handshake (no polling, no upgrade). */
exports.WEBSOCKET_QUERY = '?EIO=4&transport=websocket';
/** Query of a polling handshake. */
exports.POLLING_QUERY = '?EIO=4&transport=polling';
/**
 * Frames `text` once, as a client must (RFC 6455 5.2/5.3: FIN, the opcode, the mask bit, the length, a 4-byte
 * masking key). The key is zero, which RFC 6455 allows and which leaves the payload bytes as they are, so the
 * frame can be built once and written as is on every send.
 */
function prepareFrame(text, opcode = 0x1) {
    const payload = Buffer.from(text);
    const size = payload.length;
    const lengthBytes = size < 126 ? 0 : size < 65536 ? 2 : 8;
    const header = Buffer.alloc(2 + lengthBytes + 4);
    header[0] = 0x80 | opcode;
    if (lengthBytes === 0) {
        header[1] = 0x80 | size;
    }
    else if (lengthBytes === 2) {
        header[1] = 0x80 | 126;
        header.writeUInt16BE(size, 2);
    }
    else {
        header[1] = 0x80 | 127;
        header.writeUInt32BE(0, 2);
        header.writeUInt32BE(size, 6);
    }
    return { payload, wire: Buffer.concat([header, payload]) };
}
/** True when `data` starts with the bytes of `prefix` (both ASCII); no string is built from `data`. */
function hasPrefix(data, prefix) {
    const length = prefix.length;
    if (data.length < length)
        return false;
    for (let i = 0; i < length; i++) {
        if (data[i] !== prefix[i])
            return false;
    }
    return true;
}
//# sourceMappingURL=frames.js.map