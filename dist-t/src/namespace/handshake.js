"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createHandshake = createHandshake;
exports.handshakeData = handshakeData;
/**
 * Builds a socket's handshake. Only `auth` and the time are its own; the other fields are read from the engine's
 * request when first asked for (an idle connection would otherwise carry a parsed query and a date string that
 * most applications never read). The query is parsed into a null-prototype object so that keys like `__proto__`
 * stay plain data.
 */
function createHandshake(conn, auth) {
    return new SocketHandshake(conn, auth);
}
/** A handshake as plain data (what crosses processes in `fetchSockets`). */
function handshakeData(handshake) {
    const { headers, query, auth, address, time, issued, url, secure, xdomain } = handshake;
    return { headers, query, auth, address, time, issued, url, secure, xdomain };
}
class SocketHandshake {
    #conn;
    #query;
    constructor(conn, auth) {
        this.issued = Date.now();
        this.#query = null;
        this.#conn = conn;
        this.auth = auth;
    }
    get headers() {
        return this.#conn.request.headers;
    }
    get query() {
        return (this.#query ??= parseQuery(this.#conn.request.url));
    }
    get address() {
        return this.#conn.remoteAddress;
    }
    get time() {
        return new Date(this.issued).toString();
    }
    get url() {
        return this.#conn.request.url;
    }
    get secure() {
        return this.#conn.request.secure;
    }
    get xdomain() {
        return this.#conn.request.headers.origin !== undefined;
    }
    /** `JSON.stringify(socket.handshake)` shows every field, as it would for a plain object. */
    toJSON() {
        return handshakeData(this);
    }
}
function parseQuery(url) {
    const query = Object.create(null);
    const queryStart = url.indexOf('?');
    if (queryStart === -1)
        return query;
    for (const [key, value] of new URLSearchParams(url.slice(queryStart + 1))) {
        const existing = query[key];
        if (existing === undefined)
            query[key] = value;
        else if (Array.isArray(existing))
            existing.push(value);
        else
            query[key] = [existing, value];
    }
    return query;
}
//# sourceMappingURL=handshake.js.map