"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const raw_engine_client_1 = require("../support/raw-engine-client");
const engine_fixture_1 = require("./engine-fixture");
describe('EngineServer', () => {
    let fixture;
    beforeEach(async () => {
        fixture = await (0, engine_fixture_1.startEngine)({ maxHttpBufferSize: 100 });
        (0, engine_fixture_1.echo)(fixture.engine);
    });
    afterEach(() => fixture.close());
    describe('maxHttpBufferSize', () => {
        it('closes a websocket session whose message is too large, and only that one', async () => {
            const first = fixture.nextConnection();
            const { client: big } = await raw_engine_client_1.RawWebSocketClient.handshake(fixture.baseUrl);
            const bigSocket = await first;
            const { client: small } = await raw_engine_client_1.RawWebSocketClient.handshake(fixture.baseUrl);
            const closed = (0, raw_engine_client_1.once)(bigSocket, 'close');
            big.send(`4${'x'.repeat(200)}`);
            (0, chai_1.expect)((await closed)[0]).to.equal('message too large');
            (0, chai_1.expect)(await big.closed).to.equal(1009);
            small.send('4still fine');
            (0, chai_1.expect)(await small.next()).to.equal('4still fine');
            (0, chai_1.expect)(fixture.engine.clientsCount).to.equal(1);
            small.close();
        });
        it('answers an oversized polling POST with 413 and closes that session only', async () => {
            const first = fixture.nextConnection();
            const big = await raw_engine_client_1.RawPollingClient.connect(fixture.baseUrl);
            const bigSocket = await first;
            const small = await raw_engine_client_1.RawPollingClient.connect(fixture.baseUrl);
            const closed = (0, raw_engine_client_1.once)(bigSocket, 'close');
            const res = await big.push(`4${'x'.repeat(200)}`);
            (0, chai_1.expect)(res.status).to.equal(413);
            (0, chai_1.expect)((await closed)[0]).to.equal('message too large');
            (0, chai_1.expect)((await big.poll()).status).to.equal(400);
            (0, chai_1.expect)((await small.push('4still fine')).body).to.equal('ok');
            (0, chai_1.expect)((await small.poll()).body).to.equal('4still fine');
        });
        it('counts the bytes of a POST sent without a content length', async () => {
            const first = fixture.nextConnection();
            const big = await raw_engine_client_1.RawPollingClient.connect(fixture.baseUrl);
            const closed = (0, raw_engine_client_1.once)(await first, 'close');
            const res = await big.push(`4${'é'.repeat(80)}`, { 'Transfer-Encoding': 'chunked' });
            (0, chai_1.expect)(res.status).to.equal(413);
            (0, chai_1.expect)((await closed)[0]).to.equal('message too large');
        });
        it('accepts a message of exactly maxHttpBufferSize bytes', async () => {
            const { client } = await raw_engine_client_1.RawWebSocketClient.handshake(fixture.baseUrl);
            const literal = `4${'y'.repeat(99)}`;
            client.send(literal);
            (0, chai_1.expect)(await client.next()).to.equal(literal);
            client.close();
        });
    });
});
//# sourceMappingURL=max-payload.test.js.map