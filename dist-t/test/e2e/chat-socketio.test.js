"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const chat_helpers_1 = require("./chat-helpers");
/** Every numbered behaviour of the chat example (issue 4), with the official client, once per transport. */
for (const mode of chat_helpers_1.TRANSPORT_MODES) {
    describe(`chat example with socket.io-client, ${mode.name}`, () => {
        let chat;
        const sockets = [];
        async function join(namespace = '/test', extra = {}) {
            const client = await (0, chat_helpers_1.connectClient)(chat.url, namespace, mode, extra);
            sockets.push(client.socket);
            return client;
        }
        /** A /test client whose `Connected` greeting has been consumed. */
        async function joinTest() {
            const client = await join('/test');
            (0, chai_1.expect)(await client.responses.nextPayload()).to.deep.equal({ data: 'Connected', count: 0 });
            return client;
        }
        beforeEach(async () => {
            chat = await (0, chat_helpers_1.startChat)();
        });
        afterEach(async () => {
            await (0, chat_helpers_1.closeAll)(chat, sockets);
            chat = undefined;
        });
        describe('namespace /test', () => {
            it('greets a new client with "Connected", count 0 (1)', async () => {
                const client = await join();
                (0, chai_1.expect)(await client.responses.nextPayload()).to.deep.equal({ data: 'Connected', count: 0 });
            });
            it('runs one background task for every client once the first connects (1)', async () => {
                await (0, chat_helpers_1.closeAll)(chat, sockets);
                chat = await (0, chat_helpers_1.startChat)({ backgroundIntervalMs: 20 });
                const a = await joinTest();
                const b = await joinTest();
                // Both clients see the same server-wide sequence n, n+1, ... with no gap: one task, not one per client.
                const first = (await a.responses.nextPayload());
                (0, chai_1.expect)(first.data).to.equal('Server generated event');
                const second = (await a.responses.nextPayload());
                (0, chai_1.expect)(second).to.deep.equal({ data: 'Server generated event', count: first.count + 1 });
                const seenByB = (await b.responses.nextPayload());
                (0, chai_1.expect)(seenByB.data).to.equal('Server generated event');
                (0, chai_1.expect)(seenByB.count).to.be.a('number').and.to.be.at.least(1);
            });
            it('echoes "my event" to the sender with the session counter (2)', async () => {
                const client = await joinTest();
                client.socket.emit('my event', { data: 'hello' });
                (0, chai_1.expect)(await client.responses.nextPayload()).to.deep.equal({ data: 'hello', count: 1 });
                client.socket.emit('my event', { data: 'again' });
                (0, chai_1.expect)(await client.responses.nextPayload()).to.deep.equal({ data: 'again', count: 2 });
            });
            it('keeps one counter per connection (2)', async () => {
                const a = await joinTest();
                const b = await joinTest();
                a.socket.emit('my event', { data: 'a1' });
                (0, chai_1.expect)(await a.responses.nextPayload()).to.deep.equal({ data: 'a1', count: 1 });
                a.socket.emit('my event', { data: 'a2' });
                (0, chai_1.expect)(await a.responses.nextPayload()).to.deep.equal({ data: 'a2', count: 2 });
                b.socket.emit('my event', { data: 'b1' });
                (0, chai_1.expect)(await b.responses.nextPayload()).to.deep.equal({ data: 'b1', count: 1 });
            });
            it('broadcasts "my broadcast event" to every client, sender included (3)', async () => {
                const a = await joinTest();
                const b = await joinTest();
                a.socket.emit('my event', { data: 'bump' });
                await a.responses.next();
                a.socket.emit('my broadcast event', { data: 'to all' });
                (0, chai_1.expect)(await a.responses.nextPayload()).to.deep.equal({ data: 'to all', count: 2 });
                (0, chai_1.expect)(await b.responses.nextPayload()).to.deep.equal({ data: 'to all', count: 2 });
            });
            it('joins a room and lists every room of the client, its sid room first (4)', async () => {
                const client = await joinTest();
                client.socket.emit('join', { room: 'lobby' });
                (0, chai_1.expect)(await client.responses.nextPayload()).to.deep.equal({
                    data: `In rooms: ${client.socket.id}, lobby`,
                    count: 1,
                });
                client.socket.emit('join', { room: 'kitchen' });
                (0, chai_1.expect)(await client.responses.nextPayload()).to.deep.equal({
                    data: `In rooms: ${client.socket.id}, lobby, kitchen`,
                    count: 2,
                });
            });
            it('leaves a room and lists the rooms left (5)', async () => {
                const client = await joinTest();
                client.socket.emit('join', { room: 'lobby' });
                await client.responses.next();
                client.socket.emit('leave', { room: 'lobby' });
                (0, chai_1.expect)(await client.responses.nextPayload()).to.deep.equal({
                    data: `In rooms: ${client.socket.id}`,
                    count: 2,
                });
            });
            it('announces a closing room to its members, then empties it (6)', async () => {
                const a = await joinTest();
                const b = await joinTest();
                b.socket.emit('join', { room: 'r' });
                await b.responses.next();
                a.socket.emit('close_room', { room: 'r' });
                (0, chai_1.expect)(await b.responses.nextPayload()).to.deep.equal({ data: 'Room r is closing.', count: 1 });
                // B's next rooms listing shows that the room was closed under it.
                b.socket.emit('join', { room: 'other' });
                (0, chai_1.expect)(await b.responses.nextPayload()).to.deep.equal({
                    data: `In rooms: ${b.socket.id}, other`,
                    count: 2,
                });
            });
            it('sends "my_room_event" to the members of the room only (7)', async () => {
                const a = await joinTest();
                const b = await joinTest();
                const outsider = await joinTest();
                a.socket.emit('join', { room: 'r' });
                await a.responses.next();
                b.socket.emit('join', { room: 'r' });
                await b.responses.next();
                a.socket.emit('my_room_event', { room: 'r', data: 'psst' });
                (0, chai_1.expect)(await a.responses.nextPayload()).to.deep.equal({ data: 'psst', count: 2 });
                (0, chai_1.expect)(await b.responses.nextPayload()).to.deep.equal({ data: 'psst', count: 2 });
                // The room event was written to every recipient before B got it, so had the outsider been one, it
                // would come before the outsider's own echo.
                outsider.socket.emit('my event', { data: 'mine' });
                (0, chai_1.expect)(await outsider.responses.nextPayload()).to.deep.equal({ data: 'mine', count: 1 });
            });
            it('asks for an ack on "Disconnected!" and disconnects once the client acks (8)', async () => {
                const client = await joinTest();
                const disconnected = (0, chat_helpers_1.once)(client.socket, 'disconnect');
                const asked = new Promise((resolve) => {
                    client.socket.once('my response', (msg, ack) => resolve([msg, ack]));
                });
                client.socket.emit('disconnect_request');
                const [msg, ack] = await asked;
                (0, chai_1.expect)(msg).to.deep.equal({ data: 'Disconnected!', count: 1 });
                (0, chai_1.expect)(ack).to.be.a('function');
                ack();
                (0, chai_1.expect)((await disconnected)[0]).to.equal('io server disconnect');
            });
            it('answers "my ping" with "my pong" and no arguments (9)', async () => {
                const client = await joinTest();
                const pong = (0, chat_helpers_1.once)(client.socket, 'my pong');
                client.socket.emit('my ping');
                (0, chai_1.expect)(await pong).to.deep.equal([]);
            });
            it('answers "ack" with the same arguments (10)', async () => {
                const client = await joinTest();
                const answer = await new Promise((resolve) => {
                    client.socket.emit('ack', 1, 'two', { three: [3] }, (...args) => resolve(args));
                });
                (0, chai_1.expect)(answer).to.deep.equal([1, 'two', { three: [3] }]);
            });
            it('reports a handler error as "my error" to the sender (11)', async () => {
                const client = await joinTest();
                const error = (0, chat_helpers_1.once)(client.socket, 'my error');
                client.socket.emit('my error event');
                (0, chai_1.expect)(await error).to.deep.equal([{ event: 'my error event', message: 'boom' }]);
            });
            it('logs a disconnect (12)', async () => {
                const client = await joinTest();
                const sid = client.socket.id;
                client.socket.disconnect();
                const line = await chat.waitForLog(new RegExp(`disconnect.*${sid}`));
                (0, chai_1.expect)(line).to.include(sid);
            });
        });
        describe('namespace /private', () => {
            it('accepts the right token and answers "whoami" with the sid', async () => {
                const client = await join('/private', { auth: { token: 'secret' } });
                (0, chai_1.expect)(await client.socket.emitWithAck('whoami')).to.equal(client.socket.id);
            });
            it('refuses a wrong token with connect_error "unauthorized"', async () => {
                const err = await join('/private', { auth: { token: 'nope' } }).then(() => null, (e) => e);
                (0, chai_1.expect)(err).to.be.instanceOf(Error);
                (0, chai_1.expect)(err.message).to.equal('unauthorized');
            });
            it('refuses a missing token with connect_error "unauthorized"', async () => {
                const err = await join('/private').then(() => null, (e) => e);
                (0, chai_1.expect)(err.message).to.equal('unauthorized');
            });
        });
        describe('namespace /', () => {
            it('sends a "message" back', async () => {
                const client = await join('/');
                const echoed = (0, chat_helpers_1.once)(client.socket, 'message');
                client.socket.send('hi', { n: 1 });
                (0, chai_1.expect)(await echoed).to.deep.equal(['hi', { n: 1 }]);
            });
        });
    });
}
//# sourceMappingURL=chat-socketio.test.js.map