"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const server_1 = require("../../src/server");
const harness_1 = require("./support/harness");
const raw_hostile_client_1 = require("../support/raw-hostile-client");
/**
 * The origin allow-list. CORS only tells a browser whether a page may read a polling answer; websocket upgrades
 * are not covered by CORS, so a foreign page could open a websocket that carries the user's cookies (cross-site
 * websocket hijacking). `allowedOrigins` refuses such requests outright with Engine.IO error 4 (HTTP 403), on
 * every request of both transports.
 */
const APP = 'https://app.example';
const EVIL = 'https://evil.example';
const FORBIDDEN = { code: 4, message: 'Forbidden' };
describe('Origins', () => {
    describe('allowedOrigins', () => {
        let harness;
        before(async () => {
            harness = await harness_1.Harness.start('websocket', {
                allowedOrigins: [APP, /^https:\/\/[a-z]+\.trusted\.example$/],
                cors: { origin: [APP], credentials: true },
            });
        });
        after(async () => {
            await harness.stop();
        });
        it('refuses a websocket handshake from a foreign origin with 403 and error code 4', async () => {
            const raw = new raw_hostile_client_1.RawWebSocket(harness.server.port, '', { Origin: EVIL });
            const refusal = await raw.refused;
            (0, chai_1.expect)(refusal.status).to.equal(403);
            (0, chai_1.expect)(JSON.parse(refusal.body)).to.deep.equal(FORBIDDEN);
            await harness.assertBystanderHealthy();
        });
        it('accepts a websocket handshake from a listed origin, by string or RegExp', async () => {
            for (const origin of [APP, 'https://cdn.trusted.example']) {
                const raw = await raw_hostile_client_1.RawWebSocket.open(harness.server.port, '', { Origin: origin });
                (0, chai_1.expect)(raw.isOpen).to.equal(true);
                raw.close();
            }
        });
        it('accepts requests without an Origin header (non-browser clients cannot be hijacked)', async () => {
            const raw = await raw_hostile_client_1.RawWebSocket.open(harness.server.port);
            (0, chai_1.expect)(raw.isOpen).to.equal(true);
            raw.close();
            await raw_hostile_client_1.RawPolling.open(harness.server.port);
        });
        it('refuses a polling handshake from a foreign origin, and sends it no CORS grant', async () => {
            const answer = await (0, raw_hostile_client_1.requestOnPort)(harness.server.port, 'GET', '/socket.io/?EIO=4&transport=polling', undefined, {
                Origin: EVIL,
            });
            (0, chai_1.expect)(answer.status).to.equal(403);
            (0, chai_1.expect)(JSON.parse(answer.body)).to.deep.equal(FORBIDDEN);
            (0, chai_1.expect)(answer.headers['access-control-allow-origin']).to.equal(undefined);
        });
        it('accepts a polling handshake from a listed origin and grants it CORS', async () => {
            const answer = await (0, raw_hostile_client_1.requestOnPort)(harness.server.port, 'GET', '/socket.io/?EIO=4&transport=polling', undefined, {
                Origin: APP,
            });
            (0, chai_1.expect)(answer.status).to.equal(200);
            (0, chai_1.expect)(answer.body.startsWith('0{')).to.equal(true);
            (0, chai_1.expect)(answer.headers['access-control-allow-origin']).to.equal(APP);
            (0, chai_1.expect)(answer.headers['access-control-allow-credentials']).to.equal('true');
        });
        it('refuses a foreign origin on the requests of an existing session (poll, post, upgrade)', async () => {
            const raw = await raw_hostile_client_1.RawPolling.open(harness.server.port, '', { Origin: APP });
            const poll = await (0, raw_hostile_client_1.requestOnPort)(harness.server.port, 'GET', raw.path, undefined, { Origin: EVIL });
            (0, chai_1.expect)(poll.status).to.equal(403);
            const post = await (0, raw_hostile_client_1.requestOnPort)(harness.server.port, 'POST', raw.path, '40', { Origin: EVIL });
            (0, chai_1.expect)(post.status).to.equal(403);
            const upgrade = new raw_hostile_client_1.RawWebSocket(harness.server.port, `&sid=${encodeURIComponent(raw.sid)}`, { Origin: EVIL });
            (0, chai_1.expect)((await upgrade.refused).status).to.equal(403);
            // The session itself is untouched: its own origin still gets answers.
            (0, chai_1.expect)((await raw.post('6')).status).to.equal(200);
            await harness.assertBystanderHealthy();
        });
    });
    describe('allowedOrigins as a function', () => {
        let harness;
        before(async () => {
            harness = await harness_1.Harness.start('polling', {
                allowedOrigins: (origin) => {
                    if (origin === 'https://broken.example')
                        throw new Error('lookup failed');
                    return origin.endsWith('.app.example');
                },
            });
        });
        after(async () => {
            await harness.stop();
        });
        it('asks the function, and refuses when it returns false or throws', async () => {
            const allowed = await raw_hostile_client_1.RawWebSocket.open(harness.server.port, '', { Origin: 'https://eu.app.example' });
            allowed.close();
            for (const origin of [EVIL, 'https://broken.example']) {
                const refusal = await new raw_hostile_client_1.RawWebSocket(harness.server.port, '', { Origin: origin }).refused;
                (0, chai_1.expect)(refusal.status).to.equal(403);
            }
            await harness.assertBystanderHealthy();
        });
    });
    describe('without allowedOrigins (the default)', () => {
        let harness;
        before(async () => {
            harness = await harness_1.Harness.start('websocket', { cors: { origin: [APP] } });
        });
        after(async () => {
            await harness.stop();
        });
        it('lets a foreign websocket in (CORS does not cover upgrades), and grants no CORS to a foreign poll', async () => {
            const raw = await raw_hostile_client_1.RawWebSocket.open(harness.server.port, '', { Origin: EVIL });
            (0, chai_1.expect)(raw.isOpen).to.equal(true);
            raw.close();
            const answer = await (0, raw_hostile_client_1.requestOnPort)(harness.server.port, 'GET', '/socket.io/?EIO=4&transport=polling', undefined, {
                Origin: EVIL,
            });
            (0, chai_1.expect)(answer.status).to.equal(200);
            (0, chai_1.expect)(answer.headers['access-control-allow-origin']).to.equal(undefined);
        });
    });
    it('refuses an allowedOrigins that is not a list or a function', () => {
        for (const allowedOrigins of ['https://app.example', [42], {}]) {
            (0, chai_1.expect)(() => new server_1.Server({ logger: false, allowedOrigins }))
                .to.throw(/allowedOrigins/)
                .with.property('code', 'CLASSIO_ERR_CONFIG');
        }
    });
});
//# sourceMappingURL=origins.test.js.map