"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const server_1 = require("../../examples/chat/server");
const testing_1 = require("../../src/testing");
/** Every numbered behaviour of the chat example (issue 4), through the in-process test client: no port at all. */
describe('chat example with the test client', () => {
    let app;
    let logs;
    function start(options = {}) {
        logs = [];
        app = (0, server_1.createChatApp)({ backgroundIntervalMs: 0, token: 'secret', log: (line) => logs.push(line), ...options });
        return app;
    }
    /** A /test client whose `Connected` greeting has been checked and consumed. */
    async function joinTest(options = {}) {
        const client = new testing_1.TestClient(app.server, '/test', options);
        (0, chai_1.expect)(await client.ready).to.equal(true);
        (0, chai_1.expect)(await client.waitFor('my response')).to.deep.equal({
            name: 'my response',
            args: [{ data: 'Connected', count: 0 }],
            namespace: '/test',
        });
        (0, chai_1.expect)(client.getReceived()).to.deep.equal([]);
        return client;
    }
    /**
     * The payloads of the next `count` `my response` events. Awaited rather than read at once: handlers with a
     * validated payload may finish after the emit returns.
     */
    async function responses(client, count = 1) {
        const payloads = [];
        for (let i = 0; i < count; i++)
            payloads.push((await client.waitFor('my response')).args[0]);
        return payloads;
    }
    beforeEach(() => {
        start();
    });
    afterEach(async () => {
        await app?.close();
        app = undefined;
    });
    it('greets a new client with "Connected", count 0 (1)', async () => {
        await joinTest();
    });
    it('runs one background task for every client once the first connects (1)', async () => {
        await app?.close();
        start({ backgroundIntervalMs: 5 });
        const a = await joinTest();
        const b = await joinTest();
        const first = (await a.waitFor('my response')).args[0];
        const second = (await a.waitFor('my response')).args[0];
        (0, chai_1.expect)(first.data).to.equal('Server generated event');
        (0, chai_1.expect)(second).to.deep.equal({ data: 'Server generated event', count: first.count + 1 });
        (0, chai_1.expect)((await b.waitFor('my response')).args[0].data).to.equal('Server generated event');
    });
    it('echoes "my event" with the session counter (2)', async () => {
        const client = await joinTest();
        client.emit('my event', { data: 'hello' });
        client.emit('my event', { data: 'again' });
        (0, chai_1.expect)(await responses(client, 2)).to.deep.equal([
            { data: 'hello', count: 1 },
            { data: 'again', count: 2 },
        ]);
    });
    it('broadcasts "my broadcast event" to every client, sender included (3)', async () => {
        const a = await joinTest();
        const b = await joinTest();
        a.emit('my broadcast event', { data: 'to all' });
        (0, chai_1.expect)(await responses(a)).to.deep.equal([{ data: 'to all', count: 1 }]);
        (0, chai_1.expect)(await responses(b)).to.deep.equal([{ data: 'to all', count: 1 }]);
    });
    it('joins and leaves rooms, listing every room of the client (4, 5)', async () => {
        const client = await joinTest();
        const sid = client.id();
        client.emit('join', { room: 'lobby' });
        client.emit('join', { room: 'kitchen' });
        client.emit('leave', { room: 'lobby' });
        (0, chai_1.expect)(await responses(client, 3)).to.deep.equal([
            { data: `In rooms: ${sid}, lobby`, count: 1 },
            { data: `In rooms: ${sid}, lobby, kitchen`, count: 2 },
            { data: `In rooms: ${sid}, kitchen`, count: 3 },
        ]);
    });
    it('announces a closing room to its members, then empties it (6)', async () => {
        const a = await joinTest();
        const b = await joinTest();
        b.emit('join', { room: 'r' });
        await responses(b);
        a.emit('close_room', { room: 'r' });
        (0, chai_1.expect)(await responses(b)).to.deep.equal([{ data: 'Room r is closing.', count: 1 }]);
        (0, chai_1.expect)(a.getReceived()).to.deep.equal([]);
        b.emit('join', { room: 'other' });
        (0, chai_1.expect)(await responses(b)).to.deep.equal([{ data: `In rooms: ${b.id()}, other`, count: 2 }]);
    });
    it('sends "my_room_event" to the members of the room only (7)', async () => {
        const a = await joinTest();
        const b = await joinTest();
        const outsider = await joinTest();
        a.emit('join', { room: 'r' });
        b.emit('join', { room: 'r' });
        await responses(a);
        await responses(b);
        a.emit('my_room_event', { room: 'r', data: 'psst' });
        (0, chai_1.expect)(await responses(a)).to.deep.equal([{ data: 'psst', count: 2 }]);
        (0, chai_1.expect)(await responses(b)).to.deep.equal([{ data: 'psst', count: 2 }]);
        (0, chai_1.expect)(outsider.getReceived()).to.deep.equal([]);
    });
    it('asks for an ack on "Disconnected!" and disconnects once answered (8)', async () => {
        const client = await joinTest();
        client.emit('disconnect_request');
        const goodbye = await client.waitFor('my response');
        (0, chai_1.expect)(goodbye.args).to.deep.equal([{ data: 'Disconnected!', count: 1 }]);
        (0, chai_1.expect)(goodbye.ack).to.be.a('function');
        (0, chai_1.expect)(client.isConnected()).to.equal(true);
        goodbye.ack?.();
        await waitUntil(() => !client.isConnected());
        (0, chai_1.expect)(client.disconnectReason()).to.equal('io server disconnect');
    });
    it('disconnects at once when acks are answered automatically (8)', async () => {
        const client = await joinTest({ onAck: () => [] });
        client.emit('disconnect_request');
        await waitUntil(() => !client.isConnected());
        (0, chai_1.expect)(client.disconnectReason()).to.equal('io server disconnect');
    });
    it('answers "my ping" with "my pong" and no arguments (9)', async () => {
        const client = await joinTest();
        client.emit('my ping');
        (0, chai_1.expect)(await client.waitFor('my pong')).to.deep.equal({ name: 'my pong', args: [], namespace: '/test' });
    });
    it('answers "ack" with the same arguments (10)', async () => {
        const client = await joinTest();
        (0, chai_1.expect)(await client.emitWithAck('ack', 1, 'two', { three: [3] })).to.deep.equal([1, 'two', { three: [3] }]);
    });
    it('reports a handler error as "my error" to the sender (11)', async () => {
        const client = await joinTest();
        client.emit('my error event');
        (0, chai_1.expect)((await client.waitFor('my error')).args).to.deep.equal([{ event: 'my error event', message: 'boom' }]);
    });
    it('logs a disconnect (12)', async () => {
        const client = await joinTest();
        const sid = client.id();
        client.disconnect();
        await waitUntil(() => logs.some((line) => line.includes(sid)));
        (0, chai_1.expect)(logs.find((line) => line.includes(sid))).to.match(/disconnect/);
    });
    it('lets /private in with the token and answers whoami with the sid', async () => {
        const client = new testing_1.TestClient(app.server, '/private', { auth: { token: 'secret' } });
        (0, chai_1.expect)(await client.ready).to.equal(true);
        (0, chai_1.expect)(await client.emitWithAck('whoami')).to.deep.equal([client.id()]);
    });
    it('refuses /private without the token: connect_error "unauthorized"', async () => {
        const client = new testing_1.TestClient(app.server, '/private', { auth: { token: 'wrong' } });
        (0, chai_1.expect)(await client.ready).to.equal(false);
        (0, chai_1.expect)(client.connectError()?.message).to.equal('unauthorized');
        (0, chai_1.expect)(await client.connect('/private')).to.equal(false);
        (0, chai_1.expect)(client.connectError('/private')?.message).to.equal('unauthorized');
    });
    it('sends a "message" on / straight back', async () => {
        const client = new testing_1.TestClient(app.server, '/');
        await client.ready;
        client.emit('message', 'hi');
        (0, chai_1.expect)(await client.waitFor('message', { namespace: '/' })).to.deep.equal({
            name: 'message',
            args: ['hi'],
            namespace: '/',
        });
    });
});
/**
 * Waits until `condition` holds, one event-loop turn at a time (the server's async handlers need turns, not
 * time); gives up after 1000 turns so that a broken build fails instead of hanging.
 */
async function waitUntil(condition) {
    for (let turn = 0; turn < 1000; turn++) {
        if (condition())
            return;
        await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error('condition not met after 1000 event-loop turns');
}
//# sourceMappingURL=chat-test-client.test.js.map