"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const node_events_1 = require("node:events");
const chai_1 = require("chai");
const socket_io_parser_1 = require("socket.io-parser");
const index_1 = require("../../src/adapter/redis/index");
const errors_1 = require("../../src/errors");
const emitter_1 = require("../../src/emitter");
const emit_options_1 = require("../../src/runtime/emit-options");
const redis_support_1 = require("./redis-support");
/** A socket that records the packets written to it (decoded with socket.io-parser). */
class FakeSocket extends node_events_1.EventEmitter {
    #nextAck;
    constructor(id, node) {
        super();
        this.id = id;
        this.node = node;
        this.packets = [];
        this.acks = new Map();
        this.isDisconnected = false;
        this.#nextAck = 0;
    }
    writeEncoded(frames) {
        const decoder = new socket_io_parser_1.Decoder();
        decoder.on('decoded', (packet) => {
            this.packets.push(packet);
            this.emit('packet', packet);
        });
        for (const frame of frames)
            decoder.add(frame);
    }
    registerAck(callback) {
        const id = this.#nextAck++;
        this.acks.set(id, callback);
        return id;
    }
    join(rooms) {
        this.node.adapter.addAll(this.id, typeof rooms === 'string' ? [rooms] : rooms);
        this.emit('rooms');
    }
    leave(room) {
        this.node.adapter.del(this.id, room);
        this.emit('rooms');
    }
    disconnect() {
        this.isDisconnected = true;
        this.node.adapter.delAll(this.id);
        this.node.sockets.delete(this.id);
        this.emit('disconnect');
    }
    describe() {
        return {
            id: this.id,
            rooms: [...(this.node.adapter.socketRooms(this.id) ?? [])],
            data: { on: this.id },
            handshake: {},
        };
    }
    /** Resolves with the next packet whose event is `event`. */
    next(event) {
        const seen = this.packets.find((p) => p.data[0] === event);
        if (seen)
            return Promise.resolve(seen);
        // A listener, not a loop of `once`: several packets can arrive in one tick.
        return new Promise((resolve) => {
            const listener = (packet) => {
                if (packet.data[0] !== event)
                    return;
                this.off('packet', listener);
                resolve(packet);
            };
            this.on('packet', listener);
        });
    }
    events(event) {
        return this.packets.filter((p) => p.data[0] === event).map((p) => p.data.slice(1));
    }
}
/** One "server process": an adapter for namespace `/` with its own Redis connections and local sockets. */
class FakeNode {
    constructor(channel, requestsTimeout = 2000) {
        this.name = '/';
        this.sockets = new Map();
        this.serverSideEvents = [];
        this.adapter = (0, index_1.createRedisAdapter)({ url: redis_support_1.REDIS_URL, channel, requestsTimeout })(this);
    }
    socket(sid) {
        return this.sockets.get(sid);
    }
    onServerSideEmit(args, reply) {
        this.serverSideEvents.push(args);
        reply?.('pong from', this.sockets.size);
    }
    connect(sid, rooms = []) {
        const socket = new FakeSocket(sid, this);
        this.sockets.set(sid, socket);
        this.adapter.addAll(sid, [sid, ...rooms]);
        return socket;
    }
}
function target(rooms = [], except = [], flags = {}) {
    return { rooms: new Set(rooms), except: new Set(except), flags };
}
function event(name, ...args) {
    return { type: socket_io_parser_1.PacketType.EVENT, nsp: '/', data: [name, ...args] };
}
describe('RedisAdapter', function () {
    let channel;
    let nodes;
    let a;
    let b;
    before(async function () {
        await (0, redis_support_1.requireRedis)(this);
    });
    beforeEach(async () => {
        channel = (0, redis_support_1.uniqueChannel)();
        nodes = [new FakeNode(channel), new FakeNode(channel)];
        [a, b] = nodes;
        await Promise.all(nodes.map((node) => node.adapter.init()));
    });
    afterEach(async () => {
        await Promise.all(nodes.map((node) => node.adapter.close()));
    });
    /**
     * Messages from one publisher reach a subscriber in order, so once a later sentinel broadcast has arrived,
     * everything published before it has too: counts can be checked without waiting on a clock.
     */
    async function settle(from, to) {
        const marker = `sentinel-${Math.random()}`;
        from.adapter.broadcast(event(marker), target([to.id]));
        await to.next(marker);
    }
    describe('#broadcast', () => {
        it('delivers to the local and the remote sockets exactly once', async () => {
            const a1 = a.connect('a1');
            const b1 = b.connect('b1');
            a.adapter.broadcast(event('hello', 1), target());
            await settle(a, b1);
            (0, chai_1.expect)(a1.events('hello')).to.deep.equal([[1]]);
            (0, chai_1.expect)(b1.events('hello')).to.deep.equal([[1]]);
        });
        it('honours rooms and exclusions on every process', async () => {
            const a1 = a.connect('a1', ['red']);
            const a2 = a.connect('a2', ['red', 'muted']);
            const b1 = b.connect('b1', ['red']);
            const b2 = b.connect('b2', ['red', 'muted']);
            const b3 = b.connect('b3', ['blue']);
            a.adapter.broadcast(event('paint'), target(['red', 'blue'], ['muted']));
            await settle(a, b3);
            (0, chai_1.expect)([a1, a2, b1, b2, b3].map((s) => s.events('paint').length)).to.deep.equal([1, 0, 1, 0, 1]);
        });
        it('keeps binary attachments binary across processes', async () => {
            const b1 = b.connect('b1');
            a.adapter.broadcast(event('file', { name: 'x', body: Buffer.from([1, 2, 3]) }), target());
            const packet = await b1.next('file');
            const [payload] = packet.data.slice(1);
            (0, chai_1.expect)(Buffer.isBuffer(payload.body)).to.equal(true);
            (0, chai_1.expect)([...payload.body]).to.deep.equal([1, 2, 3]);
        });
        it('stays on this process with the local flag', async () => {
            const a1 = a.connect('a1');
            const b1 = b.connect('b1');
            a.adapter.broadcast(event('only-here'), target([], [], { local: true }));
            await settle(a, b1);
            (0, chai_1.expect)(a1.events('only-here')).to.have.length(1);
            (0, chai_1.expect)(b1.events('only-here')).to.have.length(0);
        });
    });
    describe('message handling', () => {
        it('ignores foreign and malformed messages on its channel', async () => {
            const b1 = b.connect('b1');
            const { default: Redis } = await Promise.resolve().then(() => __importStar(require('ioredis')));
            const notepack = await Promise.resolve().then(() => __importStar(require('notepack.io')));
            // notepack.io's types say `any` (it also runs in browsers); under Node it encodes into a Buffer.
            const encode = (value) => notepack.encode(value);
            const foreign = new Redis(redis_support_1.REDIS_URL);
            try {
                for (const junk of [
                    Buffer.from('not msgpack'),
                    encode({ hello: 1 }),
                    encode(['x', 1, 'frames?', null]),
                    encode(['x', 99]),
                ]) {
                    await foreign.publish(`${channel}#/#`, junk);
                }
                // Same connection as the junk, so it arrives after it: once delivered, the junk was survived.
                await foreign.publish(`${channel}#/#`, encode(['foreign', 1, ['2["after-junk"]'], [[], []], false]));
                await b1.next('after-junk');
                a.adapter.broadcast(event('still-works'), target());
                await b1.next('still-works');
            }
            finally {
                foreign.disconnect();
            }
        });
    });
    describe('#addSockets / #delSockets / #disconnectSockets', () => {
        it('makes a remote sid join and leave a room', async () => {
            const b1 = b.connect('b1');
            a.adapter.addSockets(target(['b1']), ['lobby']);
            (0, chai_1.expect)([...(await a.adapter.sockets(new Set(['lobby'])))]).to.deep.equal(['b1']);
            (0, chai_1.expect)([...b.adapter.socketRooms('b1')]).to.include('lobby');
            a.adapter.delSockets(target(['b1']), ['lobby']);
            (0, chai_1.expect)([...(await a.adapter.sockets(new Set(['lobby'])))]).to.deep.equal([]);
            (0, chai_1.expect)(b1.isDisconnected).to.equal(false);
        });
        it('closes a room across processes', async () => {
            a.connect('a1', ['game']);
            b.connect('b1', ['game']);
            a.adapter.delSockets(target(['game']), ['game']);
            // Asked from `a`: its request follows its own leave message, so `b` has applied the leave before answering.
            (0, chai_1.expect)((await a.adapter.sockets(new Set(['game']))).size).to.equal(0);
            (0, chai_1.expect)(b.adapter.rooms.has('game')).to.equal(false);
        });
        it('disconnects a remote sid', async () => {
            const b1 = b.connect('b1');
            const disconnected = (0, node_events_1.once)(b1, 'disconnect');
            a.adapter.disconnectSockets(target(['b1']), false);
            await disconnected;
            (0, chai_1.expect)(b.sockets.has('b1')).to.equal(false);
        });
    });
    describe('#sockets / #fetchSockets', () => {
        it('lists the sockets of every process', async () => {
            a.connect('a1', ['r']);
            b.connect('b1', ['r']);
            b.connect('b2');
            (0, chai_1.expect)([...(await a.adapter.sockets(new Set(['r'])))].sort()).to.deep.equal(['a1', 'b1']);
            (0, chai_1.expect)([...(await b.adapter.sockets(new Set()))].sort()).to.deep.equal(['a1', 'b1', 'b2']);
            const described = await a.adapter.fetchSockets(target(['r']));
            (0, chai_1.expect)(described.map((s) => s.id).sort()).to.deep.equal(['a1', 'b1']);
            (0, chai_1.expect)(described.find((s) => s.id === 'b1')).to.deep.include({ data: { on: 'b1' } });
        });
        it('rejects with a ClusterError when a subscriber never answers', async () => {
            const mute = new FakeNode(channel, 150);
            nodes.push(mute);
            await mute.adapter.init();
            // A raw subscriber on the same channel counts as a server but never answers.
            const { default: Redis } = await Promise.resolve().then(() => __importStar(require('ioredis')));
            const silent = new Redis(redis_support_1.REDIS_URL);
            try {
                await silent.subscribe(`${channel}#/#`);
                const err = await mute.adapter.fetchSockets(target()).then(() => undefined, (e) => e);
                (0, chai_1.expect)(err).to.be.instanceOf(errors_1.ClusterError);
                (0, chai_1.expect)(err).to.have.property('code', 'CLASSIO_ERR_CLUSTER');
                (0, chai_1.expect)(err.message).to.match(/fetchSockets on namespace '\/' timed out after 150 ms: 2 of 3/);
            }
            finally {
                silent.disconnect();
            }
        });
    });
    describe('#broadcastWithAck', () => {
        it('reports one cluster-wide count and forwards the remote acks', async () => {
            a.connect('a1');
            const b1 = b.connect('b1');
            const counts = [];
            const acks = [];
            let onCounted;
            let onAcked;
            const counted = new Promise((resolve) => (onCounted = resolve));
            const acked = new Promise((resolve) => (onAcked = resolve));
            a.adapter.broadcastWithAck(event('question'), target(['b1'], [], { timeout: 2000 }), (n) => {
                counts.push(n);
                onCounted();
            }, (args) => {
                acks.push(args);
                onAcked();
            });
            const packet = await b1.next('question');
            (0, chai_1.expect)(packet.id).to.be.a('number');
            b1.acks.get(packet.id)('answer', 42);
            await Promise.all([counted, acked]);
            (0, chai_1.expect)(acks).to.deep.equal([['answer', 42]]);
            (0, chai_1.expect)(counts).to.deep.equal([1]);
        });
    });
    describe('#serverSideEmit', () => {
        it('delivers to the other processes and collects their answers', async () => {
            b.connect('b1');
            const answers = await new Promise((resolve, reject) => a.adapter.serverSideEmit([
                'ping',
                7,
                (err, res) => (err ? reject(err) : resolve(res)),
            ]));
            (0, chai_1.expect)(answers).to.deep.equal([['pong from', 1]]);
            (0, chai_1.expect)(b.serverSideEvents).to.deep.equal([['ping', 7]]);
            (0, chai_1.expect)(a.serverSideEvents).to.deep.equal([]);
        });
    });
});
describe('createRedisAdapter', () => {
    it('rejects a URL that is not redis://', () => {
        (0, chai_1.expect)(() => (0, index_1.createRedisAdapter)({ url: 'http://127.0.0.1:6379' }))
            .to.throw(errors_1.ConfigurationError, /messageQueue must be a redis:\/\/ or rediss:\/\/ URL/)
            .with.property('code', 'CLASSIO_ERR_CONFIG');
    });
    it('keeps a server alive when Redis is unreachable and reports the outage once', async () => {
        const errors = [];
        const host = { name: '/', socket: () => undefined, onServerSideEmit: () => { } };
        // Port 1 on loopback refuses connections at once.
        const adapter = (0, index_1.createRedisAdapter)({ url: 'redis://127.0.0.1:1', onError: (e) => errors.push(e) })(host);
        const link = adapter.link;
        try {
            void adapter.init();
            adapter.broadcast(event('lost'), target());
            const err = await adapter.fetchSockets(target()).then(() => undefined, (e) => e);
            (0, chai_1.expect)(err).to.be.instanceOf(errors_1.ClusterError);
            (0, chai_1.expect)(err.message).to.equal("fetchSockets on namespace '/': Redis is unavailable");
            // Several failed reconnect attempts later, the outage has still been reported once.
            await new Promise((resolve) => {
                let attempts = 0;
                const onReconnecting = () => {
                    if (++attempts < 3)
                        return;
                    link.sub.off('reconnecting', onReconnecting);
                    resolve();
                };
                link.sub.on('reconnecting', onReconnecting);
            });
            (0, chai_1.expect)(errors).to.have.length(1);
        }
        finally {
            await adapter.close();
        }
    });
});
describe('Emitter', function () {
    let channel;
    let node;
    let other;
    let emitter;
    before(async function () {
        await (0, redis_support_1.requireRedis)(this);
    });
    beforeEach(async () => {
        channel = (0, redis_support_1.uniqueChannel)();
        node = new FakeNode(channel);
        other = new FakeNode(channel);
        await Promise.all([node.adapter.init(), other.adapter.init()]);
        emitter = new emitter_1.Emitter({ messageQueue: redis_support_1.REDIS_URL, channel });
    });
    afterEach(async () => {
        await emitter.close();
        await Promise.all([node.adapter.close(), other.adapter.close()]);
    });
    it('reaches the clients of every process', async () => {
        const s1 = node.connect('s1');
        const s2 = other.connect('s2');
        (0, chai_1.expect)(await emitter.emit('news', { text: 'hi' })).to.equal(2);
        (0, chai_1.expect)((await s1.next('news')).data).to.deep.equal(['news', { text: 'hi' }]);
        (0, chai_1.expect)((await s2.next('news')).data).to.deep.equal(['news', { text: 'hi' }]);
    });
    it('targets rooms and exclusions, chained or with emitOptions', async () => {
        const s1 = node.connect('s1', ['lobby']);
        const s2 = other.connect('s2', ['lobby', 'bots']);
        const s3 = other.connect('s3');
        await emitter.to('lobby').except('bots').emit('chained');
        await emitter.emit('object', { room: 'not a target' }, (0, emit_options_1.emitOptions)({ namespace: '/', room: 'lobby', skipSid: ['bots'] }));
        await emitter.to('s3').emit('done');
        await s3.next('done');
        (0, chai_1.expect)(s1.events('chained')).to.have.length(1);
        (0, chai_1.expect)(s1.events('object')).to.deep.equal([[{ room: 'not a target' }]]);
        (0, chai_1.expect)(s2.events('chained')).to.have.length(0);
        (0, chai_1.expect)(s3.events('chained')).to.have.length(0);
    });
    it('ignores other namespaces', async () => {
        const s1 = node.connect('s1');
        await emitter.of('/admin').emit('elsewhere');
        await emitter.emit('elsewhere', (0, emit_options_1.emitOptions)({ namespace: 'admin' }));
        await emitter.emit('here');
        await s1.next('here');
        (0, chai_1.expect)(s1.events('elsewhere')).to.have.length(0);
    });
});
//# sourceMappingURL=redis-adapter.test.js.map