"use strict";
/**
 * The Socket.IO v2 semantics a connection over Engine.IO v3 gets (`allowEIO3`; socket.io-protocol v4, the one
 * before v5): the server connects every such client to `/` by itself, a CONNECT carries its query string in the
 * namespace (`0/chat?token=abc,`) instead of an auth payload, the server's CONNECT has no payload, and a socket's
 * id is the engine id (prefixed with `nsp#` outside `/`), the id the v2 client computes for itself.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.splitV2Namespace = splitV2Namespace;
exports.handshakeAuth = handshakeAuth;
exports.v2SocketId = v2SocketId;
/** Query parameters of the Engine.IO layer, which are not the application's. */
const ENGINE_PARAMETERS = new Set(['EIO', 'transport', 'sid', 't', 'b64', 'j']);
/** A v2 CONNECT's namespace, split into the namespace name and the query the client sent with it (its auth). */
function splitV2Namespace(nsp) {
    const start = nsp.indexOf('?');
    if (start === -1)
        return { name: nsp, auth: {} };
    return { name: nsp.slice(0, start), auth: queryObject(nsp.slice(start + 1)) };
}
/**
 * The auth of the `/` connection the server opens for a v2 client: the query of its handshake without the engine's
 * parameters. Socket.IO gives `{}` here; v2 clients authenticate with their query (`io(url, { query })`), so it is
 * what their guards and middlewares read, as `socket.handshake.auth`, exactly as for the other namespaces.
 */
function handshakeAuth(url) {
    const start = url.indexOf('?');
    if (start === -1)
        return {};
    const auth = queryObject(url.slice(start + 1));
    for (const name of ENGINE_PARAMETERS)
        delete auth[name];
    return auth;
}
/** The id a v2 client gives its socket: the engine id in `/`, `nsp#` and the engine id elsewhere. */
function v2SocketId(nsp, engineId) {
    return nsp === '/' ? engineId : `${nsp}#${engineId}`;
}
function queryObject(query) {
    // A null-prototype object: a `__proto__` parameter stays a plain key.
    const result = Object.create(null);
    for (const [key, value] of new URLSearchParams(query))
        result[key] = value;
    return result;
}
//# sourceMappingURL=v2-semantics.js.map