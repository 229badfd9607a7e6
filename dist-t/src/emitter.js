"use strict";
var _a;
Object.defineProperty(exports, "__esModule", { value: true });
exports.EmitterOperator = exports.Emitter = exports.emitOptions = void 0;
/**
 * `classio/emitter`: emits to a classio cluster from a process that is not a server. A separate entry, so that such a
 * process loads neither the server nor its peers, and a server never loads ioredis for it.
 */
const node_crypto_1 = require("node:crypto");
const redis_url_1 = require("./adapter/redis/redis-url");
const wire_1 = require("./adapter/wire");
const errors_1 = require("./errors");
const packet_1 = require("./protocol/packet");
const emit_options_1 = require("./runtime/emit-options");
// The emit options wrapper, so that an emitting process needs nothing from `classio` itself.
var emit_options_2 = require("./runtime/emit-options");
Object.defineProperty(exports, "emitOptions", { enumerable: true, get: function () { return emit_options_2.emitOptions; } });
const EMPTY = [];
/**
 * Emits to the clients of a classio cluster from a process that is not a server (a worker, a cron job, a CLI), the
 * way Flask-SocketIO's `SocketIO(message_queue=...)` does from an external process. It publishes the same messages
 * the servers' Redis adapters exchange, so every server writes the event to its own matching clients.
 *
 * Targets are chained (`of`, `to`/`in`, `except`), each step returning a new immutable operator, or passed last as
 * `emitOptions({ namespace, room, to, skipSid })`, the same wrapped options the namespace helpers take (Flask's
 * `emit(event, data, namespace=..., room=..., skip_sid=...)`). The wrapper is what tells options from a payload:
 * a plain `{ room: 'a' }` as the last argument is sent as data, never taken as a target.
 *
 * Each emit resolves with the number of servers that received it (Redis' PUBLISH reply) and rejects when Redis
 * stays unreachable; a rejection nobody awaits is only reported through `onError`, never left unhandled.
 *
 * @example
 * const emitter = new Emitter({ messageQueue: 'redis://127.0.0.1:6379/0' });
 * await emitter.of('/chat').to('lobby').emit('news', { text: 'deploy at 17:00' });
 * await emitter.emit('news', 'hello', emitOptions({ namespace: '/chat', room: 'lobby', skipSid: 'bots' }));
 * await emitter.close();
 */
