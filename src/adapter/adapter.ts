import { encodePacket, type Packet } from '../protocol/packet';
import type { PacketEncoder } from '../protocol/custom-parser';
import type { EngineData } from '../engine/types';

/**
 * The adapter contract: room bookkeeping and broadcast for one namespace. The in-memory adapter serves one
 * process; the Redis adapter implements the same interface for a cluster. An adapter sees its namespace only
 * through {@link AdapterHost}.
 */

/** Flags of one broadcast. */
export interface BroadcastFlags {
  /** Only this process's clients (skip the cluster). */
  readonly local?: boolean;
  /** Drop the packet for clients whose transport is not writable right now. */
  readonly volatile?: boolean;
  /** `false` sends it uncompressed even past the compression threshold (`compress(false)`). */
  readonly compress?: boolean;
  /** For broadcasts that await acks: how long to wait, in milliseconds. */
  readonly timeout?: number;
}

/** Who receives a broadcast: sockets in any of `rooms` (all sockets when empty), minus those in any `except` room. */
export interface BroadcastOptions {
  readonly rooms: ReadonlySet<string>;
  readonly except: ReadonlySet<string>;
  readonly flags: BroadcastFlags;
}

/** What an adapter may do with one local socket. */
export interface AdapterSocket {
  readonly id: string;
  /**
   * Writes an already encoded packet (one text frame, then its binary attachments): dropped when `isVolatile` and
   * the transport cannot write at once; uncompressed when `shouldCompress` is false.
   */
  writeEncoded(frames: readonly EngineData[], isVolatile?: boolean, shouldCompress?: boolean): void;
  /** Registers a server-to-client ack id and returns it (for broadcasts that await acks). */
  registerAck(callback: (...args: unknown[]) => void): number;
  /** Joins rooms (used for cluster-wide `socketsJoin`). */
  join(rooms: string | readonly string[]): void;
  leave(room: string): void;
  /** Disconnects the socket (reason `server namespace disconnect`), or its whole connection when `close`. */
  disconnect(close?: boolean): void;
  /** A serialisable description, for `fetchSockets` across the cluster. */
  describe(): SocketDescription;
}

/** A socket as seen from any process of a cluster. */
export interface SocketDescription {
  readonly id: string;
  readonly rooms: string[];
  readonly data: unknown;
  readonly handshake: unknown;
}

/** What an adapter sees of its namespace. */
export interface AdapterHost {
  /** The namespace path, e.g. `/chat`. */
  readonly name: string;
  /** A connected local socket by sid. */
  socket(sid: string): AdapterSocket | undefined;
  /** Delivers a server-to-server event (`serverSideEmit`) received from another process. */
  onServerSideEmit(args: unknown[], reply: ((...args: unknown[]) => void) | null): void;
  /**
   * Encodes a packet as the namespace's clients expect it (the server's `parser` option). Adapters encode every
   * broadcast with it, through {@link encodeFor}; absent means the default parser.
   */
  readonly encode?: PacketEncoder;
}

/** Encodes a broadcast's packet once, with the host's parser (the default one when the host names none). */
export function encodeFor(host: AdapterHost, packet: Packet): EngineData[] {
  return host.encode === undefined ? encodePacket(packet) : host.encode(packet);
}

/** Creates an adapter for a namespace; the server calls it once per namespace. */
export type AdapterFactory = (host: AdapterHost) => Adapter;

/** Room bookkeeping and broadcast for one namespace. */
export interface Adapter {
  /** Resolves once the adapter can serve (for example, once subscribed to Redis). */
  init(): Promise<void> | void;
  /** Releases the adapter's resources (subscriptions, timers). */
  close(): Promise<void> | void;

  /** Adds a local socket to rooms. */
  addAll(sid: string, rooms: Iterable<string>): void;
  /** Removes a local socket from one room. */
  del(sid: string, room: string): void;
  /** Removes a local socket from every room (on disconnect). */
  delAll(sid: string): void;
  /** The rooms a local socket is in, or undefined for an unknown sid. */
  socketRooms(sid: string): ReadonlySet<string> | undefined;
  /** The local rooms and their members (read-only view, for introspection and tests). */
  readonly rooms: ReadonlyMap<string, ReadonlySet<string>>;

  /** Encodes `packet` once and writes the same frames to every matching socket (cluster-wide unless local). */
  broadcast(packet: Packet, opts: BroadcastOptions): void;
  /**
   * Like {@link broadcast}, asking every recipient for an ack. `onCount(n)` is called exactly once, with the
   * number of recipients across the cluster (a cluster adapter sums the counts of every process first);
   * `onAck(args)` is called with each answer, possibly before `onCount`.
   */
  broadcastWithAck(
    packet: Packet,
    opts: BroadcastOptions,
    onCount: (count: number) => void,
    onAck: (args: unknown[]) => void,
  ): void;

  /** The sids in any of `rooms` (all when empty), across the cluster. */
  sockets(rooms: ReadonlySet<string>): Promise<Set<string>>;
  /** Descriptions of the matching sockets, across the cluster. */
  fetchSockets(opts: BroadcastOptions): Promise<SocketDescription[]>;
  /** Makes the matching sockets join `rooms`, across the cluster. */
  addSockets(opts: BroadcastOptions, rooms: readonly string[]): void;
  /** Makes the matching sockets leave `rooms`, across the cluster. */
  delSockets(opts: BroadcastOptions, rooms: readonly string[]): void;
  /** Disconnects the matching sockets, across the cluster. */
  disconnectSockets(opts: BroadcastOptions, close: boolean): void;
  /** Sends an event to the other processes of the cluster (a no-op with one process). */
  serverSideEmit(args: unknown[]): void;
}
