import { decode, encode } from 'notepack.io';
import { PacketType, RESERVED_EVENTS, type Packet } from '../../protocol/packet';
import type { BroadcastOptions } from '../adapter';

/**
 * The wire format of `@socket.io/redis-adapter` 8.x (and of `@socket.io/redis-emitter` 5.x and `socket.io-emitter`
 * 3.2, which publish into it), as classio reads and writes it with `format: 'socket.io'`.
 *
 * Channels, for key prefix `key` (Socket.IO's `key` option, classio's `channel`) and namespace `nsp`:
 * - `${key}#${nsp}#`, or `${key}#${nsp}#${room}#` for a broadcast to exactly one room: `[uid, packet, opts]` in
 *   MessagePack, every server subscribed with the pattern `${key}#${nsp}#*`;
 * - `${key}-request#${nsp}#`: requests, `{ uid, requestId, type, ... }` in JSON or MessagePack (a message whose
 *   first byte is `{` is JSON); a server counts the servers of its cluster as this channel's PUBSUB NUMSUB;
 * - `${key}-response#${nsp}#` and `${key}-response#${nsp}#${uid}#`: answers, in either encoding, matched to their
 *   request by `requestId` (a string unique across the cluster).
 *
 * MessagePack dialects: notepack.io 3 (the adapter 8.x, the emitter 5.x) writes `undefined` as nil (and leaves
 * undefined object fields out), a typed array or ArrayBuffer as `bin`, and a Date as the timestamp extension (-1);
 * notepack.io 2 (`socket.io-emitter` 3.2, the adapter 7.x) writes `undefined` as the extension 0 with one zero
 * byte, an ArrayBuffer as the extension 0 with its bytes, and a Date as an 8-byte extension 0. notepack.io 3 decodes
 * all of them (the extension-0 ArrayBuffer comes back as an ArrayBuffer, which the packet encoder sends as binary),
 * so classio decodes with it and writes only the notepack.io 3 dialect, which every 8.x adapter reads.
 *
 * The decoders never throw and return undefined for anything that is not a well-formed message, so a foreign or
 * malformed publisher crashes nobody.
 */

/** Request and response types of `@socket.io/redis-adapter`. */
export const RequestType = {
  SOCKETS: 0,
  ALL_ROOMS: 1,
  REMOTE_JOIN: 2,
  REMOTE_LEAVE: 3,
  REMOTE_DISCONNECT: 4,
  REMOTE_FETCH: 5,
  SERVER_SIDE_EMIT: 6,
  BROADCAST: 7,
  BROADCAST_CLIENT_COUNT: 8,
  BROADCAST_ACK: 9,
} as const;

/** The channels of one namespace, and the pattern that covers its broadcast channels. */
export interface SocketIoChannels {
  readonly broadcast: string;
  readonly broadcastPattern: string;
  readonly request: string;
  readonly response: string;
  /** The answers meant for this server alone. */
  readonly ownResponse: string;
}

/** The channels of namespace `nsp` under key prefix `key`, for the server `uid`. */
export function socketIoChannels(key: string, nsp: string, uid: string): SocketIoChannels {
  const broadcast = `${key}#${nsp}#`;
  const response = `${key}-response#${nsp}#`;
  return {
    broadcast,
    broadcastPattern: `${broadcast}*`,
    request: `${key}-request#${nsp}#`,
    response,
    ownResponse: `${response}${uid}#`,
  };
}

/** Rooms and exclusions as they travel (`opts` of a broadcast or request; `except` may be absent). */
export interface WireRooms {
  rooms: string[];
  except: string[];
}

/** A broadcast as published on the broadcast channels. */
export interface SocketIoBroadcast {
  readonly uid: string;
  /** The packet's namespace (`/` when the publisher left it out). */
  readonly nsp: string;
  /** `[event, ...args]`. */
  readonly data: unknown[];
  readonly opts: BroadcastOptions;
}

/** A request or an answer: the fields every type may carry, unchecked but for `type` (read per type). */
export interface SocketIoRequest {
  readonly type?: unknown;
  readonly uid?: unknown;
  readonly requestId?: unknown;
  readonly [field: string]: unknown;
}

/** Encodes a broadcast, a request or an answer in MessagePack (notepack.io 3). */
export function encodeSocketIo(value: unknown): Buffer {
  // notepack.io's types say `any` because it also runs in browsers; under Node it encodes into a Buffer.
  return encode(value) as Buffer;
}

/** The packet of a broadcast or a BROADCAST request: always an EVENT, which the receiver encodes for its clients. */
export function toWirePacket(nsp: string, data: unknown): { type: number; data: unknown; nsp: string } {
  return { type: PacketType.EVENT, data, nsp };
}

