"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const server_1 = require("../src/server");
const errors_1 = require("../src/errors");
const raw_engine_client_1 = require("./support/raw-engine-client");
const io_1 = require("./support/io");
const errors_2 = require("./support/errors");
const dist = (0, node_path_1.join)((0, node_path_1.dirname)(require.resolve('socket.io-client/package.json')), 'dist');
const FILES = ['socket.io.js', 'socket.io.min.js', 'socket.io.esm.min.js', 'socket.io.msgpack.min.js'];
describe('Server', () => {
    describe('serveClient', () => {
        let server;
        let base;
        beforeEach(async () => {
            server = await (0, io_1.startServer)({ serveClient: true });
            base = `http://127.0.0.1:${server.port}/socket.io/`;
        });
        afterEach(async () => {
            await server.close();
        });
        for (const name of [...FILES, ...FILES.map((file) => `${file}.map`)]) {
            it(`serves ${name} from the installed socket.io-client, and 304 for its ETag`, async () => {
                const answer = await (0, raw_engine_client_1.httpRequest)(`${base}${name}`);
                (0, chai_1.expect)(answer.status).to.equal(200);
                (0, chai_1.expect)(answer.body).to.equal((0, node_fs_1.readFileSync)((0, node_path_1.join)(dist, name), 'utf8'));
                (0, chai_1.expect)(answer.headers['content-type']).to.match(name.endsWith('.map') ? /^application\/json/ : /^application\/javascript/);
                const etag = answer.headers.etag;
                (0, chai_1.expect)(etag).to.match(/^"[\w-]+"$/);
                const again = await (0, raw_engine_client_1.httpRequest)(`${base}${name}`, { headers: { 'If-None-Match': etag } });
                (0, chai_1.expect)(again.status).to.equal(304);
                (0, chai_1.expect)(again.body).to.equal('');
                (0, chai_1.expect)(again.headers.etag).to.equal(etag);
            });
        }
        it('answers 200 for an ETag that is not current, and serves the file with a query string', async () => {
            const answer = await (0, raw_engine_client_1.httpRequest)(`${base}socket.io.min.js?v=1`, { headers: { 'If-None-Match': '"stale"' } });
            (0, chai_1.expect)(answer.status).to.equal(200);
            (0, chai_1.expect)(answer.body.length).to.equal((0, node_fs_1.readFileSync)((0, node_path_1.join)(dist, 'socket.io.min.js'), 'utf8').length);
        });
        it('leaves other paths to the engine', async () => {
            const answer = await (0, raw_engine_client_1.httpRequest)(`${base}socket.io.other.js`);
            (0, chai_1.expect)(answer.status).to.equal(400);
            (0, chai_1.expect)(JSON.parse(answer.body)).to.deep.equal({ code: 0, message: 'Transport unknown' });
            const handshake = await (0, raw_engine_client_1.httpRequest)(`${base}?EIO=4&transport=polling`);
            (0, chai_1.expect)(handshake.status).to.equal(200);
            (0, chai_1.expect)(handshake.body.startsWith('0{')).to.equal(true);
        });
        it('refuses a POST to a bundle file', async () => {
            const answer = await (0, raw_engine_client_1.httpRequest)(`${base}socket.io.js`, { method: 'POST', body: 'x' });
            (0, chai_1.expect)(answer.status).to.equal(405);
        });
    });
    describe('serveClient off', () => {
        it('serves no bundle by default (the engine answers the path)', async () => {
            const server = await (0, io_1.startServer)();
            try {
                const answer = await (0, raw_engine_client_1.httpRequest)(`http://127.0.0.1:${server.port}/socket.io/socket.io.js`);
                (0, chai_1.expect)(answer.status).to.equal(400);
            }
            finally {
                await server.close();
            }
        });
        it('refuses a serveClient that is not a boolean', () => {
            const error = (0, errors_2.thrownBy)(() => new server_1.Server({ logger: false, serveClient: 'yes' }), errors_1.ConfigurationError, 'CLASSIO_ERR_CONFIG');
            (0, chai_1.expect)(error.message).to.equal('serveClient must be a boolean, got yes');
        });
        it('throws a ConfigurationError at startup when socket.io-client is not installed', () => {
            // The bundle module, alone in a directory from which no node_modules is reachable.
            const alone = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'classio-bundle-'));
            try {
                for (const file of ['client-bundle.js', 'errors.js'])
                    (0, node_fs_1.copyFileSync)((0, node_path_1.join)(__dirname, '..', 'src', file), (0, node_path_1.join)(alone, file));
                /* eslint-disable @typescript-eslint/no-require-imports -- the copies must be loaded from where they are */
                const { ClientBundle } = require((0, node_path_1.join)(alone, 'client-bundle.js'));
                const errors = require((0, node_path_1.join)(alone, 'errors.js'));
                /* eslint-enable @typescript-eslint/no-require-imports */
                let error;
                try {
                    new ClientBundle('/socket.io/');
                }
                catch (err) {
                    error = err;
                }
                // The copy's own classes: the catalogue's thrownBy() knows the original ones.
                (0, chai_1.expect)(error).to.be.instanceOf(errors.ConfigurationError);
                (0, chai_1.expect)(error).to.have.property('code', 'CLASSIO_ERR_CONFIG');
                (0, chai_1.expect)(error.message).to.equal('option "serveClient" is on, but the package socket.io-client is not installed: ' +
                    'run npm install socket.io-client, or set serveClient: false');
            }
            finally {
                (0, node_fs_1.rmSync)(alone, { recursive: true, force: true });
            }
        });
    });
});
//# sourceMappingURL=client-bundle.test.js.map