"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SessionAwareAdapter = void 0;
exports.isStored = isStored;
const packet_1 = require("../protocol/packet");
const adapter_1 = require("./adapter");
const in_memory_adapter_1 = require("./in-memory-adapter");
const packet_log_1 = require("./packet-log");
/**
 * The in-memory adapter with connection state recovery (Socket.IO's `SessionAwareAdapter`): the server uses it in
 * place of the in-memory adapter when `connectionStateRecovery` is on.
 *
 * Every event broadcast without an ack and not volatile (private emits go through here too) gets its offset as its
 * last argument and is kept in a bounded {@link PacketLog}; the sessions of sockets whose transport was lost are
 * kept for `maxDisconnectionDuration`, then dropped with the namespace's `onSessionExpired` told.
 */
class SessionAwareAdapter extends in_memory_adapter_1.InMemoryAdapter {
    #settings;
    #log;
    #sessions = new Map();
    constructor(host, settings) {
        super(host);
        this.#settings = settings;
        this.#log = new packet_log_1.PacketLog(settings);
    }
    /** How many packets are stored for recovery (for tests and monitoring). */
    get storedPackets() {
        return this.#log.size;
    }
    /** How many bytes of encoded packets are stored for recovery. */
    get storedBytes() {
        return this.#log.bytes;
    }
    /** How many disconnected sessions wait for their client. */
    get savedSessions() {
        return this.#sessions.size;
    }
    close() {
        for (const session of this.#sessions.values())
            clearTimeout(session.timer);
        this.#sessions.clear();
    }
    broadcast(packet, opts) {
        if (!isStored(packet, opts)) {
            super.broadcast(packet, opts);
            return;
        }
        const offset = this.#log.nextOffset();
        // The offset goes last, where socket.io-client 4.8 reads it (and hands it on to the listener, as Socket.IO does).
        packet.data.push(offset);
        // The namespace's encoder, so that a custom parser (msgpack) is used for stored packets too.
        const frames = require("../protocol/packet").encodePacket(packet);
        this.#log.append(offset, opts, frames);
        this.forEachSocket(opts, (socket) => socket.writeStored === undefined ? socket.writeEncoded(frames) : socket.writeStored(frames, offset));
    }
    currentOffset() {
        return this.#log.currentOffset();
    }
    persistSession(session) {
        const previous = this.#sessions.get(session.pid);
        if (previous !== undefined)
            clearTimeout(previous.timer);
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
    restoreSession(pid, offset, restore) {
        const saved = this.#sessions.get(pid);
        if (saved === undefined)
            return false;
        this.#sessions.delete(pid);
        clearTimeout(saved.timer);
        const isExpired = saved.disconnectedAt + this.#settings.maxDisconnectionDuration < Date.now();
        const missed = isExpired ? null : this.#log.missedSince(saved, offset);
        if (missed === null) {
            this.host.onSessionExpired?.(stateOf(saved));
            return false;
        }
        const { sid, rooms, data, firstOffset } = saved;
        const lastOffset = missed.length === 0 ? saved.lastOffset : missed[missed.length - 1].offset;
        restore({ sid, pid, rooms, data, firstOffset, lastOffset, missed });
        return true;
    }
    #expire(pid) {
        const saved = this.#sessions.get(pid);
        if (saved === undefined)
            return;
        this.#sessions.delete(pid);
        this.host.onSessionExpired?.(stateOf(saved));
    }
}
exports.SessionAwareAdapter = SessionAwareAdapter;
/** Socket.IO's rule: events without an ack id and not volatile are stored and replayed. */
function isStored(packet, opts) {
    return ((packet.type === packet_1.PacketType.EVENT || packet.type === packet_1.PacketType.BINARY_EVENT) &&
        packet.id === undefined &&
        opts.flags.volatile !== true);
}
function stateOf(saved) {
    return { sid: saved.sid, pid: saved.pid, rooms: saved.rooms, data: saved.data };
}
//# sourceMappingURL=session-aware-adapter.js.map