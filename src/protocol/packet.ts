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
 */
export function encodePacket(packet: Packet): EngineData[] {
  return encoder.encode(packet) as EngineData[];
}
