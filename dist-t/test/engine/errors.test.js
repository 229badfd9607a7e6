"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const node_http_1 = require("node:http");
const raw_engine_client_1 = require("../support/raw-engine-client");
const engine_fixture_1 = require("./engine-fixture");
/** Sends a websocket upgrade request by hand and resolves with the refusal (status and body). */
function upgradeRequest(url) {
    return new Promise((resolve, reject) => {
        const req = (0, node_http_1.request)(url, {
            agent: false,
            headers: {
                Connection: 'Upgrade',
                Upgrade: 'websocket',
                'Sec-WebSocket-Version': '13',
                'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
            },
        });
        req.on('response', (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        });
        req.on('upgrade', () => reject(new Error('the upgrade was accepted')));
        req.on('error', reject);
        req.end();
    });
}
describe('EngineServer', () => {
    let fixture;
    let refusals;
    beforeEach(async () => {
        fixture = await (0, engine_fixture_1.startEngine)({ allowRequest: (req) => !(req.url ?? '').includes('deny=1') });
        refusals = [];
        fixture.engine.on('connection_error', (event) => refusals.push(event));
    });
    afterEach(() => fixture.close());
    describe('error codes', () => {
        const cases = [
            ['an unknown transport', 'GET', '?EIO=4&transport=abc', 400, 0, 'Transport unknown'],
            ['a missing transport', 'GET', '?EIO=4', 400, 0, 'Transport unknown'],
            ['an unknown sid', 'GET', '?EIO=4&transport=polling&sid=nope', 400, 1, 'Session ID unknown'],
            ['a POST handshake', 'POST', '?EIO=4&transport=polling', 400, 2, 'Bad handshake method'],
            ['a PUT handshake', 'PUT', '?EIO=4&transport=polling', 400, 2, 'Bad handshake method'],
            ['a websocket handshake without an upgrade', 'GET', '?EIO=4&transport=websocket', 400, 3, 'Bad request'],
            ['a request refused by allowRequest', 'GET', '?EIO=4&transport=polling&deny=1', 403, 4, 'Forbidden'],
            ['protocol version 3', 'GET', '?EIO=3&transport=polling', 400, 5, 'Unsupported protocol version'],
            ['a missing protocol version', 'GET', '?transport=polling', 400, 5, 'Unsupported protocol version'],
            ['an invalid protocol version', 'GET', '?EIO=abc&transport=polling', 400, 5, 'Unsupported protocol version'],
        ];
        for (const [what, method, query, status, code, message] of cases) {
            it(`answers ${what} with HTTP ${status} and code ${code}`, async () => {
                const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}/engine.io/${query}`, { method });
                (0, chai_1.expect)(res.status).to.equal(status);
                (0, chai_1.expect)(res.headers['content-type']).to.equal('application/json');
                (0, chai_1.expect)(res.body).to.equal(JSON.stringify({ code, message }));
                (0, chai_1.expect)(refusals).to.have.length(1);
                (0, chai_1.expect)(refusals[0]).to.include({ code, message });
                (0, chai_1.expect)(refusals[0].req.url).to.equal(`/engine.io/${query}`);
                (0, chai_1.expect)(refusals[0].context).to.be.an('object');
            });
        }
        it('answers a polling request for a websocket session with code 3', async () => {
            const client = await raw_engine_client_1.RawPollingClient.connect(fixture.baseUrl);
            const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}/engine.io/?EIO=4&transport=websocket&sid=${client.sid}`);
            (0, chai_1.expect)(res.status).to.equal(400);
            (0, chai_1.expect)(JSON.parse(res.body)).to.deep.equal({ code: 3, message: 'Bad request' });
            (0, chai_1.expect)(refusals[0].context).to.include({ name: 'TRANSPORT_MISMATCH' });
        });
        it('answers a session request with another protocol version with code 3', async () => {
            const client = await raw_engine_client_1.RawPollingClient.connect(fixture.baseUrl);
            const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}/engine.io/?EIO=3&transport=polling&sid=${client.sid}`);
            (0, chai_1.expect)(res.status).to.equal(400);
            (0, chai_1.expect)(JSON.parse(res.body)).to.deep.equal({ code: 3, message: 'Bad request' });
        });
        it('refuses a websocket upgrade with protocol version 3 with the same status and body', async () => {
            const res = await upgradeRequest(`${fixture.baseUrl}/engine.io/?EIO=3&transport=websocket`);
            (0, chai_1.expect)(res.status).to.equal(400);
            (0, chai_1.expect)(JSON.parse(res.body)).to.deep.equal({ code: 5, message: 'Unsupported protocol version' });
            (0, chai_1.expect)(refusals[0].code).to.equal(5);
        });
        it('refuses a websocket upgrade for an unknown sid with code 1', async () => {
            const res = await upgradeRequest(`${fixture.baseUrl}/engine.io/?EIO=4&transport=websocket&sid=nope`);
            (0, chai_1.expect)(res.status).to.equal(400);
            (0, chai_1.expect)(JSON.parse(res.body)).to.deep.equal({ code: 1, message: 'Session ID unknown' });
        });
        it('refuses a websocket upgrade refused by allowRequest with code 4 and HTTP 403', async () => {
            const res = await upgradeRequest(`${fixture.baseUrl}/engine.io/?EIO=4&transport=websocket&deny=1`);
            (0, chai_1.expect)(res.status).to.equal(403);
            (0, chai_1.expect)(JSON.parse(res.body)).to.deep.equal({ code: 4, message: 'Forbidden' });
        });
    });
});
//# sourceMappingURL=errors.test.js.map