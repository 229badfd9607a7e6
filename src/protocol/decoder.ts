import { Decoder } from 'socket.io-parser';
import type { EngineData } from '../engine/types';
import { PacketType, decodeEventPacket, type Packet } from './packet';

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

const kOwner = Symbol('classio.packetDecoder');

/** A socket.io-parser decoder that knows which connection's {@link PacketSink} it decodes for. */
interface OwnedDecoder extends Decoder {
  [kOwner]: PacketSink | null;
}

/**
 * Decodes one connection's Engine.IO messages into Socket.IO packets (socket.io-protocol, "Packet encoding").
 *
 * The plain text EVENT or ACK, nearly every message, is taken by {@link decodeEventPacket} without the parser's event
 * emitter. Other text packets go through one decoder shared by every connection: a socket.io-parser decoder keeps
 * state only while it gathers the attachments of a binary packet, and it decodes a text packet synchronously, so it
 * can serve each connection in turn. A connection needs state of its own only from its first binary packet
 * (BINARY_EVENT or BINARY_ACK, and their attachments): until then its messages go through
 * {@link PacketDecoder.decodeShared}, and from then on every message goes through a PacketDecoder of its own (a
 * socket.io-parser decoder gathering attachments must see each message in order). Either per idle connection would
 * cost its size (the two objects, about 240 bytes).
 */
export class PacketDecoder {
  /** The shared decoder of text packets; its owner is the sink whose message it is decoding. */
  static readonly #textDecoder: OwnedDecoder = PacketDecoder.#createDecoder(null);
  readonly #sink: PacketSink;
  readonly #decoder: OwnedDecoder;

  /**
   * Made for a connection's first binary packet (the one {@link decodeShared} declined). `maxAttachments` is the most
   * binary attachments one packet may announce.
   */
  constructor(sink: PacketSink, maxAttachments: number) {
    this.#sink = sink;
    this.#decoder = PacketDecoder.#createDecoder(sink, maxAttachments);
  }

  /**
   * Decodes, for `sink`, a message that needs no decoder of the connection's own: a text packet that is not a binary
   * packet's header. Returns false, having done nothing, for the others (a binary header, an attachment): the
   * connection then needs a PacketDecoder, and keeps it.
   */
  static decodeShared(sink: PacketSink, data: EngineData): boolean {
    if (typeof data !== 'string' || isBinaryPacketHeader(data)) return false;
    // The fast path neither throws nor allocates beyond the packet itself.
    const packet = decodeEventPacket(data);
    if (packet !== null) {
      deliver(sink, packet);
      return true;
    }
    const textDecoder = PacketDecoder.#textDecoder;
    // Saved and restored: a sink may feed another connection's message from within (in-memory connections
    // deliver synchronously).
    const previous = textDecoder[kOwner];
    textDecoder[kOwner] = sink;
    try {
      textDecoder.add(data);
    } catch (err) {
      sink.onParseError((err as Error).message);
    } finally {
      textDecoder[kOwner] = previous;
    }
    return true;
  }

  /** Decodes one Engine.IO message: the sink gets its packet, or a parse error. */
  add(data: EngineData): void {
    try {
      this.#decoder.add(data);
    } catch (err) {
      this.#sink.onParseError((err as Error).message);
    }
  }

  /** Drops a binary packet still waiting for attachments. */
  destroy(): void {
    this.#decoder.destroy();
  }

  static #createDecoder(owner: PacketSink | null, maxAttachments?: number): OwnedDecoder {
    const decoder = new Decoder(maxAttachments === undefined ? undefined : { maxAttachments }) as OwnedDecoder;
    decoder[kOwner] = owner;
    // One shared listener for every decoder: it finds its sink through the decoder, not through a closure.
    decoder.on('decoded', PacketDecoder.#onDecoded);
    return decoder;
  }

  static #onDecoded(this: OwnedDecoder, packet: Packet): void {
    deliver(this[kOwner]!, packet);
  }
}

function deliver(sink: PacketSink, packet: Packet): void {
  if (isPacketSound(packet)) sink.onPacket(packet);
  else sink.onParseError('an ack id past Number.MAX_SAFE_INTEGER or a non-string event name');
}

/**
 * Whether a packet socket.io-parser let through may be handled. It refuses an ack id that cannot be represented
 * exactly (it would be answered with another id, `1e+23` on the wire) and an event without a string name (the parser
 * allows a number for old clients, and an EVENT without payload, `2/chat,`; classio routes by string only).
 */
export function isPacketSound(packet: Packet): boolean {
  if (packet.id !== undefined && !Number.isSafeInteger(packet.id)) return false;
  if (packet.type === PacketType.EVENT || packet.type === PacketType.BINARY_EVENT) {
    return Array.isArray(packet.data) && typeof (packet.data as unknown[])[0] === 'string';
  }
  return true;
}

/** BINARY_EVENT (5) and BINARY_ACK (6) announce attachments: their decoder must wait for them. */
function isBinaryPacketHeader(data: string): boolean {
  const type = data.charCodeAt(0);
  return type === 0x35 || type === 0x36;
}
