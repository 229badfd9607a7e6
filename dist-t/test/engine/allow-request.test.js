"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const raw_engine_client_1 = require("../support/raw-engine-client");
const engine_fixture_1 = require("./engine-fixture");
const HANDSHAKE = '/engine.io/?EIO=4&transport=polling';
describe('EngineServer', () => {
    let fixture;
    const start = async (allowRequest) => {
        fixture = await (0, engine_fixture_1.startEngine)({ allowRequest });
    };
    afterEach(() => fixture.close());
    describe('allowRequest', () => {
        it('refuses a handshake with code 4 Forbidden (HTTP 403) and opens no session', async () => {
            await start(() => false);
            let isConnected = false;
            fixture.engine.on('connection', () => (isConnected = true));
            const refusal = (0, raw_engine_client_1.once)(fixture.engine, 'connection_error');
            const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}${HANDSHAKE}`);
            (0, chai_1.expect)(res.status).to.equal(403);
            (0, chai_1.expect)(JSON.parse(res.body)).to.deep.equal({ code: 4, message: 'Forbidden' });
            (0, chai_1.expect)((await refusal)[0]).to.include({ code: 4, message: 'Forbidden' });
            (0, chai_1.expect)(isConnected).to.equal(false);
            (0, chai_1.expect)(fixture.engine.clientsCount).to.equal(0);
        });
        it('sees the handshake request and accepts it asynchronously', async () => {
            const seen = [];
            await start(async (req) => {
                seen.push(req);
                await new Promise((resolve) => setImmediate(resolve));
                return req.headers['x-token'] === 'secret';
            });
            const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}${HANDSHAKE}`, { headers: { 'x-token': 'secret' } });
            (0, chai_1.expect)(res.status).to.equal(200);
            (0, chai_1.expect)((0, raw_engine_client_1.parseOpenPacket)(res.body).sid).to.be.a('string');
            (0, chai_1.expect)(seen).to.have.length(1);
            (0, chai_1.expect)(seen[0].url).to.equal(HANDSHAKE);
        });
        it('uses the message of a thrown or rejected error as the body message', async () => {
            await start(() => Promise.reject(new Error('token expired')));
            const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}${HANDSHAKE}`);
            (0, chai_1.expect)(res.status).to.equal(403);
            (0, chai_1.expect)(JSON.parse(res.body)).to.deep.equal({ code: 4, message: 'token expired' });
        });
        it('is not asked again for the requests of an open session', async () => {
            let calls = 0;
            await start(() => ++calls === 1);
            const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}${HANDSHAKE}`);
            const { sid } = (0, raw_engine_client_1.parseOpenPacket)(res.body);
            const post = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}${HANDSHAKE}&sid=${sid}`, { method: 'POST', body: '4x' });
            (0, chai_1.expect)(post.body).to.equal('ok');
            (0, chai_1.expect)(calls).to.equal(1);
        });
        it('refuses a websocket handshake', async () => {
            await start(() => false);
            let error;
            try {
                await raw_engine_client_1.RawWebSocketClient.connect(fixture.baseUrl);
            }
            catch (err) {
                error = err;
            }
            (0, chai_1.expect)(error.message).to.equal('upgrade refused: 403');
        });
    });
});
//# sourceMappingURL=allow-request.test.js.map