"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const node_http_1 = require("node:http");
const errors_1 = require("../../src/errors");
const server_1 = require("../../src/engine/server");
const options_1 = require("../../src/engine/options");
const raw_engine_client_1 = require("../support/raw-engine-client");
const engine_fixture_1 = require("./engine-fixture");
describe('EngineServer', () => {
    let fixture = null;
    afterEach(async () => {
        await fixture?.close();
        fixture = null;
    });
    describe('handshake', () => {
        it('answers a polling handshake with sid, upgrades, pingInterval, pingTimeout and maxPayload', async () => {
            fixture = await (0, engine_fixture_1.startEngine)({ pingInterval: 1234, pingTimeout: 567, maxHttpBufferSize: 4321 });
            const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}/engine.io/?EIO=4&transport=polling`);
            (0, chai_1.expect)(res.status).to.equal(200);
            (0, chai_1.expect)(res.headers['content-type']).to.equal('text/plain; charset=UTF-8');
            const open = (0, raw_engine_client_1.parseOpenPacket)(res.body);
            (0, chai_1.expect)(open).to.have.all.keys('sid', 'upgrades', 'pingInterval', 'pingTimeout', 'maxPayload');
            (0, chai_1.expect)(open.sid).to.be.a('string').with.length.greaterThan(0);
            (0, chai_1.expect)(open).to.deep.include({ upgrades: ['websocket'], pingInterval: 1234, pingTimeout: 567, maxPayload: 4321 });
            (0, chai_1.expect)(fixture.engine.clients.has(open.sid)).to.equal(true);
            (0, chai_1.expect)(fixture.engine.clientsCount).to.equal(1);
        });
        it('answers a websocket handshake with no upgrades', async () => {
            fixture = await (0, engine_fixture_1.startEngine)();
            const { client, open } = await raw_engine_client_1.RawWebSocketClient.handshake(fixture.baseUrl);
            (0, chai_1.expect)(open).to.deep.include({ upgrades: [], pingInterval: 25000, pingTimeout: 20000, maxPayload: 1e6 });
            (0, chai_1.expect)(fixture.engine.clients.get(open.sid)?.transportName).to.equal('websocket');
            client.close();
        });
        it('announces no upgrade when allowUpgrades is false', async () => {
            fixture = await (0, engine_fixture_1.startEngine)({ allowUpgrades: false });
            const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}/engine.io/?EIO=4&transport=polling`);
            (0, chai_1.expect)((0, raw_engine_client_1.parseOpenPacket)(res.body).upgrades).to.deep.equal([]);
        });
        it('announces no upgrade when websocket is disabled', async () => {
            fixture = await (0, engine_fixture_1.startEngine)({ transports: ['polling'] });
            const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}/engine.io/?EIO=4&transport=polling`);
            (0, chai_1.expect)((0, raw_engine_client_1.parseOpenPacket)(res.body).upgrades).to.deep.equal([]);
        });
        it('emits connection with the id, request, remote address and transport of the session', async () => {
            fixture = await (0, engine_fixture_1.startEngine)();
            const connection = fixture.nextConnection();
            const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}/engine.io/?EIO=4&transport=polling&foo=bar`);
            const socket = await connection;
            (0, chai_1.expect)(socket.id).to.equal((0, raw_engine_client_1.parseOpenPacket)(res.body).sid);
            (0, chai_1.expect)(socket.request.url).to.equal('/engine.io/?EIO=4&transport=polling&foo=bar');
            (0, chai_1.expect)(socket.remoteAddress).to.equal('127.0.0.1');
            (0, chai_1.expect)(socket.transportName).to.equal('polling');
            (0, chai_1.expect)(socket.readyState).to.equal('open');
        });
        it('sends what connection listeners send in the same answer as the open packet', async () => {
            fixture = await (0, engine_fixture_1.startEngine)();
            fixture.engine.on('connection', (socket) => socket.send('welcome'));
            const res = await (0, raw_engine_client_1.httpRequest)(`${fixture.baseUrl}/engine.io/?EIO=4&transport=polling`);
            const [open, welcome] = res.body.split('\x1e');
            (0, chai_1.expect)((0, raw_engine_client_1.parseOpenPacket)(open).sid).to.be.a('string');
            (0, chai_1.expect)(welcome).to.equal('4welcome');
        });
        it('answers under a custom path and leaves other requests to the listeners the server had', async () => {
            const httpServer = (0, node_http_1.createServer)((_req, res) => res.end('app'));
            const engine = new server_1.EngineServer({ path: '/rt' }).attach(httpServer);
            await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
            try {
                const handled = await (0, raw_engine_client_1.httpRequest)(`${(0, raw_engine_client_1.baseUrlOf)(httpServer)}/rt/?EIO=4&transport=polling`);
                (0, chai_1.expect)(handled.status).to.equal(200);
                (0, chai_1.expect)((0, raw_engine_client_1.parseOpenPacket)(handled.body).sid).to.be.a('string');
                const other = await (0, raw_engine_client_1.httpRequest)(`${(0, raw_engine_client_1.baseUrlOf)(httpServer)}/elsewhere`);
                (0, chai_1.expect)(other.body).to.equal('app');
            }
            finally {
                await engine.close();
                await new Promise((resolve) => {
                    httpServer.close(() => resolve());
                    httpServer.closeAllConnections();
                });
            }
        });
    });
    describe('#listen', () => {
        it('serves a standalone engine and closes its HTTP server on close()', async () => {
            const engine = new server_1.EngineServer();
            const httpServer = await engine.listen(0, '127.0.0.1');
            const res = await (0, raw_engine_client_1.httpRequest)(`${(0, raw_engine_client_1.baseUrlOf)(httpServer)}/engine.io/?EIO=4&transport=polling`);
            (0, chai_1.expect)((0, raw_engine_client_1.parseOpenPacket)(res.body).sid).to.be.a('string');
            await engine.close();
            (0, chai_1.expect)(httpServer.listening).to.equal(false);
            (0, chai_1.expect)(engine.clientsCount).to.equal(0);
        });
    });
    describe('options', () => {
        it('spreads the options over the defaults and adds a trailing slash to path', () => {
            const engine = new server_1.EngineServer({ path: '/socket.io', pingTimeout: 5 });
            (0, chai_1.expect)(engine.settings).to.deep.include({ ...options_1.ENGINE_DEFAULTS, path: '/socket.io/', pingTimeout: 5 });
        });
        const invalid = [
            ['a path without a leading slash', { path: 'engine.io' }, /"path" must be a string starting with "\/"/],
            ['a non-positive pingInterval', { pingInterval: 0 }, /"pingInterval" must be a positive finite number/],
            ['a NaN maxHttpBufferSize', { maxHttpBufferSize: NaN }, /"maxHttpBufferSize" must be a positive finite number/],
            ['an unknown transport', { transports: ['polling', 'webtransport'] }, /unknown transport "webtransport"/],
            ['an empty transport list', { transports: [] }, /"transports" must be a non-empty array/],
            ['a duplicate transport', { transports: ['polling', 'polling'] }, /lists a transport twice/],
            ['a non-function allowRequest', { allowRequest: 'yes' }, /"allowRequest" must be a function/],
            ['an invalid cors origin', { cors: { origin: 42 } }, /"cors.origin" must be/],
            ['a negative cors maxAge', { cors: { maxAge: -1 } }, /"cors.maxAge" must be a non-negative number/],
        ];
        for (const [what, options, message] of invalid) {
            it(`rejects ${what} with a ConfigurationError`, () => {
                let caught;
                try {
                    new server_1.EngineServer(options);
                }
                catch (err) {
                    caught = err;
                }
                (0, chai_1.expect)(caught).to.be.instanceOf(errors_1.ConfigurationError);
                (0, chai_1.expect)(caught).to.have.property('code', 'CLASSIO_ERR_CONFIG');
                (0, chai_1.expect)(caught.message).to.match(message);
            });
        }
    });
});
//# sourceMappingURL=handshake.test.js.map