"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisStreamsAdapter = void 0;
const notepack_io_1 = require("notepack.io");
const debug_1 = require("../../debug");
const adapter_1 = require("../adapter");
const packet_log_1 = require("../packet-log");
const peer_adapter_1 = require("../peer-adapter");
const session_aware_adapter_1 = require("../session-aware-adapter");
const wire_1 = require("../wire");
const session_store_1 = require("./session-store");
const stream_link_1 = require("./stream-link");
const debug = (0, debug_1.createDebug)('classio:adapter');
/** How long a saved session's key outlives the window, so that its saver's expiry timer finds it there. */
const EXPIRY_GRACE_MS = 5000;
/** Entries read per XRANGE call while collecting what a recovering client missed. */
const XRANGE_PAGE = 1000;
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
class RedisStreamsAdapter extends peer_adapter_1.PeerAdapter {
    #recovery;
    #settings;
    #storedChannel;
    #store;
    #tracked = new Map();
    /** Sockets whose session `persistSession` saved: their key stays when they leave their rooms. */
    #persisted = new Set();
    #expiries = new Map();
    #refreshAfter;
    #sync = null;
    #storedReady;
    #isClosed = false;
    constructor(host, link, options) {
        super(host, link, options);
        this.#settings = options;
        this.#recovery = host.recovery ?? null;
        this.#storedChannel = (0, wire_1.storedChannel)(options.channel, host.name);
        this.#store = new session_store_1.SessionStore(link.commands);
        // A connected socket's key lives `window + refreshAfter` and is rewritten every `refreshAfter`: after a crash
        // it stays at least the window, as a session saved on disconnect does.
        this.#refreshAfter = Math.max(options.sessionSyncInterval, (this.#recovery?.maxDisconnectionDuration ?? 0) / 2);
        if (this.#recovery !== null) {
            this.#sync = setInterval(() => this.#syncSessions(), options.sessionSyncInterval);
            this.#sync.unref();
        }
    }
    /** How many sessions of connected sockets are mirrored in Redis (for tests and monitoring). */
    get trackedSessions() {
        return this.#tracked.size;
    }
    init() {
        const ready = super.init();
        if (this.#recovery === null)
            return ready;
        this.#storedReady ??= Promise.all([
            ready,
            this.link.subscribe([this.#storedChannel], (data, offset) => this.#onStored(data, offset)),
        ]).then(() => undefined);
        return this.#storedReady;
    }
    async close() {
        if (this.#isClosed)
            return;
        this.#isClosed = true;
        if (this.#sync !== null)
            clearInterval(this.#sync);
        // Saved sessions stay in Redis (their keys expire there), for the clients to recover on another process.
        for (const timer of this.#expiries.values())
            clearTimeout(timer);
        this.#expiries.clear();
        await this.#store.flush();
        if (this.#recovery !== null)
            await this.link.unsubscribe([this.#storedChannel]);
        await super.close();
    }
    broadcast(packet, opts) {
        if (this.#recovery === null || opts.flags.local === true || !(0, session_aware_adapter_1.isStored)(packet, opts)) {
            super.broadcast(packet, opts);
            return;
        }
        this.link.publish(this.#storedChannel, (0, wire_1.encodeMessage)([this.uid, wire_1.MessageType.STORED_BROADCAST, packet, (0, peer_adapter_1.toTarget)(opts)]));
    }
    addAll(sid, rooms) {
        super.addAll(sid, rooms);
        if (this.#recovery === null || this.#tracked.has(sid))
            return;
        const state = this.host.socket(sid)?.sessionState?.();
        if (state != null)
            this.#tracked.set(sid, { key: this.#key(state.pid), written: null, writtenAt: 0 });
    }
    delAll(sid) {
        super.delAll(sid);
        const tracked = this.#tracked.get(sid);
        if (tracked === undefined)
            return;
        this.#tracked.delete(sid);
        // A deliberate disconnect keeps nothing (Socket.IO's rule): the key of the connected socket goes.
        if (this.#persisted.delete(sid) || tracked.written === null)
            return;
        this.#store.delete(tracked.key);
        this.#store.flushSoon();
    }
    currentOffset() {
        return this.link.lastReadId;
    }
    persistSession(session) {
        const recovery = this.#recovery;
        if (recovery === null)
            return;
        const key = this.#key(session.pid);
        const state = encodeState(session);
        if (state === null)
            return;
        this.#persisted.add(session.sid);
        this.#store.set(key, encodeRecord(this.link.lastReadId, Date.now(), state), recovery.maxDisconnectionDuration + EXPIRY_GRACE_MS);
        this.#store.flushSoon();
        clearTimeout(this.#expiries.get(key));
        const timer = setTimeout(() => this.#expire(key, session), recovery.maxDisconnectionDuration);
        timer.unref();
        this.#expiries.set(key, timer);
    }
    async restoreSession(pid, offset, restore) {
        const recovery = this.#recovery;
        if (recovery === null || this.#isClosed)
            return false;
        const key = this.#key(pid);
        const raw = await this.#withTimeout(this.#store.take(key));
        if (raw == null)
            return false;
        clearTimeout(this.#expiries.get(key));
        this.#expiries.delete(key);
        const record = decodeRecord(raw);
        if (record === undefined)
            return false;
        const missed = await this.#missedSince(record, offset, recovery);
        if (missed === null) {
            this.host.onSessionExpired?.(stateOf(record));
            return false;
        }
        // #missedSince returned right after checking that the reader had read nothing newer: no turn of the event
        // loop came in between, so the packets after the last missed one reach the socket through the reader.
        const { sid, rooms, data, firstOffset } = record;
        const lastOffset = missed.length === 0 ? record.lastOffset : missed[missed.length - 1].offset;
        restore({ sid, pid, rooms, data, firstOffset, lastOffset, missed });
        return true;
    }
    /**
     * The stored packets of `record`'s rooms after the client's `offset`, or null when it cannot be recovered
     * (expired, a foreign offset, or the stream no longer holds everything it may have missed). Same rule as the
     * in-process log (`PacketLog.missedSince`): a client that got the last packet written to it needs only what
     * came after its process's read position at the time (`seen`), so a long-idle client recovers from a short drop.
     */
    async #missedSince(record, offset, recovery) {
        if (record.disconnectedAt > 0 && record.disconnectedAt + recovery.maxDisconnectionDuration < Date.now()) {
            return null;
        }
        const given = offset ?? record.firstOffset;
        if (!(0, stream_link_1.isStreamId)(given) || !(0, stream_link_1.isStreamId)(record.firstOffset) || !(0, stream_link_1.isStreamId)(record.lastOffset))
            return null;
        const received = (0, stream_link_1.compareIds)(given, record.firstOffset) > 0 ? given : record.firstOffset;
        const from = (0, stream_link_1.compareIds)(received, record.lastOffset) >= 0 && (0, stream_link_1.compareIds)(record.seen, received) > 0 ? record.seen : received;
        const link = this.link;
        if (!(await link.whenRead(from, this.#settings.requestsTimeout)))
            return null;
        if (!(await this.#isHeldSince(from)))
            return null;
        const missed = [];
        let cursor = from;
        for (;;) {
            const target = link.lastReadId;
            while ((0, stream_link_1.compareIds)(cursor, target) < 0) {
                const page = (await link.commands.xrangeBuffer(this.#settings.streamName, `(${cursor}`, target, 'COUNT', XRANGE_PAGE));
                if (page.length === 0)
                    break;
                for (const [rawId, fields] of page) {
                    cursor = rawId.toString();
                    if (link.isRepeat(cursor))
                        continue;
                    const frames = this.#missedFrames(fields, cursor, record.rooms);
                    if (frames !== null)
                        missed.push({ frames, offset: cursor });
                }
            }
            // Whatever the reader read while the pages came in is fetched too; once it read nothing newer, stop.
            if (link.lastReadId === target)
                return missed;
            if ((0, stream_link_1.compareIds)(cursor, target) < 0)
                cursor = target;
        }
    }
    /** Whether the stream still holds every entry after `from`: nothing was trimmed, or its oldest is not newer. */
    async #isHeldSince(from) {
        let info;
        try {
            info = (await this.link.commands.xinfo('STREAM', this.#settings.streamName));
        }
        catch (err) {
            debug('namespace %s: XINFO STREAM failed: %s', this.host.name, err.message);
            return false;
        }
        const field = (name) => info[info.indexOf(name) + 1];
        if (Number(field('entries-added')) === Number(field('length')))
            return true;
        const first = field('first-entry');
        return first !== null && (0, stream_link_1.compareIds)(first[0], from) <= 0;
    }
    /** The frames of a stored broadcast entry for a socket in `rooms`, with its offset, or null when not for it. */
    #missedFrames(fields, id, rooms) {
        const entry = (0, stream_link_1.parseEntry)(fields);
        if (entry === null || entry.channel !== this.#storedChannel)
            return null;
        const message = (0, wire_1.decodeMessage)(entry.data);
        if (message?.[1] !== wire_1.MessageType.STORED_BROADCAST)
            return null;
        const target = (0, peer_adapter_1.fromTarget)(message[3]);
        if (!(0, packet_log_1.isFor)(rooms, target))
            return null;
        return this.#encodeStored(message[2], id);
    }
    #onStored(data, offset) {
        if (offset === undefined)
            return;
        const message = (0, wire_1.decodeMessage)(data);
        if (message?.[1] !== wire_1.MessageType.STORED_BROADCAST)
            return;
        const opts = (0, peer_adapter_1.fromTarget)(message[3]);
        if (!this.#hasLocalRecipient(opts))
            return;
        const frames = this.#encodeStored(message[2], offset);
        this.forEachSocket(opts, (socket) => socket.writeStored === undefined ? socket.writeEncoded(frames) : socket.writeStored(frames, offset));
    }
    /** The offset goes last, where socket.io-client 4.8 reads it, and the namespace's encoder encodes the packet. */
    #encodeStored(packet, offset) {
        packet.data.push(offset);
        return (0, adapter_1.encodeFor)(this.host, packet);
    }
    /** Whether any local socket may match: most stored packets are private emits to another process's socket. */
    #hasLocalRecipient(opts) {
        if (opts.rooms.size === 0)
            return this.#tracked.size > 0 || this.rooms.size > 0;
        for (const room of opts.rooms)
            if (this.rooms.has(room))
                return true;
        return false;
    }
    #syncSessions() {
        const recovery = this.#recovery;
        if (recovery === null)
            return;
        const now = Date.now();
        const seen = this.link.lastReadId;
        for (const [sid, tracked] of this.#tracked) {
            const session = this.host.socket(sid)?.sessionState?.();
            if (session == null)
                continue;
            const state = encodeState(session);
            if (state === null)
                continue;
            if (tracked.written !== null && now - tracked.writtenAt < this.#refreshAfter && state.equals(tracked.written)) {
                continue;
            }
            tracked.written = state;
            tracked.writtenAt = now;
            this.#store.set(tracked.key, encodeRecord(seen, 0, state), recovery.maxDisconnectionDuration + this.#refreshAfter);
        }
        void this.#store.flush();
    }
    #expire(key, session) {
        this.#expiries.delete(key);
        this.#store.remove(key).then((wasThere) => {
            if (wasThere)
                this.host.onSessionExpired?.(stateOf(session));
        }, (err) => debug('namespace %s: expiring session %s failed: %s', this.host.name, session.sid, err.message));
    }
    #key(pid) {
        return `${this.#settings.sessionKeyPrefix}${this.host.name}#${pid}`;
    }
    /** Redis that does not answer within `requestsTimeout` counts as no session: the client connects anew. */
    #withTimeout(promise) {
        return new Promise((resolve) => {
            const timer = setTimeout(() => resolve(null), this.#settings.requestsTimeout);
            promise.then((value) => {
                clearTimeout(timer);
                resolve(value);
            }, (err) => {
                clearTimeout(timer);
                debug('namespace %s: reading a session failed: %s', this.host.name, err.message);
                resolve(null);
            });
        });
    }
}
exports.RedisStreamsAdapter = RedisStreamsAdapter;
/** The session without the read offset: what is compared to skip unchanged writes. Null when `data` cannot be encoded. */
function encodeState(session) {
    try {
        const { sid, pid, rooms, data, firstOffset, lastOffset } = session;
        return (0, notepack_io_1.encode)([sid, pid, rooms, data, firstOffset, lastOffset]);
    }
    catch (err) {
        debug('the session of %s cannot be saved: %s', session.sid, err.message);
        return null;
    }
}
function encodeRecord(seen, disconnectedAt, state) {
    return (0, notepack_io_1.encode)([seen, disconnectedAt, state]);
}
function decodeRecord(raw) {
    try {
        const [seen, disconnectedAt, state] = (0, notepack_io_1.decode)(raw);
        const [sid, pid, rooms, data, firstOffset, lastOffset] = (0, notepack_io_1.decode)(state);
        if (typeof sid !== 'string' || !Array.isArray(rooms) || typeof seen !== 'string')
            return undefined;
        return { sid, pid, rooms, data, firstOffset, lastOffset, seen, disconnectedAt };
    }
    catch {
        return undefined;
    }
}
function stateOf(session) {
    return { sid: session.sid, pid: session.pid, rooms: session.rooms, data: session.data };
}
//# sourceMappingURL=streams-adapter.js.map