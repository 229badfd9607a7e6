import type { EngineData } from '../engine/types';
import { type Packet } from './packet';
/**
 * Receives what a {@link PacketDecoder} makes of a connection's messages: each message ends in one call, or in none
 * while a binary packet still waits for its attachments. The protocol layer defines it; the namespace layer's client
 * implements it.
 */
export interface PacketSink {
    /**
     * A sound packet: socket.io-parser accepted it and it passes {@link isPacketSound}. It must not throw: the
     * decoder would take the throw for a parse error of the message.
     */
    onPacket(packet: Packet): void;
    /** The message is not a sound Socket.IO packet. The protocol has no error reply, so the connection should end. */
    onParseError(reason: string): void;
}
/**
 * Decodes one connection's Engine.IO messages into Socket.IO packets (socket.io-protocol, "Packet encoding").
 *
 * The plain text EVENT or ACK, nearly every message, is taken by {@link decodeEventPacket} without the parser's event
 * emitter. Other text packets go through one decoder shared by every connection: a socket.io-parser decoder keeps
 * state only while it gathers the attachments of a binary packet, and it decodes a text packet synchronously, so it
 * can serve each connection in turn. A connection gets a decoder of its own on its first binary packet (BINARY_EVENT
 * or BINARY_ACK, and their attachments), and keeps it; one per idle connection would cost about 180 bytes.
 */
export declare class PacketDecoder {
    #private;
    /** `maxAttachments` is the most binary attachments one packet may announce. */
    constructor(sink: PacketSink, maxAttachments: number);
    /** Decodes one Engine.IO message: the sink gets its packet, or a parse error. */
    add(data: EngineData): void;
    /** Drops a binary packet still waiting for attachments. */
    destroy(): void;
}
/**
 * Whether a packet socket.io-parser let through may be handled. It refuses an ack id that cannot be represented
 * exactly (it would be answered with another id, `1e+23` on the wire) and an event without a string name (the parser
 * allows a number for old clients, and an EVENT without payload, `2/chat,`; classio routes by string only).
 */
export declare function isPacketSound(packet: Packet): boolean;
