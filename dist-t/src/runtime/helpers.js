"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.emitVia = emitVia;
exports.callVia = callVia;
exports.joinRoomVia = joinRoomVia;
exports.leaveRoomVia = leaveRoomVia;
exports.roomsVia = roomsVia;
exports.disconnectVia = disconnectVia;
exports.emit = emit;
exports.send = send;
exports.joinRoom = joinRoom;
exports.leaveRoom = leaveRoom;
exports.closeRoom = closeRoom;
exports.rooms = rooms;
exports.disconnect = disconnect;
exports.call = call;
const errors_1 = require("../errors");
const emit_options_1 = require("./emit-options");
const context_1 = require("./context");
/**
 * The namespace helpers of Flask-SocketIO (`emit`, `send`, `join_room`, ...), written once and used by both the
 * `Namespace` base class (bound to its namespace) and the context-aware free functions (bound to the current
 * event's namespace). `socket` is the current client when called inside a handler of that namespace.
 */
/** Flask's default `call()` timeout: 60 seconds. */
const DEFAULT_CALL_TIMEOUT = 60_000;
function toList(value) {
    if (value === undefined)
        return [];
    return typeof value === 'string' ? [value] : value;
}
/** The namespace an emit goes to: the `namespace` option, else `nsp`. */
function targetNamespace(nsp, options) {
    if (options?.namespace === undefined || options.namespace === nsp.name)
        return nsp;
    return nsp.server.of(options.namespace);
}
/**
 * Emits `event`. Without `to`/`room`/`broadcast` it goes to the current client (inside a handler), else to the
 * whole namespace; `includeSelf: false` and `skipSid` subtract clients from a room or broadcast emit.
 */
function emitVia(nsp, socket, event, rawArgs) {
    // The common case, a reply to the current client: the arguments go on as they are.
    if (socket !== undefined && (rawArgs.length === 0 || !(rawArgs[rawArgs.length - 1] instanceof emit_options_1.EmitOptions))) {
        return socket.emitList(event, rawArgs);
    }
    const [args, options] = (0, emit_options_1.splitOptions)(rawArgs);
    const target = targetNamespace(nsp, options);
    const rooms = [...toList(options?.to), ...toList(options?.room)];
    const isDirected = rooms.length > 0 || options?.broadcast === true;
    if (!isDirected && socket !== undefined && target === nsp)
        return socket.emit(event, ...args);
    const except = [...toList(options?.skipSid)];
    if (socket !== undefined && options?.includeSelf === false)
        except.push(socket.id);
    if (rooms.length === 0 && except.length === 0 && options?.timeout === undefined)
        return target.emit(event, ...args);
    let operator = rooms.length > 0 ? target.to(rooms) : target.except(except);
    if (rooms.length > 0 && except.length > 0)
        operator = operator.except(except);
    if (options?.timeout !== undefined)
        operator = operator.timeout(options.timeout);
    return operator.emit(event, ...args);
}
/** Calls `event` on client `sid` and resolves with its ack (one argument) or its ack arguments (several). */
async function callVia(nsp, sid, event, rawArgs) {
    const [args, options] = (0, emit_options_1.splitOptions)(rawArgs);
    const target = targetNamespace(nsp, options);
    const answer = await target.call(sid, event, args, options?.timeout ?? DEFAULT_CALL_TIMEOUT);
    return answer.length <= 1 ? answer[0] : answer;
}
/** Puts client `sid` (the current client by default) into `room`. */
function joinRoomVia(nsp, socket, room, sid) {
    if (sid === undefined || (socket !== undefined && sid === socket.id)) {
        requireSocket(socket, 'joinRoom').join(room);
    }
    else {
        nsp.joinRoom(sid, room);
    }
}
/** Takes client `sid` (the current client by default) out of `room`. */
function leaveRoomVia(nsp, socket, room, sid) {
    if (sid === undefined || (socket !== undefined && sid === socket.id)) {
        requireSocket(socket, 'leaveRoom').leave(room);
    }
    else {
        nsp.leaveRoom(sid, room);
    }
}
/** The rooms of client `sid` (the current client by default), its own sid room included. */
function roomsVia(nsp, socket, sid) {
    if (sid === undefined)
        return [...requireSocket(socket, 'rooms').rooms];
    return nsp.roomsOf(sid);
}
/** Disconnects client `sid` (the current client by default) from the namespace. */
function disconnectVia(nsp, socket, sid) {
    if (sid === undefined || (socket !== undefined && sid === socket.id)) {
        requireSocket(socket, 'disconnect').disconnect();
    }
    else {
        nsp.disconnectSid(sid);
    }
}
function requireSocket(socket, caller) {
    if (socket === undefined) {
        throw new errors_1.UsageError(`${caller}() without a sid needs a current client: call it inside an event handler`);
    }
    return socket;
}
/**
 * Context-aware `emit`: to the current client by default; options (wrapped by `emitOptions`) as the last argument.
 * Throws outside a handler.
 */
function emit(event, ...args) {
    const { socket } = (0, context_1.requireContext)('emit');
    return emitVia(socket.nsp, socket, event, args);
}
/** Context-aware `send`: emits `message`. */
function send(...args) {
    const { socket } = (0, context_1.requireContext)('send');
    return emitVia(socket.nsp, socket, 'message', args);
}
/** Context-aware `joinRoom`: the current client, or `sid`, joins `room`. */
function joinRoom(room, sid) {
    const { socket } = (0, context_1.requireContext)('joinRoom');
    joinRoomVia(socket.nsp, socket, room, sid);
}
/** Context-aware `leaveRoom`: the current client, or `sid`, leaves `room`. */
function leaveRoom(room, sid) {
    const { socket } = (0, context_1.requireContext)('leaveRoom');
    leaveRoomVia(socket.nsp, socket, room, sid);
}
/** Context-aware `closeRoom`: every client of the current namespace leaves `room`. */
function closeRoom(room) {
    (0, context_1.requireContext)('closeRoom').socket.nsp.closeRoom(room);
}
/** Context-aware `rooms`: the rooms of the current client, or of `sid`. */
function rooms(sid) {
    const { socket } = (0, context_1.requireContext)('rooms');
    return roomsVia(socket.nsp, socket, sid);
}
/** Context-aware `disconnect`: the current client, or `sid`, leaves the namespace. */
function disconnect(sid) {
    const { socket } = (0, context_1.requireContext)('disconnect');
    disconnectVia(socket.nsp, socket, sid);
}
/**
 * Context-aware `call`: emits `event` to client `sid` of the current namespace and resolves with its ack; rejects
 * with `AckTimeoutError` after `emitOptions({ timeout })` (default 60 s).
 */
function call(sid, event, ...args) {
    const context = (0, context_1.currentContext)();
    if (context === undefined)
        return Promise.reject(new errors_1.UsageError('call() was called outside an event handler'));
    return callVia(context.socket.nsp, sid, event, args);
}
//# sourceMappingURL=helpers.js.map