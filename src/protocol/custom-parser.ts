import type { EngineData } from '../engine/types';
import { ConfigurationError } from '../errors';
import type { PacketSink } from './decoder';
import { isPacketSound } from './decoder';
import { isMsgpackWellFormed } from './msgpack-bounds';
import { PacketType, RESERVED_EVENTS, toBuffer, type Packet } from './packet';

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
  Encoder: new () => { encode(packet: Packet): unknown };
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
export function checkParser(parser: unknown): asserts parser is Parser | null {
  if (parser === null) return;
  const candidate = typeof parser === 'object' ? (parser as { Encoder?: unknown; Decoder?: unknown }) : null;
  const isValid =
    candidate !== null &&
    typeof candidate.Encoder === 'function' &&
    typeof candidate.Decoder === 'function' &&
    typeof (candidate.Encoder as { prototype?: { encode?: unknown } }).prototype?.encode === 'function' &&
    typeof (candidate.Decoder as { prototype?: { add?: unknown } }).prototype?.add === 'function';
  if (!isValid) {
    throw new ConfigurationError(
      'option "parser" must be a Socket.IO parser: an object with an Encoder class (with encode(packet)) and a ' +
        "Decoder class (with add(data)), such as require('socket.io-msgpack-parser')",
    );
  }
}

/**
 * The encoder of a custom parser as a {@link PacketEncoder}. One encoder serves the whole server (Socket.IO shares
 * one as well: an encoder keeps no state between packets). What it returns is normalised to what the engine
 * sends: strings stay, binary data becomes a Buffer over the same bytes.
 */
export function createCustomEncoder(parser: Parser): PacketEncoder {
  const encoder = new parser.Encoder();
  return (packet) => {
    const result = encoder.encode(packet);
    const encoded = Array.isArray(result) ? (result as unknown[]) : [result];
    for (let i = 0; i < encoded.length; i++) {
      const frame = encoded[i];
      if (typeof frame !== 'string' && !Buffer.isBuffer(frame)) encoded[i] = toBuffer(frame);
    }
    return encoded as EngineData[];
  };
}

const kOwner = Symbol('classio.customPacketDecoder');

interface OwnedParserDecoder extends ParserDecoder {
  [kOwner]: CustomPacketDecoder;
}

/**
 * One connection's decoder when the server has a custom parser: the parser's own `Decoder`, one per connection
 * (a custom decoder may keep state between messages). Whatever it throws, and any packet it lets through that
 * classio could not handle safely (see {@link isCustomPacketSound}), is a parse error of this connection only.
 */
export class CustomPacketDecoder implements ConnectionDecoder {
  readonly #sink: PacketSink;
  readonly #decoder: OwnedParserDecoder;
  readonly #isWellFormed: ((data: EngineData) => boolean) | null;

  constructor(sink: PacketSink, parser: Parser) {
    this.#sink = sink;
    this.#isWellFormed = wellFormedCheckOf(parser);
    this.#decoder = new parser.Decoder() as OwnedParserDecoder;
    this.#decoder[kOwner] = this;
    // A shared listener that finds its owner through the decoder, not a closure per connection.
    this.#decoder.on('decoded', CustomPacketDecoder.#onDecoded);
  }

  add(data: EngineData): void {
    if (this.#isWellFormed !== null && !this.#isWellFormed(data)) {
      this.#sink.onParseError('not a well-formed msgpack message');
      return;
    }
    try {
      this.#decoder.add(data);
    } catch (err) {
      this.#sink.onParseError(err instanceof Error ? err.message : 'the parser threw a non-error');
    }
  }

  destroy(): void {
    try {
      this.#decoder.destroy();
    } catch {
      // The connection is gone either way; a parser failing to clean up must not disturb the close.
    }
  }

  static #onDecoded(this: OwnedParserDecoder, packet: Packet): void {
    const owner = this[kOwner];
    if (isCustomPacketSound(packet)) owner.#sink.onPacket(packet);
    else owner.#sink.onParseError('the parser decoded a packet of an unknown shape');
  }
}

/**
 * Whether a packet from a custom decoder may be handled. A custom parser checks what it likes (msgpack's checks the
 * type, namespace, payload and id), so the shape socket.io-parser guarantees is checked again here: a known type,
 * a namespace path, an array payload for events and acks with a string, non-reserved event name, an object (or
 * nothing) for CONNECT, and an ack id that is a safe integer.
 */
export function isCustomPacketSound(packet: unknown): packet is Packet {
  if (typeof packet !== 'object' || packet === null) return false;
  const { type, nsp, id } = packet as Packet;
  const data: unknown = (packet as Packet).data;
  if (typeof nsp !== 'string' || !nsp.startsWith('/')) return false;
  if (id !== undefined && !(typeof id === 'number' && id >= 0)) return false;
  switch (type) {
    case PacketType.CONNECT:
      return data === undefined || (typeof data === 'object' && data !== null && !Array.isArray(data));
    case PacketType.DISCONNECT:
      return true;
    case PacketType.EVENT:
    case PacketType.BINARY_EVENT:
      if (!Array.isArray(data) || RESERVED_EVENTS.has(data[0] as string)) return false;
      return isPacketSound(packet as Packet);
    case PacketType.ACK:
    case PacketType.BINARY_ACK:
      return id !== undefined && Array.isArray(data) && isPacketSound(packet as Packet);
    default:
      // CONNECT_ERROR goes server to client only.
      return false;
  }
}

/** The check each parser's messages pass before its decoder sees them, found once per parser. */
const wellFormedChecks = new WeakMap<Parser, ((data: EngineData) => boolean) | null>();

/**
 * socket.io-msgpack-parser's messages are checked with {@link isMsgpackWellFormed} first (its decoder trusts the
 * lengths a message declares); it is recognised by identity, as the copy this process resolves. Other parsers are
 * trusted to bound their own work.
 */
function wellFormedCheckOf(parser: Parser): ((data: EngineData) => boolean) | null {
  let check = wellFormedChecks.get(parser);
  if (check === undefined) {
    check = parser.Decoder === loadMsgpackDecoder() ? isMsgpackWellFormed : null;
    wellFormedChecks.set(parser, check);
  }
  return check;
}

function loadMsgpackDecoder(): unknown {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional module, looked up only to compare
    return (require('socket.io-msgpack-parser') as { Decoder?: unknown }).Decoder;
  } catch {
    return undefined;
  }
}
