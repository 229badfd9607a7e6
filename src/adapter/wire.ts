import { decode, encode } from 'notepack.io';
import type { EngineData } from '../engine/types';
import type { Packet } from '../protocol/packet';
import type { SocketDescription } from './adapter';

/**
 * The cluster wire format, shared by every server process and by the external {@link Emitter}.
 *
 * Why MessagePack (notepack.io, the codec socket.io's own Redis adapter uses) rather than JSON: binary attachments
 * of a packet travel as raw bytes instead of base64 (a third larger, plus an encode/decode pass), and a Buffer
 * stays a Buffer on the far side, so socket.io-parser still turns the packet into a BINARY_EVENT there. Text
 * payloads cost about the same as JSON.
 *
 * Every message is one array whose first two slots are the sender's uid and the message type; processes drop
 * their own messages by uid. Broadcasts and requests go to `${channel}#${nsp}#`, which every server subscribes to;
 * answers go to `${channel}-response#${nsp}#${uid}#`, which only the requester subscribes to.
 */

/** Message types. Requests and fire-and-forget commands are below 20, answers from 20 on. */
export const MessageType = {
  BROADCAST: 1,
  BROADCAST_WITH_ACK: 2,
  SOCKETS_JOIN: 3,
  SOCKETS_LEAVE: 4,
  DISCONNECT_SOCKETS: 5,
  FETCH_SOCKETS: 6,
  SOCKETS: 7,
  SERVER_SIDE_EMIT: 8,
  STORED_BROADCAST: 9,
  BROADCAST_CLIENT_COUNT: 20,
  BROADCAST_ACK: 21,
  FETCH_SOCKETS_RESPONSE: 22,
  SOCKETS_RESPONSE: 23,
  SERVER_SIDE_EMIT_RESPONSE: 24,
} as const;

/** Who a cluster operation targets: rooms (everyone when empty) minus the `except` rooms. */
export type WireTarget = [rooms: string[], except: string[]];

/**
 * The decoded shapes, by type. `requestId` is unique per requesting process (0: no answer wanted). A plain
 * broadcast carries its encoded frames (socket.io-parser output: one string, then the binary attachments), so the
 * receivers write them as they are; a broadcast with acks carries the packet, because every recipient gets its
 * own ack id.
 */
export type WireMessage =
  | [uid: string, type: 1, frames: EngineData[], target: WireTarget, isVolatile: boolean]
  | [uid: string, type: 2, requestId: number, packet: Packet, target: WireTarget, isVolatile: boolean]
  | [uid: string, type: 3 | 4, target: WireTarget, rooms: string[]]
  | [uid: string, type: 5, target: WireTarget, close: boolean]
  | [uid: string, type: 6, requestId: number, target: WireTarget]
  | [uid: string, type: 7, requestId: number, rooms: string[]]
  | [uid: string, type: 8, requestId: number, args: unknown[]]
  | [uid: string, type: 9, packet: Packet, target: WireTarget]
  | [uid: string, type: 20, requestId: number, count: number]
  | [uid: string, type: 21, requestId: number, args: unknown[]]
  | [uid: string, type: 22, requestId: number, sockets: SocketDescription[]]
  | [uid: string, type: 23, requestId: number, sids: string[]]
  | [uid: string, type: 24, requestId: number, args: unknown[]];

/** The channel every server of a cluster subscribes to for namespace `nsp`. */
export function requestChannel(channel: string, nsp: string): string {
  return `${channel}#${nsp}#`;
}

/** The channel on which process `uid` receives answers for namespace `nsp`. */
export function responseChannel(channel: string, nsp: string, uid: string): string {
  return `${channel}-response#${nsp}#${uid}#`;
}

/**
 * The channel of the broadcasts kept for connection state recovery (Redis Streams adapter): every process, the
 * sender included, delivers them as it reads them, so that all deliver them in the stream's order.
 */
export function storedChannel(channel: string, nsp: string): string {
  return `${channel}-stored#${nsp}#`;
}

/** Encodes one message. */
export function encodeMessage(message: WireMessage): Buffer {
  // notepack.io's types say `any` because it also runs in browsers; under Node it encodes into a Buffer.
  return encode(message) as Buffer;
}

/**
 * Decodes one message, or returns undefined for anything that is not a message of this format (a foreign
 * publisher on the same channel must not crash a server).
 */
export function decodeMessage(data: Buffer): WireMessage | undefined {
  let value: unknown;
  try {
    value = decode(data);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'number') return undefined;
  return value as WireMessage;
}
