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
export const NAMESPACE = '/test';

/** Engine.IO packet types as single characters (engine.io-protocol v4). */
export const ENGINE_OPEN = '0';
export const ENGINE_PING = '2';
export const ENGINE_PONG = '3';

/** Engine.IO polling payload separator. */
export const RECORD_SEPARATOR = '\x1e';

/** Socket.IO CONNECT to `/test` (no auth payload). */
export const NSP_CONNECT = '40/test,';
/** Prefix of the server's CONNECT answer, `40/test,{"sid":"..."}`. */
export const NSP_CONNECTED_PREFIX = '40/test,{';
/** Prefix of a refused namespace connect. */
export const NSP_CONNECT_ERROR_PREFIX = '44/test,';

/** Prefix of every event the server sends on `/test`. */
export const EVENT_PREFIX = '42/test,[';
/** Prefix of every ack answer on `/test`. */
export const ACK_PREFIX = '43/test,';

/** The greeting every peer emits right after the namespace connect (example chat, behaviour 1). */
export const CONNECTED_PREFIX = '42/test,["my response",{"data":"Connected"';

/** Workload 1: `my ping` -> `my pong`. */
export const PING_FRAME = '42/test,["my ping"]';
export const PONG_FRAME = '42/test,["my pong"]';

/** Prefix of `my response` (echo, join and room replies). */
export const RESPONSE_PREFIX = '42/test,["my response",';

/** Workload 2: `my event` with a 100-byte string payload. */
export const ECHO_DATA = 'x'.repeat(100);
export const ECHO_FRAME = `42/test,["my event",{"data":"${ECHO_DATA}"}]`;

/** Workload 3: `ack` with two arguments; the ack id goes between the namespace and the array. */
export const ACK_ARGS = '["ack","hello",{"n":1}]';
/** The answer's arguments: the handler returns its arguments. */
export const ACK_ANSWER_ARGS = '["hello",{"n":1}]';

/** Builds the `ack` request with the given ack id. */
export function ackFrame(id: number): string {
  return `42/test,${id}${ACK_ARGS}`;
}

/** Workload 4: the room and the event one sender emits to it. */
export const FANOUT_ROOM = 'bench';
export const JOIN_FRAME = `42/test,["join",{"room":"${FANOUT_ROOM}"}]`;
export const ROOM_EVENT_FRAME = `42/test,["my_room_event",{"room":"${FANOUT_ROOM}","data":"fan-out"}]`;

/** The path of the Socket.IO endpoint. */
export const ENGINE_PATH = '/socket.io/';

/** Query of a websocket-only handshake (no polling, no upgrade). */
export const WEBSOCKET_QUERY = '?EIO=4&transport=websocket';
/** Query of a polling handshake. */
export const POLLING_QUERY = '?EIO=4&transport=polling';

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
export function prepareFrame(text: string, opcode = 0x1): Frame {
  const payload = Buffer.from(text);
  const size = payload.length;
  const lengthBytes = size < 126 ? 0 : size < 65536 ? 2 : 8;
  const header = Buffer.alloc(2 + lengthBytes + 4);
  header[0] = 0x80 | opcode;
  if (lengthBytes === 0) {
    header[1] = 0x80 | size;
  } else if (lengthBytes === 2) {
    header[1] = 0x80 | 126;
    header.writeUInt16BE(size, 2);
  } else {
    header[1] = 0x80 | 127;
    header.writeUInt32BE(0, 2);
    header.writeUInt32BE(size, 6);
  }
  return { payload, wire: Buffer.concat([header, payload]) };
}

/** True when `data` starts with the bytes of `prefix` (both ASCII); no string is built from `data`. */
export function hasPrefix(data: Buffer, prefix: Buffer): boolean {
  const length = prefix.length;
  if (data.length < length) return false;
  for (let i = 0; i < length; i++) {
    if (data[i] !== prefix[i]) return false;
  }
  return true;
}
