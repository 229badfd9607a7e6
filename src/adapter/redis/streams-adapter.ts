import { decode, encode } from 'notepack.io';
import { createDebug } from '../../debug';
import type { EngineData } from '../../engine/types';
import type { Packet } from '../../protocol/packet';
import {
  encodeFor,
  type AdapterHost,
  type BroadcastOptions,
  type RecoverySettings,
  type RestoredSession,
  type SessionToPersist,
} from '../adapter';
import { isFor } from '../packet-log';
import { fromTarget, PeerAdapter, toTarget, type PeerAdapterOptions } from '../peer-adapter';
import { isStored, restoredFrom, stateOf } from '../session-aware-adapter';
import { decodeMessage, encodeMessage, MessageType, storedChannel } from '../wire';
import { SessionStore } from './session-store';
import { compareIds, isStreamId, parseEntry, type StreamLink } from './stream-link';

const debug = createDebug('classio:adapter');

/** Options of {@link RedisStreamsAdapter}, with their defaults. */
export interface RedisStreamsAdapterOptions extends PeerAdapterOptions {
  /** The stream the link reads (for the XRANGE of a recovery). */
  readonly streamName: string;
  /** Prefix of the session keys: `<prefix><namespace>#<pid>`. */
  readonly sessionKeyPrefix: string;
  /** How often, in ms, the sessions of connected sockets are written to Redis when they changed. */
  readonly sessionSyncInterval: number;
}

/** How long a saved session's key outlives the window, so that its saver's expiry timer finds it there. */
const EXPIRY_GRACE_MS = 5000;
/** Entries read per XRANGE call while collecting what a recovering client missed. */
const XRANGE_PAGE = 1000;

/** A connected socket whose session is mirrored in Redis. */
interface Tracked {
  readonly key: string;
  /** The session as last written (without the read offset), to skip writing an unchanged one. */
  written: Buffer | null;
  writtenAt: number;
}

/** A session as it is kept in Redis. */
interface SessionRecord extends SessionToPersist {
  /** The last stream id its process had read when the record was written. */
  readonly seen: string;
  /** When its transport was lost (ms since the epoch), or 0 for a socket that was connected then. */
  readonly disconnectedAt: number;
}

/**
 * The cluster adapter over a Redis stream ({@link StreamLink}), with connection state recovery across processes.
 *
 * Without recovery it is the {@link PeerAdapter}: a broadcast is written to the local clients, then added to the
 * stream for the other processes. With recovery on (the server's `connectionStateRecovery`), a broadcast that
 * Socket.IO stores (an event without ack, not volatile, private emits included) is only added to the stream, and
 * every process, the sender included, delivers it as it reads it, with the entry id as its offset: all processes
 * deliver in the stream's one order, so that a client that comes back to any of them receives each missed packet
 * exactly once. The local clients of the sender get it one Redis round trip later than without recovery.
 *
 * Sessions live in Redis under `<sessionKeyPrefix><namespace>#<pid>`. A connected socket's session (id, rooms,
 * `data`, last offset) is written every `sessionSyncInterval` ms when it changed, so a process killed with SIGKILL
 * leaves sessions at most that old for its clients to recover elsewhere; a lost transport writes it at once.
 * Restoring a session reads and deletes its key (GETDEL), so only one process restores it; the missed packets
 * are read from the stream after the client's offset (XRANGE), which fails cleanly when the stream was trimmed
 * past it.
 */
export class RedisStreamsAdapter extends PeerAdapter<StreamLink> {
  readonly #recovery: RecoverySettings | null;
  readonly #settings: RedisStreamsAdapterOptions;
  readonly #storedChannel: string;
  readonly #store: SessionStore;
  readonly #tracked = new Map<string, Tracked>();
  /** Sockets whose session `persistSession` saved: their key stays when they leave their rooms. */
  readonly #persisted = new Set<string>();
  readonly #expiries = new Map<string, NodeJS.Timeout>();
  readonly #refreshAfter: number;
  #sync: NodeJS.Timeout | null = null;
  #storedReady: Promise<void> | undefined;
  #isClosed = false;

