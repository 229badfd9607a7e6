"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BroadcastOperator = void 0;
exports.roomSet = roomSet;
const packet_1 = require("../protocol/packet");
const errors_1 = require("../errors");
const util_1 = require("./util");
const NONE = new Set();
const NO_FLAGS = Object.freeze({});
/**
 * A target for a broadcast: some rooms (all sockets when none), minus some rooms or sids, with flags. Immutable:
 * each `to`/`except`/`timeout` returns a new operator, so one can be kept and reused (as `io.to('room')` is; a
 * namespace keeps one for its plain `emit`). Its adapter options are built once, so emitting through an operator
 * allocates only the packet, never another operator.
 *
 * @example
 * server.of('/chat').to('room1').except(sid).emit('news', { text: 'hello' });
 */
class BroadcastOperator {
    #nsp;
    constructor(nsp, rooms = NONE, except = NONE, flags = NO_FLAGS) {
        this.#nsp = nsp;
        this.options = { rooms, except, flags };
    }
    get rooms() {
        return this.options.rooms;
    }
    get exceptRooms() {
        return this.options.except;
    }
    get flags() {
        return this.options.flags;
    }
    /** Targets the sockets in a room (or rooms); calls add up. */
    to(room) {
        return new BroadcastOperator(this.#nsp, union(this.rooms, room), this.exceptRooms, this.flags);
    }
    in(room) {
        return this.to(room);
    }
    /** Leaves out the sockets of a room (or rooms); a sid works, as every socket is in its own sid room. */
    except(room) {
        return new BroadcastOperator(this.#nsp, this.rooms, union(this.exceptRooms, room), this.flags);
    }
    /** Sets how long an acknowledged broadcast waits for the answers. */
    timeout(ms) {
        return new BroadcastOperator(this.#nsp, this.rooms, this.exceptRooms, { ...this.flags, timeout: ms });
    }
    /** Only the clients of this process (with a cluster adapter). */
    get local() {
        return new BroadcastOperator(this.#nsp, this.rooms, this.exceptRooms, { ...this.flags, local: true });
    }
    /**
     * Drops the packet for each client whose transport cannot write it at once: a polling client with no GET
     * waiting, a websocket with bytes still queued behind the network.
     */
    get volatile() {
        return new BroadcastOperator(this.#nsp, this.rooms, this.exceptRooms, { ...this.flags, volatile: true });
    }
    /**
     * `compress(false)` sends the packet uncompressed even where permessage-deflate or HTTP compression would
     * compress it (a payload that is already compressed, or too small to gain). Default `true`.
     */
    compress(shouldCompress) {
        return new BroadcastOperator(this.#nsp, this.rooms, this.exceptRooms, { ...this.flags, compress: shouldCompress });
    }
    /**
     * Emits to every targeted socket. With a function as the last argument, every recipient is asked for an ack
     * and the function receives `(err, answers)` once all answered or the timeout passed (`err` is then an
     * `AckTimeoutError` and `answers` holds those that came).
     */
    emit(event, ...args) {
        return this.emitList(event, args);
    }
    /**
     * @internal `emit` with the arguments as an array the operator takes over (it becomes the packet's data), so
     * that the namespace's shortcuts pass their rest arguments on without spreading them again.
     */
    emitList(event, args) {
        (0, util_1.assertEmittable)(event);
        // Reading index -1 of an empty array is a slow named-property lookup: check the length first.
        const last = args.length === 0 ? undefined : args[args.length - 1];
        if (typeof last === 'function') {
            args.pop();
            this.#emitWithAck(event, args, last);
            return true;
        }
        args.unshift(event);
        const packet = { type: packet_1.PacketType.EVENT, nsp: this.#nsp.name, data: args };
        this.#nsp.metricsProbe?.broadcast(this.#nsp.name);
        this.#nsp.adapter.broadcast(packet, this.options);
        return true;
    }
    /** Emits and resolves with every recipient's answer; rejects with `AckTimeoutError` if some did not answer in time. */
    emitWithAck(event, ...args) {
        return new Promise((resolve, reject) => {
            this.emit(event, ...args, (err, answers) => (err ? reject(err) : resolve(answers)));
        });
    }
    /** Emits the unnamed event `message`. */
    send(...args) {
        return this.emitList('message', args);
    }
    /** Makes the targeted sockets join rooms (across the cluster). */
    socketsJoin(rooms) {
        this.#nsp.adapter.addSockets(this.options, typeof rooms === 'string' ? [rooms] : rooms);
    }
    /** Makes the targeted sockets leave rooms (across the cluster). */
    socketsLeave(rooms) {
        this.#nsp.adapter.delSockets(this.options, typeof rooms === 'string' ? [rooms] : rooms);
    }
    /** Disconnects the targeted sockets, or closes their whole connections when `close`. */
    disconnectSockets(close = false) {
        this.#nsp.adapter.disconnectSockets(this.options, close);
    }
    /** Describes the targeted sockets (across the cluster). */
    fetchSockets() {
        const pending = this.#nsp.adapter.fetchSockets(this.options);
        const probe = this.#nsp.metricsProbe;
        return probe === null ? pending : probe.adapterRequest(this.#nsp.name, 'fetchSockets', pending);
    }
    /** The sids of the targeted sockets (across the cluster). */
    async allSockets() {
        if (this.exceptRooms.size === 0) {
            const pending = this.#nsp.adapter.sockets(this.rooms);
            const probe = this.#nsp.metricsProbe;
            return probe === null ? pending : probe.adapterRequest(this.#nsp.name, 'allSockets', pending);
        }
        return new Set((await this.fetchSockets()).map((socket) => socket.id));
    }
    /**
     * @internal Broadcasts asking for acks and calls `callback(err, answers)` once, with each recipient's ack
     * arguments as received, when all answered or the timeout passed.
     */
    collectAcks(event, args, callback) {
        const answers = [];
        let expected = -1;
        let isDone = false;
        const timeoutMs = this.flags.timeout;
        const probe = this.#nsp.metricsProbe;
        const finish = (err) => {
            if (isDone)
                return;
            isDone = true;
            if (timer !== null)
                clearTimeout(timer);
            if (err !== null)
                probe?.ackSettled(this.#nsp.name, event, true);
            callback(err, answers);
        };
        const timer = timeoutMs === undefined
            ? null
            : setTimeout(() => finish(new errors_1.AckTimeoutError(`broadcast of "${event}" in ${this.#nsp.name} timed out after ${timeoutMs} ms`)), timeoutMs);
        const packet = { type: packet_1.PacketType.EVENT, nsp: this.#nsp.name, data: [event, ...args] };
        probe?.broadcast(this.#nsp.name);
        this.#nsp.adapter.broadcastWithAck(packet, this.options, (count) => {
            expected = count;
            if (answers.length >= expected)
                finish(null);
        }, (answer) => {
            probe?.ackSettled(this.#nsp.name, event, false);
            answers.push(answer);
            if (expected !== -1 && answers.length >= expected)
                finish(null);
        });
    }
    #emitWithAck(event, args, callback) {
        this.collectAcks(event, args, (err, answers) => callback(err, answers.map((answer) => (answer.length > 1 ? answer : answer[0]))));
    }
}
exports.BroadcastOperator = BroadcastOperator;
/** A set of rooms (or sids) for the operator's constructor. */
function roomSet(rooms) {
    return union(NONE, rooms);
}
function union(set, more) {
    const result = new Set(set);
    if (typeof more === 'string')
        result.add(more);
    else
        for (const room of more)
            result.add(room);
    return result;
}
//# sourceMappingURL=broadcast-operator.js.map