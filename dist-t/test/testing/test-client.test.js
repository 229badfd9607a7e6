"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const server_1 = require("../../src/server");
const errors_1 = require("../../src/errors");
const testing_1 = require("../../src/testing");
/** Resolves with the next socket that connects to `name`. */
function nextSocket(server, name) {
    return new Promise((resolve) => server.of(name).on('connection', (socket) => resolve(socket)));
}
describe('TestClient', () => {
    let server;
    beforeEach(() => {
        server = new server_1.Server({ logger: false });
    });
    afterEach(async () => {
        await server.close();
    });
    describe('#connect', () => {
        it('connects to the namespace given to its constructor and knows its sid', async () => {
            const connected = nextSocket(server, '/chat');
            const client = new testing_1.TestClient(server, '/chat');
            (0, chai_1.expect)(await client.ready).to.equal(true);
            const socket = await connected;
            (0, chai_1.expect)(client.isConnected()).to.equal(true);
            (0, chai_1.expect)(client.id()).to.equal(socket.id);
        });
        it('sends auth, query, headers and address in the handshake', async () => {
            const connected = nextSocket(server, '/');
            new testing_1.TestClient(server, '/', {
                auth: { token: 't' },
                query: { room: 'a', tag: ['x', 'y'] },
                headers: { 'X-Trace': 'abc' },
                remoteAddress: '10.0.0.7',
            });
            const { handshake } = await connected;
            (0, chai_1.expect)(handshake.auth).to.deep.equal({ token: 't' });
            (0, chai_1.expect)(handshake.query.room).to.equal('a');
            (0, chai_1.expect)(handshake.query.tag).to.deep.equal(['x', 'y']);
            (0, chai_1.expect)(handshake.headers['x-trace']).to.equal('abc');
            (0, chai_1.expect)(handshake.address).to.equal('10.0.0.7');
        });
        it('connects several namespaces on one connection', async () => {
            server.of('/a');
            server.of('/b');
            const client = new testing_1.TestClient(server, '/a');
            (0, chai_1.expect)(await client.connect('/b')).to.equal(true);
            (0, chai_1.expect)(client.isConnected('/a')).to.equal(true);
            (0, chai_1.expect)(client.isConnected('/b')).to.equal(true);
            (0, chai_1.expect)(client.id('/a')).to.not.equal(client.id('/b'));
        });
        it('reports a refused connection as connectError', async () => {
            server.of('/locked').use((_socket, next) => next(Object.assign(new Error('nope'), { data: { why: 'test' } })));
            const client = new testing_1.TestClient(server, '/locked');
            (0, chai_1.expect)(await client.ready).to.equal(false);
            (0, chai_1.expect)(client.isConnected()).to.equal(false);
            (0, chai_1.expect)(client.connectError()).to.deep.equal({ message: 'nope', data: { why: 'test' } });
        });
        it('buffers emits made while connecting and sends them once connected', async () => {
            const received = [];
            server.of('/slow').use((_socket, next) => setImmediate(next));
            server.of('/slow').on('connection', (socket) => {
                socket.on('hello', (arg, ack) => {
                    received.push(arg);
                    ack?.();
                });
            });
            const client = new testing_1.TestClient(server, '/slow');
            client.emit('hello', 1);
            (0, chai_1.expect)(await client.ready).to.equal(true);
            await client.emitWithAck('hello', 2);
            (0, chai_1.expect)(received).to.deep.equal([1, 2]);
        });
    });
    describe('#emit and #getReceived', () => {
        it('delivers an answer synchronously when the handler answers synchronously', async () => {
            server.of('/').on('connection', (socket) => {
                socket.on('echo', (...args) => socket.emit('echoed', ...args));
            });
            const client = new testing_1.TestClient(server);
            await client.ready;
            client.emit('echo', 'hi', { n: 1 });
            (0, chai_1.expect)(client.getReceived()).to.deep.equal([{ name: 'echoed', args: ['hi', { n: 1 }], namespace: '/' }]);
            (0, chai_1.expect)(client.getReceived()).to.deep.equal([]);
        });
        it('keeps each namespace apart', async () => {
            server.of('/other').on('connection', (socket) => socket.emit('welcome', 'other'));
            server.of('/').on('connection', (socket) => socket.emit('welcome', 'main'));
            const client = new testing_1.TestClient(server);
            await client.ready;
            await client.connect('/other');
            (0, chai_1.expect)(client.getReceived('/other')).to.deep.equal([{ name: 'welcome', args: ['other'], namespace: '/other' }]);
            (0, chai_1.expect)(client.of('/').getReceived()).to.deep.equal([{ name: 'welcome', args: ['main'], namespace: '/' }]);
        });
        it('round-trips binary payloads through the real encoder and decoder', async () => {
            server.of('/').on('connection', (socket) => {
                socket.on('bin', (buf) => socket.emit('bin', Buffer.concat([buf, Buffer.from([9])])));
            });
            const client = new testing_1.TestClient(server);
            await client.ready;
            client.emit('bin', Buffer.from([1, 2]));
            const [packet] = client.getReceived();
            (0, chai_1.expect)(Buffer.from(packet.args[0])).to.deep.equal(Buffer.from([1, 2, 9]));
        });
        it('names a send() "message"', async () => {
            server.of('/').on('connection', (socket) => socket.send('hello'));
            const client = new testing_1.TestClient(server);
            await client.ready;
            (0, chai_1.expect)(client.getReceived()).to.deep.equal([{ name: 'message', args: ['hello'], namespace: '/' }]);
        });
        it('throws when emitting on a namespace that is not connected', () => {
            const client = new testing_1.TestClient(server);
            client.disconnect();
            (0, chai_1.expect)(() => client.emit('x')).to.throw(errors_1.DisconnectedError, 'namespace / is not connected');
        });
    });
    describe('#emitWithAck', () => {
        it('resolves with every argument of the ack', async () => {
            server.of('/').on('connection', (socket) => {
                socket.on('sum', (a, b, ack) => ack(a + b, 'ok'));
            });
            const client = new testing_1.TestClient(server);
            (0, chai_1.expect)(await client.emitWithAck('sum', 2, 3)).to.deep.equal([5, 'ok']);
        });
        it('rejects when the namespace disconnects first', async () => {
            server.of('/').on('connection', (socket) => socket.on('bye', () => socket.disconnect()));
            const client = new testing_1.TestClient(server);
            await client.ready;
            const err = await client.emitWithAck('bye').then(() => null, (e) => e);
            (0, chai_1.expect)(err).to.be.instanceOf(errors_1.DisconnectedError);
        });
    });
    describe('server ack requests', () => {
        it('lets the test answer through the received packet', async () => {
            const answered = new Promise((resolve) => {
                server
                    .of('/')
                    .on('connection', (socket) => socket.emit('question', 'why?', (...a) => resolve(a)));
            });
            const client = new testing_1.TestClient(server);
            await client.ready;
            const [packet] = client.getReceived();
            (0, chai_1.expect)(packet).to.deep.equal({ name: 'question', args: ['why?'], namespace: '/' });
            packet.ack?.('because', 42);
            (0, chai_1.expect)(await answered).to.deep.equal(['because', 42]);
        });
        it('answers automatically with onAck', async () => {
            const answered = new Promise((resolve) => {
                server
                    .of('/')
                    .on('connection', (socket) => socket.emit('question', 'why?', (...a) => resolve(a)));
            });
            new testing_1.TestClient(server, '/', { onAck: (packet) => [`re: ${String(packet.args[0])}`] });
            (0, chai_1.expect)(await answered).to.deep.equal(['re: why?']);
        });
    });
    describe('#waitFor', () => {
        it('resolves with an event that arrives later and takes it from the received list', async () => {
            server.of('/').on('connection', (socket) => {
                socket.on('later', () => setImmediate(() => socket.emit('done', 1)));
            });
            const client = new testing_1.TestClient(server);
            await client.ready;
            client.emit('later');
            (0, chai_1.expect)(await client.waitFor('done')).to.deep.equal({ name: 'done', args: [1], namespace: '/' });
            (0, chai_1.expect)(client.getReceived()).to.deep.equal([]);
        });
        it('rejects after its timeout with a message naming the event', async () => {
            const client = new testing_1.TestClient(server);
            await client.ready;
            const err = await client.waitFor('never', { timeout: 1 }).then(() => null, (e) => e);
            (0, chai_1.expect)(err.message).to.equal('test client: no "never" on namespace / within 1 ms');
        });
    });
    describe('#disconnect and #close', () => {
        it('leaves one namespace and keeps the others', async () => {
            server.of('/b');
            const left = new Promise((resolve) => {
                server
                    .of('/')
                    .on('connection', (socket) => socket.on('disconnect', (reason) => resolve(reason)));
            });
            const client = new testing_1.TestClient(server);
            await client.ready;
            await client.connect('/b');
            client.disconnect('/');
            (0, chai_1.expect)(await left).to.equal('client namespace disconnect');
            (0, chai_1.expect)(client.isConnected('/')).to.equal(false);
            (0, chai_1.expect)(client.isConnected('/b')).to.equal(true);
        });
        it('sees a server-side disconnect', async () => {
            server.of('/').on('connection', (socket) => socket.on('kick', () => socket.disconnect()));
            const client = new testing_1.TestClient(server);
            await client.ready;
            client.emit('kick');
            (0, chai_1.expect)(client.isConnected()).to.equal(false);
            (0, chai_1.expect)(client.disconnectReason()).to.equal('io server disconnect');
        });
        it('closes the connection as a closed tab does', async () => {
            const left = new Promise((resolve) => {
                server
                    .of('/')
                    .on('connection', (socket) => socket.on('disconnect', (reason) => resolve(reason)));
            });
            const client = new testing_1.TestClient(server);
            await client.ready;
            client.close();
            (0, chai_1.expect)(await left).to.equal('transport close');
            (0, chai_1.expect)(client.isConnected()).to.equal(false);
        });
        it('is disconnected by server.close() as real clients are: "io server disconnect", "server shutting down"', async () => {
            const left = new Promise((resolve) => {
                server
                    .of('/')
                    .on('connection', (socket) => socket.on('disconnect', (reason) => resolve(reason)));
            });
            const client = new testing_1.TestClient(server);
            const other = client.of('/other');
            server.of('/other');
            await client.ready;
            (0, chai_1.expect)(await other.connect()).to.equal(true);
            await server.close();
            (0, chai_1.expect)(await left).to.equal('server shutting down');
            (0, chai_1.expect)(client.isConnected()).to.equal(false);
            (0, chai_1.expect)(client.disconnectReason()).to.equal('io server disconnect');
            (0, chai_1.expect)(client.disconnectReason('/other')).to.equal('io server disconnect');
        });
    });
});
//# sourceMappingURL=test-client.test.js.map