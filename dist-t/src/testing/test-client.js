"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TestClient = void 0;
const socket_io_parser_1 = require("socket.io-parser");
const errors_1 = require("../errors");
const memory_connection_1 = require("./memory-connection");
const test_client_namespace_1 = require("./test-client-namespace");
const encoder = new socket_io_parser_1.Encoder();
/** Default time {@link TestClient.waitFor} waits before rejecting. */
const DEFAULT_WAIT_MS = 5000;
/**
 * An in-process Socket.IO client for tests (Flask-SocketIO's `SocketIOTestClient`, improved). It speaks to the real
 * server through socket.io-parser's encoder and decoder and the real namespace runtime, over an in-memory
 * {@link MemoryEngineConnection} (an `EngineConnection`): no port, no HTTP, no heartbeat.
 *
 * Server writes are delivered synchronously, so after `emit()` of an event whose handler answers synchronously the
 * answer is already in {@link TestClient.getReceived}. For handlers that await, use {@link TestClient.waitFor} or
 * {@link TestClient.emitWithAck}.
 *
 * @example
 * import { TestClient } from 'classio/testing';
 *
 * const client = new TestClient(server, '/chat', { auth: { token: 'let-me-in' } });
 * await client.ready;                                   // false when refused: see client.connectError()
 * const [answer] = await client.emitWithAck('set_name', 'alice');
 */
