import type { EngineData } from '../engine/types';
import type { PacketSink } from './decoder';
import { type Packet } from './packet';
/**
 * The `parser` option: a Socket.IO parser module, the `{ Encoder, Decoder }` pair of socket.io-parser's interface
 * (`socket.io-msgpack-parser` is the official alternative). The server makes one `Encoder` and one `Decoder` per
 * connection, exactly as Socket.IO does, so a parser written for Socket.IO works unchanged.
 */
export interface Parser {
    /**
     * Encodes a packet into the list of Engine.IO messages that carry it (strings, or binary data). Typed loosely,
     * as Socket.IO types it: socket.io-msgpack-parser declares a single ArrayBuffer, and returns a list of one.
     */
    Encoder: new () => {
        encode(packet: Packet): unknown;
    };
    /**
     * Decodes a connection's messages: `add(data)` for each one, `decoded` emitted with each complete packet
     * (throwing from `add` means the message is not a packet), `destroy()` when the connection ends.
     */
    Decoder: new () => ParserDecoder;
}
/** A decoder of a {@link Parser}, as socket.io-parser's `Decoder` is one. */
export interface ParserDecoder {
    add(data: unknown): void;
    destroy(): void;
    on(event: 'decoded', listener: (packet: Packet) => void): unknown;
}
/** Encodes a packet into Engine.IO messages: `encodePacket` for the default parser, or a custom parser's encoder. */
export type PacketEncoder = (packet: Packet) => EngineData[];
/** What a connection's decoder does: the default {@link PacketDecoder} and {@link CustomPacketDecoder} both. */
export interface ConnectionDecoder {
    add(data: EngineData): void;
    destroy(): void;
}
/** Checks the `parser` option at construction; throws {@link ConfigurationError}. */
export declare function checkParser(parser: unknown): asserts parser is Parser | null;
/**
 * The encoder of a custom parser as a {@link PacketEncoder}. One encoder serves the whole server (Socket.IO shares
 * one as well: an encoder keeps no state between packets). What it returns is normalised to what the engine
 * sends: strings stay, binary data becomes a Buffer over the same bytes.
 */
export declare function createCustomEncoder(parser: Parser): PacketEncoder;
/**
 * One connection's decoder when the server has a custom parser: the parser's own `Decoder`, one per connection
 * (a custom decoder may keep state between messages). Whatever it throws, and any packet it lets through that
 * classio could not handle safely (see {@link isCustomPacketSound}), is a parse error of this connection only.
 */
export declare class CustomPacketDecoder implements ConnectionDecoder {
    #private;
    constructor(sink: PacketSink, parser: Parser);
    add(data: EngineData): void;
    destroy(): void;
}
/**
 * Whether a packet from a custom decoder may be handled. A custom parser checks what it likes (msgpack's checks the
 * type, namespace, payload and id), so the shape socket.io-parser guarantees is checked again here: a known type,
 * a namespace path, an array payload for events and acks with a string, non-reserved event name, an object (or
 * nothing) for CONNECT, and an ack id that is a safe integer.
 */
export declare function isCustomPacketSound(packet: unknown): packet is Packet;
