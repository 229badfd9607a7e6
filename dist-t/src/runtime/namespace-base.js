"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Namespace = exports.NamespaceBase = void 0;
exports.attachNamespace = attachNamespace;
exports.isNamespaceRoot = isNamespaceRoot;
const errors_1 = require("../errors");
const namespace_1 = require("../../decorators/namespace");
const context_1 = require("./context");
const helpers_1 = require("./helpers");
/** Writes an instance's private namespace and socket; assigned by the class's static block, which alone can. */
let setAttachment;
/**
 * Gives an instance of a `Namespace` subclass its namespace (and, for a connection-scoped instance, its socket); other
 * instances are left alone. The runtime calls it at registration and per connection. It is a function and not a
 * method, so that no method a user's subclass declares can ever shadow it.
 */
function attachNamespace(instance, nsp, socket) {
    if (instance instanceof NamespaceBase)
        setAttachment(instance, nsp, socket);
}
/**
 * The base class of class-based namespaces (Flask-SocketIO's `flask_socketio.Namespace`). Extending it is optional:
 * any decorated class can be registered, but the base gives the handlers the current client (`this.sid`,
 * `this.session`, `this.event`) and helpers bound to the namespace. `C` and `S` are the client-to-server and
 * server-to-client event maps; with them a wrong event name or payload in `emit` does not compile.
 *
 * The current client comes from the handler's context (AsyncLocalStorage), so it stays right across `await`s even
 * when one singleton instance serves every client.
 */
class NamespaceBase {
    #nsp;
    /** Set for `scope: 'connection'` instances: the one client they serve. */
    #socket;
    constructor(path) {
        this.path = path;
    }
    static {
        setAttachment = (instance, nsp, socket) => {
            const target = instance;
            target.#nsp = nsp;
            target.#socket = socket;
        };
    }
    /** The server-side namespace this instance serves. Throws before registration. */
    get nsp() {
        const socket = this.#currentSocket();
        if (socket !== undefined)
            return socket.nsp;
        if (this.#nsp === undefined) {
            throw new errors_1.UsageError(`${this.constructor.name} is not registered yet: call server.register() first`);
        }
        return this.#nsp;
    }
    /**
     * The parameters of the current client's namespace name, for a dynamic namespace (`{ id: 'acme' }` for
     * `/tenant/acme` of `@Namespace('/tenant/:id')`); empty for a literal namespace.
     */
    get params() {
        return this.nsp.params;
    }
    /** The namespace's path (`/chat`). */
    get namespace() {
        return this.#nsp?.name ?? this.path ?? '';
    }
    /** The current client's socket. Throws outside a handler. */
    get socket() {
        const socket = this.#currentSocket();
        if (socket === undefined)
            throw new errors_1.UsageError('there is no current client outside an event handler');
        return socket;
    }
    /** The current client's sid (Flask's `request.sid`). Throws outside a handler. */
    get sid() {
        return this.socket.id;
    }
    /** The current connection's session object (`socket.data`, Flask's `session`). Throws outside a handler. */
    get session() {
        return this.socket.data;
    }
    /**
     * True when the current client recovered its session (connection state recovery): `on_connect` runs again with
     * the same sid, rooms and session, and the missed packets follow. Throws outside a handler.
     */
    get recovered() {
        return this.socket.recovered;
    }
    /** The event being handled (Flask's `request.event`), or undefined outside a handler. */
    get event() {
        return (0, context_1.currentContext)()?.event;
    }
    /** The whole context of the event being handled, or undefined outside a handler. */
    get context() {
        return (0, context_1.currentContext)();
    }
    /**
     * Emits to the current client, or with `emitOptions({ to, broadcast, includeSelf, skipSid, namespace })` as the
     * last argument to rooms, sids or the whole namespace. Outside a handler it broadcasts to the namespace.
     */
    emit(event, ...args) {
        return (0, helpers_1.emitVia)(this.nsp, this.#currentSocket(), event, args);
    }
    /** Emits `message` (Flask's `send`), with the same targeting as {@link emit}. */
    send(...args) {
        return (0, helpers_1.emitVia)(this.nsp, this.#currentSocket(), 'message', args);
    }
    /** Puts the current client, or client `sid`, into `room`. */
    joinRoom(room, sid) {
        (0, helpers_1.joinRoomVia)(this.nsp, this.#currentSocket(), room, sid);
    }
    /** Takes the current client, or client `sid`, out of `room`. */
    leaveRoom(room, sid) {
        (0, helpers_1.leaveRoomVia)(this.nsp, this.#currentSocket(), room, sid);
    }
    /** Takes every client of the namespace out of `room`. */
    closeRoom(room) {
        this.nsp.closeRoom(room);
    }
    /** The rooms of the current client, or of client `sid`. */
    rooms(sid) {
        return (0, helpers_1.roomsVia)(this.nsp, this.#currentSocket(), sid);
    }
    /** Disconnects the current client, or client `sid`, from the namespace. */
    disconnect(sid) {
        (0, helpers_1.disconnectVia)(this.nsp, this.#currentSocket(), sid);
    }
    /**
     * Emits `event` to client `sid` and resolves with its ack (the single argument, or all of them when several);
     * rejects with `AckTimeoutError` after `emitOptions({ timeout })` (default 60 s).
     */
    call(sid, event, ...args) {
        return (0, helpers_1.callVia)(this.nsp, sid, event, args);
    }
    #currentSocket() {
        return (0, context_1.currentContext)()?.socket ?? this.#socket;
    }
}
exports.NamespaceBase = NamespaceBase;
function createHybrid(path, options) {
    if (new.target === undefined) {
        if (typeof path !== 'string' && !(path instanceof RegExp) && typeof path !== 'function') {
            throw new errors_1.ConfigurationError('@Namespace(path) needs the namespace path, e.g. "/chat"');
        }
        return (0, namespace_1.Namespace)(path, options);
    }
    // Constructed (directly or through `super()` of a subclass): build a real NamespaceBase whose prototype is the
    // subclass's, so private fields exist and `instanceof` works for both names.
    return Reflect.construct(NamespaceBase, [path], new.target);
}
createHybrid.prototype = NamespaceBase.prototype;
Object.setPrototypeOf(createHybrid, NamespaceBase);
Object.defineProperty(createHybrid, 'name', { value: 'Namespace' });
/**
 * `Namespace` is both the class decorator and the base class, so one import serves
 * `@Namespace('/chat') class Chat extends Namespace {}` (Flask-SocketIO's class and Nest-style decorator together).
 */
exports.Namespace = createHybrid;
/** True for the runtime's own base constructors, where the explorer stops walking a class's ancestors. */
function isNamespaceRoot(target) {
    return target === createHybrid || target === NamespaceBase || target === Function.prototype || target === Object;
}
//# sourceMappingURL=namespace-base.js.map