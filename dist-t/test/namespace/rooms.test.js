"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const node_http_1 = require("node:http");
const io_1 = require("../support/io");
for (const mode of io_1.TRANSPORT_MODES) {
    describe(`Rooms and broadcast (${mode.name})`, () => {
        let server;
        const clients = new io_1.ClientPool();
        const serverSockets = new Map();
        let a;
        let b;
        let c;
        beforeEach(async () => {
            server = await (0, io_1.startServer)();
            serverSockets.clear();
            server.of('/chat').on('connection', (socket) => serverSockets.set(socket.id, socket));
            a = await clients.connect(server, '/chat', mode);
            b = await clients.connect(server, '/chat', mode);
            c = await clients.connect(server, '/chat', mode);
        });
        afterEach(async () => {
            await clients.closeAll();
            await server.close();
        });
        const socketOf = (client) => serverSockets.get(client.id);
        it('emits to a room, to several rooms once each, and to the whole namespace', async () => {
            socketOf(a).join('red');
            socketOf(b).join(['red', 'blue']);
            socketOf(c).join('blue');
            const got = [a, b, c].map((client) => (0, io_1.collect)(client, 'news'));
            const nsp = server.of('/chat');
            nsp.to('red').emit('news', 'red');
            nsp.to(['red', 'blue']).emit('news', 'red+blue');
            nsp.emit('news', 'all');
            await (0, io_1.until)(() => got.every((list) => list.some((args) => args[0] === 'all')), 'the namespace broadcast');
            (0, chai_1.expect)(got[0]).to.deep.equal([['red'], ['red+blue'], ['all']]);
            (0, chai_1.expect)(got[1]).to.deep.equal([['red'], ['red+blue'], ['all']]);
            (0, chai_1.expect)(got[2]).to.deep.equal([['red+blue'], ['all']]);
        });
        it('excludes rooms and sids, and the sender unless asked', async () => {
            socketOf(a).join('room');
            socketOf(b).join('room');
            socketOf(c).join('room');
            const got = [a, b, c].map((client) => (0, io_1.collect)(client, 'news'));
            socketOf(a).to('room').emit('news', 'from a, without a');
            server.of('/chat').to('room').except(b.id).emit('news', 'without b');
            server.of('/chat').to('room').emit('news', 'with everyone');
            await (0, io_1.until)(() => got[0].length === 2 && got[2].length === 3, 'the broadcasts');
            await (0, io_1.delay)(20);
            (0, chai_1.expect)(got[0]).to.deep.equal([['without b'], ['with everyone']]);
            (0, chai_1.expect)(got[1]).to.deep.equal([['from a, without a'], ['with everyone']]);
            (0, chai_1.expect)(got[2]).to.deep.equal([['from a, without a'], ['without b'], ['with everyone']]);
        });
        it('emits to one sid through its sid room', async () => {
            const got = [a, b].map((client) => (0, io_1.collect)(client, 'private'));
            server.of('/chat').to(b.id).emit('private', 'for b');
            await (0, io_1.until)(() => got[1].length === 1, 'the private message');
            await (0, io_1.delay)(20);
            (0, chai_1.expect)(got[0]).to.deep.equal([]);
            (0, chai_1.expect)(got[1]).to.deep.equal([['for b']]);
        });
        it('leaves a room and closes a room', async () => {
            const nsp = server.of('/chat');
            socketOf(a).join('room');
            socketOf(b).join('room');
            socketOf(a).leave('room');
            (0, chai_1.expect)([...nsp.adapter.rooms.get('room')]).to.deep.equal([b.id]);
            nsp.joinRoom(c.id, 'room');
            (0, chai_1.expect)(nsp.roomsOf(c.id).sort()).to.deep.equal([c.id, 'room'].sort());
            nsp.closeRoom('room');
            (0, chai_1.expect)(nsp.adapter.rooms.has('room')).to.equal(false);
            (0, chai_1.expect)(nsp.roomsOf(b.id)).to.deep.equal([b.id]);
            (0, chai_1.expect)(await nsp.allSockets()).to.have.all.keys(a.id, b.id, c.id);
        });
        it('emits from outside any handler: a timer and an HTTP route', async () => {
            socketOf(c).join('alerts');
            const got = (0, io_1.collect)(c, 'tick');
            const gotA = (0, io_1.collect)(a, 'tick');
            setTimeout(() => server.of('/chat').to('alerts').emit('tick', 'timer'), 5);
            // An HTTP route of the application (here on its own HTTP server) emits to a sid.
            const app = (0, node_http_1.createServer)((_req, res) => {
                server.of('/chat').to(c.id).emit('tick', 'http');
                res.end('sent');
            });
            await new Promise((resolve) => app.listen(0, '127.0.0.1', resolve));
            await new Promise((resolve, reject) => {
                (0, node_http_1.request)({ host: '127.0.0.1', port: app.address().port, path: '/notify' }, (res) => {
                    res.resume();
                    res.on('end', resolve);
                })
                    .on('error', reject)
                    .end();
            });
            app.close();
            await (0, io_1.until)(() => got.length === 2, 'both emits');
            (0, chai_1.expect)(got.map((args) => args[0]).sort()).to.deep.equal(['http', 'timer']);
            (0, chai_1.expect)(gotA).to.deep.equal([]);
        });
        it('disconnects a sid and every socket of a room', async () => {
            socketOf(b).join('doomed');
            socketOf(c).join('doomed');
            const reasons = [];
            for (const client of [b, c])
                client.on('disconnect', (reason) => reasons.push(reason));
            server.of('/chat').in('doomed').disconnectSockets();
            await (0, io_1.until)(() => reasons.length === 2, 'both disconnects');
            (0, chai_1.expect)(reasons).to.deep.equal(['io server disconnect', 'io server disconnect']);
            (0, chai_1.expect)([...server.of('/chat').sockets.keys()]).to.deep.equal([a.id]);
        });
        it('awaits the acks of a broadcast', async () => {
            for (const client of [a, b, c])
                client.on('poll', (answer) => answer(client.id));
            const answers = await server.of('/chat').timeout(2000).emitWithAck('poll');
            (0, chai_1.expect)(answers.sort()).to.deep.equal([a.id, b.id, c.id].sort());
        });
    });
}
//# sourceMappingURL=rooms.test.js.map