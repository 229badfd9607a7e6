"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.server = void 0;
/**
 * Type test for the Socket.IO-style API: compiled by the build and by `test/typecheck.test.ts`. Every
 * `@ts-expect-error` line must be an error, and nothing else may be. What a client sends reaches a listener as
 * `unknown`, never `any`: a listener narrows it, or declares the types it expects.
 */
const server_1 = require("../../src/server");
/** Compiles only when its type argument is `true`. */
function assertType() { }
/** Takes a number: passing it a value not known to be one does not compile. */
function takesNumber(_value) { }
const server = new server_1.Server({ logger: false });
exports.server = server;
server.of('/chat').on('connection', (socket) => {
    assertType();
    socket.join('lobby');
    // @ts-expect-error: the connection listener's argument is a Socket, which has no such method
    socket.notAMethod(); // eslint-disable-line @typescript-eslint/no-unsafe-call -- the call this test shows failing
    socket.on('chat', (text, ack) => {
        assertType();
        // @ts-expect-error: a client's argument is unknown until narrowed
        takesNumber(text);
        if (typeof text === 'number')
            takesNumber(text);
        // @ts-expect-error: the ack callback too is an unknown argument until narrowed
        ack('ok');
    });
    // A listener may declare the types it expects (unchecked at run time, as in Socket.IO).
    socket.on('move', (x, y) => x + y);
    socket.on('disconnect', (reason) => {
        assertType();
        // @ts-expect-error: the reason is a string union, not a number
        takesNumber(reason);
    });
    socket.once('disconnecting', (reason) => reason);
    // @ts-expect-error: a disconnect listener receives the reason, a string
    socket.on('disconnect', (_reason) => undefined);
    socket.onAny((event, ...args) => {
        assertType();
        assertType();
        // @ts-expect-error: a catch-all listener's arguments are unknown until narrowed
        takesNumber(args[0]);
    });
    socket.onAnyOutgoing((event, ...args) => {
        assertType();
        assertType();
        return [event, args];
    });
    assertType();
    // @ts-expect-error: an outgoing catch-all listener receives the event name first, a string
    socket.prependAnyOutgoing((_event) => undefined);
});
// @ts-expect-error: a connection listener receives a Socket, not a number
server.of('/chat').on('connection', (_socket) => undefined);
server.of('/chat').on('ping from another process', (...args) => {
    assertType();
    // @ts-expect-error: server-side emit arguments are unknown until narrowed
    takesNumber(args[0]);
});
server.on('connection', (socket) => {
    assertType();
    socket.join('lobby');
}, { namespace: '/chat' });
server.on('double', (value) => {
    assertType();
    // @ts-expect-error: a functional handler's argument is unknown until narrowed
    takesNumber(value);
    return typeof value === 'number' ? value * 2 : null;
});
server.on('connect', (auth) => {
    assertType();
    // @ts-expect-error: an auth field is unknown until narrowed
    takesNumber(auth.count);
    return typeof auth.token === 'string';
});
server.on('disconnect', (reason) => {
    assertType();
    return reason.length;
});
// @ts-expect-error: a disconnect handler receives the reason, not a number
server.on('disconnect', (_reason) => undefined);
//# sourceMappingURL=socket-api.typecheck.js.map