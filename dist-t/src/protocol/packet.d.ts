import { PacketType, type Packet } from 'socket.io-parser';
import type { EngineData } from '../engine/types';
export { PacketType, type Packet };
/**
 * Encodes a Socket.IO packet into Engine.IO messages: one text frame, followed by the binary attachments of a
 * BINARY_EVENT / BINARY_ACK (socket.io-protocol, "Packet encoding").
 *
 * Events and acks without binary data, nearly every packet a server sends, are encoded here: socket.io-parser's
 * `encode` spends about as long again around `JSON.stringify` (two `debug` calls with their argument lists, and a
 * binary check that goes megamorphic on application data), about 0.4 µs of the 11 µs an echo costs the server.
 * Everything else, binary packets included, goes through socket.io-parser.
 */
export declare function encodePacket(packet: Packet): EngineData[];
/** An attachment's bytes as a Buffer, without copying them. */
export declare function toBuffer(attachment: unknown): Buffer;
/**
 * Event names a client may not send and the server may not emit: they name lifecycle events on one side or the
 * other (socket.io-protocol, "Reserved event names"; socket.io-parser refuses them in an EVENT).
 */
export declare const RESERVED_EVENTS: ReadonlySet<string>;
/**
 * Decodes the common text packet, an EVENT or ACK in its plain form (`2/chat,12["name",...]`), or returns null:
 * then socket.io-parser decodes it, and accepts or refuses it, exactly as it always has. What is taken here is the
 * subset both agree on; anything unusual (another type, no payload, a payload that is not a valid array, the
 * parser's laxer id digits) is left to it. It saves the decoder's event emitter and `debug` call per message.
 */
export declare function decodeEventPacket(text: string): Packet | null;
