"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ADMIN_DATA_KEY = void 0;
exports.serializeSocket = serializeSocket;
exports.userData = userData;
/** The key under which a development-mode `instrument()` keeps what the UI needs of a socket in `socket.data`. */
exports.ADMIN_DATA_KEY = '_admin';
/** Serializes a socket of any process, from its description. */
function serializeSocket(socket, nsp) {
    const data = (socket.data ?? {});
    const admin = data[exports.ADMIN_DATA_KEY];
    return {
        id: socket.id,
        clientId: admin?.clientId,
        transport: admin?.transport,
        nsp,
        data: userData(data),
        handshake: serializeHandshake(socket.handshake),
        rooms: [...socket.rooms],
    };
}
/** `socket.data` without the Admin UI's own entry. */
function userData(data) {
    const copy = {};
    for (const key of Object.keys(data))
        if (key !== exports.ADMIN_DATA_KEY)
            copy[key] = data[key];
    return copy;
}
/**
 * The handshake without `auth`: what a client authenticated with (a token, or the UI's own password) never goes
 * to the UI. The address is the proxy's client address when a proxy said so.
 */
function serializeHandshake(handshake) {
    const headers = handshake.headers ?? {};
    const forwarded = headers['cf-connecting-ip'] ?? headers['x-forwarded-for'];
    return {
        address: forwarded ?? handshake.address,
        headers,
        query: { ...handshake.query },
        issued: handshake.issued,
        secure: handshake.secure,
        time: handshake.time,
        url: handshake.url,
        xdomain: handshake.xdomain,
    };
}
//# sourceMappingURL=serialize.js.map