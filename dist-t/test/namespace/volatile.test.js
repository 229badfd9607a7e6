"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const io_1 = require("../support/io");
const raw_hostile_client_1 = require("../support/raw-hostile-client");
const WEBSOCKET = io_1.TRANSPORT_MODES.find((mode) => mode.name === 'websocket');
/**
 * Socket.IO's volatile: a packet that the client's transport cannot write at once is dropped, for that client only
 * (a polling client with no GET waiting, a websocket with bytes still queued behind the network).
 */
describe('volatile', () => {
    let server;
    const clients = new io_1.ClientPool();
    let sockets;
    beforeEach(async () => {
        server = await (0, io_1.startServer)({ maxBufferedBytes: 64 * 1024 * 1024 });
        sockets = [];
        server.of('/').on('connection', (socket) => {
            socket.join('room');
            sockets.push(socket);
        });
    });
    afterEach(async () => {
        await clients.closeAll();
        await server.close();
    });
    /** Every volatile form: socket, namespace, server, operators. */
    function emitVolatileEverywhere(socket) {
        socket.volatile.emit('v', 'socket');
        server.of('/').volatile.emit('v', 'namespace');
        server.volatile.emit('v', 'server');
        server.to('room').volatile.emit('v', 'operator');
        server.of('/').volatile.to('room').emit('v', 'namespace operator');
    }
    it('drops every volatile form for a polling client with no GET waiting, and keeps the rest', async () => {
        const client = await raw_hostile_client_1.RawPolling.connect(server.port);
        await (0, io_1.until)(() => sockets.length === 1, 'the server-side socket');
        emitVolatileEverywhere(sockets[0]);
        sockets[0].emit('n', 'kept');
        (0, chai_1.expect)(await client.poll()).to.deep.equal(['42["n","kept"]']);
    });
    it('delivers them to a polling client whose GET is waiting', async () => {
        const client = await raw_hostile_client_1.RawPolling.connect(server.port);
        await (0, io_1.until)(() => sockets.length === 1, 'the server-side socket');
        const answer = client.poll();
        const session = server.engine.clients.get(client.sid);
        await (0, io_1.until)(() => session.transport.writable, 'the GET to arrive');
        emitVolatileEverywhere(sockets[0]);
        (0, chai_1.expect)(await answer).to.deep.equal([
            '42["v","socket"]',
            '42["v","namespace"]',
            '42["v","server"]',
            '42["v","operator"]',
            '42["v","namespace operator"]',
        ]);
    });
    it('drops them for a websocket past its buffer, and delivers them once it has caught up', async () => {
        const client = await clients.connect(server, '/', WEBSOCKET);
        await (0, io_1.until)(() => sockets.length === 1, 'the server-side socket');
        const volatiles = (0, io_1.collect)(client, 'v');
        const after = (0, io_1.nextEvent)(client, 'after');
        // One write of 8 MB is more than the kernel takes at once on loopback: the rest waits in Node.
        sockets[0].emit('big', 'x'.repeat(8 * 1024 * 1024));
        emitVolatileEverywhere(sockets[0]);
        sockets[0].emit('after');
        await after;
        (0, chai_1.expect)(volatiles).to.deep.equal([]);
        const again = (0, io_1.nextEvent)(client, 'v');
        sockets[0].volatile.emit('v', 'caught up');
        (0, chai_1.expect)((await again)[0]).to.equal('caught up');
    });
    it('drops a volatile emit for the one slow client of a broadcast, not for the others', async () => {
        const slow = await clients.connect(server, '/', WEBSOCKET);
        const fast = await clients.connect(server, '/', WEBSOCKET);
        await (0, io_1.until)(() => sockets.length === 2, 'the server-side sockets');
        const slowSocket = sockets.find((s) => s.id === slow.id);
        const received = (0, io_1.nextEvent)(fast, 'v');
        const slowVolatiles = (0, io_1.collect)(slow, 'v');
        const slowAfter = (0, io_1.nextEvent)(slow, 'after');
        slowSocket.emit('big', 'x'.repeat(8 * 1024 * 1024));
        server.volatile.emit('v', 'news');
        slowSocket.emit('after');
        (0, chai_1.expect)((await received)[0]).to.equal('news');
        await slowAfter;
        (0, chai_1.expect)(slowVolatiles).to.deep.equal([]);
    });
});
//# sourceMappingURL=volatile.test.js.map