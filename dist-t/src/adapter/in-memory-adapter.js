"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InMemoryAdapter = void 0;
const packet_1 = require("../protocol/packet");
const adapter_1 = require("./adapter");
/**
 * The default adapter: rooms and broadcast for the clients of one process.
 *
 * Rooms are kept twice (room -> sids and sid -> rooms) so that both "who is in this room" (broadcast) and "which
 * rooms is this socket in" (leave on disconnect) are one lookup. A broadcast is encoded once and the same frames
 * are written to every recipient.
 */
class InMemoryAdapter {
    #sids;
    constructor(host) {
        this.rooms = new Map();
        this.#sids = new Map();
        this.host = host;
    }
    init() { }
    close() { }
    addAll(sid, rooms) {
        let joined = this.#sids.get(sid);
        if (joined === undefined) {
            joined = new Set();
            this.#sids.set(sid, joined);
        }
        for (const room of rooms) {
            joined.add(room);
            let members = this.rooms.get(room);
            if (members === undefined) {
                members = new Set();
                this.rooms.set(room, members);
            }
            members.add(sid);
        }
    }
    del(sid, room) {
        this.#sids.get(sid)?.delete(room);
        this.#removeMember(room, sid);
    }
    delAll(sid) {
        const joined = this.#sids.get(sid);
        if (joined === undefined)
            return;
        for (const room of joined)
            this.#removeMember(room, sid);
        this.#sids.delete(sid);
    }
    socketRooms(sid) {
        return this.#sids.get(sid);
    }
    broadcast(packet, opts) {
        const frames = (0, adapter_1.encodeFor)(this.host, packet);
        const isVolatile = opts.flags.volatile === true;
        const shouldCompress = opts.flags.compress !== false;
        this.forEachSocket(opts, (socket) => socket.writeEncoded(frames, isVolatile, shouldCompress));
    }
    broadcastWithAck(packet, opts, onCount, onAck) {
        // Each recipient needs its own ack id, so the packet is encoded per socket here (as the reference does).
        let count = 0;
        this.forEachSocket(opts, (socket) => {
            let id;
            try {
                id = socket.registerAck((...args) => onAck(args));
            }
            catch {
                // The socket awaits maxPendingAcks answers already: it is left out and not counted.
                return;
            }
            count++;
            const type = packet.type === packet_1.PacketType.BINARY_EVENT ? packet_1.PacketType.BINARY_EVENT : packet_1.PacketType.EVENT;
            socket.writeEncoded((0, adapter_1.encodeFor)(this.host, { type, nsp: packet.nsp, data: packet.data, id }));
        });
        onCount(count);
    }
    sockets(rooms) {
        const sids = new Set();
        this.forEachSocket({ rooms, except: EMPTY, flags: {} }, (socket) => sids.add(socket.id));
        return Promise.resolve(sids);
    }
    fetchSockets(opts) {
        const found = [];
        this.forEachSocket(opts, (socket) => found.push(socket.describe()));
        return Promise.resolve(found);
    }
    addSockets(opts, rooms) {
        for (const socket of this.#collect(opts))
            socket.join(rooms);
    }
    delSockets(opts, rooms) {
        for (const socket of this.#collect(opts))
            for (const room of rooms)
                socket.leave(room);
    }
    disconnectSockets(opts, close) {
        for (const socket of this.#collect(opts))
            socket.disconnect(close);
    }
    /** One process has no peers: a server-side emit reaches nobody. */
    serverSideEmit(_args) { }
    /**
     * Calls `fn` once for every local socket matching `opts`, walking the live room sets without copying them (a
     * fan-out to thousands of sockets allocates nothing per recipient), so `fn` must not change rooms: operations
     * that do (join, leave, disconnect) collect their recipients first with `#collect`.
     */
    forEachSocket(opts, fn) {
        const excluded = this.#excluded(opts.except);
        const { rooms } = opts;
        if (rooms.size === 0) {
            for (const sid of this.#sids.keys()) {
                if (excluded !== null && excluded.has(sid))
                    continue;
                const socket = this.host.socket(sid);
                if (socket !== undefined)
                    fn(socket);
            }
            return;
        }
        if (rooms.size === 1) {
            // The common case (one room, often the sid room): no de-duplication needed.
            const [room] = rooms;
            const members = this.rooms.get(room);
            if (members === undefined)
                return;
            for (const sid of members) {
                if (excluded !== null && excluded.has(sid))
                    continue;
                const socket = this.host.socket(sid);
                if (socket !== undefined)
                    fn(socket);
            }
            return;
        }
        const seen = new Set();
        for (const room of rooms) {
            const members = this.rooms.get(room);
            if (members === undefined)
                continue;
            for (const sid of members) {
                if (seen.has(sid) || (excluded !== null && excluded.has(sid)))
                    continue;
                seen.add(sid);
            }
        }
        for (const sid of seen) {
            const socket = this.host.socket(sid);
            if (socket !== undefined)
                fn(socket);
        }
    }
    #collect(opts) {
        const sockets = [];
        this.forEachSocket(opts, (socket) => sockets.push(socket));
        return sockets;
    }
    #excluded(except) {
        if (except.size === 0)
            return null;
        const excluded = new Set();
        for (const room of except) {
            const members = this.rooms.get(room);
            if (members !== undefined)
                for (const sid of members)
                    excluded.add(sid);
        }
        return excluded;
    }
    #removeMember(room, sid) {
        const members = this.rooms.get(room);
        if (members === undefined)
            return;
        members.delete(sid);
        if (members.size === 0)
            this.rooms.delete(room);
    }
}
exports.InMemoryAdapter = InMemoryAdapter;
const EMPTY = new Set();
//# sourceMappingURL=in-memory-adapter.js.map