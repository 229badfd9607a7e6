import { type Packet } from '../protocol/packet';
import { type AdapterHost, type BroadcastOptions, type RecoverySettings, type RestoredSession, type SessionToPersist } from './adapter';
import { InMemoryAdapter } from './in-memory-adapter';
/**
 * The in-memory adapter with connection state recovery (Socket.IO's `SessionAwareAdapter`): the server uses it in
 * place of the in-memory adapter when `connectionStateRecovery` is on.
 *
 * Every event broadcast without an ack and not volatile (private emits go through here too) gets its offset as its
 * last argument and is kept in a bounded {@link PacketLog}; the sessions of sockets whose transport was lost are
 * kept for `maxDisconnectionDuration`, then dropped with the namespace's `onSessionExpired` told.
 */
export declare class SessionAwareAdapter extends InMemoryAdapter {
    #private;
    constructor(host: AdapterHost, settings: RecoverySettings);
    /** How many packets are stored for recovery (for tests and monitoring). */
    get storedPackets(): number;
    /** How many bytes of encoded packets are stored for recovery. */
    get storedBytes(): number;
    /** How many disconnected sessions wait for their client. */
    get savedSessions(): number;
    close(): void;
    broadcast(packet: Packet, opts: BroadcastOptions): void;
    currentOffset(): string;
    persistSession(session: SessionToPersist): void;
    restoreSession(pid: string, offset: string | undefined, restore: (session: RestoredSession) => void): boolean;
}
/** Socket.IO's rule: events without an ack id and not volatile are stored and replayed. */
export declare function isStored(packet: Packet, opts: BroadcastOptions): boolean;
