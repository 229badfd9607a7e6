"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const io_1 = require("../support/io");
const recovery_1 = require("../support/recovery");
/** The payloads of the `news` events a client got, without the offset socket.io-client hands on as last argument. */
function payloads(received) {
    return received.map((args) => args[0]);
}
for (const mode of io_1.TRANSPORT_MODES.filter((m) => m.name !== 'upgrade')) {
    describe(`Connection state recovery (${mode.name})`, () => {
        let server;
        let cutter;
        const clients = new io_1.ClientPool();
        const live = new Map();
        const ended = new Map();
        async function start(recovery = {}) {
            // A short heartbeat: a polling server notices a dead client only when its pings go unanswered.
            server = await (0, io_1.startServer)({ connectionStateRecovery: recovery, pingInterval: 200, pingTimeout: 200 });
            cutter = new recovery_1.ConnectionCutter(server);
            live.clear();
            ended.clear();
            server.of('/chat').on('connection', (socket) => {
                live.set(socket.id, socket);
                socket.on('disconnect', (reason) => {
                    live.delete(socket.id);
                    ended.set(socket.id, reason);
                });
            });
        }
        /** Connects a client, puts it in room `red` with a session, and returns it with its server socket. */
        async function connectInRed() {
            const client = await clients.connect(server, '/chat', mode);
            const socket = live.get(client.id);
            socket.join('red');
            socket.data.user = 'alice';
            return { client, socket };
        }
        /** Cuts the client's connection and waits until the server has let its socket go. */
        async function drop(client) {
            const sid = client.id;
            const reason = await cutter.cut(client);
            await (0, io_1.until)(() => ended.has(sid), 'the server to see the transport loss');
            return reason;
        }
        const adapter = () => server.of('/chat').adapter;
        afterEach(async () => {
            await clients.closeAll();
            await server.close();
        });
        it('restores the id, rooms and session and replays every missed packet once, in order, before newer ones', async () => {
            await start();
            const { client } = await connectInRed();
            const sid = client.id;
            const news = (0, io_1.collect)(client, 'news');
            const nsp = server.of('/chat');
            nsp.to('red').emit('news', 0);
            await (0, io_1.until)(() => news.length === 1, 'the first packet');
            (0, chai_1.expect)(await drop(client)).to.match(/^transport (close|error)$/);
            // A polling server sees the loss through its heartbeat.
            (0, chai_1.expect)(ended.get(sid)).to.match(/^(transport (close|error)|ping timeout)$/);
            nsp.to('red').emit('news', 1);
            nsp.emit('news', 2);
            nsp.to(sid).emit('news', 3);
            nsp.to('blue').emit('news', 'not for red');
            nsp.except('red').emit('news', 'not for red either');
            nsp.volatile.emit('news', 'volatile');
            nsp.to('red').emit('news', 4);
            const seenAtConnect = [];
            client.once('connect', () => seenAtConnect.push(...payloads(news)));
            await (0, recovery_1.reconnect)(client, cutter);
            (0, chai_1.expect)(client.recovered).to.equal(true);
            (0, chai_1.expect)(client.id).to.equal(sid);
            (0, chai_1.expect)(seenAtConnect).to.deep.equal([0]);
            const socket = live.get(sid);
            (0, chai_1.expect)(socket.recovered).to.equal(true);
            (0, chai_1.expect)([...socket.rooms].sort()).to.deep.equal([sid, 'red'].sort());
            (0, chai_1.expect)(socket.data).to.deep.equal({ user: 'alice' });
            socket.emit('news', 5);
            nsp.to('red').emit('news', 6);
            await (0, io_1.until)(() => news.length === 7, 'the missed and the newer packets');
            await (0, io_1.delay)(50);
            (0, chai_1.expect)(payloads(news)).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
            // Each stored packet carries its offset last, as Socket.IO's do, and offsets differ.
            const offsets = news.map((args) => args[args.length - 1]);
            (0, chai_1.expect)(offsets.every((offset) => typeof offset === 'string')).to.equal(true);
            (0, chai_1.expect)(new Set(offsets).size).to.equal(7);
        });
        it('stores private emits made while connected and replays the ones the dead transport swallowed', async () => {
            await start();
            const { client, socket } = await connectInRed();
            const news = (0, io_1.collect)(client, 'news');
            socket.emit('news', 'a');
            await (0, io_1.until)(() => news.length === 1, 'the private emit');
            (0, chai_1.expect)(news[0]).to.have.length(2);
            (0, chai_1.expect)(news[0][1]).to.be.a('string');
            const sid = client.id;
            await drop(client);
            server.of('/chat').to(sid).emit('news', 'b');
            await (0, recovery_1.reconnect)(client, cutter);
            (0, chai_1.expect)(client.recovered).to.equal(true);
            await (0, io_1.until)(() => news.length === 2, 'the replayed private emit');
            (0, chai_1.expect)(payloads(news)).to.deep.equal(['a', 'b']);
        });
        it('replays what was written to the transport after it died and before the server noticed', async () => {
            await start();
            const { client } = await connectInRed();
            const sid = client.id;
            const news = (0, io_1.collect)(client, 'news');
            server.of('/chat').to('red').emit('news', 'received');
            await (0, io_1.until)(() => news.length === 1, 'the first packet');
            const cut = cutter.cut(client);
            // The server still believes the socket connected: these go into a dead transport.
            server.of('/chat').to('red').emit('news', 'swallowed 1');
            live.get(sid).emit('news', 'swallowed 2');
            await cut;
            await (0, io_1.until)(() => ended.has(sid), 'the server to see the transport loss');
            server.of('/chat').to('red').emit('news', 'after');
            await (0, recovery_1.reconnect)(client, cutter);
            (0, chai_1.expect)(client.recovered).to.equal(true);
            await (0, io_1.until)(() => news.length === 4, 'the replay');
            await (0, io_1.delay)(50);
            (0, chai_1.expect)(payloads(news)).to.deep.equal(['received', 'swallowed 1', 'swallowed 2', 'after']);
        });
        it('sends no pid, adds no offset and recovers nothing when the option is off', async () => {
            server = await (0, io_1.startServer)({ pingInterval: 200, pingTimeout: 200 });
            cutter = new recovery_1.ConnectionCutter(server);
            server.of('/chat');
            const client = await clients.connect(server, '/chat', mode);
            const sid = client.id;
            const news = (0, io_1.collect)(client, 'news');
            server.of('/chat').emit('news', 1);
            await (0, io_1.until)(() => news.length === 1, 'the packet');
            (0, chai_1.expect)(news[0]).to.deep.equal([1]);
            await cutter.cut(client);
            await (0, recovery_1.reconnect)(client, cutter);
            // socket.io-client reports `recovered` as undefined when the server sent no pid.
            (0, chai_1.expect)(client.recovered).to.not.equal(true);
            (0, chai_1.expect)(client.id).to.not.equal(sid);
        });
        it('does not recover after maxDisconnectionDuration: a new id and no replay', async () => {
            await start({ maxDisconnectionDuration: 100 });
            const { client } = await connectInRed();
            const sid = client.id;
            const news = (0, io_1.collect)(client, 'news');
            await drop(client);
            server.of('/chat').to('red').emit('news', 1);
            await (0, io_1.delay)(250);
            await (0, recovery_1.reconnect)(client, cutter);
            (0, chai_1.expect)(client.recovered).to.equal(false);
            (0, chai_1.expect)(client.id).to.not.equal(sid);
            const socket = live.get(client.id);
            (0, chai_1.expect)([...socket.rooms]).to.deep.equal([client.id]);
            (0, chai_1.expect)(socket.data).to.deep.equal({});
            await (0, io_1.delay)(50);
            (0, chai_1.expect)(news).to.deep.equal([]);
        });
        it('does not recover after a deliberate disconnect by the client', async () => {
            await start();
            const { client } = await connectInRed();
            const sid = client.id;
            client.disconnect();
            await (0, io_1.until)(() => ended.size === 1, 'the server to see the disconnect');
            (0, chai_1.expect)(ended.get(sid)).to.equal('client namespace disconnect');
            await (0, recovery_1.reconnect)(client, cutter);
            (0, chai_1.expect)(client.recovered).to.equal(false);
            (0, chai_1.expect)(client.id).to.not.equal(sid);
            (0, chai_1.expect)(adapter().savedSessions).to.equal(0);
        });
        it('does not recover after a deliberate disconnect by the server', async () => {
            await start();
            const { client, socket } = await connectInRed();
            const sid = client.id;
            const gone = new Promise((resolve) => client.once('disconnect', resolve));
            socket.disconnect();
            (0, chai_1.expect)(await gone).to.equal('io server disconnect');
            await (0, recovery_1.reconnect)(client, cutter);
            (0, chai_1.expect)(client.recovered).to.equal(false);
            (0, chai_1.expect)(client.id).to.not.equal(sid);
        });
        it('fails cleanly past the count bound, and keeps no more than the bound', async () => {
            await start({ maxPackets: 5 });
            const { client } = await connectInRed();
            const sid = client.id;
            const news = (0, io_1.collect)(client, 'news');
            await drop(client);
            for (let i = 0; i < 20; i++)
                server.of('/chat').to('red').emit('news', i);
            (0, chai_1.expect)(adapter().storedPackets).to.equal(5);
            await (0, recovery_1.reconnect)(client, cutter);
            (0, chai_1.expect)(client.recovered).to.equal(false);
            (0, chai_1.expect)(client.id).to.not.equal(sid);
            await (0, io_1.delay)(50);
            (0, chai_1.expect)(news).to.deep.equal([]);
        });
        it('fails cleanly past the byte bound, and keeps no more bytes than the bound', async () => {
            await start({ maxBytes: 4096 });
            const { client } = await connectInRed();
            const news = (0, io_1.collect)(client, 'news');
            await drop(client);
            const big = 'x'.repeat(1000);
            for (let i = 0; i < 10; i++)
                server.of('/chat').to('red').emit('news', big);
            (0, chai_1.expect)(adapter().storedBytes).to.be.at.most(4096);
            (0, chai_1.expect)(adapter().storedPackets).to.be.at.most(4);
            await (0, recovery_1.reconnect)(client, cutter);
            (0, chai_1.expect)(client.recovered).to.equal(false);
            await (0, io_1.delay)(50);
            (0, chai_1.expect)(news).to.deep.equal([]);
        });
        it('recovers a long-idle client whose last packet is long gone, after a short drop', async () => {
            await start({ maxPackets: 3 });
            const { client } = await connectInRed();
            const sid = client.id;
            const news = (0, io_1.collect)(client, 'news');
            server.of('/chat').to('red').emit('news', 'last one for red');
            await (0, io_1.until)(() => news.length === 1, 'the packet');
            // Much traffic elsewhere evicts the client's last packet from the log.
            for (let i = 0; i < 10; i++)
                server.of('/chat').to('blue').emit('news', i);
            await drop(client);
            server.of('/chat').to('red').emit('news', 'missed');
            await (0, recovery_1.reconnect)(client, cutter);
            (0, chai_1.expect)(client.recovered).to.equal(true);
            (0, chai_1.expect)(client.id).to.equal(sid);
            await (0, io_1.until)(() => news.length === 2, 'the missed packet');
            (0, chai_1.expect)(payloads(news)).to.deep.equal(['last one for red', 'missed']);
        });
        it('recovers a client that never received a stored packet', async () => {
            await start();
            const { client } = await connectInRed();
            const sid = client.id;
            const news = (0, io_1.collect)(client, 'news');
            await drop(client);
            server.of('/chat').to('red').emit('news', 'missed');
            await (0, recovery_1.reconnect)(client, cutter);
            (0, chai_1.expect)(client.recovered).to.equal(true);
            (0, chai_1.expect)(client.id).to.equal(sid);
            await (0, io_1.until)(() => news.length === 1, 'the missed packet');
            (0, chai_1.expect)(payloads(news)).to.deep.equal(['missed']);
        });
        it('skips the middlewares of a recovered client by default, and runs them with skipMiddlewares: false', async () => {
            for (const skipMiddlewares of [true, false]) {
                await start({ skipMiddlewares });
                let admitted = true;
                server.of('/chat').use((_socket, next) => (admitted ? next() : next(new Error('closed for now'))));
                const { client } = await connectInRed();
                await drop(client);
                admitted = false;
                if (skipMiddlewares) {
                    await (0, recovery_1.reconnect)(client, cutter);
                    (0, chai_1.expect)(client.recovered).to.equal(true);
                }
                else {
                    const error = await (0, recovery_1.reconnect)(client, cutter).then(() => null, (err) => err);
                    (0, chai_1.expect)(error?.message).to.equal('closed for now');
                }
                await clients.closeAll();
                await server.close();
            }
            await start();
        });
    });
}
//# sourceMappingURL=recovery.test.js.map