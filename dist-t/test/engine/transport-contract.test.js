"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const raw_engine_client_1 = require("../support/raw-engine-client");
const engine_fixture_1 = require("./engine-fixture");
async function openWebSocket(baseUrl) {
    const { client, open } = await raw_engine_client_1.RawWebSocketClient.handshake(baseUrl);
    return {
        sid: open.sid,
        send(literal) {
            client.send(literal);
            return Promise.resolve();
        },
        async receive() {
            const frame = await client.next();
            return typeof frame === 'string' ? frame : `b${frame.toString('base64')}`;
        },
        async ended() {
            await client.closed;
        },
    };
}
async function openPolling(baseUrl) {
    const client = await raw_engine_client_1.RawPollingClient.connect(baseUrl);
    const queue = [];
    const receive = async () => {
        while (queue.length === 0)
            queue.push(...(await client.poll()).body.split('\x1e'));
        return queue.shift();
    };
    return {
        sid: client.sid,
        async send(literal) {
            const payload = typeof literal === 'string' ? literal : `b${literal.toString('base64')}`;
            (0, chai_1.expect)((await client.push(payload)).body).to.equal('ok');
        },
        receive,
        async ended() {
            for (;;)
                if ((await receive()) === '1')
                    return;
        },
    };
}
const transports = [
    ['websocket', openWebSocket],
    ['polling', openPolling],
];
for (const [name, open] of transports) {
    describe(`EngineSocket over ${name}`, () => {
        let fixture;
        let socket;
        let session;
        beforeEach(async () => {
            fixture = await (0, engine_fixture_1.startEngine)();
            const connection = fixture.nextConnection();
            session = await open(fixture.baseUrl);
            socket = await connection;
        });
        afterEach(() => fixture.close());
        it('reports its transport', () => {
            (0, chai_1.expect)(socket.transportName).to.equal(name);
            (0, chai_1.expect)(socket.id).to.equal(session.sid);
        });
        it('receives a text message', async () => {
            const message = (0, raw_engine_client_1.once)(socket, 'message');
            await session.send('4hello');
            (0, chai_1.expect)(await message).to.deep.equal(['hello']);
        });
        it('receives a binary message as a Buffer', async () => {
            const message = (0, raw_engine_client_1.once)(socket, 'message');
            await session.send(Buffer.from([1, 2, 3]));
            const [data] = await message;
            (0, chai_1.expect)(Buffer.isBuffer(data)).to.equal(true);
            (0, chai_1.expect)(data).to.deep.equal(Buffer.from([1, 2, 3]));
        });
        it('sends text and binary messages', async () => {
            socket.send('text');
            socket.send(Buffer.from([9, 8]));
            (0, chai_1.expect)(await session.receive()).to.equal('4text');
            (0, chai_1.expect)(await session.receive()).to.equal('bCQg=');
        });
        it('keeps a sendAll batch together and in order', async () => {
            socket.sendAll(['51-["a",{"_placeholder":true,"num":0}]', Buffer.from([1]), 'after']);
            (0, chai_1.expect)(await session.receive()).to.equal('451-["a",{"_placeholder":true,"num":0}]');
            (0, chai_1.expect)(await session.receive()).to.equal('bAQ==');
            (0, chai_1.expect)(await session.receive()).to.equal('4after');
        });
        it("emits close once with 'transport close' when the client sends a close packet", async () => {
            const reasons = [];
            socket.on('close', (reason) => reasons.push(reason));
            const closed = (0, raw_engine_client_1.once)(socket, 'close');
            await session.send('1');
            await closed;
            (0, chai_1.expect)(reasons).to.deep.equal(['transport close']);
            (0, chai_1.expect)(socket.readyState).to.equal('closed');
            (0, chai_1.expect)(fixture.engine.clients.has(socket.id)).to.equal(false);
        });
        it("emits 'forced close' when the server closes the session, and the client sees the end", async () => {
            const closed = (0, raw_engine_client_1.once)(socket, 'close');
            socket.close();
            socket.close();
            await session.ended();
            (0, chai_1.expect)((await closed)[0]).to.equal('forced close');
        });
        it("emits 'forced server close' when the engine closes", async () => {
            const closed = (0, raw_engine_client_1.once)(socket, 'close');
            await fixture.engine.close();
            (0, chai_1.expect)((await closed)[0]).to.equal('forced server close');
            (0, chai_1.expect)(fixture.engine.clientsCount).to.equal(0);
        });
        it('drops what is sent after close and never throws', async () => {
            const closed = (0, raw_engine_client_1.once)(socket, 'close');
            await session.send('1');
            await closed;
            (0, chai_1.expect)(() => socket.send('late')).to.not.throw();
            (0, chai_1.expect)(() => socket.sendAll(['late'])).to.not.throw();
            (0, chai_1.expect)(() => socket.close()).to.not.throw();
        });
    });
}
//# sourceMappingURL=transport-contract.test.js.map