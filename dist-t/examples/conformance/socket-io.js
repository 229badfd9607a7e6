"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.attachSocketIo = attachSocketIo;
const server_1 = require("../../src/server");
/**
 * The Socket.IO half of the conformance server (`/socket.io/`), with the handlers the socket.io-protocol suite
 * expects: on namespaces `/` and `/custom`, emit `auth` with `socket.handshake.auth` right after connecting; on
 * `/`, `message` re-emits all its arguments as `message-back`, and `message-with-ack` acks with exactly its
 * arguments.
 */
/**
 * The suite's raw client reads frames with `once` listeners attached one after another, so a second frame that
 * arrives in the same TCP read as the CONNECT answer is dispatched before the next listener exists and is lost
 * (the reference server loses it the same way on a busy machine). Sending `auth` a moment later keeps the two
 * frames in separate reads; the order the suite checks (CONNECT, then `auth` first) is unchanged.
 */
const AUTH_DELAY_MS = 5;
function emitAuth(socket) {
    setTimeout(() => socket.emit('auth', socket.handshake.auth), AUTH_DELAY_MS);
}
function attachSocketIo(httpServer, options) {
    const io = new server_1.Server(httpServer, { ...options, path: '/socket.io/' });
    io.of('/').on('connection', (socket) => {
        emitAuth(socket);
        socket.on('message', (...args) => {
            socket.emit('message-back', ...args);
        });
        socket.on('message-with-ack', (...args) => {
            const ack = args.pop();
            if (typeof ack === 'function')
                ack(...args);
        });
    });
    io.of('/custom').on('connection', (socket) => {
        emitAuth(socket);
    });
    return io;
}
//# sourceMappingURL=socket-io.js.map