"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Client = void 0;
const packet_1 = require("../protocol/packet");
const decoder_1 = require("../protocol/decoder");
const custom_parser_1 = require("../protocol/custom-parser");
const debug_1 = require("../debug");
const v2_semantics_1 = require("./v2-semantics");
const debug = (0, debug_1.createDebug)('classio:namespace');
const kClient = Symbol('classio.client');
// The send options of the flag combinations, shared so that a send allocates none (the default is `undefined`).
const VOLATILE = Object.freeze({ volatile: true });
const VOLATILE_UNCOMPRESSED = Object.freeze({ volatile: true, compress: false });
const UNCOMPRESSED = Object.freeze({ compress: false });
/**
 * One Engine.IO connection, multiplexing the client's namespaces (socket.io-protocol, "Connection to a
 * namespace"). It routes the packets its decoder hands it to the socket of their namespace, and closes every
 * socket when the connection goes or sends what is not a sound packet.
 */
// The client is its decoder's `PacketSink` (checked where it is passed): an `implements` clause would name members
// the package's declarations strip as internal.
class Client {
    /**
     * The client's sockets: almost every client joins one namespace, so the first is kept in a field and a map
     * exists only for the others (a map per idle connection would cost about 300 bytes).
     */
    #socket = null;
    #moreSockets = null;
    #host;
    #packets;
    /** The instrumentation when it records metrics (bytes in and out), else null: one check per message. */
    #probe;
    #connectTimer;
    constructor(host, conn) {
        this.#host = host;
        this.conn = conn;
        this.encode = host.encode;
        // Chosen once per connection: the default path does not look at the option again.
        this.#packets =
            host.parser === null ? new decoder_1.PacketDecoder(this, host.maxAttachments) : new custom_parser_1.CustomPacketDecoder(this, host.parser);
        this.#probe = host.instrumentation?.hasMetrics === true ? host.instrumentation : null;
        // Listeners are shared functions that find their client through a slot, not closures per connection.
        conn[kClient] = this;
        conn.on('message', onMessage);
        conn.on('close', onClose);
        this.#connectTimer = setTimeout(onConnectTimeout, host.connectTimeout, this);
        // A Socket.IO v2 client never asks for `/`: the server connects it (see v2-semantics.ts).
        if (conn.protocol === 3)
            this.#connect('/', (0, v2_semantics_1.handshakeAuth)(conn.request.url));
    }
    /** Whether the client speaks Socket.IO v2 over Engine.IO v3 (`allowEIO3`). */
    get isV2() {
        return this.conn.protocol === 3;
    }
    /**
     * Writes encoded frames (one Socket.IO packet). The engine drops volatile frames its transport cannot write at
     * once, and sends the frames uncompressed when `shouldCompress` is false.
     */
    write(frames, isVolatile, shouldCompress = true) {
        const options = isVolatile
            ? shouldCompress
                ? VOLATILE
                : VOLATILE_UNCOMPRESSED
            : shouldCompress
                ? undefined
                : UNCOMPRESSED;
        if (this.#probe !== null)
            this.#probe.bytesOut(this.conn.transportName, frames);
        if (frames.length === 1)
            this.conn.send(frames[0], options);
        else
            this.conn.sendAll(frames, options);
    }
    /** Encodes and writes one packet. */
    writePacket(packet) {
        this.write(this.encode(packet), false);
    }
    /** Closes the whole connection: every namespace of this client ends with `forced close`. */
    close() {
        this.conn.close();
    }
    /** The client's socket in namespace `name`, if it joined it. */
    socketOf(name) {
        const socket = this.#socket;
        if (socket !== null && socket.nsp.name === name)
            return socket;
        return this.#moreSockets?.get(name);
    }
    /** Whether the client is in any namespace. */
    get hasSockets() {
        return this.#socket !== null || (this.#moreSockets !== null && this.#moreSockets.size > 0);
    }
    /** @internal A socket of this client started connecting to a namespace. */
    attach(socket) {
        if (this.#socket === null)
            this.#socket = socket;
        else
            (this.#moreSockets ??= new Map()).set(socket.nsp.name, socket);
    }
    /** @internal A socket of this client ended. */
    remove(socket) {
        if (this.#socket === socket)
            this.#socket = null;
        else if (this.#moreSockets?.get(socket.nsp.name) === socket)
            this.#moreSockets.delete(socket.nsp.name);
    }
    /** @internal The first namespace connection clears the connect timeout. */
    onNamespaceConnected() {
        if (this.#connectTimer !== null) {
            clearTimeout(this.#connectTimer);
            this.#connectTimer = null;
        }
    }
    /** @internal Decodes one Engine.IO message; its packet comes back through {@link onPacket}. */
    onData(data) {
        if (this.#probe !== null)
            this.#probe.bytesIn(this.conn.transportName, data);
        this.#packets.add(data);
    }
    /** @internal PacketSink: a sound packet of this connection. */
    onPacket(packet) {
        try {
            this.#route(packet);
        }
        catch (err) {
            // A bug below must not be mistaken for a parse error, nor escape into the engine.
            this.#host.logError(`unexpected error while handling a packet of connection ${this.conn.id}`, err);
        }
    }
    /** @internal PacketSink: a message that is not a sound packet ends the connection, as the reference server does. */
    onParseError(reason) {
        debug('parse error from %s: %s', this.conn.id, reason);
        this.#closeSockets('parse error');
        this.conn.close();
    }
    /** @internal The connection ended: every socket ends with the engine's reason. */
    onClose(reason) {
        if (this.#connectTimer !== null)
            clearTimeout(this.#connectTimer);
        this.#connectTimer = null;
        this.#closeSockets(reason);
        this.#packets.destroy();
        this.conn.off('message', onMessage);
        this.conn.off('close', onClose);
    }
    #route(packet) {
        if (packet.type === packet_1.PacketType.CONNECT) {
            if (this.conn.protocol === 3) {
                const { name, auth } = (0, v2_semantics_1.splitV2Namespace)(packet.nsp);
                this.#connect(name, auth);
            }
            else {
                this.#connect(packet.nsp, packet.data);
            }
            return;
        }
        const socket = this.socketOf(packet.nsp);
        if (socket === undefined) {
            debug('packet for namespace %s not joined by %s, ignored', packet.nsp, this.conn.id);
            return;
        }
        socket.onPacket(packet);
    }
    #connect(name, auth) {
        if (this.socketOf(name) !== undefined) {
            debug('%s is already connected to %s', this.conn.id, name);
            return;
        }
        const handshakeAuth = auth ?? {};
        const nsp = this.#host.namespace(name, handshakeAuth);
        if (nsp instanceof Promise) {
            nsp.then((found) => this.#connectTo(name, found, handshakeAuth), (err) => {
                this.#host.logError(`dynamic namespace test failed for ${name}`, err);
                this.#connectTo(name, undefined, handshakeAuth);
            });
            return;
        }
        this.#connectTo(name, nsp, handshakeAuth);
    }
    #connectTo(name, nsp, auth) {
        // An asynchronous namespace test may settle after the connection closed or connected meanwhile.
        if (this.conn.readyState === 'closed' || this.socketOf(name) !== undefined)
            return;
        if (nsp === undefined) {
            this.writePacket({ type: packet_1.PacketType.CONNECT_ERROR, nsp: name, data: { message: 'Invalid namespace' } });
            return;
        }
        nsp.connect(this, auth);
    }
    #closeSockets(reason) {
        const sockets = this.#moreSockets === null ? [] : [...this.#moreSockets.values()];
        if (this.#socket !== null)
            sockets.unshift(this.#socket);
        for (const socket of sockets)
            socket.onClose(reason);
    }
}
exports.Client = Client;
function onMessage(data) {
    this[kClient].onData(data);
}
function onClose(reason) {
    this[kClient].onClose(reason);
}
function onConnectTimeout(client) {
    if (!client.hasSockets) {
        debug('connection %s joined no namespace in time, closing', client.conn.id);
        client.close();
    }
}
//# sourceMappingURL=client.js.map