  constructor(host: AdapterHost, link: StreamLink, options: RedisStreamsAdapterOptions) {
    super(host, link, options);
    this.#settings = options;
    this.#recovery = host.recovery ?? null;
    this.#storedChannel = storedChannel(options.channel, host.name);
    this.#store = new SessionStore(link.commands);
    // A connected socket's key lives `window + refreshAfter` and is rewritten every `refreshAfter`: after a crash
    // it stays at least the window, as a session saved on disconnect does.
    this.#refreshAfter = Math.max(options.sessionSyncInterval, (this.#recovery?.maxDisconnectionDuration ?? 0) / 2);
    if (this.#recovery !== null) {
      this.#sync = setInterval(() => this.#syncSessions(), options.sessionSyncInterval);
      this.#sync.unref();
    }
  }

  /** How many sessions of connected sockets are mirrored in Redis (for tests and monitoring). */
  get trackedSessions(): number {
    return this.#tracked.size;
  }

  override init(): Promise<void> {
    const ready = super.init();
    if (this.#recovery === null) return ready;
    this.#storedReady ??= Promise.all([
      ready,
      this.link.subscribe([this.#storedChannel], (data, offset) => this.#onStored(data, offset)),
    ]).then(() => undefined);
    return this.#storedReady;
  }

  override async close(): Promise<void> {
    if (this.#isClosed) return;
    this.#isClosed = true;
    if (this.#sync !== null) clearInterval(this.#sync);
    // Saved sessions stay in Redis (their keys expire there), for the clients to recover on another process.
    for (const timer of this.#expiries.values()) clearTimeout(timer);
    this.#expiries.clear();
    await this.#store.flush();
    if (this.#recovery !== null) await this.link.unsubscribe([this.#storedChannel]);
    await super.close();
  }

  override broadcast(packet: Packet, opts: BroadcastOptions): void {
    if (this.#recovery === null || opts.flags.local === true || !isStored(packet, opts)) {
      super.broadcast(packet, opts);
      return;
    }
    this.link.publish(
      this.#storedChannel,
      encodeMessage([this.uid, MessageType.STORED_BROADCAST, packet, toTarget(opts)]),
    );
  }

  override addAll(sid: string, rooms: Iterable<string>): void {
    super.addAll(sid, rooms);
    if (this.#recovery === null || this.#tracked.has(sid)) return;
    const state = this.host.socket(sid)?.sessionState?.();
    if (state != null) this.#tracked.set(sid, { key: this.#key(state.pid), written: null, writtenAt: 0 });
  }

  override delAll(sid: string): void {
    super.delAll(sid);
    const tracked = this.#tracked.get(sid);
    if (tracked === undefined) return;
    this.#tracked.delete(sid);
    // A deliberate disconnect keeps nothing (Socket.IO's rule): the key of the connected socket goes.
    if (this.#persisted.delete(sid) || tracked.written === null) return;
    this.#store.delete(tracked.key);
    this.#store.flushSoon();
  }

  currentOffset(): string {
    return this.link.lastReadId;
  }

  persistSession(session: SessionToPersist): void {
    const recovery = this.#recovery;
    if (recovery === null) return;
    const key = this.#key(session.pid);
    const state = encodeState(session);
    if (state === null) return;
    this.#persisted.add(session.sid);
    this.#store.set(
      key,
      encodeRecord(this.link.lastReadId, Date.now(), state),
      recovery.maxDisconnectionDuration + EXPIRY_GRACE_MS,
    );
    this.#store.flushSoon();
    clearTimeout(this.#expiries.get(key));
    const timer = setTimeout(() => this.#expire(key, session), recovery.maxDisconnectionDuration);
    timer.unref();
    this.#expiries.set(key, timer);
  }

  async restoreSession(
    pid: string,
    offset: string | undefined,
    restore: (session: RestoredSession) => void,
  ): Promise<boolean> {
    const recovery = this.#recovery;
    if (recovery === null || this.#isClosed) return false;
    const key = this.#key(pid);
    const raw = await this.#withTimeout(this.#store.take(key));
    if (raw == null) return false;
    clearTimeout(this.#expiries.get(key));
    this.#expiries.delete(key);
    const record = decodeRecord(raw);
    if (record === undefined) return false;
    const missed = await this.#missedSince(record, offset, recovery);
    if (missed === null) {
      this.host.onSessionExpired?.(stateOf(record));
      return false;
    }
    // #missedSince returned right after checking that the reader had read nothing newer: no turn of the event
    // loop came in between, so the packets after the last missed one reach the socket through the reader.
    restore(restoredFrom(record, missed));
    return true;
  }

  /**
   * The stored packets of `record`'s rooms after the client's `offset`, or null when it cannot be recovered
   * (expired, a foreign offset, or the stream no longer holds everything it may have missed). Same rule as the
   * in-process log (`PacketLog.missedSince`): a client that got the last packet written to it needs only what
   * came after its process's read position at the time (`seen`), so a long-idle client recovers from a short drop.
   */
  async #missedSince(
    record: SessionRecord,
    offset: string | undefined,
    recovery: RecoverySettings,
  ): Promise<RestoredSession['missed'] | null> {
    if (record.disconnectedAt > 0 && record.disconnectedAt + recovery.maxDisconnectionDuration < Date.now()) {
      return null;
    }
    const given = offset ?? record.firstOffset;
    if (!isStreamId(given) || !isStreamId(record.firstOffset) || !isStreamId(record.lastOffset)) return null;
    const received = compareIds(given, record.firstOffset) > 0 ? given : record.firstOffset;
    const from =
      compareIds(received, record.lastOffset) >= 0 && compareIds(record.seen, received) > 0 ? record.seen : received;
    const link = this.link;
    if (!(await link.whenRead(from, this.#settings.requestsTimeout))) return null;
    if (!(await this.#isHeldSince(from))) return null;
    const missed: { frames: readonly EngineData[]; offset: string }[] = [];
    let cursor = from;
    for (;;) {
      const target = link.lastReadId;
      while (compareIds(cursor, target) < 0) {
        const page = (await link.commands.xrangeBuffer(
          this.#settings.streamName,
          `(${cursor}`,
          target,
          'COUNT',
          XRANGE_PAGE,
        )) as [Buffer, Buffer[]][];
        if (page.length === 0) break;
        for (const [rawId, fields] of page) {
          cursor = rawId.toString();
          if (link.isRepeat(cursor)) continue;
          const frames = this.#missedFrames(fields, cursor, record.rooms);
          if (frames !== null) missed.push({ frames, offset: cursor });
        }
      }
      // Whatever the reader read while the pages came in is fetched too; once it read nothing newer, stop.
      if (link.lastReadId === target) return missed;
      if (compareIds(cursor, target) < 0) cursor = target;
    }
  }

  /** Whether the stream still holds every entry after `from`: nothing was trimmed, or its oldest is not newer. */
  async #isHeldSince(from: string): Promise<boolean> {
    let info: unknown[];
    try {
      info = (await this.link.commands.xinfo('STREAM', this.#settings.streamName)) as unknown[];
    } catch (err) {
      debug('namespace %s: XINFO STREAM failed: %s', this.host.name, (err as Error).message);
      return false;
    }
    const field = (name: string) => info[info.indexOf(name) + 1];
    if (Number(field('entries-added')) === Number(field('length'))) return true;
    const first = field('first-entry') as [string, unknown] | null;
    return first !== null && compareIds(first[0], from) <= 0;
  }

  /** The frames of a stored broadcast entry for a socket in `rooms`, with its offset, or null when not for it. */
  #missedFrames(fields: Buffer[], id: string, rooms: readonly string[]): EngineData[] | null {
    const entry = parseEntry(fields);
    if (entry === null || entry.channel !== this.#storedChannel) return null;
    const message = decodeMessage(entry.data);
    if (message?.[1] !== MessageType.STORED_BROADCAST) return null;
    const target = fromTarget(message[3]);
    if (!isFor(rooms, target)) return null;
    return this.#encodeStored(message[2], id);
  }

  #onStored(data: Buffer, offset: string | undefined): void {
    if (offset === undefined) return;
    const message = decodeMessage(data);
    if (message?.[1] !== MessageType.STORED_BROADCAST) return;
    const opts = fromTarget(message[3]);
    if (!this.#hasLocalRecipient(opts)) return;
    const frames = this.#encodeStored(message[2], offset);
    this.forEachSocket(opts, (socket) =>
      socket.writeStored === undefined ? socket.writeEncoded(frames) : socket.writeStored(frames, offset),
    );
  }

  /** The offset goes last, where socket.io-client 4.8 reads it, and the namespace's encoder encodes the packet. */
  #encodeStored(packet: Packet, offset: string): EngineData[] {
    (packet.data as unknown[]).push(offset);
    return encodeFor(this.host, packet);
  }

  /** Whether any local socket may match: most stored packets are private emits to another process's socket. */
  #hasLocalRecipient(opts: BroadcastOptions): boolean {
    if (opts.rooms.size === 0) return this.#tracked.size > 0 || this.rooms.size > 0;
    for (const room of opts.rooms) if (this.rooms.has(room)) return true;
    return false;
  }

  #syncSessions(): void {
    const recovery = this.#recovery;
    if (recovery === null) return;
    const now = Date.now();
    const seen = this.link.lastReadId;
    for (const [sid, tracked] of this.#tracked) {
      const session = this.host.socket(sid)?.sessionState?.();
      if (session == null) continue;
      const state = encodeState(session);
      if (state === null) continue;
      if (tracked.written !== null && now - tracked.writtenAt < this.#refreshAfter && state.equals(tracked.written)) {
        continue;
      }
      tracked.written = state;
      tracked.writtenAt = now;
      this.#store.set(
        tracked.key,
        encodeRecord(seen, 0, state),
        recovery.maxDisconnectionDuration + this.#refreshAfter,
      );
    }
    void this.#store.flush();
  }

  #expire(key: string, session: SessionToPersist): void {
    this.#expiries.delete(key);
    this.#store.remove(key).then(
      (wasThere) => {
        if (wasThere) this.host.onSessionExpired?.(stateOf(session));
      },
      (err: Error) => debug('namespace %s: expiring session %s failed: %s', this.host.name, session.sid, err.message),
    );
  }

  #key(pid: string): string {
    return `${this.#settings.sessionKeyPrefix}${this.host.name}#${pid}`;
  }

  /** Redis that does not answer within `requestsTimeout` counts as no session: the client connects anew. */
  #withTimeout<T>(promise: Promise<T>): Promise<T | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), this.#settings.requestsTimeout);
      promise.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (err: Error) => {
          clearTimeout(timer);
          debug('namespace %s: reading a session failed: %s', this.host.name, err.message);
          resolve(null);
        },
      );
    });
  }
}

/** The session without the read offset: what is compared to skip unchanged writes. Null when `data` cannot be encoded. */
function encodeState(session: SessionToPersist): Buffer | null {
  try {
    const { sid, pid, rooms, data, firstOffset, lastOffset } = session;
    return encode([sid, pid, rooms, data, firstOffset, lastOffset]) as Buffer;
  } catch (err) {
    debug('the session of %s cannot be saved: %s', session.sid, (err as Error).message);
    return null;
  }
}

function encodeRecord(seen: string, disconnectedAt: number, state: Buffer): Buffer {
  return encode([seen, disconnectedAt, state]) as Buffer;
}

function decodeRecord(raw: Buffer): SessionRecord | undefined {
  try {
    const [seen, disconnectedAt, state] = decode(raw) as [string, number, Buffer];
    const [sid, pid, rooms, data, firstOffset, lastOffset] = decode(state) as [
      string,
      string,
      string[],
      unknown,
      string,
      string,
    ];
    if (typeof sid !== 'string' || !Array.isArray(rooms) || typeof seen !== 'string') return undefined;
    return { sid, pid, rooms, data, firstOffset, lastOffset, seen, disconnectedAt };
  } catch {
    return undefined;
  }
}
