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
  /**
   * Writes a packet the adapter stored for connection state recovery, under its `offset` (its last argument), so
   * that the socket knows the last stored packet it was sent. Only called when recovery is on; a socket without
   * it is written to with {@link writeEncoded}. `shouldCompress` as there (default true).
   */
  writeStored?(frames: readonly EngineData[], offset: string, shouldCompress?: boolean): void;
  /**
   * The session this socket would leave if its transport were lost now (null when recovery is off), so that an
   * adapter that keeps sessions outside the process (Redis Streams) can save them while the socket lives.
   */
  sessionState?(): SessionToPersist | null;
}

/**
 * Connection state recovery, as the server resolved its `connectionStateRecovery` option (every field set).
 * Socket.IO's two options, plus the bounds of the packets an adapter keeps for it.
 */
export interface RecoverySettings {
  /** How long a disconnected client's session is kept, in ms (Socket.IO's default: 2 minutes). */
  readonly maxDisconnectionDuration: number;
  /** Whether a recovered client skips the middlewares and class guards (Socket.IO's default: true). */
  readonly skipMiddlewares: boolean;
  /** The most packets kept for recovery, per namespace; past it the oldest go. */
  readonly maxPackets: number;
  /** The most bytes (encoded) of packets kept for recovery, per namespace; past it the oldest go. */
  readonly maxBytes: number;
}

/** What a disconnected socket leaves behind for its client to recover: Socket.IO's `Session`. */
export interface SessionState {
  /** The socket's id, which a recovered socket keeps. */
  readonly sid: string;
  /** The private session id, sent only to this client (in its CONNECT), with which it asks to recover. */
  readonly pid: string;
  /** The socket's rooms when it disconnected, its sid room included. */
  readonly rooms: readonly string[];
  /** `socket.data` (classio's `session`) when it disconnected. */
  readonly data: unknown;
}

/**
 * A session as a socket hands it to its adapter when its transport is lost, with the offsets that tell which
 * stored packets it may have missed.
 */
export interface SessionToPersist extends SessionState {
  /** The offset current when the session began: no earlier packet is the client's. */
  readonly firstOffset: string;
  /** The offset of the last stored packet written to the socket (`firstOffset` when none was). */
  readonly lastOffset: string;
}

/** A session found again: the socket to rebuild, and the packets its client missed, in order, with their offsets. */
export interface RestoredSession extends SessionToPersist {
  readonly missed: readonly { readonly frames: readonly EngineData[]; readonly offset: string }[];
}

/** A socket as seen from any process of a cluster; `SocketData` is the type of its `data`. */
export interface SocketDescription<SocketData = unknown> {
  readonly id: string;
  readonly rooms: string[];
  readonly data: SocketData;
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
  /** The namespace's connection state recovery settings, or null when it is off. */
  readonly recovery?: RecoverySettings | null;
  /** A saved session ended without its client coming back (it expired, or could no longer be recovered). */
  onSessionExpired?(session: SessionState): void;
  /**
   * Encodes a packet as the namespace's clients expect it (the server's `parser` option). Adapters encode every
   * broadcast with it, through {@link encodeFor}; absent means the default parser.
   */
  readonly encode?: PacketEncoder;
  /**
   * The cluster's medium became unreachable (called with the first error of each outage), so that the server counts
   * it (`classio.cluster.outages`) and logs it, whichever way the adapter was created.
   */
  onClusterFault?(err: Error): void;
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

  /**
   * Connection state recovery (only adapters that store packets have these three): the offset of the newest
   * stored packet, what a socket that connects now has "seen".
   */
  currentOffset?(): string;
  /** Keeps the session of a socket whose transport was lost, for `maxDisconnectionDuration`. */
  persistSession?(session: SessionToPersist): void;
  /**
   * Finds the session `pid` (consuming it) and the packets sent since `offset` (the client's last, or undefined when
   * it got none). When everything the client may have missed is still stored, calls `restore` with it, at a point
   * where no newer packet has reached the session's rooms yet (so that the restored socket, which `restore` puts
   * in those rooms, receives each packet exactly once), and returns true; returns false otherwise.
   */
  restoreSession?(
    pid: string,
    offset: string | undefined,
    restore: (session: RestoredSession) => void,
  ): boolean | Promise<boolean>;
}
