"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const raw_engine_client_1 = require("../support/raw-engine-client");
const engine_fixture_1 = require("./engine-fixture");
describe('PollingTransport', () => {
    let fixture;
    let socket;
    let client;
    beforeEach(async () => {
        fixture = await (0, engine_fixture_1.startEngine)();
        const connection = fixture.nextConnection();
        client = await raw_engine_client_1.RawPollingClient.connect(fixture.baseUrl);
        socket = await connection;
    });
    afterEach(() => fixture.close());
    describe('POST', () => {
        it("answers 'ok' and delivers the message", async () => {
            const message = (0, raw_engine_client_1.once)(socket, 'message');
            const res = await client.push('4hello');
            (0, chai_1.expect)(res.status).to.equal(200);
            (0, chai_1.expect)(res.body).to.equal('ok');
            (0, chai_1.expect)(await message).to.deep.equal(['hello']);
        });
        it('delivers every packet of a payload split on the record separator, binary decoded from base64', async () => {
            const messages = [];
            socket.on('message', (data) => messages.push(data));
            await client.push('4first\x1e4second\x1ebAQIDBA==');
            (0, chai_1.expect)(messages).to.deep.equal(['first', 'second', Buffer.from([1, 2, 3, 4])]);
        });
        it('decodes multi-byte UTF-8 text', async () => {
            const message = (0, raw_engine_client_1.once)(socket, 'message');
            await client.push('4héllo €');
            (0, chai_1.expect)(await message).to.deep.equal(['héllo €']);
        });
        it('closes the session with parse error on a malformed payload', async () => {
            const closed = (0, raw_engine_client_1.once)(socket, 'close');
            const res = await client.push('abc');
            (0, chai_1.expect)(res.status).to.equal(400);
            (0, chai_1.expect)(await closed).to.deep.equal(['parse error', undefined]);
            (0, chai_1.expect)(fixture.engine.clients.has(client.sid)).to.equal(false);
        });
        it('ends the session when the client posts a close packet, answering the pending GET with a noop', async () => {
            const pending = client.poll();
            await (0, raw_engine_client_1.once)(fixture.httpServer, 'request');
            const closed = (0, raw_engine_client_1.once)(socket, 'close');
            await client.push('1');
            (0, chai_1.expect)((await pending).body).to.equal('6');
            (0, chai_1.expect)((await closed)[0]).to.equal('transport close');
            (0, chai_1.expect)((await client.poll()).status).to.equal(400);
        });
    });
    describe('GET', () => {
        it('answers with text/plain; charset=UTF-8 and no caching', async () => {
            socket.send('x');
            const res = await client.poll();
            (0, chai_1.expect)(res.headers['content-type']).to.equal('text/plain; charset=UTF-8');
            (0, chai_1.expect)(res.headers['cache-control']).to.equal('no-store');
            (0, chai_1.expect)(res.body).to.equal('4x');
        });
        it('joins the packets sent in one tick with the record separator, binary as b + base64', async () => {
            socket.send('a');
            socket.sendAll(['b', Buffer.from([1, 2, 3])]);
            const res = await client.poll();
            (0, chai_1.expect)(res.body).to.equal('4a\x1e4b\x1ebAQID');
        });
        it('answers a waiting GET as soon as a message is sent', async () => {
            const pending = client.poll();
            await (0, raw_engine_client_1.once)(fixture.httpServer, 'request');
            socket.send('late');
            (0, chai_1.expect)((await pending).body).to.equal('4late');
        });
        it('closes the session when a second GET arrives while one is pending', async () => {
            const first = client.poll();
            await (0, raw_engine_client_1.once)(fixture.httpServer, 'request');
            const closed = (0, raw_engine_client_1.once)(socket, 'close');
            const second = await client.poll();
            (0, chai_1.expect)(second.status).to.equal(400);
            (0, chai_1.expect)((await first).body).to.equal('1');
            (0, chai_1.expect)((await closed)[0]).to.equal('transport error');
            (0, chai_1.expect)((await client.poll()).status).to.equal(400);
        });
        it('delivers the close packet on the next GET after close()', async () => {
            socket.send('bye');
            const closed = (0, raw_engine_client_1.once)(socket, 'close');
            socket.close();
            (0, chai_1.expect)(socket.readyState).to.equal('closing');
            (0, chai_1.expect)((await client.poll()).body).to.equal('4bye');
            (0, chai_1.expect)((await client.poll()).body).to.equal('1');
            (0, chai_1.expect)((await closed)[0]).to.equal('forced close');
        });
        it('closes the session when the client aborts a pending GET', async () => {
            const closed = (0, raw_engine_client_1.once)(socket, 'close');
            const controller = new AbortController();
            const pending = fetch(client.url(), { signal: controller.signal }).catch((err) => err);
            await (0, raw_engine_client_1.once)(fixture.httpServer, 'request');
            controller.abort();
            await pending;
            (0, chai_1.expect)((await closed)[0]).to.equal('transport error');
        });
    });
});
//# sourceMappingURL=polling.test.js.map