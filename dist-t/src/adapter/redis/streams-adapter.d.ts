import type { Packet } from '../../protocol/packet';
import { type AdapterHost, type BroadcastOptions, type RestoredSession, type SessionToPersist } from '../adapter';
import { PeerAdapter, type PeerAdapterOptions } from '../peer-adapter';
import { type StreamLink } from './stream-link';
/** Options of {@link RedisStreamsAdapter}, with their defaults. */
export interface RedisStreamsAdapterOptions extends PeerAdapterOptions {
    /** The stream the link reads (for the XRANGE of a recovery). */
    readonly streamName: string;
    /** Prefix of the session keys: `<prefix><namespace>#<pid>`. */
    readonly sessionKeyPrefix: string;
    /** How often, in ms, the sessions of connected sockets are written to Redis when they changed. */
    readonly sessionSyncInterval: number;
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
export declare class RedisStreamsAdapter extends PeerAdapter<StreamLink> {
    #private;
    constructor(host: AdapterHost, link: StreamLink, options: RedisStreamsAdapterOptions);
    /** How many sessions of connected sockets are mirrored in Redis (for tests and monitoring). */
    get trackedSessions(): number;
    init(): Promise<void>;
    close(): Promise<void>;
    broadcast(packet: Packet, opts: BroadcastOptions): void;
    addAll(sid: string, rooms: Iterable<string>): void;
    delAll(sid: string): void;
    currentOffset(): string;
    persistSession(session: SessionToPersist): void;
    restoreSession(pid: string, offset: string | undefined, restore: (session: RestoredSession) => void): Promise<boolean>;
}
