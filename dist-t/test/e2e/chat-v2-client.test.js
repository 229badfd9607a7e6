"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const chat_helpers_1 = require("./chat-helpers");
const io_v2_1 = require("../support/io-v2");
/** Buffers a v2 client's `my response` events, so that a test awaits them in order without racing the listener. */
class Responses {
    #items = [];
    #waiters = [];
    constructor(socket) {
        socket.on('my response', (...args) => {
            const waiter = this.#waiters.shift();
            if (waiter !== undefined)
                waiter(args);
            else
                this.#items.push(args);
        });
    }
    next() {
        const item = this.#items.shift();
        if (item !== undefined)
            return Promise.resolve(item);
        return new Promise((resolve) => this.#waiters.push(resolve));
    }
    async nextPayload() {
        return (await this.next())[0];
    }
}
/** The chat example's features (issue 4) with the Socket.IO v2 client, once per transport (`allowEIO3`). */
for (const mode of io_v2_1.V2_MODES) {
    describe(`chat example with socket.io-client@2, ${mode.name}`, () => {
        let chat;
        const clients = new io_v2_1.V2ClientPool();
        async function joinTest(m = mode) {
            const socket = clients.open(chat.app.server, '/test', m);
            const responses = new Responses(socket);
            await (0, io_v2_1.nextV2Event)(socket, 'connect');
            (0, chai_1.expect)(await responses.nextPayload()).to.deep.equal({ data: 'Connected', count: 0 });
            return { socket, responses };
        }
        beforeEach(async () => {
            chat = await (0, chat_helpers_1.startChat)({ server: { allowEIO3: true } });
        });
        afterEach(async () => {
            await clients.closeAll();
            await (0, chat_helpers_1.closeAll)(chat, []);
            chat = undefined;
        });
        it('greets, echoes with the session counter, and broadcasts to everyone (1, 2, 3)', async () => {
            const a = await joinTest();
            const b = await joinTest();
            a.socket.emit('my event', { data: 'hello' });
            (0, chai_1.expect)(await a.responses.nextPayload()).to.deep.equal({ data: 'hello', count: 1 });
            a.socket.emit('my broadcast event', { data: 'to all' });
            (0, chai_1.expect)(await a.responses.nextPayload()).to.deep.equal({ data: 'to all', count: 2 });
            (0, chai_1.expect)(await b.responses.nextPayload()).to.deep.equal({ data: 'to all', count: 2 });
        });
        it('joins, lists, leaves and closes rooms, and sends a room event to members only (4, 5, 6, 7)', async () => {
            const a = await joinTest();
            const outsider = await joinTest();
            a.socket.emit('join', { room: 'lobby' });
            (0, chai_1.expect)(await a.responses.nextPayload()).to.deep.equal({ data: `In rooms: ${a.socket.id}, lobby`, count: 1 });
            a.socket.emit('my_room_event', { room: 'lobby', data: 'psst' });
            (0, chai_1.expect)(await a.responses.nextPayload()).to.deep.equal({ data: 'psst', count: 2 });
            outsider.socket.emit('my event', { data: 'mine' });
            (0, chai_1.expect)(await outsider.responses.nextPayload()).to.deep.equal({ data: 'mine', count: 1 });
            a.socket.emit('leave', { room: 'lobby' });
            (0, chai_1.expect)(await a.responses.nextPayload()).to.deep.equal({ data: `In rooms: ${a.socket.id}`, count: 3 });
            a.socket.emit('join', { room: 'r' });
            await a.responses.next();
            // The announcement carries the counter of the client who closes the room: the outsider's second event.
            outsider.socket.emit('close_room', { room: 'r' });
            (0, chai_1.expect)(await a.responses.nextPayload()).to.deep.equal({ data: 'Room r is closing.', count: 2 });
        });
        it('asks for an ack on "Disconnected!" and disconnects once the client acks (8)', async () => {
            const client = await joinTest();
            const disconnected = (0, io_v2_1.nextV2Event)(client.socket, 'disconnect');
            const asked = new Promise((resolve) => client.socket.once('my response', (msg, ack) => resolve([msg, ack])));
            client.socket.emit('disconnect_request');
            const [msg, ack] = await asked;
            (0, chai_1.expect)(msg).to.deep.equal({ data: 'Disconnected!', count: 1 });
            ack();
            (0, chai_1.expect)((await disconnected)[0]).to.equal('io server disconnect');
        });
        it('answers "my ping", "ack" and reports a handler error (9, 10, 11)', async () => {
            const client = await joinTest();
            const pong = (0, io_v2_1.nextV2Event)(client.socket, 'my pong');
            client.socket.emit('my ping');
            (0, chai_1.expect)(await pong).to.deep.equal([]);
            (0, chai_1.expect)(await (0, io_v2_1.emitWithAckV2)(client.socket, 'ack', 1, 'two', { three: [3] })).to.deep.equal([
                1,
                'two',
                { three: [3] },
            ]);
            const error = (0, io_v2_1.nextV2Event)(client.socket, 'my error');
            client.socket.emit('my error event');
            (0, chai_1.expect)(await error).to.deep.equal([{ event: 'my error event', message: 'boom' }]);
        });
        it('logs a disconnect (12)', async () => {
            const client = await joinTest();
            const sid = client.socket.id;
            client.socket.close();
            const line = await chat.waitForLog(new RegExp(`disconnect.*${sid}`));
            (0, chai_1.expect)(line).to.include(sid);
        });
        it('accepts the token of /private from the query, and refuses a wrong one with "unauthorized"', async () => {
            const server = chat.app.server;
            const good = await clients.connect(server, '/private', mode, { query: { token: 'secret' } });
            (0, chai_1.expect)(await (0, io_v2_1.emitWithAckV2)(good, 'whoami')).to.deep.equal([good.id]);
            const bad = clients.open(server, '/private', mode, { query: { token: 'nope' } });
            (0, chai_1.expect)(await (0, io_v2_1.nextV2Event)(bad, 'error')).to.deep.equal(['unauthorized']);
        });
        it('sends a "message" back in /', async () => {
            const client = await clients.connect(chat.app.server, '/', mode);
            const echoed = (0, io_v2_1.nextV2Event)(client, 'message');
            client.emit('message', 'hi', { n: 1 });
            (0, chai_1.expect)(await echoed).to.deep.equal(['hi', { n: 1 }]);
        });
    });
}
//# sourceMappingURL=chat-v2-client.test.js.map