"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ACTION_FEATURES = void 0;
exports.listenToActions = listenToActions;
const errors_1 = require("../errors");
/** The actions a UI may ask for, each acting on every matching socket of the cluster (Socket.IO 4's features). */
exports.ACTION_FEATURES = [
    'EMIT',
    'JOIN',
    'LEAVE',
    'DISCONNECT',
    'MJOIN',
    'MLEAVE',
    'MDISCONNECT',
];
/** The UI's action events: `emit(nsp, filter, event, ...args)`, `join|leave(nsp, room, filter?)`, `_disconnect(nsp, close, filter?)`. */
const ACTION_EVENTS = ['emit', 'join', 'leave', '_disconnect'];
/**
 * Listens to the UI's actions on one admin socket. `filter` is a room (a socket's own sid room to act on one
 * socket); without it the action applies to the whole namespace. A namespace this server does not have is not
 * created. Bad arguments are ignored, or answered with CLASSIO_ERR_VALIDATION when the UI asked for an ack; in
 * readonly mode every action is answered with CLASSIO_ERR_FORBIDDEN and nothing happens.
 */
function listenToActions(server, socket, isReadonly) {
    if (isReadonly) {
        for (const event of ACTION_EVENTS) {
            socket.on(event, (...args) => answer(args, new errors_1.ForbiddenError(`the Admin UI is readonly: "${event}" is refused`)));
        }
        return;
    }
    socket.on('emit', (...args) => {
        const [nsp, filter, event, ...rest] = withoutAck(args);
        const target = targetOf(server, nsp, filter);
        if (target === null || typeof event !== 'string')
            return answer(args, invalid('emit'));
        try {
            target.emit(event, ...rest);
        }
        catch (err) {
            // A reserved event name, or an emit that cannot be encoded.
            return answer(args, err instanceof errors_1.UsageError ? new errors_1.ValidationError(err.message, undefined) : invalid('emit'));
        }
        return answer(args, null);
    });
    socket.on('join', (...args) => {
        const [nsp, room, filter] = withoutAck(args);
        const target = targetOf(server, nsp, filter);
        if (target === null || typeof room !== 'string')
            return answer(args, invalid('join'));
        target.socketsJoin(room);
        return answer(args, null);
    });
    socket.on('leave', (...args) => {
        const [nsp, room, filter] = withoutAck(args);
        const target = targetOf(server, nsp, filter);
        if (target === null || typeof room !== 'string')
            return answer(args, invalid('leave'));
        target.socketsLeave(room);
        return answer(args, null);
    });
    socket.on('_disconnect', (...args) => {
        const [nsp, close, filter] = withoutAck(args);
        const target = targetOf(server, nsp, filter);
        if (target === null || typeof close !== 'boolean')
            return answer(args, invalid('_disconnect'));
        target.disconnectSockets(close);
        return answer(args, null);
    });
}
/** The namespace, or its sockets in room `filter`; null for a namespace this server does not have or a bad filter. */
function targetOf(server, nsp, filter) {
    if (typeof nsp !== 'string')
        return null;
    const namespace = server.namespaces.get(nsp);
    if (namespace === undefined)
        return null;
    if (filter === undefined || filter === null || filter === '')
        return namespace;
    return typeof filter === 'string' ? namespace.in(filter) : null;
}
function invalid(event) {
    return new errors_1.ValidationError(`"${event}" from the Admin UI has arguments it does not expect`, undefined);
}
function withoutAck(args) {
    return typeof args[args.length - 1] === 'function' ? args.slice(0, -1) : args;
}
/** Answers the UI's ack, when it asked for one: nothing on success, the error body otherwise. */
function answer(args, error) {
    const last = args[args.length - 1];
    if (typeof last !== 'function')
        return;
    const ack = last;
    if (error === null)
        ack();
    else
        ack((0, errors_1.toAckError)(error));
}
//# sourceMappingURL=actions.js.map