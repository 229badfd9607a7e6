"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const errors_1 = require("../../src/errors");
const io_1 = require("../support/io");
const raw_engine_client_1 = require("../support/raw-engine-client");
const io_v2_1 = require("../support/io-v2");
for (const mode of io_v2_1.V2_MODES) {
    describe(`Socket.IO v2 client, allowEIO3 (${mode.name})`, () => {
        let server;
        const clients = new io_v2_1.V2ClientPool();
        const sockets = new Map();
        beforeEach(async () => {
            server = await (0, io_1.startServer)({ allowEIO3: true, pingInterval: 200, pingTimeout: 400 });
            sockets.clear();
            for (const nsp of ['/', '/chat']) {
                server.on('echo', (value) => value, { namespace: nsp });
                server.of(nsp).on('connection', (socket) => {
                    sockets.set(socket.id, socket);
                    socket.on('join', (room) => void socket.join(room));
                    socket.on('shout', (room, text) => void socket.nsp.to(room).emit('shouted', text));
                    socket.on('say back', (...args) => void socket.emit('said', ...args));
                    socket.on('ask me', (question) => {
                        socket.emit('question', question, (answer) => void socket.emit('answered', answer));
                    });
                });
            }
        });
        afterEach(async () => {
            await clients.closeAll();
            await server.close();
        });
        it('is connected to / by the server, with the id the v2 client computes (the engine id)', async () => {
            const client = await clients.connect(server, '/', mode);
            (0, chai_1.expect)(client.id).to.equal(client.io.engine.id);
            (0, chai_1.expect)(sockets.get(client.id)?.nsp.name).to.equal('/');
            if (mode.shouldUpgrade)
                (0, chai_1.expect)(client.io.engine.transport.name).to.equal('websocket');
        });
        it('connects to another namespace with its query as auth, and the nsp#id socket id', async () => {
            let auth;
            server.of('/chat').use((socket, next) => {
                auth = { ...socket.handshake.auth };
                next();
            });
            const client = await clients.connect(server, '/chat', mode, { query: { token: 'abc' } });
            (0, chai_1.expect)(client.id).to.equal(`/chat#${client.io.engine.id}`);
            (0, chai_1.expect)(sockets.get(client.id)?.nsp.name).to.equal('/chat');
            (0, chai_1.expect)(auth).to.deep.equal({ token: 'abc' });
        });
        it('gives the handshake query as auth to the / connection', async () => {
            let auth;
            server.of('/').use((socket, next) => {
                auth = { ...socket.handshake.auth };
                next();
            });
            await clients.connect(server, '/', mode, { query: { token: 'root' } });
            (0, chai_1.expect)(auth).to.deep.equal({ token: 'root' });
        });
        it('carries events both ways, binary included', async () => {
            const client = await clients.connect(server, '/chat', mode);
            const reply = (0, io_v2_1.nextV2Event)(client, 'said');
            client.emit('say back', 'hi', Buffer.from([1, 2, 3]), { nested: Buffer.from('hé') });
            const [text, bytes, object] = await reply;
            (0, chai_1.expect)(text).to.equal('hi');
            (0, chai_1.expect)(Buffer.from(bytes)).to.deep.equal(Buffer.from([1, 2, 3]));
            (0, chai_1.expect)(Buffer.from(object.nested).toString()).to.equal('hé');
        });
        it('answers a client ack, and receives the answer to a server ack', async () => {
            const client = await clients.connect(server, '/', mode);
            (0, chai_1.expect)(await (0, io_v2_1.emitWithAckV2)(client, 'echo', { a: 2 })).to.deep.equal([{ a: 2 }]);
            client.on('question', (question, ack) => ack(`${question}!`));
            const answered = (0, io_v2_1.nextV2Event)(client, 'answered');
            client.emit('ask me', 'why');
            (0, chai_1.expect)(await answered).to.deep.equal(['why!']);
        });
        it('broadcasts to a room and to nobody else', async () => {
            const [a, b, outsider] = await Promise.all([
                clients.connect(server, '/chat', mode),
                clients.connect(server, '/chat', mode),
                clients.connect(server, '/chat', mode),
            ]);
            a.emit('join', 'lobby');
            b.emit('join', 'lobby');
            await (0, io_1.until)(() => server.of('/chat').adapter.rooms.get('lobby')?.size === 2, 'both in lobby');
            const missed = [];
            outsider.on('shouted', (text) => missed.push(text));
            const [toA, toB] = [(0, io_v2_1.nextV2Event)(a, 'shouted'), (0, io_v2_1.nextV2Event)(b, 'shouted')];
            outsider.emit('shout', 'lobby', 'hello');
            (0, chai_1.expect)(await toA).to.deep.equal(['hello']);
            (0, chai_1.expect)(await toB).to.deep.equal(['hello']);
            (0, chai_1.expect)(await (0, io_v2_1.emitWithAckV2)(outsider, 'echo', 'done')).to.deep.equal(['done']);
            (0, chai_1.expect)(missed).to.deep.equal([]);
        });
        it('refuses a namespace with the error data or message as the v2 error event', async () => {
            server.of('/chat').use((_socket, next) => next(new errors_1.ConnectError('not allowed')));
            const client = clients.open(server, '/chat', mode);
            const [error] = await (0, io_v2_1.nextV2Event)(client, 'error');
            (0, chai_1.expect)(error).to.equal('not allowed');
            (0, chai_1.expect)(client.connected).to.equal(false);
        });
        it('refuses an unknown namespace', async () => {
            const client = clients.open(server, '/nowhere', mode);
            const [error] = await (0, io_v2_1.nextV2Event)(client, 'error');
            (0, chai_1.expect)(error).to.deep.equal({ message: 'Invalid namespace' });
        });
        it('keeps the session through client pings, each answered with a pong', async () => {
            const client = await clients.connect(server, '/', mode);
            const engineSocket = server.engine.clients.get(client.io.engine.id);
            (0, chai_1.expect)(engineSocket.protocol).to.equal(3);
            // Three round trips of pingInterval (200 ms) each, past pingInterval + pingTimeout (600 ms).
            for (let i = 0; i < 4; i++)
                await new Promise((resolve) => client.io.engine.once('pong', () => resolve()));
            (0, chai_1.expect)(client.connected).to.equal(true);
            (0, chai_1.expect)(server.engine.clients.has(client.io.engine.id)).to.equal(true);
        });
    });
}
describe('EngineServer', () => {
    describe('allowEIO3', () => {
        it('refuses EIO=3 by default with error 5', async () => {
            const server = await (0, io_1.startServer)();
            try {
                const answer = await (0, raw_engine_client_1.httpRequest)(`http://127.0.0.1:${server.port}/socket.io/?EIO=3&transport=polling`);
                (0, chai_1.expect)(answer.status).to.equal(400);
                (0, chai_1.expect)(JSON.parse(answer.body)).to.deep.equal({ code: 5, message: 'Unsupported protocol version' });
            }
            finally {
                await server.close();
            }
        });
        it('answers an EIO=3 handshake with a length-prefixed payload, then the CONNECT of /', async () => {
            const server = await (0, io_1.startServer)({ allowEIO3: true });
            try {
                const answer = await (0, raw_engine_client_1.httpRequest)(`http://127.0.0.1:${server.port}/socket.io/?EIO=3&transport=polling`);
                (0, chai_1.expect)(answer.status).to.equal(200);
                const match = /^(\d+):(0\{.*?\})2:40$/.exec(answer.body);
                (0, chai_1.expect)(match, answer.body).to.not.equal(null);
                (0, chai_1.expect)(Number(match[1])).to.equal(match[2].length);
            }
            finally {
                await server.close();
            }
        });
        it('refuses a session request whose EIO is not the session protocol', async () => {
            const server = await (0, io_1.startServer)({ allowEIO3: true });
            try {
                const base = `http://127.0.0.1:${server.port}/socket.io/`;
                const open = await (0, raw_engine_client_1.httpRequest)(`${base}?EIO=3&transport=polling`);
                const sid = JSON.parse(/^\d+:0(\{.*?\})/.exec(open.body)[1]).sid;
                const answer = await (0, raw_engine_client_1.httpRequest)(`${base}?EIO=4&transport=polling&sid=${sid}`);
                (0, chai_1.expect)(answer.status).to.equal(400);
                (0, chai_1.expect)(JSON.parse(answer.body)).to.deep.equal({ code: 3, message: 'Bad request' });
            }
            finally {
                await server.close();
            }
        });
    });
});
//# sourceMappingURL=v2-client.test.js.map