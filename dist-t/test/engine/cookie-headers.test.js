"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const ws_1 = __importDefault(require("ws"));
const errors_1 = require("../../src/errors");
const server_1 = require("../../src/engine/server");
const errors_2 = require("../support/errors");
const io_1 = require("../support/io");
const raw_engine_client_1 = require("../support/raw-engine-client");
/** Opens a raw websocket handshake and resolves with the 101 answer's headers and the open packet. */
function webSocketHandshake(port) {
    const ws = new ws_1.default((0, raw_engine_client_1.webSocketUrlOf)((0, raw_engine_client_1.baseUrlOfPort)(port), '/socket.io/'));
    return new Promise((resolve, reject) => {
        let headers = {};
        ws.once('upgrade', (res) => (headers = res.headers));
        ws.once('message', (data) => {
            resolve({ headers, sid: (0, raw_engine_client_1.parseOpenPacket)(data.toString()).sid });
            ws.close();
        });
        ws.once('error', reject);
    });
}
describe('cookie, header events and generateId', () => {
    let server;
    const clients = new io_1.ClientPool();
    afterEach(async () => {
        await clients.closeAll();
        await server?.close();
    });
    describe('cookie', () => {
        it('is set by the polling handshake with the session id, and only by it', async () => {
            server = await (0, io_1.startServer)({ cookie: true });
            const client = await raw_engine_client_1.RawPollingClient.connect(`http://127.0.0.1:${server.port}`, { path: '/socket.io/' });
            const handshake = await (0, raw_engine_client_1.httpRequest)(`http://127.0.0.1:${server.port}/socket.io/?EIO=4&transport=polling`);
            const sid = (0, raw_engine_client_1.parseOpenPacket)(handshake.body).sid;
            (0, chai_1.expect)(handshake.headers['set-cookie']).to.deep.equal([`io=${sid}; Path=/; HttpOnly; SameSite=Lax`]);
            const post = await client.push('40');
            (0, chai_1.expect)(post.headers['set-cookie']).to.equal(undefined);
        });
        it('is set by a websocket handshake, with the options given', async () => {
            server = await (0, io_1.startServer)({ cookie: { name: 'sticky', path: '/app', sameSite: 'strict', secure: true } });
            const { headers, sid } = await webSocketHandshake(server.port);
            (0, chai_1.expect)(headers['set-cookie']).to.deep.equal([`sticky=${sid}; Path=/app; HttpOnly; Secure; SameSite=Strict`]);
        });
        it('is off by default', async () => {
            server = await (0, io_1.startServer)();
            const handshake = await (0, raw_engine_client_1.httpRequest)(`http://127.0.0.1:${server.port}/socket.io/?EIO=4&transport=polling`);
            (0, chai_1.expect)(handshake.headers['set-cookie']).to.equal(undefined);
        });
        it('refuses a wrong cookie option at construction', () => {
            for (const [value, message] of [
                ['io', /"cookie" must be a boolean or an object, got "io"/],
                [{ name: 'a b' }, /"name" must be a cookie name/],
                [{ path: '/;x' }, /"path" must be printable ASCII without ";"/],
                [{ sameSite: 'loose' }, /"sameSite" must be true, false, "lax", "strict" or "none"/],
                [{ maxAge: '1h' }, /"maxAge" must be an integer of seconds/],
                [{ nmae: 'io' }, /unknown option "nmae"; did you mean "name"\?/],
            ]) {
                const error = (0, errors_2.thrownBy)(() => new server_1.EngineServer({ cookie: value }), errors_1.ConfigurationError, 'CLASSIO_ERR_CONFIG');
                (0, chai_1.expect)(error.message).to.match(message);
            }
        });
    });
    describe('initial_headers and headers', () => {
        for (const mode of io_1.TRANSPORT_MODES) {
            it(`add headers to the handshake and to every answer (${mode.name})`, async () => {
                server = await (0, io_1.startServer)();
                const initial = [];
                const every = [];
                server.engine.on('initial_headers', (headers, req) => {
                    initial.push(req.url ?? '');
                    headers['X-Initial'] = 'yes';
                });
                server.engine.on('headers', (headers, req) => {
                    every.push(req.url ?? '');
                    headers['X-Every'] = 'yes';
                });
                await clients.connect(server, '/', mode);
                (0, chai_1.expect)(initial).to.have.length(1);
                (0, chai_1.expect)(initial[0]).to.not.contain('sid=');
                (0, chai_1.expect)(every[0]).to.equal(initial[0]);
                if (mode.name !== 'websocket')
                    (0, chai_1.expect)(every.filter((url) => url.includes('sid=')).length).to.be.greaterThan(0);
            });
        }
        it('reach the client over polling and over the websocket upgrade', async () => {
            server = await (0, io_1.startServer)();
            server.engine.on('initial_headers', (headers) => (headers['X-Initial'] = 'yes'));
            server.engine.on('headers', (headers) => (headers['X-Every'] = 'yes'));
            const handshake = await (0, raw_engine_client_1.httpRequest)(`http://127.0.0.1:${server.port}/socket.io/?EIO=4&transport=polling`);
            (0, chai_1.expect)(handshake.headers['x-initial']).to.equal('yes');
            (0, chai_1.expect)(handshake.headers['x-every']).to.equal('yes');
            const client = await raw_engine_client_1.RawPollingClient.connect(`http://127.0.0.1:${server.port}`, { path: '/socket.io/' });
            const post = await client.push('40');
            (0, chai_1.expect)(post.headers['x-initial']).to.equal(undefined);
            (0, chai_1.expect)(post.headers['x-every']).to.equal('yes');
            const { headers } = await webSocketHandshake(server.port);
            (0, chai_1.expect)(headers['x-initial']).to.equal('yes');
            (0, chai_1.expect)(headers['x-every']).to.equal('yes');
        });
    });
    describe('generateId', () => {
        it('names the sessions, over every transport, synchronously or through a promise', async () => {
            let n = 0;
            server = await (0, io_1.startServer)({
                generateId: () => (n % 2 === 0 ? `custom-${n++}` : Promise.resolve(`custom-${n++}`)),
            });
            for (const mode of io_1.TRANSPORT_MODES) {
                const client = await clients.connect(server, '/', mode);
                (0, chai_1.expect)(client.io.engine.id).to.match(/^custom-\d$/);
                (0, chai_1.expect)(server.engine.clients.has(client.io.engine.id)).to.equal(true);
            }
        });
        it('refuses a handshake whose id is malformed, taken or not generated, and nobody else', async () => {
            const ids = ['taken', 'taken', 'bad id', new Error('no ids left')];
            server = await (0, io_1.startServer)({
                generateId: () => {
                    const id = ids.shift();
                    if (id instanceof Error)
                        throw id;
                    return id;
                },
            });
            const errors = [];
            server.engine.on('connection_error', (error) => errors.push(error));
            const first = await clients.connect(server, '/', io_1.TRANSPORT_MODES[0]);
            for (let i = 0; i < 3; i++) {
                const refused = clients.open(server, '/', io_1.TRANSPORT_MODES[i % 2]);
                await new Promise((resolve) => refused.once('connect_error', resolve));
            }
            (0, chai_1.expect)(errors.map((error) => [error.code, error.context.name])).to.deep.equal([
                [3, 'ID_GENERATION_ERROR'],
                [3, 'ID_GENERATION_ERROR'],
                [3, 'ID_GENERATION_ERROR'],
            ]);
            (0, chai_1.expect)(errors.map((error) => String(error.context.error.message))).to.deep.equal([
                'generateId returned "taken", the id of an open session',
                'generateId must return 1 to 128 characters of A-Z a-z 0-9 - _ . ~, got "bad id"',
                'no ids left',
            ]);
            (0, chai_1.expect)(first.connected).to.equal(true);
        });
        it('refuses a generateId that is not a function at construction', () => {
            const error = (0, errors_2.thrownBy)(() => new server_1.EngineServer({ generateId: 'abc' }), errors_1.ConfigurationError, 'CLASSIO_ERR_CONFIG');
            (0, chai_1.expect)(error.message).to.contain('"generateId" must be a function');
        });
    });
});
//# sourceMappingURL=cookie-headers.test.js.map