import { Encoder, PacketType, type Packet } from 'socket.io-parser';
import type { EngineData } from '../engine/types';

export { PacketType, type Packet };

/**
 * One encoder for the whole process: socket.io-parser's Encoder keeps no state between packets, so sharing it
 * saves an allocation per connection.
 */
const encoder = new Encoder();

/**
 * Encodes a Socket.IO packet into Engine.IO messages: one text frame, followed by the binary attachments of a
 * BINARY_EVENT / BINARY_ACK (socket.io-protocol, "Packet encoding").
 *
 * Events and acks without binary data, nearly every packet a server sends, are encoded here: socket.io-parser's
 * `encode` spends about as long again around `JSON.stringify` (two `debug` calls with their argument lists, and a
 * binary check that goes megamorphic on application data), about 0.4 µs of the 11 µs an echo costs the server.
 * Everything else, binary packets included, goes through socket.io-parser.
 */
export function encodePacket(packet: Packet): EngineData[] {
  if ((packet.type === PacketType.EVENT || packet.type === PacketType.ACK) && !containsBinary(packet.data, false)) {
    let text = packet.type === PacketType.EVENT ? '2' : '3';
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id !== undefined) text += packet.id;
    return [text + JSON.stringify(packet.data)];
  }
  return encoder.encode(packet) as EngineData[];
}

/**
 * Whether `value` holds binary data anywhere, by socket.io-parser's rule: a Buffer, typed array, DataView,
 * ArrayBuffer or Blob, at any depth of arrays and own enumerable properties, or in what an object's `toJSON` returns
 * (followed once, as the serialisation will).
 */
function containsBinary(value: unknown, isToJsonResult: boolean): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (containsBinary(value[i], false)) return true;
    return false;
  }
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Blob) return true;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function' && !isToJsonResult) return containsBinary(toJSON.call(value), true);
  for (const key in value) {
    if (Object.hasOwn(value, key) && containsBinary((value as Record<string, unknown>)[key], false)) return true;
  }
  return false;
}