/** The channel of a broadcast to `rooms`: the room's own channel when there is exactly one. */
export function broadcastChannel(channels: SocketIoChannels, rooms: readonly string[]): string {
  return rooms.length === 1 ? `${channels.broadcast}${rooms[0]}#` : channels.broadcast;
}

/**
 * A broadcast of `data` (`[event, ...args]`) from `uid`, as every server of the format can apply it: the packet
 * is a plain EVENT (a Socket.IO server's encoder finds the binary parts itself, and would mangle a BINARY_EVENT
 * that has no attachment count), and `flags` are only those that mean something to a receiver.
 */
export function encodeBroadcast(
  uid: string,
  nsp: string,
  data: unknown,
  target: WireRooms,
  flags: { volatile?: boolean; compress?: boolean },
): Buffer {
  return encodeSocketIo([uid, toWirePacket(nsp, data), { rooms: target.rooms, except: target.except, flags }]);
}

/** `opts` of a broadcast or request. */
export function toWireRooms(opts: BroadcastOptions): WireRooms {
  return { rooms: [...opts.rooms], except: [...opts.except] };
}

/** Decodes a message of a broadcast channel, or returns undefined when it is not a well-formed broadcast. */
export function decodeBroadcast(data: Buffer): SocketIoBroadcast | undefined {
  const value = decodeSafely(data);
  if (!Array.isArray(value) || typeof value[0] !== 'string') return undefined;
  const packet = value[1] as { type?: unknown; data?: unknown; nsp?: unknown } | null;
  if (!isObject(packet)) return undefined;
  const events = eventData(packet);
  if (events === undefined || (packet.type !== PacketType.EVENT && packet.type !== PacketType.BINARY_EVENT)) {
    return undefined;
  }
  const nsp = packet.nsp === undefined ? '/' : packet.nsp;
  if (typeof nsp !== 'string') return undefined;
  const opts: unknown = value[2] === undefined ? {} : value[2];
  if (!isObject(opts)) return undefined;
  const target = fromWireRooms(opts);
  if (target === undefined) return undefined;
  const flags = isObject(opts.flags) ? opts.flags : {};
  return {
    uid: value[0],
    nsp,
    data: events,
    opts: {
      ...target,
      flags: { volatile: flags.volatile === true, compress: flags.compress !== false },
    },
  };
}

/** Decodes a request or an answer (JSON when its first byte is `{`, MessagePack otherwise), or undefined. */
export function decodeRequest(data: Buffer): SocketIoRequest | undefined {
  let value: unknown;
  if (data[0] === OPEN_BRACE) {
    try {
      value = JSON.parse(data.toString());
    } catch {
      return undefined;
    }
  } else {
    value = decodeSafely(data);
  }
  return isObject(value) && !Array.isArray(value) ? value : undefined;
}

/** The rooms and exclusions of `opts` (`{ rooms, except }`), or undefined when they are not arrays of names. */
export function fromWireRooms(opts: unknown): Pick<BroadcastOptions, 'rooms' | 'except'> | undefined {
  if (!isObject(opts)) return undefined;
  const rooms = toRoomSet(opts.rooms);
  const except = opts.except === undefined ? EMPTY : toRoomSet(opts.except);
  return rooms === undefined || except === undefined ? undefined : { rooms, except };
}

/** A list of room names as a set; Socket.IO lets a room be a number, which classio's rooms hold as its string. */
export function toRoomSet(value: unknown): Set<string> | undefined {
  if (value === undefined) return new Set();
  if (!Array.isArray(value)) return undefined;
  const rooms = new Set<string>();
  for (const room of value) {
    if (typeof room === 'string') rooms.add(room);
    else if (typeof room === 'number') rooms.add(String(room));
    else return undefined;
  }
  return rooms;
}

/** The `[event, ...args]` of a packet from another server, or undefined when it is not an event classio may send. */
export function eventData(packet: { data?: unknown }): unknown[] | undefined {
  const data: unknown = packet.data;
  if (!Array.isArray(data) || typeof data[0] !== 'string' || RESERVED_EVENTS.has(data[0])) return undefined;
  return data as unknown[];
}

/** The packet classio broadcasts for a decoded event. */
export function toPacket(nsp: string, data: unknown[]): Packet {
  return { type: PacketType.EVENT, nsp, data };
}

function decodeSafely(data: Buffer): unknown {
  try {
    return decode(data);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const OPEN_BRACE = 0x7b;
const EMPTY: ReadonlySet<string> = new Set();