class TestClient {
    #conn;
    #server;
    #request;
    #decoder = new socket_io_parser_1.Decoder();
    #slots = new Map();
    #received = [];
    #waiters = [];
    #onAck;
    #nextAckId = 0;
    /**
     * Opens an in-memory connection to `server` and starts connecting to `namespace` at once; `await client.ready`
     * for the answer. `server.close()` shuts the connection down with the server's other sessions.
     */
    constructor(server, namespace = '/', options = {}) {
        this.namespace = namespace;
        this.#onAck = options.onAck;
        this.#server = server;
        this.#request = { headers: options.headers, query: options.query, remoteAddress: options.remoteAddress };
        this.#conn = new memory_connection_1.MemoryEngineConnection(this, this.#request);
        this.#decoder.on('decoded', (packet) => this.#onPacket(packet));
        server.acceptConnection(this.#conn);
        this.ready = this.connect(namespace, { auth: options.auth });
    }
    /** The engine-level session id. */
    get engineId() {
        return this.#conn.id;
    }
    /**
     * Connects a namespace on this client (Socket.IO multiplexes namespaces over one connection). Resolves `true`
     * when accepted, `false` when refused (see {@link connectError}).
     */
    connect(namespace = this.namespace, options = {}) {
        const current = this.#slots.get(namespace);
        if (current?.state === 'connected')
            return Promise.resolve(true);
        const slot = {
            state: 'connecting',
            sid: undefined,
            connectError: undefined,
            disconnectReason: undefined,
            buffer: [],
            settle: undefined,
            acks: new Map(),
            auth: options.auth,
            pid: current?.pid,
            lastOffset: current?.lastOffset,
            recovered: false,
        };
        this.#slots.set(namespace, slot);
        const settled = new Promise((resolve) => {
            slot.settle = resolve;
        });
        const packet = { type: socket_io_parser_1.PacketType.CONNECT, nsp: namespace };
        // As socket.io-client 4.8 does, a client that got a pid asks to recover with it and its last offset.
        const auth = slot.pid === undefined ? options.auth : { pid: slot.pid, offset: slot.lastOffset, ...options.auth };
        if (auth !== undefined)
            packet.data = auth;
        this.#write(packet);
        return settled;
    }
    /**
     * Simulates a lost transport (a network drop, not a disconnect): the server sees `transport close` and, with
     * `connectionStateRecovery` on, keeps the session. Every namespace of this client is disconnected with reason
     * `transport close`; {@link reconnect} comes back.
     */
    dropTransport() {
        this.#conn.hangUp();
        this.#closeAll('transport close');
    }
    /**
     * Opens a new connection after {@link dropTransport} (or a server-side close) and connects again every namespace
     * that lost its transport, with its auth and, as socket.io-client does, its pid and last offset: with recovery
     * on, the server restores the session (see {@link recovered}). Resolves as {@link ready} does, for the default
     * namespace.
     */
    reconnect() {
        if (this.#conn.readyState === 'open')
            this.dropTransport();
        this.#conn = new memory_connection_1.MemoryEngineConnection(this, this.#request);
        this.#server.acceptConnection(this.#conn);
        let main = Promise.resolve(false);
        for (const [namespace, slot] of [...this.#slots]) {
            if (slot.state !== 'disconnected' || slot.disconnectReason !== 'transport close')
                continue;
            const connected = this.connect(namespace, { auth: slot.auth });
            if (namespace === this.namespace)
                main = connected;
        }
        return main;
    }
    /** Whether the namespace's last connect recovered its session (socket.io-client's `socket.recovered`). */
    recovered(namespace = this.namespace) {
        return this.#slots.get(namespace)?.recovered ?? false;
    }
    /** Leaves a namespace (client-side DISCONNECT); the engine connection stays open for the others. */
    disconnect(namespace = this.namespace) {
        const slot = this.#slots.get(namespace);
        if (slot === undefined || (slot.state !== 'connected' && slot.state !== 'connecting'))
            return;
        this.#write({ type: socket_io_parser_1.PacketType.DISCONNECT, nsp: namespace });
        this.#markDisconnected(namespace, slot, 'io client disconnect');
    }
    /** Closes the whole connection, as a closed browser tab does (the server sees `transport close`). */
    close() {
        this.#conn.hangUp();
        this.#closeAll('io client disconnect');
    }
    /** Whether the namespace's CONNECT was accepted and it has not disconnected since. */
    isConnected(namespace = this.namespace) {
        return this.#slots.get(namespace)?.state === 'connected';
    }
    /** The namespace's sid, once connected. */
    id(namespace = this.namespace) {
        return this.#slots.get(namespace)?.sid;
    }
    /** The refusal of the namespace's last CONNECT, if it was refused. */
    connectError(namespace = this.namespace) {
        return this.#slots.get(namespace)?.connectError;
    }
    /** Why the namespace was disconnected (`io server disconnect`, `io client disconnect`, `transport close`). */
    disconnectReason(namespace = this.namespace) {
        return this.#slots.get(namespace)?.disconnectReason;
    }
    /** Emits an event on the default namespace. */
    emit(event, ...args) {
        this.#emitOn(this.namespace, event, args, undefined);
        return this;
    }
    /** Emits an event on the default namespace and resolves with the arguments of the server's ack. */
    emitWithAck(event, ...args) {
        return this.#emitWithAckOn(this.namespace, event, args);
    }
    /** A view of another namespace of this client. */
    of(namespace) {
        return new test_client_namespace_1.TestClientNamespace(this, namespace);
    }
    /** Emits on a given namespace (what {@link of} uses). */
    emitTo(namespace, event, ...args) {
        this.#emitOn(namespace, event, args, undefined);
        return this;
    }
    /** Emits on a given namespace and resolves with the ack's arguments. */
    emitWithAckTo(namespace, event, ...args) {
        return this.#emitWithAckOn(namespace, event, args);
    }
    /** Returns the events received on a namespace since the last call, and forgets them. */
    getReceived(namespace = this.namespace) {
        const taken = [];
        for (let i = 0; i < this.#received.length;) {
            if (this.#received[i].namespace === namespace)
                taken.push(...this.#received.splice(i, 1));
            else
                i++;
        }
        return taken;
    }
    /**
     * Resolves with the next `event` on the namespace, taking it from the received list (already received or still
     * to come). Rejects after `timeout` ms (default 5000) with a message naming what was awaited.
     */
    waitFor(event, options = {}) {
        const namespace = options.namespace ?? this.namespace;
        const index = this.#received.findIndex((p) => p.name === event && p.namespace === namespace);
        if (index !== -1)
            return Promise.resolve(this.#received.splice(index, 1)[0]);
        return new Promise((resolve, reject) => {
            const waiter = {
                name: event,
                namespace,
                resolve: (packet) => {
                    clearTimeout(timer);
                    resolve(packet);
                },
            };
            const timer = setTimeout(() => {
                this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
                reject(new Error(`test client: no "${event}" on namespace ${namespace} within ${options.timeout ?? DEFAULT_WAIT_MS} ms`));
            }, options.timeout ?? DEFAULT_WAIT_MS);
            this.#waiters.push(waiter);
        });
    }
    /** @internal MemoryPeer: one message from the server. */
    receive(data) {
        try {
            this.#decoder.add(data);
        }
        catch (err) {
            // A packet the official client could not decode either: fail loudly in the test rather than hide it.
            process.nextTick(() => {
                throw err;
            });
        }
    }
    /** @internal MemoryPeer: the server closed the connection. */
    closed(reason) {
        // socket.io-client reports a server-side close of the connection as `io server disconnect`, and a server that
        // went away as `transport close`.
        this.#closeAll(reason === 'forced close' ? 'io server disconnect' : 'transport close');
    }
    #emitOn(namespace, event, args, id) {
        const slot = this.#slots.get(namespace);
        if (slot === undefined || slot.state === 'refused' || slot.state === 'disconnected') {
            throw new errors_1.DisconnectedError(`test client: namespace ${namespace} is not connected (emit "${event}")`);
        }
        const packet = { type: socket_io_parser_1.PacketType.EVENT, nsp: namespace, data: [event, ...args] };
        if (id !== undefined)
            packet.id = id;
        if (slot.state === 'connecting')
            slot.buffer.push(packet);
        else
            this.#write(packet);
    }
    #emitWithAckOn(namespace, event, args) {
        const slot = this.#slots.get(namespace);
        const id = this.#nextAckId++;
        return new Promise((resolve, reject) => {
            slot?.acks.set(id, { resolve, reject });
            try {
                this.#emitOn(namespace, event, args, id);
            }
            catch (err) {
                slot?.acks.delete(id);
                reject(err);
            }
        });
    }
    #write(packet) {
        for (const frame of encoder.encode(packet))
            this.#conn.deliver(frame);
    }
    #onPacket(packet) {
        const slot = this.#slots.get(packet.nsp);
        if (slot === undefined)
            return;
        switch (packet.type) {
            case socket_io_parser_1.PacketType.CONNECT: {
                const body = packet.data;
                slot.state = 'connected';
                slot.sid = body?.sid;
                slot.recovered = body?.pid !== undefined && body.pid === slot.pid;
                slot.pid = body?.pid;
                this.#flushBuffer(slot);
                slot.settle?.(true);
                slot.settle = undefined;
                break;
            }
            case socket_io_parser_1.PacketType.CONNECT_ERROR: {
                const body = packet.data;
                slot.connectError =
                    body?.data === undefined
                        ? { message: String(body?.message ?? '') }
                        : { message: String(body?.message ?? ''), data: body.data };
                this.#markDisconnected(packet.nsp, slot, 'connect_error', 'refused');
                break;
            }
            case socket_io_parser_1.PacketType.DISCONNECT:
                this.#markDisconnected(packet.nsp, slot, 'io server disconnect');
                break;
            case socket_io_parser_1.PacketType.EVENT:
            case socket_io_parser_1.PacketType.BINARY_EVENT:
                // As socket.io-client does, a namespace that is not connected drops events.
                if (slot.state === 'connected')
                    this.#onEvent(packet, slot);
                break;
            case socket_io_parser_1.PacketType.ACK:
            case socket_io_parser_1.PacketType.BINARY_ACK: {
                const pending = packet.id === undefined ? undefined : slot.acks.get(packet.id);
                if (pending === undefined)
                    return;
                slot.acks.delete(packet.id);
                pending.resolve(packet.data);
                break;
            }
        }
    }
    #onEvent(packet, slot) {
        const [name, ...args] = packet.data;
        // With recovery on, a stored packet's last argument is its offset: kept, and left in `args` as socket.io-client
        // leaves it for its listeners.
        const last = args.length === 0 ? undefined : args[args.length - 1];
        if (slot.pid !== undefined && typeof last === 'string')
            slot.lastOffset = last;
        const received = { name, args, namespace: packet.nsp };
        if (packet.id !== undefined) {
            const id = packet.id;
            let isAnswered = false;
            Object.defineProperty(received, 'ack', {
                enumerable: false,
                value: (...answer) => {
                    if (isAnswered || !this.isConnected(packet.nsp))
                        return;
                    isAnswered = true;
                    this.#write({ type: socket_io_parser_1.PacketType.ACK, nsp: packet.nsp, id, data: answer });
                },
            });
            if (this.#onAck !== undefined)
                this.#answerLater(received);
        }
        const waiter = this.#waiters.findIndex((w) => w.name === name && w.namespace === packet.nsp);
        if (waiter !== -1)
            this.#waiters.splice(waiter, 1)[0].resolve(received);
        else
            this.#received.push(received);
    }
    /**
     * Automatic ack answers leave the server's current call stack first: a real client cannot answer inside the
     * server's write, and answering there would re-enter the server's dispatch.
     */
    #answerLater(received) {
        const responder = this.#onAck;
        queueMicrotask(() => {
            void Promise.resolve(responder(received)).then((answer) => {
                if (answer !== undefined)
                    received.ack?.(...answer);
            });
        });
    }
    #flushBuffer(slot) {
        const buffered = slot.buffer;
        slot.buffer = [];
        if (buffered.length === 0)
            return;
        // Sent after the server finishes writing the CONNECT, as a client that received it over a wire would.
        queueMicrotask(() => {
            for (const packet of buffered)
                this.#write(packet);
        });
    }
    #markDisconnected(namespace, slot, reason, state = 'disconnected') {
        slot.state = state;
        slot.disconnectReason = reason;
        slot.buffer = [];
        slot.settle?.(false);
        slot.settle = undefined;
        const acks = [...slot.acks.values()];
        slot.acks.clear();
        for (const pending of acks) {
            pending.reject(new errors_1.DisconnectedError(`test client: namespace ${namespace} disconnected (${reason}) before the ack`));
        }
    }
    #closeAll(reason) {
        for (const [namespace, slot] of this.#slots) {
            if (slot.state === 'connected' || slot.state === 'connecting')
                this.#markDisconnected(namespace, slot, reason);
        }
    }
}
exports.TestClient = TestClient;
//# sourceMappingURL=test-client.js.map