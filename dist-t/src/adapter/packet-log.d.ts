import type { EngineData } from '../engine/types';
import type { BroadcastOptions, RecoverySettings, RestoredSession, SessionToPersist } from './adapter';
/**
 * The packets one process keeps for connection state recovery, bounded by count, bytes and age (whichever comes
 * first evicts the oldest). Offsets are this log's prefix (random per log, so that an offset from another process
 * or an earlier run is not mistaken for one of ours) and a sequence number in base 36, which orders them.
 *
 * The log remembers the newest sequence number it evicted. A session can be recovered when no packet it may have
 * missed was evicted, which is decided by that one number: see {@link missedSince}.
 */
export declare class PacketLog {
    #private;
    constructor(settings: RecoverySettings);
    /** How many packets are stored. */
    get size(): number;
    /** How many bytes of encoded frames are stored. */
    get bytes(): number;
    /** The offset of the newest packet (of none yet: sequence 0). */
    currentOffset(): string;
    /** Takes the next offset, for the packet about to be stored with {@link append}. */
    nextOffset(): string;
    /** Stores a packet under the offset {@link nextOffset} gave, then evicts what is past the bounds. */
    append(offset: string, opts: BroadcastOptions, frames: readonly EngineData[]): void;
    /** Drops the oldest packets while the log is past its count or byte bound, or they are older than the window. */
    evict(now: number): void;
    /**
     * The packets of `session` sent after the client's `offset`, or null when some of them may have been evicted.
     *
     * The client needs every packet of its rooms sent after the last one it received. When it received the last one
     * the server wrote to it (`offset` is the session's `lastOffset`, as for a client that was idle), nothing of
     * its rooms came between that offset and the disconnection, so only what was sent since the disconnection
     * must still be held: a long-idle client recovers from a short drop. Otherwise (packets written to a transport
     * that was already dead) everything after its offset must be. An offset older than the session's start is
     * read as the start: packets before it belong to an earlier session of that client.
     */
    missedSince(session: SessionToPersist & {
        readonly disconnectOffset: string;
    }, offset: string | undefined): RestoredSession['missed'] | null;
}
/** Whether a packet sent to `packet.rooms` minus `packet.except` reached a socket in `rooms` (Socket.IO's rule). */
export declare function isFor(rooms: readonly string[], packet: {
    readonly rooms: ReadonlySet<string>;
    readonly except: ReadonlySet<string>;
}): boolean;
