"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const in_memory_adapter_1 = require("../../src/adapter/in-memory-adapter");
const io_1 = require("../support/io");
/** An in-memory adapter that remembers the target of every broadcast it is asked for. */
class RecordingAdapter extends in_memory_adapter_1.InMemoryAdapter {
    constructor(host) {
        super(host);
        this.targets = [];
    }
    broadcast(packet, opts) {
        this.targets.push(opts);
        super.broadcast(packet, opts);
    }
}
for (const mode of io_1.TRANSPORT_MODES) {
    describe(`Broadcast targets (${mode.name})`, () => {
        let server;
        let adapter;
        const clients = new io_1.ClientPool();
        const serverSockets = new Map();
        let a;
        let b;
        let c;
        beforeEach(async () => {
            server = await (0, io_1.startServer)({
                adapter: (host) => {
                    const created = new RecordingAdapter(host);
                    if (host.name === '/chat')
                        adapter = created;
                    return created;
                },
            });
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
        describe('ServerNamespace#emit', () => {
            it('builds no operator: every plain emit targets the whole namespace through the same target', async () => {
                const got = [a, b, c].map((client) => (0, io_1.collect)(client, 'news'));
                const nsp = server.of('/chat');
                nsp.emit('news', 1);
                nsp.emit('news', 2);
                nsp.send('hello');
                await (0, io_1.until)(() => got.every((list) => list.length === 2), 'both broadcasts');
                (0, chai_1.expect)(got).to.deep.equal([
                    [[1], [2]],
                    [[1], [2]],
                    [[1], [2]],
                ]);
                (0, chai_1.expect)(adapter.targets).to.have.length(3);
                // An operator builds its adapter target once: the same target means the same operator, none per emit.
                (0, chai_1.expect)(adapter.targets[1]).to.equal(adapter.targets[0]);
                (0, chai_1.expect)(adapter.targets[2]).to.equal(adapter.targets[0]);
                (0, chai_1.expect)(adapter.targets[0].rooms.size).to.equal(0);
                (0, chai_1.expect)(adapter.targets[0].except.size).to.equal(0);
            });
            it('emits through a kept operator without building another, and builds one per to() chain', () => {
                const nsp = server.of('/chat');
                const room = nsp.to('room');
                room.emit('news', 1);
                room.emit('news', 2);
                nsp.to('room').emit('news', 3);
                (0, chai_1.expect)(adapter.targets[1]).to.equal(adapter.targets[0]);
                (0, chai_1.expect)(adapter.targets[2]).to.not.equal(adapter.targets[0]);
                (0, chai_1.expect)([...adapter.targets[2].rooms]).to.deep.equal(['room']);
            });
        });
        describe('Socket#broadcast, #to and #except', () => {
            it('leave out the sender, and with except() the sockets of the given rooms as well', async () => {
                socketOf(b).join('muted');
                const got = [a, b, c].map((client) => (0, io_1.collect)(client, 'news'));
                socketOf(a).broadcast.emit('news', 'broadcast');
                socketOf(a).except('muted').emit('news', 'except muted');
                socketOf(a).except(['muted', c.id]).emit('news', 'except muted and c');
                socketOf(c).to('muted').emit('news', 'to muted');
                await (0, io_1.until)(() => got[1].length === 2 && got[2].length === 2, 'the broadcasts');
                await (0, io_1.delay)(20);
                (0, chai_1.expect)(got[0]).to.deep.equal([]);
                (0, chai_1.expect)(got[1]).to.deep.equal([['broadcast'], ['to muted']]);
                (0, chai_1.expect)(got[2]).to.deep.equal([['broadcast'], ['except muted']]);
            });
        });
    });
}
//# sourceMappingURL=broadcast.test.js.map