class Emitter {
    #redis;
    #channel;
    #uid = (0, node_crypto_1.randomBytes)(8).toString('hex');
    #onError;
    #root;
    constructor(options) {
        (0, redis_url_1.checkRedisUrl)(options.messageQueue, 'messageQueue');
        const channel = options.channel ?? 'classio';
        if (typeof channel !== 'string' || channel === '') {
            throw new errors_1.ConfigurationError(`channel must be a non-empty string, got ${JSON.stringify(channel)}`);
        }
        this.#channel = channel;
        this.#onError = options.onError ?? ((err) => console.warn(`classio emitter: ${err.message}`));
        // The offline queue stays on: a script that emits right after `new Emitter()` has its messages sent once
        // connected, and `close()` waits for them.
        this.#redis = new ((0, redis_url_1.loadRedis)())(options.messageQueue);
        // Connection errors repeat on every reconnect attempt; the failed publishes are what gets reported.
        this.#redis.on('error', () => { });
        this.#root = new EmitterOperator(this, '/', EMPTY, EMPTY);
    }
    /** Targets namespace `name`. */
    of(name) {
        return new EmitterOperator(this, name.startsWith('/') ? name : `/${name}`, EMPTY, EMPTY);
    }
    /** Targets room(s) of namespace `/`. */
    to(room) {
        return this.#root.to(room);
    }
    /** Same as {@link to}. */
    in(room) {
        return this.#root.to(room);
    }
    /** Excludes room(s) of namespace `/`. */
    except(room) {
        return this.#root.except(room);
    }
    /**
     * Emits `event` to every client of namespace `/`, or to the target of a trailing `emitOptions({ namespace,
     * room, to, skipSid })`.
     */
    emit(event, ...args) {
        return this.#root.emit(event, ...args);
    }
    /** Sends a `message` event to every client of namespace `/`. */
    send(...args) {
        return this.#root.emit('message', ...args);
    }
    /** Publishes once Redis is reachable and waits for the messages still queued, then disconnects. */
    async close() {
        try {
            await this.#redis.quit();
        }
        catch {
            this.#redis.disconnect();
        }
    }
    /** @internal Publishes one cluster message for namespace `nsp`. */
    publish(nsp, message) {
        const result = this.#redis.publish((0, wire_1.requestChannel)(this.#channel, nsp), (0, wire_1.encodeMessage)(message(this.#uid)));
        result.catch((err) => this.#onError(err));
        return result;
    }
}
exports.Emitter = Emitter;
/**
 * An immutable target of an {@link Emitter}: a namespace, rooms and excluded rooms. Every method that narrows the
 * target returns a new operator.
 */
class EmitterOperator {
    #emitter;
    #nsp;
    #rooms;
    #except;
    constructor(emitter, nsp, rooms, except) {
        this.#emitter = emitter;
        this.#nsp = nsp;
        this.#rooms = rooms;
        this.#except = except;
    }
    /** Adds room(s) to the target (a client in any of them receives the event once). */
    to(room) {
        return new _a(this.#emitter, this.#nsp, union(this.#rooms, room), this.#except);
    }
    /** Same as {@link to}. */
    in(room) {
        return this.to(room);
    }
    /** Excludes the clients in room(s). */
    except(room) {
        return new _a(this.#emitter, this.#nsp, this.#rooms, union(this.#except, room));
    }
    /**
     * Emits `event` with `args` (JSON values and Buffers) to the target, narrowed by a trailing
     * `emitOptions({ namespace, room, to, skipSid })` if there is one.
     */
    emit(event, ...args) {
        if (typeof event !== 'string') {
            return Promise.reject(new errors_1.ConfigurationError(`event name must be a string, got ${typeof event}`));
        }
        const [data, options] = (0, emit_options_1.splitOptions)(args);
        if (options !== undefined)
            return this.#narrow(options).emit(event, ...data);
        const frames = (0, packet_1.encodePacket)({ type: packet_1.PacketType.EVENT, nsp: this.#nsp, data: [event, ...data] });
        return this.#emitter.publish(this.#nsp, (uid) => [
            uid,
            wire_1.MessageType.BROADCAST,
            frames,
            [[...this.#rooms], [...this.#except]],
            false,
        ]);
    }
    /** Applies wrapped options; `broadcast`, `includeSelf` and `timeout` mean nothing outside a server and are ignored. */
    #narrow(options) {
        let operator = options.namespace === undefined ? this : this.#inNamespace(options.namespace);
        if (options.to !== undefined)
            operator = operator.to(options.to);
        if (options.room !== undefined)
            operator = operator.to(options.room);
        if (options.skipSid !== undefined)
            operator = operator.except(options.skipSid);
        return operator;
    }
    /** The same rooms and exceptions in namespace `name` (a missing leading `/` is added). */
    #inNamespace(name) {
        const nsp = name.startsWith('/') ? name : `/${name}`;
        return new _a(this.#emitter, nsp, this.#rooms, this.#except);
    }
    /** Sends a `message` event. */
    send(...args) {
        return this.emit('message', ...args);
    }
    /** Makes the targeted clients join `rooms`, on every server. */
    socketsJoin(rooms) {
        return this.#emitter.publish(this.#nsp, (uid) => [uid, wire_1.MessageType.SOCKETS_JOIN, this.#target(), toList(rooms)]);
    }
    /** Makes the targeted clients leave `rooms`, on every server. */
    socketsLeave(rooms) {
        return this.#emitter.publish(this.#nsp, (uid) => [uid, wire_1.MessageType.SOCKETS_LEAVE, this.#target(), toList(rooms)]);
    }
    /** Disconnects the targeted clients (their whole connection when `close`), on every server. */
    disconnectSockets(close = false) {
        return this.#emitter.publish(this.#nsp, (uid) => [uid, wire_1.MessageType.DISCONNECT_SOCKETS, this.#target(), close]);
    }
    /** Delivers a server-side event to every server's `serverSideEmit` listeners of the namespace (no ack). */
    serverSideEmit(...args) {
        return this.#emitter.publish(this.#nsp, (uid) => [uid, wire_1.MessageType.SERVER_SIDE_EMIT, 0, args]);
    }
    #target() {
        return [[...this.#rooms], [...this.#except]];
    }
}
exports.EmitterOperator = EmitterOperator;
_a = EmitterOperator;
function toList(rooms) {
    return typeof rooms === 'string' ? [rooms] : [...rooms];
}
function union(current, added) {
    const merged = new Set(current);
    for (const room of toList(added))
        merged.add(room);
    return [...merged];
}
//# sourceMappingURL=emitter.js.map