"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MemoryEngineConnection = void 0;
const node_events_1 = require("node:events");
const node_crypto_1 = require("node:crypto");
/**
 * The server's half of an in-memory Engine.IO session: it implements {@link EngineConnection} exactly as the engine's
 * socket does, so the namespace layer cannot tell it from a real client, but there is no HTTP, no transport and no
 * heartbeat. Messages are delivered synchronously in both directions, in order, each Buffer copied as a wire would.
 */
class MemoryEngineConnection extends node_events_1.EventEmitter {
    #readyState;
    #peer;
    constructor(peer, options = {}) {
        super();
        this.transportName = 'websocket';
        this.#readyState = 'open';
        this.#peer = peer;
        this.id = (0, node_crypto_1.randomBytes)(15).toString('base64url');
        this.remoteAddress = options.remoteAddress ?? '127.0.0.1';
        this.request = createRequest(options);
    }
    get readyState() {
        return this.#readyState;
    }
    send(data) {
        if (this.#readyState !== 'open')
            return;
        this.#peer.receive(copyData(data));
    }
    sendAll(data) {
        for (const item of data)
            this.send(item);
    }
    /**
     * Server-side close, as the engine's socket does it: `forced close` when the server closes this connection,
     * `forced server close` when the whole server shuts down.
     */
    close(reason = 'forced close') {
        if (this.#readyState !== 'open')
            return;
        this.#end(reason);
        this.#peer.closed(reason);
    }
    /** The server is shutting down: it closes this connection as the engine closes its sessions. */
    shutDown() {
        this.close('forced server close');
    }
    /** Client side: delivers one message to the server's `message` listeners. Dropped once closed. */
    deliver(data) {
        if (this.#readyState !== 'open')
            return;
        this.emit('message', copyData(data));
    }
    /** Client side: the client went away (reason `transport close`, as when a browser tab closes). */
    hangUp() {
        if (this.#readyState !== 'open')
            return;
        this.#end('transport close');
    }
    #end(reason) {
        this.#readyState = 'closed';
        this.emit('close', reason);
        this.removeAllListeners('message');
    }
}
exports.MemoryEngineConnection = MemoryEngineConnection;
/** Engine data crosses the "wire" as a copy, so neither side can mutate the other's buffers. */
function copyData(data) {
    return typeof data === 'string' ? data : Buffer.from(data);
}
/** The handshake request, as the engine's sessions keep it. */
function createRequest(options) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query ?? {})) {
        if (typeof value === 'string')
            params.append(key, value);
        else
            for (const item of value)
                params.append(key, item);
    }
    params.set('EIO', '4');
    params.set('transport', 'websocket');
    const headers = { host: 'localhost' };
    for (const [name, value] of Object.entries(options.headers ?? {})) {
        headers[name.toLowerCase()] = Array.isArray(value) ? [...value] : value;
    }
    return { method: 'GET', url: `${options.path ?? '/socket.io/'}?${params.toString()}`, headers, secure: false };
}
//# sourceMappingURL=memory-connection.js.map