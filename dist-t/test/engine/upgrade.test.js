"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const raw_engine_client_1 = require("../support/raw-engine-client");
const engine_fixture_1 = require("./engine-fixture");
describe('EngineSocket', () => {
    let fixture;
    let socket;
    let polling;
    const start = async (options = {}) => {
        fixture = await (0, engine_fixture_1.startEngine)(options);
        const connection = fixture.nextConnection();
        polling = await raw_engine_client_1.RawPollingClient.connect(fixture.baseUrl);
        socket = await connection;
    };
    afterEach(() => fixture.close());
    describe('upgrade', () => {
        it('answers the probe, ends the pending poll with a noop and switches on the upgrade packet', async () => {
            await start();
            const pending = polling.poll();
            await (0, raw_engine_client_1.once)(fixture.httpServer, 'request');
            const ws = await raw_engine_client_1.RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
            ws.send('2probe');
            (0, chai_1.expect)(await ws.next()).to.equal('3probe');
            (0, chai_1.expect)((await pending).body).to.equal('6');
            (0, chai_1.expect)(socket.isUpgrading).to.equal(true);
            const upgraded = (0, raw_engine_client_1.once)(socket, 'upgrade');
            ws.send('5');
            (0, chai_1.expect)(await upgraded).to.deep.equal(['websocket']);
            (0, chai_1.expect)(socket.transportName).to.equal('websocket');
            (0, chai_1.expect)(socket.isUpgraded).to.equal(true);
            const message = (0, raw_engine_client_1.once)(socket, 'message');
            ws.send('4hello');
            (0, chai_1.expect)(await message).to.deep.equal(['hello']);
            socket.send('back');
            (0, chai_1.expect)(await ws.next()).to.equal('4back');
            ws.close();
        });
        it('answers a poll that arrives after the probe with a noop', async () => {
            await start();
            const ws = await raw_engine_client_1.RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
            ws.send('2probe');
            (0, chai_1.expect)(await ws.next()).to.equal('3probe');
            (0, chai_1.expect)((await polling.poll()).body).to.equal('6');
            ws.close();
        });
        it('moves the packets buffered during the upgrade over to the websocket', async () => {
            await start();
            const ws = await raw_engine_client_1.RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
            ws.send('2probe');
            (0, chai_1.expect)(await ws.next()).to.equal('3probe');
            socket.send('a');
            socket.sendAll(['b', Buffer.from([7])]);
            const upgraded = (0, raw_engine_client_1.once)(socket, 'upgrade');
            ws.send('5');
            await upgraded;
            (0, chai_1.expect)(await ws.next()).to.equal('4a');
            (0, chai_1.expect)(await ws.next()).to.equal('4b');
            (0, chai_1.expect)(await ws.next()).to.deep.equal(Buffer.from([7]));
            ws.close();
        });
        it('refuses polling requests after the upgrade with code 3', async () => {
            await start();
            const ws = await raw_engine_client_1.RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
            const upgraded = (0, raw_engine_client_1.once)(socket, 'upgrade');
            ws.send('2probe');
            ws.send('5');
            await upgraded;
            const res = await polling.poll();
            (0, chai_1.expect)(res.status).to.equal(400);
            (0, chai_1.expect)(JSON.parse(res.body)).to.deep.equal({ code: 3, message: 'Bad request' });
            ws.close();
        });
        it('closes a second websocket for an upgraded session and keeps the first', async () => {
            await start();
            const ws = await raw_engine_client_1.RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
            const upgraded = (0, raw_engine_client_1.once)(socket, 'upgrade');
            ws.send('2probe');
            ws.send('5');
            await upgraded;
            (0, chai_1.expect)(await ws.next()).to.equal('3probe');
            const second = await raw_engine_client_1.RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
            await second.closed;
            (0, chai_1.expect)(socket.readyState).to.equal('open');
            socket.send('still here');
            (0, chai_1.expect)(await ws.nextNonPing()).to.equal('4still here');
            ws.close();
        });
        it('closes the probe and stays on polling when the upgrade does not complete within upgradeTimeout', async () => {
            await start({ upgradeTimeout: 20 });
            const ws = await raw_engine_client_1.RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
            await ws.closed;
            (0, chai_1.expect)(socket.readyState).to.equal('open');
            (0, chai_1.expect)(socket.transportName).to.equal('polling');
            (0, chai_1.expect)(socket.isUpgrading).to.equal(false);
            socket.send('polling');
            (0, chai_1.expect)((await polling.poll()).body).to.equal('4polling');
        });
        it('cancels the upgrade on an unexpected packet on the probe', async () => {
            await start();
            const ws = await raw_engine_client_1.RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
            ws.send('4not a probe');
            await ws.closed;
            (0, chai_1.expect)(socket.transportName).to.equal('polling');
            (0, chai_1.expect)(socket.readyState).to.equal('open');
        });
        it('closes the probe websocket when the session closes', async () => {
            await start();
            const ws = await raw_engine_client_1.RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
            ws.send('2probe');
            (0, chai_1.expect)(await ws.next()).to.equal('3probe');
            const closed = (0, raw_engine_client_1.once)(socket, 'close');
            await polling.push('1');
            await closed;
            await ws.closed;
        });
    });
});
//# sourceMappingURL=upgrade.test.js.map