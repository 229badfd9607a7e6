"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PacketLog = void 0;
exports.isFor = isFor;
const node_crypto_1 = require("node:crypto");
/**
 * The packets one process keeps for connection state recovery, bounded by count, bytes and age (whichever comes
 * first evicts the oldest). Offsets are this log's prefix (random per log, so that an offset from another process
 * or an earlier run is not mistaken for one of ours) and a sequence number in base 36, which orders them.
 *
 * The log remembers the newest sequence number it evicted. A session can be recovered when no packet it may have
 * missed was evicted, which is decided by that one number: see {@link missedSince}.
 */
class PacketLog {
    #settings;
    #prefix = `${(0, node_crypto_1.randomBytes)(6).toString('base64url')}~`;
    /** The stored packets, oldest first, from index `#head` (evicted ones are dropped in batches). */
    #packets = [];
    #head = 0;
    #seq = 0;
    #evictedUpTo = 0;
    #bytes = 0;
    constructor(settings) {
        this.#settings = settings;
    }
    /** How many packets are stored. */
    get size() {
        return this.#packets.length - this.#head;
    }
    /** How many bytes of encoded frames are stored. */
    get bytes() {
        return this.#bytes;
    }
    /** The offset of the newest packet (of none yet: sequence 0). */
    currentOffset() {
        return this.#prefix + this.#seq.toString(36);
    }
    /** Takes the next offset, for the packet about to be stored with {@link append}. */
    nextOffset() {
        return this.#prefix + (this.#seq + 1).toString(36);
    }
    /** Stores a packet under the offset {@link nextOffset} gave, then evicts what is past the bounds. */
    append(offset, opts, frames) {
        let bytes = 0;
        for (const frame of frames)
            bytes += typeof frame === 'string' ? Buffer.byteLength(frame) : frame.byteLength;
        const now = Date.now();
        this.#seq++;
        this.#packets.push({ seq: this.#seq, offset, rooms: opts.rooms, except: opts.except, frames, bytes, at: now });
        this.#bytes += bytes;
        this.evict(now);
    }
    /** Drops the oldest packets while the log is past its count or byte bound, or they are older than the window. */
    evict(now) {
        const { maxPackets, maxBytes, maxDisconnectionDuration } = this.#settings;
        const oldest = now - maxDisconnectionDuration;
        const packets = this.#packets;
        while (this.#head < packets.length &&
            (packets.length - this.#head > maxPackets || this.#bytes > maxBytes || packets[this.#head].at < oldest)) {
            const gone = packets[this.#head++];
            this.#bytes -= gone.bytes;
            this.#evictedUpTo = gone.seq;
        }
        // Compact once half of the array is dead, so eviction stays O(1) amortised without a ring buffer's indexing.
        if (this.#head > 1024 && this.#head * 2 > packets.length) {
            this.#packets = packets.slice(this.#head);
            this.#head = 0;
        }
    }
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
    missedSince(session, offset) {
        this.evict(Date.now());
        const first = this.#parse(session.firstOffset);
        const last = this.#parse(session.lastOffset);
        const disconnectedAt = this.#parse(session.disconnectOffset);
        const given = offset === undefined ? first : this.#parse(offset);
        if (first < 0 || last < 0 || disconnectedAt < 0 || given < 0 || given > this.#seq)
            return null;
        const received = Math.max(given, first);
        const from = received >= last ? Math.max(received, disconnectedAt) : received;
        if (this.#evictedUpTo > from)
            return null;
        const rooms = session.rooms;
        const missed = [];
        const packets = this.#packets;
        // Sequence numbers are consecutive, so the first packet after `from` is found by arithmetic.
        const headSeq = packets[this.#head]?.seq;
        const start = headSeq === undefined ? packets.length : this.#head + Math.max(0, from + 1 - headSeq);
        for (let i = start; i < packets.length; i++) {
            const packet = packets[i];
            if (isFor(rooms, packet))
                missed.push({ frames: packet.frames, offset: packet.offset });
        }
        return missed;
    }
    /** The sequence number of one of this log's offsets, or -1 for anything else. */
    #parse(offset) {
        if (typeof offset !== 'string' || !offset.startsWith(this.#prefix))
            return -1;
        const digits = offset.slice(this.#prefix.length);
        if (!/^[0-9a-z]{1,11}$/.test(digits))
            return -1;
        return parseInt(digits, 36);
    }
}
exports.PacketLog = PacketLog;
/** Whether a packet sent to `packet.rooms` minus `packet.except` reached a socket in `rooms` (Socket.IO's rule). */
function isFor(rooms, packet) {
    if (packet.except.size > 0 && rooms.some((room) => packet.except.has(room)))
        return false;
    return packet.rooms.size === 0 || rooms.some((room) => packet.rooms.has(room));
}
//# sourceMappingURL=packet-log.js.map