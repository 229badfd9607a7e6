"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Socket = void 0;
const packet_1 = require("../protocol/packet");
const decode_encoded_1 = require("../protocol/decode-encoded");
const errors_1 = require("../errors");
const handshake_1 = require("./handshake");
const v2_semantics_1 = require("./v2-semantics");
const broadcast_operator_1 = require("./broadcast-operator");
const dispatch_1 = require("./dispatch");
const util_1 = require("./util");
const catch_all_1 = require("./catch-all");
/**
 * Socket.IO's reasons after which a session is kept for recovery: the transport was lost or the server went away.
 * A deliberate disconnect, by the client or by the server (`disconnect()`, `disconnect(true)`), keeps nothing.
 */
const RECOVERABLE_REASONS = new Set([
    'transport error',
    'transport close',
    'ping timeout',
    'server shutting down',
    'forced server close',
]);
/**
 * One client's membership of one namespace. A connection (Client) multiplexes several sockets, one per
 * namespace, each with its own sid (socket.io-protocol, "Connection to a namespace").
 *
 * A socket is `connecting` while its middlewares and connect hook run: what the server writes to it then is
 * held back and flushed right after the CONNECT packet, so the client always sees CONNECT first.
 */
class Socket {
    /** Set when connection state recovery is on (and the adapter supports it), null otherwise. */
    #recovery;
    #data = null;
    #state = 'connecting';
    #heldBack = null;
    #acks = null;
    #nextAckId = 0;
    #listeners = null;
    #anyListeners = null;
    /** `onAnyOutgoing` listeners; null while there are none, so that a write pays one check. */
    #anyOutgoing = null;
    #packetMiddlewares = null;
    /** The registered listener behind each call the binder made for one, so that `off` finds it. */
    #bound = null;
    /** The flags of the next emit (`volatile`, `compress(false)`); the emit clears them. */
    #nextFlags = 0;
    constructor(nsp, client, auth, restored) {
        this.nsp = nsp;
        this.client = client;
        this.handshake = (0, handshake_1.createHandshake)(client.conn, auth);
        this.recovered = restored !== undefined;
        if (restored !== undefined) {
            this.id = restored.sid;
            this.#data = restored.data;
            this.#recovery = {
                pid: restored.pid,
                firstOffset: restored.firstOffset,
                lastOffset: restored.lastOffset,
                target: { rooms: new Set([restored.sid]), except: NO_ROOMS, flags: NO_FLAGS },
            };
            return;
        }
        this.id = client.isV2 ? (0, v2_semantics_1.v2SocketId)(nsp.name, client.conn.id) : (0, util_1.createSid)();
        const offset = nsp.recovery === null ? undefined : nsp.adapter.currentOffset?.();
        this.#recovery =
            offset === undefined
                ? null
                : {
                    pid: (0, util_1.createSid)(),
                    firstOffset: offset,
                    lastOffset: offset,
                    target: { rooms: new Set([this.id]), except: NO_ROOMS, flags: NO_FLAGS },
                };
    }
    /** The private session id with which the client can recover this socket, or null when recovery is off. */
    get pid() {
        return this.#recovery?.pid ?? null;
    }
    /** @internal Whether a recovered client skips the middlewares and the class guards (`skipMiddlewares`). */
    get shouldSkipMiddlewares() {
        return this.recovered && this.nsp.recovery?.skipMiddlewares === true;
    }
    /**
     * The per-connection session (Flask's `session`): arbitrary data that lives as long as this socket and is
     * shared by all its events. Created on first use, so that idle connections that never use it do not pay for it.
     */
    get data() {
        return (this.#data ??= {});
    }
    set data(value) {
        this.#data = value;
    }
    /** True once the CONNECT packet has been sent, until the socket disconnects. */
    get connected() {
        return this.#state === 'connected';
    }
    get disconnected() {
        return this.#state === 'disconnected';
    }
    /** The underlying Engine.IO connection (shared with the client's other namespaces). */
    get conn() {
        return this.client.conn;
    }
    /** The rooms this socket is in, its own sid room included. */
    get rooms() {
        return this.nsp.adapter.socketRooms(this.id) ?? NO_ROOMS;
    }
    /**
     * Flags the next emit volatile (Socket.IO's `socket.volatile.emit()`): it is dropped unless the transport can
     * write it at once (a polling client with a GET waiting, a websocket with nothing queued behind the network).
     * Carried over by the next `to`/`in`/`except`/`broadcast`.
     */
    get volatile() {
        this.#nextFlags |= FLAG_VOLATILE;
        return this;
    }
    /** `compress(false)` sends the next emit uncompressed (Socket.IO's `socket.compress(false).emit()`). */
    compress(shouldCompress) {
        if (shouldCompress)
            this.#nextFlags &= ~FLAG_UNCOMPRESSED;
        else
            this.#nextFlags |= FLAG_UNCOMPRESSED;
        return this;
    }
    /**
     * Emits an event to this client. When the last argument is a function, it receives the client's ack answer.
     *
     * @example socket.emit('my response', { data: 'hi' });
     */
    emit(event, ...args) {
        return this.emitList(event, args);
    }
    /**
     * @internal `emit` with the arguments as an array the socket takes over (it becomes the packet's data), so the
     * runtime's helpers pass their rest arguments on without spreading them again.
     */
    emitList(event, args) {
        (0, util_1.assertEmittable)(event);
        // Reading index -1 of an empty array is a slow named-property lookup: check the length first.
        const last = args.length === 0 ? undefined : args[args.length - 1];
        let id;
        if (typeof last === 'function') {
            args.pop();
            id = this.registerAck(last, undefined, false, event);
        }
        if (this.#anyOutgoing !== null)
            this.#notifyOutgoing(event, args);
        args.unshift(event);
        const packet = { type: packet_1.PacketType.EVENT, nsp: this.nsp.name, id, data: args };
        // With recovery on, a private emit without an ack is stored as a broadcast to the sid room (as in Socket.IO),
        // so that it gets an offset and a client that loses its transport receives it on recovery.
        if (this.#recovery !== null && id === undefined)
            this.nsp.adapter.broadcast(packet, this.#recovery.target);
        else
            this.#writeFlagged(this.client.encode(packet));
        return true;
    }
    /**
     * Emits an event and resolves with the client's answer (its first argument, or all of them when there are
     * several). Without a timeout it waits as long as the socket is connected.
     */
    emitWithAck(event, ...args) {
        return this.#emitWithAck(event, args, 0);
    }
    /** Sets a timeout for the next acknowledged emit: `socket.timeout(5000).emitWithAck('ping')`. */
    timeout(ms) {
        return {
            emit: (event, ...args) => {
                const callback = args.pop();
                if (typeof callback !== 'function')
                    throw new errors_1.UsageError('timeout(ms).emit() needs an ack callback as last argument');
                (0, util_1.assertEmittable)(event);
                const id = this.registerAck(callback, ms, true, event);
                if (this.#anyOutgoing !== null)
                    this.#notifyOutgoing(event, args);
                this.#writeFlagged(this.client.encode({ type: packet_1.PacketType.EVENT, nsp: this.nsp.name, id, data: [event, ...args] }));
                return true;
            },
            emitWithAck: (event, ...args) => this.#emitWithAck(event, args, ms),
        };
    }
    /** Emits the unnamed event `message` (Socket.IO's and Flask's `send`). */
    send(...args) {
        this.emit('message', ...args);
        return this;
    }
    /** Joins one or more rooms. */
    join(rooms) {
        if (this.#state === 'disconnected')
            return;
        this.nsp.adapter.addAll(this.id, typeof rooms === 'string' ? [rooms] : rooms);
    }
    /** Leaves a room. */
    leave(room) {
        this.nsp.adapter.del(this.id, room);
    }
    // Each of these builds one operator, already excluding this socket.
    /** Broadcasts to a room (or rooms), excluding this socket. */
    to(room) {
        return new broadcast_operator_1.BroadcastOperator(this.nsp, (0, broadcast_operator_1.roomSet)(room), (0, broadcast_operator_1.roomSet)(this.id), this.#takeFlags());
    }
    in(room) {
        return this.to(room);
    }
    /** Broadcasts to the whole namespace, excluding this socket and the sockets of a room (or rooms). */
    except(room) {
        return new broadcast_operator_1.BroadcastOperator(this.nsp, undefined, (0, broadcast_operator_1.roomSet)(typeof room === 'string' ? [this.id, room] : [this.id, ...room]), this.#takeFlags());
    }
    /** Broadcasts to the whole namespace, excluding this socket. */
    get broadcast() {
        return new broadcast_operator_1.BroadcastOperator(this.nsp, undefined, (0, broadcast_operator_1.roomSet)(this.id), this.#takeFlags());
    }
    /**
     * Disconnects this socket from its namespace (the client sees `io server disconnect`), or closes the whole
     * connection when `close` is true (every namespace of the client).
     */
    disconnect(close = false) {
        if (this.#state === 'disconnected')
            return this;
        if (close) {
            this.client.close();
            return this;
        }
        this.client.writePacket({ type: packet_1.PacketType.DISCONNECT, nsp: this.nsp.name });
        this.onClose('server namespace disconnect');
        return this;
    }
    /**
     * @internal The server is closing: the client receives DISCONNECT (`io server disconnect`) and the server side
     * sees the reason `server shutting down`.
     */
    shutDown() {
        if (this.#state === 'disconnected')
            return;
        if (this.#state === 'connected')
            this.client.writePacket({ type: packet_1.PacketType.DISCONNECT, nsp: this.nsp.name });
        this.onClose('server shutting down');
    }
    on(event, listener) {
        // Stored as any other: a disconnect listener is only ever called with the reason (see #emitLocal).
        const call = this.#bind(event, listener);
        this.#listeners ??= new Map();
        const list = this.#listeners.get(event);
        if (list === undefined)
            this.#listeners.set(event, [call]);
        else
            list.push(call);
        return this;
    }
    once(event, listener) {
        const once = listener;
        const wrapper = (...args) => {
            this.off(event, wrapper);
            return once(...args);
        };
        return this.on(event, wrapper);
    }
    off(event, listener) {
        const list = this.#listeners?.get(event);
        if (list === undefined)
            return this;
        if (listener === undefined)
            this.#listeners.delete(event);
        else {
            const at = list.findIndex((call) => call === listener || this.#bound?.get(call) === listener);
            if (at !== -1)
                list.splice(at, 1);
        }
        return this;
    }
    /** Listens to every incoming event: `listener(event, ...args)`, the arguments `unknown` as for {@link on}; in a
     * handler's context as {@link on} says. */
    onAny(listener) {
        this.#anyListeners = (0, catch_all_1.withListener)(this.#anyListeners, this.#bind(null, listener), false);
        return this;
    }
    /** Like {@link onAny}, called before the catch-all listeners already registered. */
    prependAny(listener) {
        this.#anyListeners = (0, catch_all_1.withListener)(this.#anyListeners, this.#bind(null, listener), true);
        return this;
    }
    /** Removes a listener added with {@link onAny} or {@link prependAny}, or every one of them without an argument. */
    offAny(listener) {
        this.#anyListeners = (0, catch_all_1.withoutListener)(this.#anyListeners, listener, (call) => this.#originalOf(call));
        return this;
    }
    /** The incoming catch-all listeners, in calling order (a copy). */
    listenersAny() {
        return (0, catch_all_1.registeredListeners)(this.#anyListeners, (call) => this.#originalOf(call));
    }
    /**
     * Listens to every event sent to this client: `listener(event, ...args)`, called before the packet is written.
     * It sees this socket's own emits and every broadcast that reaches it (from this process, another one of the
     * cluster or an emitter), but not ack answers. A broadcast is encoded once for all its recipients, so a listener
     * of a broadcast receives the arguments as the client will (decoded from the frames: dates as strings, binary
     * as Buffers).
     *
     * @example socket.onAnyOutgoing((event, ...args) => log.debug({ sid: socket.id, event }, 'sent'));
     */
    onAnyOutgoing(listener) {
        this.#anyOutgoing = (0, catch_all_1.withListener)(this.#anyOutgoing, this.#bind(null, listener), false);
        return this;
    }
    /** Like {@link onAnyOutgoing}, called before the outgoing listeners already registered. */
    prependAnyOutgoing(listener) {
        this.#anyOutgoing = (0, catch_all_1.withListener)(this.#anyOutgoing, this.#bind(null, listener), true);
        return this;
    }
    /** Removes a listener added with {@link onAnyOutgoing} or {@link prependAnyOutgoing}, or all without an argument. */
    offAnyOutgoing(listener) {
        this.#anyOutgoing = (0, catch_all_1.withoutListener)(this.#anyOutgoing, listener, (call) => this.#originalOf(call));
        return this;
    }
    /** The outgoing catch-all listeners, in calling order (a copy). */
    listenersAnyOutgoing() {
        return (0, catch_all_1.registeredListeners)(this.#anyOutgoing, (call) => this.#originalOf(call));
    }
    /**
     * Adds a per-packet middleware (Socket.IO's `socket.use`): it sees every incoming event as `[event, ...args]`
     * before any handler and calls `next()` to go on, or `next(err)` to drop the packet: `err` then reaches the error
     * handler and answers the client's ack (a classio `HandlerError` with its code, anything else as `server error`).
     *
     * @example socket.use(([event], next) => next(event === 'admin' ? new ForbiddenError('no') : undefined));
     */
    use(middleware) {
        (this.#packetMiddlewares ??= []).push(middleware);
        return this;
    }
    /** @internal The per-packet middlewares, or null. */
    get packetMiddlewares() {
        return this.#packetMiddlewares;
    }
    /** @internal Socket.IO-style listeners of an event, or undefined. */
    listenersOf(event) {
        return this.#listeners?.get(event);
    }
    /** @internal The catch-all listeners, or null. */
    get anyListeners() {
        return this.#anyListeners;
    }
    /**
     * AdapterSocket: writes encoded frames (a broadcast, or an event another layer encoded), holding them back while
     * the socket is still connecting (a volatile packet cannot be written at once then, so it is dropped). Outgoing
     * catch-all listeners see the event first.
     */
    writeEncoded(frames, isVolatile = false, shouldCompress = true) {
        const probe = this.nsp.metricsProbe;
        if (probe !== null)
            probe.delivered(this.nsp.name);
        if (this.#anyOutgoing !== null)
            this.#notifyOutgoingFrames(frames);
        this.#write(frames, isVolatile, shouldCompress);
    }
    #write(frames, isVolatile, shouldCompress) {
        if (this.#state === 'connected')
            this.client.write(frames, isVolatile, shouldCompress);
        else if (this.#state === 'connecting' && !isVolatile)
            (this.#heldBack ??= []).push(frames);
    }
    /** Writes the frames of this socket's own emit with the flags set for it, and clears them. */
    #writeFlagged(frames) {
        const flags = this.#nextFlags;
        if (flags === 0) {
            this.#write(frames, false, true);
            return;
        }
        this.#nextFlags = 0;
        this.#write(frames, (flags & FLAG_VOLATILE) !== 0, (flags & FLAG_UNCOMPRESSED) === 0);
    }
    /** The broadcast flags of the next emit, for an operator made from this socket, and clears them. */
    #takeFlags() {
        const flags = this.#nextFlags;
        this.#nextFlags = 0;
        return flags === 0 ? undefined : OPERATOR_FLAGS[flags];
    }
    /** AdapterSocket: writes a stored packet and remembers its offset as the last one this socket was sent. */
    writeStored(frames, offset) {
        if (this.#recovery !== null)
            this.#recovery.lastOffset = offset;
        this.writeEncoded(frames);
    }
    /**
     * AdapterSocket: registers a server-to-client ack. With a timeout the callback is error-first (`AckTimeoutError`,
     * or `DisconnectedError` when the socket goes first); `isErrorFirst` alone asks for the same without a timer.
     * Throws `AckLimitError` when the socket already awaits `maxPendingAcks` answers (nothing is registered).
     * `event` names the emitted event for the ack metrics.
     */
    registerAck(callback, timeoutMs, isErrorFirst = timeoutMs !== undefined, event) {
        const acks = (this.#acks ??= new Map());
        const limit = this.nsp.server.maxPendingAcks;
        if (acks.size >= limit) {
            throw new errors_1.AckLimitError(`socket ${this.id} of ${this.nsp.name} already awaits ${limit} acks (maxPendingAcks)`);
        }
        const id = this.#nextAckId++;
        const timer = timeoutMs !== undefined
            ? setTimeout(() => {
                acks.delete(id);
                if (event !== undefined)
                    this.nsp.metricsProbe?.ackSettled(this.nsp.name, event, true);
                callback(new errors_1.AckTimeoutError(`ack of socket ${this.id} in ${this.nsp.name} timed out after ${timeoutMs} ms`));
            }, timeoutMs)
            : null;
        acks.set(id, { callback, isErrorFirst, timer, event });
        return id;
    }
    /** @internal How many server-to-client acks this socket awaits. */
    get pendingAckCount() {
        return this.#acks?.size ?? 0;
    }
    /** AdapterSocket: a description that can cross processes. */
    describe() {
        return { id: this.id, rooms: [...this.rooms], data: this.data, handshake: (0, handshake_1.handshakeData)(this.handshake) };
    }
    /** @internal Called by the namespace once the connect hook accepted: sends CONNECT, then what was held back. */
    onConnected() {
        this.#state = 'connected';
        const recovery = this.#recovery;
        // The CONNECT carries the private session id when recovery is on: socket.io-client sends it back to recover.
        // A v2 client's CONNECT has no payload: it computes its id itself.
        const data = this.client.isV2
            ? undefined
            : recovery === null
                ? { sid: this.id }
                : { sid: this.id, pid: recovery.pid };
        this.client.writePacket({ type: packet_1.PacketType.CONNECT, nsp: this.nsp.name, data });
        const held = this.#heldBack;
        this.#heldBack = null;
        if (held !== null)
            for (const frames of held)
                this.client.write(frames, false);
    }
    /** @internal Routes a decoded packet addressed to this socket's namespace. */
    onPacket(packet) {
        switch (packet.type) {
            case packet_1.PacketType.EVENT:
            case packet_1.PacketType.BINARY_EVENT:
                this.#onEvent(packet);
                break;
            case packet_1.PacketType.ACK:
            case packet_1.PacketType.BINARY_ACK:
                this.#onAck(packet);
                break;
            case packet_1.PacketType.DISCONNECT:
                this.onClose('client namespace disconnect');
                break;
            default:
                // CONNECT for a namespace already joined, or CONNECT_ERROR (server-to-client only): ignored.
                break;
        }
    }
    /** @internal Ends the socket once: leaves its rooms, runs the disconnect hook and listeners, fails pending acks. */
    onClose(reason) {
        if (this.#state === 'disconnected')
            return;
        const wasConnected = this.#state === 'connected';
        this.#state = 'disconnected';
        this.#heldBack = null;
        this.client.remove(this);
        if (wasConnected)
            this.#emitLocal('disconnecting', reason);
        if (wasConnected && this.#recovery !== null && RECOVERABLE_REASONS.has(reason))
            this.#persist();
        this.nsp.remove(this, reason, wasConnected);
        this.#failPendingAcks();
        if (wasConnected)
            this.#emitLocal('disconnect', reason);
    }
    /** AdapterSocket: the session this socket would leave now, or null when recovery is off. */
    sessionState() {
        const recovery = this.#recovery;
        if (recovery === null)
            return null;
        return {
            sid: this.id,
            pid: recovery.pid,
            rooms: [...this.rooms],
            data: this.#data ?? {},
            firstOffset: recovery.firstOffset,
            lastOffset: recovery.lastOffset,
        };
    }
    /** Hands the session to the adapter, with the rooms it is still in (the disconnect hook has not left them yet). */
    #persist() {
        const state = this.sessionState();
        if (state === null)
            return;
        try {
            this.nsp.adapter.persistSession?.(state);
        }
        catch (err) {
            this.nsp.server.logError(`saving the session of ${this.id} in ${this.nsp.name} failed`, err);
        }
    }
    #onEvent(packet) {
        // The decoded array is this packet's own: the event name comes off its front and the rest are the arguments.
        const args = packet.data;
        const event = args.shift();
        const ack = packet.id === undefined ? null : this.#createAck(packet.id);
        (0, dispatch_1.dispatchEvent)(this.nsp, this, event, args, ack);
    }
    #onAck(packet) {
        const id = packet.id;
        if (id === undefined || this.#acks === null)
            return;
        const pending = this.#acks.get(id);
        if (pending === undefined)
            return;
        this.#acks.delete(id);
        if (pending.timer !== null)
            clearTimeout(pending.timer);
        if (pending.event !== undefined)
            this.nsp.metricsProbe?.ackSettled(this.nsp.name, pending.event, false);
        const args = packet.data;
        if (pending.isErrorFirst)
            pending.callback(null, ...args);
        else
            pending.callback(...args);
    }
    #createAck(id) {
        let isSent = false;
        return (...args) => {
            if (isSent || this.#state === 'disconnected')
                return;
            isSent = true;
            this.client.writePacket({ type: packet_1.PacketType.ACK, nsp: this.nsp.name, id, data: args });
        };
    }
    #emitWithAck(event, args, timeoutMs) {
        return new Promise((resolve, reject) => {
            if (this.#state === 'disconnected') {
                reject(new errors_1.DisconnectedError(`socket ${this.id} of ${this.nsp.name} is disconnected`));
                return;
            }
            (0, util_1.assertEmittable)(event);
            const id = this.registerAck((err, ...answer) => {
                // An error-first ack fails only with an AckTimeoutError or a DisconnectedError (see registerAck).
                const error = err;
                if (error)
                    reject(error);
                else
                    resolve(answer.length > 1 ? answer : answer[0]);
            }, timeoutMs > 0 ? timeoutMs : undefined, true, event);
            if (this.#anyOutgoing !== null)
                this.#notifyOutgoing(event, args);
            this.#writeFlagged(this.client.encode({ type: packet_1.PacketType.EVENT, nsp: this.nsp.name, id, data: [event, ...args] }));
        });
    }
    #failPendingAcks() {
        const acks = this.#acks;
        if (acks === null)
            return;
        this.#acks = null;
        for (const pending of acks.values()) {
            if (pending.timer !== null)
                clearTimeout(pending.timer);
            if (pending.isErrorFirst)
                pending.callback(new errors_1.DisconnectedError(`socket ${this.id} of ${this.nsp.name} disconnected before answering`));
        }
    }
    #notifyOutgoing(event, args) {
        (0, catch_all_1.callCatchAll)(this.#anyOutgoing, event, args, `outgoing catch-all listener of ${this.nsp.name}`, (message, err) => this.nsp.server.logError(message, err));
    }
    #notifyOutgoingFrames(frames) {
        const packet = (0, decode_encoded_1.decodeEncoded)(frames);
        if (packet === null || !Array.isArray(packet.data))
            return;
        const [event, ...args] = packet.data;
        if (typeof event === 'string')
            this.#notifyOutgoing(event, args);
    }
    /** The listener as registered, behind what the binder made of it. */
    #originalOf(call) {
        return this.#bound?.get(call) ?? call;
    }
    /** What the socket calls for `listener`: the server's binder decides (see `ListenerBinder`). */
    #bind(event, listener) {
        const binder = this.nsp.server.listenerBinder;
        const call = binder === null ? listener : binder(this, event, listener);
        if (call !== listener)
            (this.#bound ??= new WeakMap()).set(call, listener);
        return call;
    }
    #emitLocal(event, reason) {
        const list = this.#listeners?.get(event);
        if (list === undefined)
            return;
        for (const listener of [...list]) {
            try {
                const result = listener(reason);
                if ((0, util_1.isThenable)(result)) {
                    result.then(undefined, (err) => this.nsp.server.logError(`"${event}" listener of ${this.nsp.name} failed`, err));
                }
            }
            catch (err) {
                this.nsp.server.logError(`"${event}" listener of ${this.nsp.name} threw`, err);
            }
        }
    }
}
exports.Socket = Socket;
const NO_ROOMS = new Set();
const FLAG_VOLATILE = 1;
const FLAG_UNCOMPRESSED = 2;
/** The operator flags of each combination of the socket's flags (index: the flag bits). */
const OPERATOR_FLAGS = [
    Object.freeze({}),
    Object.freeze({ volatile: true }),
    Object.freeze({ compress: false }),
    Object.freeze({ volatile: true, compress: false }),
];
const NO_FLAGS = Object.freeze({});
//# sourceMappingURL=socket.js.map