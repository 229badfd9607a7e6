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
/** The namespace every workload uses. */
export declare const NAMESPACE = "/test";
/** Engine.IO packet types as single characters (engine.io-protocol v4). */
export declare const ENGINE_OPEN = "0";
export declare const ENGINE_PING = "2";
export declare const ENGINE_PONG = "3";
/** Engine.IO polling payload separator. */
export declare const RECORD_SEPARATOR = "\u001E";
/** Socket.IO CONNECT to `/test` (no auth payload). */
export declare const NSP_CONNECT = "40/test,";
/** Prefix of the server's CONNECT answer, `40/test,{"sid":"..."}`. */
export declare const NSP_CONNECTED_PREFIX = "40/test,{";
/** Prefix of a refused namespace connect. */
export declare const NSP_CONNECT_ERROR_PREFIX = "44/test,";
/** Prefix of every event the server sends on `/test`. */
export declare const EVENT_PREFIX = "42/test,[";
/** Prefix of every ack answer on `/test`. */
export declare const ACK_PREFIX = "43/test,";
/** The greeting every peer emits right after the namespace connect (example chat, behaviour 1). */
export declare const CONNECTED_PREFIX = "42/test,[\"my response\",{\"data\":\"Connected\"";
/** Workload 1: `my ping` -> `my pong`. */
export declare const PING_FRAME = "42/test,[\"my ping\"]";
export declare const PONG_FRAME = "42/test,[\"my pong\"]";
/** Prefix of `my response` (echo, join and room replies). */
export declare const RESPONSE_PREFIX = "42/test,[\"my response\",";
/** Workload 2: `my event` with a 100-byte string payload. */
export declare const ECHO_DATA: string;
export declare const ECHO_FRAME: string;
/** Workload 3: `ack` with two arguments; the ack id goes between the namespace and the array. */
export declare const ACK_ARGS = "[\"ack\",\"hello\",{\"n\":1}]";
/** The answer's arguments: the handler returns its arguments. */
export declare const ACK_ANSWER_ARGS = "[\"hello\",{\"n\":1}]";
/** Builds the `ack` request with the given ack id. */
export declare function ackFrame(id: number): string;
/** Workload 4: the room and the event one sender emits to it. */
export declare const FANOUT_ROOM = "bench";
export declare const JOIN_FRAME = "42/test,[\"join\",{\"room\":\"bench\"}]";
export declare const ROOM_EVENT_FRAME = "42/test,[\"my_room_event\",{\"room\":\"bench\",\"data\":\"fan-out\"}]";
/** The path of the Socket.IO endpoint. */
export declare const ENGINE_PATH = "/socket.io/";
/** Query of a websocket-only handshake (no polling, no upgrade). */
export declare const WEBSOCKET_QUERY = "?EIO=4&transport=websocket";
/** Query of a polling handshake. */
export declare const POLLING_QUERY = "?EIO=4&transport=polling";
/** A text message ready to send: its payload, and the same as a masked client WebSocket frame. */
export interface Frame {
    readonly payload: Buffer;
    readonly wire: Buffer;
}
/**
 * Frames `text` once, as a client must (RFC 6455 5.2/5.3: FIN, the opcode, the mask bit, the length, a 4-byte
 * masking key). The key is zero, which RFC 6455 allows and which leaves the payload bytes as they are, so the
 * frame can be built once and written as is on every send.
 */
export declare function prepareFrame(text: string, opcode?: number): Frame;
/** True when `data` starts with the bytes of `prefix` (both ASCII); no string is built from `data`. */
export declare function hasPrefix(data: Buffer, prefix: Buffer): boolean;
