"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const in_memory_adapter_1 = require("../../src/adapter/in-memory-adapter");
const io_1 = require("../support/io");
const raw_hostile_client_1 = require("../support/raw-hostile-client");
/**
 * `server.close({ timeout })`: refuse new sessions, let running handlers and awaited acks finish within the
 * deadline, tell every client why (`io server disconnect` on the client, `server shutting down` on the server),
 * then close the sessions, the adapters and the HTTP server.
 */
function deferred() {
    let resolve;
    const promise = new Promise((r) => (resolve = r));
    return { promise, resolve };
}
for (const mode of io_1.TRANSPORT_MODES.filter((m) => m.name !== 'upgrade')) {
    describe(`Graceful shutdown (${mode.name})`, () => {
        let server;
        let adapterCloses;
        const clients = new io_1.ClientPool();
        const serverReasons = [];
        beforeEach(async () => {
            adapterCloses = 0;
            serverReasons.length = 0;
            server = await (0, io_1.startServer)({
                adapter: (host) => {
                    const adapter = new in_memory_adapter_1.InMemoryAdapter(host);
                    const close = adapter.close.bind(adapter);
                    adapter.close = () => {
                        adapterCloses++;
                        return close();
                    };
                    return adapter;
                },
            });
            server
                .of('/')
                .on('connection', (socket) => socket.on('disconnect', (reason) => serverReasons.push(reason)));
        });
        afterEach(async () => {
            await clients.closeAll();
            await server.close();
        });
        it('tells connected clients why: "io server disconnect" on the client, "server shutting down" on the server', async () => {
            const client = await clients.connect(server, '/', mode);
            const clientReason = new Promise((resolve) => client.once('disconnect', resolve));
            await server.close({ timeout: 2000 });
            (0, chai_1.expect)(await clientReason).to.equal('io server disconnect');
            (0, chai_1.expect)(serverReasons).to.deep.equal(['server shutting down']);
        });
        it('refuses new sessions while it drains, with Engine.IO error 4 "server shutting down"', async () => {
            const gate = deferred();
            server.on('slow', () => gate.promise);
            const client = await clients.connect(server, '/', mode);
            client.emit('slow');
            await (0, io_1.until)(() => server.of('/').handlersInFlight === 1, 'the handler to start');
            const closed = server.close({ timeout: 5000 });
            const answer = await (0, raw_hostile_client_1.requestOnPort)(server.port, 'GET', '/socket.io/?EIO=4&transport=polling');
            (0, chai_1.expect)(answer.status).to.equal(403);
            (0, chai_1.expect)(JSON.parse(answer.body)).to.deep.equal({ code: 4, message: 'server shutting down' });
            gate.resolve();
            await closed;
        });
        it('waits for a handler in flight, whose ack answer reaches the client before the disconnect', async () => {
            const gate = deferred();
            server.on('slow', async () => {
                await gate.promise;
                return 'done';
            });
            const client = await clients.connect(server, '/', mode);
            const order = [];
            client.on('disconnect', () => order.push('disconnect'));
            // A plain ack callback records the answer synchronously (a promise would record it a microtask late).
            client.emit('slow', (value) => order.push(value));
            await (0, io_1.until)(() => server.of('/').handlersInFlight === 1, 'the handler to start');
            const closed = server.close({ timeout: 5000 });
            setTimeout(() => gate.resolve(), 50);
            await closed;
            await (0, io_1.until)(() => order.length === 2, 'the disconnect');
            (0, chai_1.expect)(order).to.deep.equal(['done', 'disconnect']);
        });
        it('waits for the acks it awaits from clients', async () => {
            let serverSocket;
            server.of('/').on('connection', (socket) => (serverSocket = socket));
            const client = await clients.connect(server, '/', mode);
            client.on('question', (ack) => setTimeout(() => ack('answer'), 50));
            await (0, io_1.until)(() => serverSocket !== undefined, 'the server socket');
            const awaited = serverSocket.timeout(5000).emitWithAck('question');
            await server.close({ timeout: 5000 });
            (0, chai_1.expect)(await awaited).to.equal('answer');
        });
        it('stops waiting at the deadline: the handler that never ends does not hold the close', async () => {
            server.on('stuck', () => new Promise(() => undefined));
            const client = await clients.connect(server, '/', mode);
            client.emit('stuck');
            await (0, io_1.until)(() => server.of('/').handlersInFlight === 1, 'the handler to start');
            const clientReason = new Promise((resolve) => client.once('disconnect', resolve));
            await server.close({ timeout: 100 });
            (0, chai_1.expect)(await clientReason).to.equal('io server disconnect');
            (0, chai_1.expect)(serverReasons).to.deep.equal(['server shutting down']);
        });
        it('closes the adapters and its HTTP server, ends every session, and returns the same promise twice', async () => {
            await clients.connect(server, '/', mode);
            const first = server.close({ timeout: 1000 });
            (0, chai_1.expect)(server.close()).to.equal(first);
            await first;
            (0, chai_1.expect)(adapterCloses).to.equal(1);
            (0, chai_1.expect)(server.engine.clientsCount).to.equal(0);
            (0, chai_1.expect)(server.of('/').sockets.size).to.equal(0);
            (0, chai_1.expect)(server.httpServer.listening).to.equal(false);
        });
        it('rejects a negative timeout', async () => {
            const error = await server.close({ timeout: -1 }).then(() => null, (err) => err);
            (0, chai_1.expect)(error?.code).to.equal('CLASSIO_ERR_CONFIG');
        });
    });
}
for (const mode of io_1.TRANSPORT_MODES) {
    describe(`Shutdown with the default timeout (${mode.name})`, () => {
        let server;
        const clients = new io_1.ClientPool();
        beforeEach(async () => {
            server = await (0, io_1.startServer)();
        });
        afterEach(async () => {
            await clients.closeAll();
            await server.close();
        });
        // Right after its CONNECT arrives a polling client has no GET waiting (it sends the next one after reading
        // the answer), so the DISCONNECT must wait for that GET rather than be dropped with the session.
        it('tells a client that just connected "io server disconnect", as it does with a timeout', async () => {
            const client = await clients.connect(server, '/', mode);
            const clientReason = new Promise((resolve) => client.once('disconnect', resolve));
            await server.close();
            (0, chai_1.expect)(await clientReason).to.equal('io server disconnect');
            (0, chai_1.expect)(server.engine.clientsCount).to.equal(0);
        });
        it('tells every namespace of a connection "io server disconnect"', async () => {
            server.of('/chat');
            const main = await clients.connect(server, '/', mode);
            const chat = main.io.socket('/chat');
            await new Promise((resolve) => (chat.connected ? resolve() : chat.once('connect', () => resolve())));
            const reasons = Promise.all([main, chat].map((c) => new Promise((r) => c.once('disconnect', r))));
            await server.close();
            (0, chai_1.expect)(await reasons).to.deep.equal(['io server disconnect', 'io server disconnect']);
        });
    });
}
//# sourceMappingURL=shutdown.test.js.map