import { PacketType, type Packet } from '../protocol/packet';
import {
  encodeFor,
  type AdapterHost,
  type BroadcastOptions,
  type RecoverySettings,
  type RestoredSession,
  type SessionState,
  type SessionToPersist,
} from './adapter';
import { InMemoryAdapter } from './in-memory-adapter';
import { PacketLog } from './packet-log';

/** A saved session, with the offset at its disconnection and the timer that expires it. */
interface SavedSession extends SessionToPersist {
  readonly disconnectOffset: string;
  readonly disconnectedAt: number;
  readonly timer: NodeJS.Timeout;
}

/**
 * The in-memory adapter with connection state recovery (Socket.IO's `SessionAwareAdapter`): the server uses it in
 * place of the in-memory adapter when `connectionStateRecovery` is on.
 *
 * Every event broadcast without an ack and not volatile (private emits go through here too) gets its offset as its
 * last argument and is kept in a bounded {@link PacketLog}; the sessions of sockets whose transport was lost are
 * kept for `maxDisconnectionDuration`, then dropped with the namespace's `onSessionExpired` told.
 */
export class SessionAwareAdapter extends InMemoryAdapter {
  readonly #settings: RecoverySettings;
  readonly #log: PacketLog;
  readonly #sessions = new Map<string, SavedSession>();

  constructor(host: AdapterHost, settings: RecoverySettings) {
    super(host);
    this.#settings = settings;
    this.#log = new PacketLog(settings);
  }

  /** How many packets are stored for recovery (for tests and monitoring). */
  get storedPackets(): number {
    return this.#log.size;
  }

  /** How many bytes of encoded packets are stored for recovery. */
  get storedBytes(): number {
    return this.#log.bytes;
  }

  /** How many disconnected sessions wait for their client. */
  get savedSessions(): number {
    return this.#sessions.size;
  }

  override close(): void {
    for (const session of this.#sessions.values()) clearTimeout(session.timer);
    this.#sessions.clear();
  }

  override broadcast(packet: Packet, opts: BroadcastOptions): void {
    if (!isStored(packet, opts)) {
      super.broadcast(packet, opts);
      return;
    }
    const offset = this.#log.nextOffset();
    // The offset goes last, where socket.io-client 4.8 reads it (and hands it on to the listener, as Socket.IO does).
    (packet.data as unknown[]).push(offset);
    // The namespace's encoder, so that a custom parser (msgpack) is used for stored packets too.
    const frames = encodeFor(this.host, packet);
    this.#log.append(offset, opts, frames);
    const shouldCompress = opts.flags.compress !== false;
    this.forEachSocket(opts, (socket) =>
      socket.writeStored === undefined
        ? socket.writeEncoded(frames, false, shouldCompress)
        : socket.writeStored(frames, offset, shouldCompress),
    );
  }

  currentOffset(): string {
    return this.#log.currentOffset();
  }

  persistSession(session: SessionToPersist): void {
    const previous = this.#sessions.get(session.pid);
    if (previous !== undefined) clearTimeout(previous.timer);
    const timer = setTimeout(() => this.#expire(session.pid), this.#settings.maxDisconnectionDuration);
    // A saved session must not keep the process alive.
    timer.unref();
    this.#sessions.set(session.pid, {
      ...session,
      disconnectOffset: this.#log.currentOffset(),
      disconnectedAt: Date.now(),
      timer,
    });
  }

  restoreSession(pid: string, offset: string | undefined, restore: (session: RestoredSession) => void): boolean {
    const saved = this.#sessions.get(pid);
    if (saved === undefined) return false;
    this.#sessions.delete(pid);
    clearTimeout(saved.timer);
    const isExpired = saved.disconnectedAt + this.#settings.maxDisconnectionDuration < Date.now();
    const missed = isExpired ? null : this.#log.missedSince(saved, offset);
    if (missed === null) {
      this.host.onSessionExpired?.(stateOf(saved));
      return false;
    }
    restore(restoredFrom(saved, missed));
    return true;
  }

  #expire(pid: string): void {
    const saved = this.#sessions.get(pid);
    if (saved === undefined) return;
    this.#sessions.delete(pid);
    this.host.onSessionExpired?.(stateOf(saved));
  }
}

/** Socket.IO's rule: events without an ack id and not volatile are stored and replayed. */
export function isStored(packet: Packet, opts: BroadcastOptions): boolean {
  return (
    (packet.type === PacketType.EVENT || packet.type === PacketType.BINARY_EVENT) &&
    packet.id === undefined &&
    opts.flags.volatile !== true
  );
}

/** What a session hands on to the owner of its sid: Socket.IO's `Session`. */
export function stateOf(saved: SessionState): SessionState {
  return { sid: saved.sid, pid: saved.pid, rooms: saved.rooms, data: saved.data };
}

/** The session to rebuild from a saved one and the packets it missed; its last offset is the last missed one's. */
export function restoredFrom(saved: SessionToPersist, missed: RestoredSession['missed']): RestoredSession {
  const { sid, pid, rooms, data, firstOffset } = saved;
  const lastOffset = missed.length === 0 ? saved.lastOffset : missed[missed.length - 1].offset;
  return { sid, pid, rooms, data, firstOffset, lastOffset, missed };
}
