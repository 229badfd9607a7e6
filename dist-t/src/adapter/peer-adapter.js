"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PeerAdapter = void 0;
exports.toTarget = toTarget;
exports.fromTarget = fromTarget;
const errors_1 = require("../errors");
const debug_1 = require("../debug");
const adapter_1 = require("./adapter");
const in_memory_adapter_1 = require("./in-memory-adapter");
const pending_requests_1 = require("./pending-requests");
const wire_1 = require("./wire");
const debug = (0, debug_1.createDebug)('classio:adapter');
/**
 * The cluster adapter over any {@link PeerLink}: the in-memory adapter's local rooms and delivery, plus the cluster.
 *
 * Every operation that is not `local` is done here first and then published, once, for the other servers, which
 * apply it to their own sockets. A plain broadcast travels as the already encoded frames, so each process writes
 * the very bytes the sender's own clients got and nobody encodes it twice. Cluster reads (`sockets`,
 * `fetchSockets`, `serverSideEmit` with an ack) ask every server and wait for as many answers as the link counts
 * subscribers (PUBSUB NUMSUB on Redis) minus this one, or reject with a {@link ClusterError} after
 * `requestsTimeout`. The Redis adapter is this class over a RedisLink; every other medium brings its own link.
 */
class PeerAdapter extends in_memory_adapter_1.InMemoryAdapter {
    #link;
    #options;
    #requestChannel;
    #responseChannel;
    #pending = new pending_requests_1.PendingRequests();
    #isClosed = false;
    #ready;
    constructor(host, link, options) {
        super(host);
        this.#link = link;
        this.#options = options;
        this.#requestChannel = (0, wire_1.requestChannel)(options.channel, host.name);
        this.#responseChannel = (0, wire_1.responseChannel)(options.channel, host.name, link.uid);
        link.retain();
    }
    /** This process's cluster uid. */
    get uid() {
        return this.#link.uid;
    }
    /** The link, shared with the server's other namespaces (for health checks and tests). */
    get link() {
        return this.#link;
    }
    /**
     * Resolves once subscribed and able to publish (waits for the medium if it is not reachable yet). Calling it again
     * returns the same promise, so a caller can wait for a namespace the server already started.
     */
    init() {
        this.#ready ??= Promise.all([
            this.#link.subscribe([this.#requestChannel, this.#responseChannel], (data) => this.#onMessage(data)),
            this.#link.whenReady(),
        ]).then(() => undefined);
        return this.#ready;
    }
    async close() {
        if (this.#isClosed)
            return;
        this.#isClosed = true;
        this.#pending.clear();
        await this.#link.unsubscribe([this.#requestChannel, this.#responseChannel]);
        await this.#link.release();
    }
    broadcast(packet, opts) {
        const frames = (0, adapter_1.encodeFor)(this.host, packet);
        const isVolatile = opts.flags.volatile === true;
        this.#writeLocal(frames, opts, isVolatile);
        if (opts.flags.local === true)
            return;
        this.#publish([this.uid, wire_1.MessageType.BROADCAST, frames, toTarget(opts), isVolatile]);
    }
    broadcastWithAck(packet, opts, onCount, onAck) {
        if (opts.flags.local === true) {
            super.broadcastWithAck(packet, opts, onCount, onAck);
            return;
        }
        // `onCount` is called once, with the recipients of the whole cluster: this process's count plus the count
        // each other server reports, once as many servers answered as the link counts subscribers. Callers compare the
        // number of acks with it, so a partial count would end a cluster-wide `emitWithAck` (or a `call()` to a
        // remote sid, whose local count is 0) before the remote answers came in.
        let localCount = -1;
        let remoteCount = 0;
        let remoteServers = 0;
        let expectedServers = -1;
        let isCounted = false;
        const reportCount = () => {
            if (isCounted || localCount < 0 || expectedServers < 0 || remoteServers < expectedServers)
                return;
            isCounted = true;
            onCount(localCount + remoteCount);
        };
        // The answers are routed for as long as the caller waits for them; later ones are dropped here.
        const id = this.#pending.track(opts.flags.timeout ?? this.#options.requestsTimeout, {
            onTimeout: () => { },
            onAnswer: (payload, type) => {
                if (type === wire_1.MessageType.BROADCAST_CLIENT_COUNT) {
                    remoteCount += payload;
                    remoteServers++;
                    reportCount();
                }
                else {
                    onAck(payload);
                }
                return false;
            },
        });
        const isVolatile = opts.flags.volatile === true;
        this.#publish([this.uid, wire_1.MessageType.BROADCAST_WITH_ACK, id, packet, toTarget(opts), isVolatile]);
        super.broadcastWithAck(packet, opts, (count) => (localCount = count), onAck);
        this.#link.countSubscribers(this.#requestChannel).then((subscribers) => {
            expectedServers = subscribers - 1;
            reportCount();
        }, () => {
            // The medium is away, so the broadcast only reached this process.
            expectedServers = 0;
            reportCount();
        });
    }
    async sockets(rooms) {
        const local = await super.sockets(rooms);
        const answers = await this.#request('allSockets', (id) => [
            this.uid,
            wire_1.MessageType.SOCKETS,
            id,
            [...rooms],
        ]);
        for (const sids of answers)
            for (const sid of sids)
                local.add(sid);
        return local;
    }
    async fetchSockets(opts) {
        const local = await super.fetchSockets(opts);
        if (opts.flags.local === true)
            return local;
        const answers = await this.#request('fetchSockets', (id) => [
            this.uid,
            wire_1.MessageType.FETCH_SOCKETS,
            id,
            toTarget(opts),
        ]);
        for (const sockets of answers)
            local.push(...sockets);
        return local;
    }
    addSockets(opts, rooms) {
        super.addSockets(opts, rooms);
        if (opts.flags.local !== true)
            this.#publish([this.uid, wire_1.MessageType.SOCKETS_JOIN, toTarget(opts), [...rooms]]);
    }
    delSockets(opts, rooms) {
        super.delSockets(opts, rooms);
        if (opts.flags.local !== true)
            this.#publish([this.uid, wire_1.MessageType.SOCKETS_LEAVE, toTarget(opts), [...rooms]]);
    }
    disconnectSockets(opts, close) {
        super.disconnectSockets(opts, close);
        if (opts.flags.local !== true)
            this.#publish([this.uid, wire_1.MessageType.DISCONNECT_SOCKETS, toTarget(opts), close]);
    }
    /**
     * Sends `args` to the other servers' `serverSideEmit` listeners. When the last argument is a function, it is an
     * ack `(err: Error | null, answers: unknown[][])` called once every other server answered (answers in arrival
     * order, one array of arguments per server), or with a {@link ClusterError} after `requestsTimeout`.
     */
    serverSideEmit(args) {
        // Reading index -1 of an empty array is a slow named-property lookup: check the length first.
        const last = args.length === 0 ? undefined : args[args.length - 1];
        if (typeof last !== 'function') {
            this.#publish([this.uid, wire_1.MessageType.SERVER_SIDE_EMIT, 0, args]);
            return;
        }
        const ack = last;
        const data = args.slice(0, -1);
        this.#request('serverSideEmit', (id) => [this.uid, wire_1.MessageType.SERVER_SIDE_EMIT, id, data]).then((answers) => ack(null, answers), (err) => ack(err, []));
    }
    /** Publishes `message` and collects one answer per other server. */
    async #request(operation, build) {
        if (this.#isClosed)
            throw new errors_1.ClusterError(`${operation} on namespace '${this.host.name}': the adapter is closed`);
        let expected;
        try {
            expected = (await this.#link.countSubscribers(this.#requestChannel)) - 1;
        }
        catch (err) {
            throw new errors_1.ClusterError(`${operation} on namespace '${this.host.name}': ${this.#link.medium} is unavailable`, {
                cause: err,
            });
        }
        if (expected <= 0)
            return [];
        return new Promise((resolve, reject) => {
            const answers = [];
            const id = this.#pending.track(this.#options.requestsTimeout, {
                onTimeout: () => reject(new errors_1.ClusterError(`${operation} on namespace '${this.host.name}' timed out after ${this.#options.requestsTimeout} ms: ` +
                    `${answers.length} of ${expected} other servers answered`)),
                onAnswer: (payload) => {
                    answers.push(payload);
                    if (answers.length < expected)
                        return false;
                    resolve(answers);
                    return true;
                },
            });
            this.#publish(build(id));
        });
    }
    #publish(message) {
        this.#link.publish(this.#requestChannel, (0, wire_1.encodeMessage)(message));
    }
    #answer(requester, message) {
        this.#link.publish((0, wire_1.responseChannel)(this.#options.channel, this.host.name, requester), (0, wire_1.encodeMessage)(message));
    }
    #writeLocal(frames, opts, isVolatile) {
        this.forEachSocket(opts, (socket) => socket.writeEncoded(frames, isVolatile));
    }
    #onMessage(data) {
        const message = (0, wire_1.decodeMessage)(data);
        if (message === undefined) {
            debug('namespace %s: ignored a message that is not in the cluster format', this.host.name);
            return;
        }
        if (message[0] === this.uid || this.#isClosed)
            return;
        try {
            this.#dispatch(message);
        }
        catch (err) {
            // A malformed message from a peer must not take this server down.
            debug('namespace %s: failed to apply cluster message %d: %O', this.host.name, message[1], err);
        }
    }
    #dispatch(message) {
        const uid = this.uid;
        switch (message[1]) {
            case wire_1.MessageType.BROADCAST: {
                this.#writeLocal(message[2], fromTarget(message[3]), message[4]);
                return;
            }
            case wire_1.MessageType.BROADCAST_WITH_ACK: {
                const [requester, , id, packet, target, isVolatile] = message;
                super.broadcastWithAck(packet, fromTarget(target, isVolatile), (count) => this.#answer(requester, [uid, wire_1.MessageType.BROADCAST_CLIENT_COUNT, id, count]), (args) => this.#answer(requester, [uid, wire_1.MessageType.BROADCAST_ACK, id, args]));
                return;
            }
            case wire_1.MessageType.SOCKETS_JOIN:
                super.addSockets(fromTarget(message[2]), message[3]);
                return;
            case wire_1.MessageType.SOCKETS_LEAVE:
                super.delSockets(fromTarget(message[2]), message[3]);
                return;
            case wire_1.MessageType.DISCONNECT_SOCKETS:
                super.disconnectSockets(fromTarget(message[2]), message[3]);
                return;
            case wire_1.MessageType.FETCH_SOCKETS: {
                const [requester, , id, target] = message;
                void super
                    .fetchSockets(fromTarget(target))
                    .then((sockets) => this.#answer(requester, [uid, wire_1.MessageType.FETCH_SOCKETS_RESPONSE, id, sockets]));
                return;
            }
            case wire_1.MessageType.SOCKETS: {
                const [requester, , id, rooms] = message;
                void super
                    .sockets(new Set(rooms))
                    .then((sids) => this.#answer(requester, [uid, wire_1.MessageType.SOCKETS_RESPONSE, id, [...sids]]));
                return;
            }
            case wire_1.MessageType.SERVER_SIDE_EMIT: {
                const [requester, , id, args] = message;
                const reply = id === 0
                    ? null
                    : (...answer) => this.#answer(requester, [uid, wire_1.MessageType.SERVER_SIDE_EMIT_RESPONSE, id, answer]);
                this.host.onServerSideEmit(args, reply);
                return;
            }
            case wire_1.MessageType.BROADCAST_CLIENT_COUNT:
            case wire_1.MessageType.BROADCAST_ACK:
            case wire_1.MessageType.FETCH_SOCKETS_RESPONSE:
            case wire_1.MessageType.SOCKETS_RESPONSE:
            case wire_1.MessageType.SERVER_SIDE_EMIT_RESPONSE: {
                this.#pending.answer(message[2], message[3], message[1]);
                return;
            }
            default:
                debug('namespace %s: ignored unknown cluster message type %d', this.host.name, message[1]);
        }
    }
}
exports.PeerAdapter = PeerAdapter;
/** The wire form of a broadcast's target. */
function toTarget(opts) {
    return [[...opts.rooms], [...opts.except]];
}
/** A broadcast's target from its wire form. */
function fromTarget(target, isVolatile = false) {
    return { rooms: new Set(target[0]), except: new Set(target[1]), flags: isVolatile ? { volatile: true } : {} };
}
//# sourceMappingURL=peer-adapter.js.map