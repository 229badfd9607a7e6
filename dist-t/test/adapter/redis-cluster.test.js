"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const socket_io_client_1 = require("socket.io-client");
const emitter_1 = require("../../src/emitter");
const emit_options_1 = require("../../src/runtime/emit-options");
const redis_support_1 = require("./redis-support");
async function connect(node, transport = 'websocket') {
    const socket = (0, socket_io_client_1.io)(node.url, { transports: [transport], forceNew: true, reconnection: false });
    const received = [];
    const waiters = [];
    socket.onAny((event, ...args) => {
        received.push([event, ...args]);
        for (const waiter of waiters.filter((w) => w.event === event)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(args);
        }
    });
    socket.on('question', (value, ack) => ack(value + 1));
    await new Promise((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
    });
    return {
        socket,
        id: socket.id,
        received,
        next(event) {
            const seen = received.find(([name]) => name === event);
            if (seen)
                return Promise.resolve(seen.slice(1));
            return new Promise((resolve) => waiters.push({ event, resolve }));
        },
        count(event) {
            return received.filter(([name]) => name === event).length;
        },
    };
}
describe('Redis cluster (three server processes)', function () {
    let channel;
    let nodes;
    let clients;
    let a;
    let b;
    let c;
    let onA;
    let onB;
    let onC;
    let sentinels = 0;
    before(async function () {
        await (0, redis_support_1.requireRedis)(this);
        channel = (0, redis_support_1.uniqueChannel)();
        nodes = await Promise.all([0, 1, 2].map(() => redis_support_1.ClusterNode.start(redis_support_1.REDIS_URL, channel)));
        [a, b, c] = nodes;
    });
    after(async () => {
        await Promise.all((nodes ?? []).map((node) => node.stop()));
    });
    beforeEach(async () => {
        // One client over polling, so the cluster path is shown on both transports.
        clients = await Promise.all([connect(a), connect(b, 'polling'), connect(c)]);
        [onA, onB, onC] = clients;
    });
    afterEach(() => {
        for (const client of clients ?? [])
            client.socket.disconnect();
    });
    /**
     * Broadcasts a sentinel from `from` to everyone and waits until every client has it. Messages from one
     * publisher arrive in order, so everything `from` sent before has then been delivered: "exactly once" and
     * "not at all" are checked without waiting on a clock.
     */
    async function settle(from, targets = clients) {
        const marker = `sentinel-${++sentinels}`;
        if (from instanceof emitter_1.Emitter)
            await from.emit(marker);
        else
            await from.run('emit', { event: marker, args: [] });
        await Promise.all(targets.map((client) => client.next(marker)));
    }
    it('delivers a broadcast to the clients of every process exactly once', async () => {
        await b.run('emit', { event: 'news', args: [{ text: 'hi' }, 2] });
        await settle(b);
        for (const client of clients) {
            (0, chai_1.expect)(client.count('news'), `client on ${client.id}`).to.equal(1);
            (0, chai_1.expect)(await client.next('news')).to.deep.equal([{ text: 'hi' }, 2]);
        }
    });
    it('delivers room messages with exclusions exactly once', async () => {
        await a.run('joinRoom', { sid: onA.id, room: 'red' });
        await b.run('joinRoom', { sid: onB.id, room: 'red' });
        await c.run('joinRoom', { sid: onC.id, room: 'blue' });
        await a.run('joinRoom', { sid: onA.id, room: 'blue' });
        // `c` sends to both rooms (onA is in both and must get it once) minus the sid room of onB.
        await c.run('emit', { event: 'paint', args: [], rooms: ['red', 'blue'], except: [onB.id] });
        await settle(c);
        (0, chai_1.expect)([onA, onB, onC].map((client) => client.count('paint'))).to.deep.equal([1, 0, 1]);
    });
    it('makes a client of another process join and leave a room', async () => {
        await a.run('joinRoom', { sid: onC.id, room: 'lobby' });
        (0, chai_1.expect)(await b.run('allSockets', { room: 'lobby' })).to.deep.equal([onC.id]);
        await a.run('emit', { event: 'in-lobby', args: [], rooms: ['lobby'] });
        (0, chai_1.expect)(await onC.next('in-lobby')).to.deep.equal([]);
        await a.run('leaveRoom', { sid: onC.id, room: 'lobby' });
        await a.run('emit', { event: 'after-leave', args: [], rooms: ['lobby'] });
        await settle(a);
        (0, chai_1.expect)(onC.count('after-leave')).to.equal(0);
        (0, chai_1.expect)(await a.run('allSockets', { room: 'lobby' })).to.deep.equal([]);
    });
    it('closes a room across processes', async () => {
        for (const [node, client] of [
            [a, onA],
            [b, onB],
            [c, onC],
        ]) {
            await node.run('joinRoom', { sid: client.id, room: 'game' });
        }
        (0, chai_1.expect)(await a.run('fetchSockets', { room: 'game' })).to.deep.equal([onA.id, onB.id, onC.id].sort());
        await b.run('closeRoom', { room: 'game' });
        (0, chai_1.expect)(await b.run('allSockets', { room: 'game' })).to.deep.equal([]);
    });
    it('disconnects a client of another process', async () => {
        const reason = new Promise((resolve) => onC.socket.once('disconnect', resolve));
        await a.run('disconnectSid', { sid: onC.id });
        (0, chai_1.expect)(await reason).to.equal('io server disconnect');
        (0, chai_1.expect)(await a.run('allSockets')).to.deep.equal([onA.id, onB.id].sort());
    });
    it('calls a client of another process and gets its ack', async () => {
        (0, chai_1.expect)(await a.run('call', { sid: onB.id, event: 'question', args: [41], timeout: 2000 })).to.deep.equal([42]);
        (0, chai_1.expect)(await c.run('call', { sid: onA.id, event: 'question', args: [1], timeout: 2000 })).to.deep.equal([2]);
    });
    it('collects the acks of every process for a broadcast with a timeout', async () => {
        const answers = await b.run('emitWithAck', { event: 'question', args: [9], timeout: 2000 });
        (0, chai_1.expect)(answers).to.deep.equal([10, 10, 10]);
    });
    it('rejects a call to a sid no process holds', async () => {
        const err = await a
            .run('call', { sid: 'nobody', event: 'question', args: [1], timeout: 2000 })
            .catch((e) => e);
        (0, chai_1.expect)(err).to.be.instanceOf(redis_support_1.NodeCommandError);
        (0, chai_1.expect)(err).to.have.property('code', 'CLASSIO_ERR_DISCONNECTED');
    });
    it('delivers server-side emits to the other processes and collects their answers', async () => {
        const since = [b, c].map((node) => node.events.length);
        const answers = await a.run('serverSideEmit', { event: 'greeting', args: ['from a'] });
        (0, chai_1.expect)(answers).to.have.length(2);
        const received = await Promise.all([b, c].map((node, i) => node.waitFor((e) => e.type === 'serverSideEmit', since[i])));
        (0, chai_1.expect)(received.map((e) => e.args)).to.deep.equal([['from a'], ['from a']]);
    });
    describe('Emitter', () => {
        let emitter;
        beforeEach(() => {
            emitter = new emitter_1.Emitter({ messageQueue: redis_support_1.REDIS_URL, channel });
        });
        afterEach(async () => {
            await emitter.close();
        });
        it('reaches the clients of every process exactly once', async () => {
            (0, chai_1.expect)(await emitter.emit('from-worker', { job: 1 })).to.equal(3);
            await settle(emitter);
            for (const client of clients)
                (0, chai_1.expect)(client.count('from-worker')).to.equal(1);
            (0, chai_1.expect)(await onB.next('from-worker')).to.deep.equal([{ job: 1 }]);
        });
        it('targets a room and exclusions across processes', async () => {
            await a.run('joinRoom', { sid: onA.id, room: 'ops' });
            await a.run('joinRoom', { sid: onC.id, room: 'ops' });
            await emitter.to('ops').except(onA.id).emit('page');
            await emitter.emit('page-all', (0, emit_options_1.emitOptions)({ room: 'ops' }));
            await settle(emitter);
            (0, chai_1.expect)(clients.map((client) => client.count('page'))).to.deep.equal([0, 0, 1]);
            (0, chai_1.expect)(clients.map((client) => client.count('page-all'))).to.deep.equal([1, 0, 1]);
        });
    });
    // Mocha runs nested suites after the tests above, and this one last: it kills `c`.
    describe('when a process dies', () => {
        it('keeps serving the clients of the others', async () => {
            await c.kill();
            await a.run('emit', { event: 'still-here', args: [] });
            (0, chai_1.expect)(await onA.next('still-here')).to.deep.equal([]);
            (0, chai_1.expect)(await onB.next('still-here')).to.deep.equal([]);
        });
    });
});
//# sourceMappingURL=redis-cluster.test.js.map