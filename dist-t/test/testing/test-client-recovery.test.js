"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const server_1 = require("../../src/server");
const testing_1 = require("../../src/testing");
describe('TestClient', () => {
    describe('#dropTransport and #reconnect', () => {
        let server;
        afterEach(async () => {
            await server.close();
        });
        function start(maxDisconnectionDuration) {
            server = new server_1.Server({ logger: false, connectionStateRecovery: { maxDisconnectionDuration } });
            const live = new Map();
            server.of('/chat').on('connection', (socket) => {
                live.set(socket.id, socket);
                socket.on('disconnect', () => live.delete(socket.id));
            });
            return live;
        }
        it('recovers the session after a simulated drop: same id, rooms, session and the missed packets in order', async () => {
            const live = start();
            const client = new testing_1.TestClient(server, '/chat');
            (0, chai_1.expect)(await client.ready).to.equal(true);
            const sid = client.id();
            live.get(sid).join('red');
            live.get(sid).data.user = 'alice';
            const nsp = server.of('/chat');
            nsp.to('red').emit('news', 0);
            client.dropTransport();
            (0, chai_1.expect)(client.isConnected()).to.equal(false);
            (0, chai_1.expect)(client.disconnectReason()).to.equal('transport close');
            (0, chai_1.expect)(live.size).to.equal(0);
            nsp.to('red').emit('news', 1);
            nsp.to(sid).emit('news', 2);
            nsp.to('blue').emit('news', 'not for red');
            (0, chai_1.expect)(await client.reconnect()).to.equal(true);
            (0, chai_1.expect)(client.recovered()).to.equal(true);
            (0, chai_1.expect)(client.id()).to.equal(sid);
            const socket = live.get(sid);
            (0, chai_1.expect)([...socket.rooms].sort()).to.deep.equal([sid, 'red'].sort());
            (0, chai_1.expect)(socket.data).to.deep.equal({ user: 'alice' });
            nsp.to('red').emit('news', 3);
            (0, chai_1.expect)(client.getReceived().map((packet) => packet.args[0])).to.deep.equal([0, 1, 2, 3]);
        });
        it('starts a new session once the window has passed', async () => {
            start(20);
            const client = new testing_1.TestClient(server, '/chat');
            await client.ready;
            const sid = client.id();
            client.dropTransport();
            await new Promise((resolve) => setTimeout(resolve, 60));
            (0, chai_1.expect)(await client.reconnect()).to.equal(true);
            (0, chai_1.expect)(client.recovered()).to.equal(false);
            (0, chai_1.expect)(client.id()).to.not.equal(sid);
        });
        it('does not recover after a deliberate disconnect', async () => {
            start();
            const client = new testing_1.TestClient(server, '/chat');
            await client.ready;
            const sid = client.id();
            client.disconnect();
            (0, chai_1.expect)(await client.connect()).to.equal(true);
            (0, chai_1.expect)(client.recovered()).to.equal(false);
            (0, chai_1.expect)(client.id()).to.not.equal(sid);
        });
    });
});
//# sourceMappingURL=test-client-recovery.test.js.map