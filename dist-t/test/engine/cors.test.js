"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const raw_engine_client_1 = require("../support/raw-engine-client");
const engine_fixture_1 = require("./engine-fixture");
const HANDSHAKE = '/engine.io/?EIO=4&transport=polling';
describe('EngineServer', () => {
    let fixture;
    const start = async (options) => {
        fixture = await (0, engine_fixture_1.startEngine)(options);
    };
    afterEach(() => fixture.close());
    describe('cors', () => {
        it('sends no CORS headers by default', async () => {
            await start({});
            const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}${HANDSHAKE}`, { headers: { Origin: 'https://a.example' } });
            (0, chai_1.expect)(res.status).to.equal(200);
            (0, chai_1.expect)(res.headers).to.not.have.property('access-control-allow-origin');
        });
        it('sets the configured origin and credentials on polling answers', async () => {
            await start({ cors: { origin: 'https://a.example', credentials: true } });
            const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}${HANDSHAKE}`, { headers: { Origin: 'https://a.example' } });
            (0, chai_1.expect)(res.status).to.equal(200);
            (0, chai_1.expect)(res.headers['access-control-allow-origin']).to.equal('https://a.example');
            (0, chai_1.expect)(res.headers['access-control-allow-credentials']).to.equal('true');
            (0, chai_1.expect)(res.headers.vary).to.equal('Origin');
        });
        it("allows every origin with '*'", async () => {
            await start({ cors: { origin: '*' } });
            const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}${HANDSHAKE}`, { headers: { Origin: 'https://b.example' } });
            (0, chai_1.expect)(res.headers['access-control-allow-origin']).to.equal('*');
        });
        it('reflects a listed origin and omits the header for an unlisted one', async () => {
            await start({ cors: { origin: ['https://a.example', /\.trusted\.example$/] } });
            const listed = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}${HANDSHAKE}`, {
                headers: { Origin: 'https://x.trusted.example' },
            });
            (0, chai_1.expect)(listed.headers['access-control-allow-origin']).to.equal('https://x.trusted.example');
            const unlisted = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}${HANDSHAKE}`, {
                headers: { Origin: 'https://evil.example' },
            });
            (0, chai_1.expect)(unlisted.headers).to.not.have.property('access-control-allow-origin');
        });
        it('lets a function decide per request', async () => {
            await start({ cors: { origin: (origin) => origin === 'https://ok.example' } });
            const ok = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}${HANDSHAKE}`, { headers: { Origin: 'https://ok.example' } });
            (0, chai_1.expect)(ok.headers['access-control-allow-origin']).to.equal('https://ok.example');
            const refused = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}${HANDSHAKE}`, {
                headers: { Origin: 'https://no.example' },
            });
            (0, chai_1.expect)(refused.headers).to.not.have.property('access-control-allow-origin');
        });
        it('answers a preflight with 204, the methods, the requested headers and the max age', async () => {
            await start({ cors: { origin: true, maxAge: 600 } });
            const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}${HANDSHAKE}`, {
                method: 'OPTIONS',
                headers: {
                    Origin: 'https://a.example',
                    'Access-Control-Request-Method': 'POST',
                    'Access-Control-Request-Headers': 'content-type,x-token',
                },
            });
            (0, chai_1.expect)(res.status).to.equal(204);
            (0, chai_1.expect)(res.body).to.equal('');
            (0, chai_1.expect)(res.headers).to.include({
                'access-control-allow-origin': 'https://a.example',
                'access-control-allow-methods': 'GET,POST',
                'access-control-allow-headers': 'content-type,x-token',
                'access-control-max-age': '600',
            });
            (0, chai_1.expect)(fixture.engine.clientsCount).to.equal(0);
        });
        it('announces the configured methods and headers in a preflight', async () => {
            await start({ cors: { origin: '*', methods: ['GET', 'POST', 'PUT'], allowedHeaders: ['x-a', 'x-b'] } });
            const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}${HANDSHAKE}`, {
                method: 'OPTIONS',
                headers: { Origin: 'https://a.example' },
            });
            (0, chai_1.expect)(res.status).to.equal(204);
            (0, chai_1.expect)(res.headers['access-control-allow-methods']).to.equal('GET,POST,PUT');
            (0, chai_1.expect)(res.headers['access-control-allow-headers']).to.equal('x-a,x-b');
        });
        it('sets the headers on error answers too', async () => {
            await start({ cors: { origin: 'https://a.example' } });
            const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}/engine.io/?EIO=4&transport=polling&sid=nope`, {
                headers: { Origin: 'https://a.example' },
            });
            (0, chai_1.expect)(res.status).to.equal(400);
            (0, chai_1.expect)(res.headers['access-control-allow-origin']).to.equal('https://a.example');
        });
    });
});
//# sourceMappingURL=cors.test.js.map