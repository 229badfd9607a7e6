"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GuardContext = void 0;
/**
 * What a guard's `canActivate(context)` sees: the handshake (headers, query, auth payload, address), the client's
 * sid and namespace, and for method guards the event and its arguments. Built once per guarded event (connect
 * guards: once per connection); the getters read the socket lazily, so an unused field costs nothing.
 */
class GuardContext {
    constructor(
    /** The client's socket in this namespace. */
    socket, 
    /** The event being guarded; `'connect'` for class guards. */
    event, 
    /** The event's client arguments; `[auth]` for class guards. */
    args) {
        this.socket = socket;
        this.event = event;
        this.args = args;
    }
    /** The client's sid in this namespace. */
    get sid() {
        return this.socket.id;
    }
    /** The namespace path. */
    get namespace() {
        return this.socket.nsp.name;
    }
    /** The whole handshake (headers, query, auth, address, time, url, ...). */
    get handshake() {
        return this.socket.handshake;
    }
    /** The HTTP headers of the connection's first request. */
    get headers() {
        return this.socket.handshake.headers;
    }
    /** The query string of the connection's first request. */
    get query() {
        return this.socket.handshake.query;
    }
    /** The auth payload the client sent with its CONNECT (`io(url, { auth })`). */
    get auth() {
        return this.socket.handshake.auth;
    }
    /** The client's remote address. */
    get address() {
        return this.socket.handshake.address;
    }
    /** True when the client is recovering its session (connection state recovery): same sid, rooms and session. */
    get recovered() {
        return this.socket.recovered;
    }
    /** The per-connection session object (`socket.data`). */
    get session() {
        return this.socket.data;
    }
}
exports.GuardContext = GuardContext;
//# sourceMappingURL=guard-context.js.map