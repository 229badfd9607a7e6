"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const raw_engine_client_1 = require("../support/raw-engine-client");
const engine_fixture_1 = require("./engine-fixture");
describe('EngineSocket', () => {
    let fixture;
    afterEach(() => fixture.close());
    describe('heartbeat', () => {
        it('pings every pingInterval and stays open while the client answers pongs', async () => {
            fixture = await (0, engine_fixture_1.startEngine)({ pingInterval: 20, pingTimeout: 1000 });
            const connection = fixture.nextConnection();
            const { client } = await raw_engine_client_1.RawWebSocketClient.handshake(fixture.baseUrl);
            const socket = await connection;
            for (let i = 0; i < 3; i++) {
                (0, chai_1.expect)(await client.next()).to.equal('2');
                client.send('3');
            }
            (0, chai_1.expect)(socket.readyState).to.equal('open');
            client.close();
        });
        it('pings a polling client through its pending GET', async () => {
            fixture = await (0, engine_fixture_1.startEngine)({ pingInterval: 20, pingTimeout: 1000 });
            const client = await raw_engine_client_1.RawPollingClient.connect(fixture.baseUrl);
            (0, chai_1.expect)((await client.poll()).body).to.equal('2');
            (0, chai_1.expect)((await client.push('3')).body).to.equal('ok');
            (0, chai_1.expect)((await client.poll()).body).to.equal('2');
        });
        it('closes a silent websocket client with ping timeout', async () => {
            fixture = await (0, engine_fixture_1.startEngine)({ pingInterval: 10, pingTimeout: 10 });
            const connection = fixture.nextConnection();
            const { client } = await raw_engine_client_1.RawWebSocketClient.handshake(fixture.baseUrl);
            const socket = await connection;
            const [reason] = await (0, raw_engine_client_1.once)(socket, 'close');
            (0, chai_1.expect)(reason).to.equal('ping timeout');
            await client.closed;
            (0, chai_1.expect)(fixture.engine.clientsCount).to.equal(0);
        });
        it('closes a silent polling client with ping timeout and forgets its sid', async () => {
            fixture = await (0, engine_fixture_1.startEngine)({ pingInterval: 10, pingTimeout: 10 });
            const connection = fixture.nextConnection();
            const client = await raw_engine_client_1.RawPollingClient.connect(fixture.baseUrl);
            const [reason] = await (0, raw_engine_client_1.once)(await connection, 'close');
            (0, chai_1.expect)(reason).to.equal('ping timeout');
            const res = await client.poll();
            (0, chai_1.expect)(res.status).to.equal(400);
            (0, chai_1.expect)(JSON.parse(res.body)).to.deep.equal({ code: 1, message: 'Session ID unknown' });
        });
        it('closes the session when the client pings (v4 heartbeats go server to client)', async () => {
            fixture = await (0, engine_fixture_1.startEngine)();
            const connection = fixture.nextConnection();
            const { client } = await raw_engine_client_1.RawWebSocketClient.handshake(fixture.baseUrl);
            const closed = (0, raw_engine_client_1.once)(await connection, 'close');
            client.send('2');
            (0, chai_1.expect)((await closed)[0]).to.equal('transport error');
        });
    });
});
//# sourceMappingURL=heartbeat.test.js.map