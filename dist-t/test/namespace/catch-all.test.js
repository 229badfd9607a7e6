"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const io_1 = require("../support/io");
for (const mode of io_1.TRANSPORT_MODES) {
    describe(`Socket catch-all listeners (${mode.name})`, () => {
        let server;
        const clients = new io_1.ClientPool();
        let connected;
        beforeEach(async () => {
            server = await (0, io_1.startServer)();
            connected = new Promise((resolve) => server.of('/').on('connection', resolve));
        });
        afterEach(async () => {
            await clients.closeAll();
            await server.close();
        });
        async function connect() {
            const client = await clients.connect(server, '/', mode);
            return { client, socket: await connected };
        }
        describe('#prependAny', () => {
            it('calls a prepended listener before the ones already registered', async () => {
                const { client, socket } = await connect();
                const calls = [];
                socket.onAny((event) => calls.push(`first ${event}`));
                socket.prependAny((event, ...args) => calls.push(`prepended ${event} ${JSON.stringify(args)}`));
                client.emit('hello', 1, { a: 2 });
                await (0, io_1.until)(() => calls.length === 2, 'both listeners');
                (0, chai_1.expect)(calls).to.deep.equal(['prepended hello [1,{"a":2}]', 'first hello']);
            });
        });
        describe('#offAny and #listenersAny', () => {
            it('lists the listeners in calling order and removes one, then all', async () => {
                const { client, socket } = await connect();
                const calls = [];
                const one = (event) => void calls.push(`one ${event}`);
                const two = (event) => void calls.push(`two ${event}`);
                socket.onAny(one).onAny(two);
                (0, chai_1.expect)(socket.listenersAny()).to.deep.equal([one, two]);
                socket.offAny(one);
                (0, chai_1.expect)(socket.listenersAny()).to.deep.equal([two]);
                socket.on('marker', () => calls.push('marker'));
                client.emit('a');
                client.emit('marker');
                await (0, io_1.until)(() => calls.includes('marker'), 'the marker');
                (0, chai_1.expect)(calls).to.deep.equal(['two a', 'two marker', 'marker']);
                socket.offAny();
                (0, chai_1.expect)(socket.listenersAny()).to.deep.equal([]);
                client.emit('b');
                client.emit('marker');
                await (0, io_1.until)(() => calls.length === 4, 'the second marker');
                (0, chai_1.expect)(calls[3]).to.equal('marker');
            });
            it('does not change a call in progress when a listener removes another', async () => {
                const { client, socket } = await connect();
                const calls = [];
                const second = () => void calls.push('second');
                socket.onAny(() => {
                    calls.push('first');
                    socket.offAny(second);
                });
                socket.onAny(second);
                client.emit('x');
                client.emit('y');
                await (0, io_1.until)(() => calls.length === 3, 'three calls');
                (0, chai_1.expect)(calls).to.deep.equal(['first', 'second', 'first']);
            });
        });
        describe('#onAnyOutgoing', () => {
            it("sees the socket's own emits, with their arguments and before the client gets them", async () => {
                const { client, socket } = await connect();
                const seen = [];
                socket.onAnyOutgoing((event, ...args) => void seen.push([event, ...args]));
                const received = new Promise((resolve) => client.on('news', (...args) => resolve(args)));
                socket.emit('news', 'a', { n: 1 });
                (0, chai_1.expect)(seen).to.deep.equal([['news', 'a', { n: 1 }]]);
                (0, chai_1.expect)(await received).to.deep.equal(['a', { n: 1 }]);
            });
            it('sees an emit that awaits an ack, without the callback', async () => {
                const { client, socket } = await connect();
                const seen = [];
                socket.onAnyOutgoing((event, ...args) => void seen.push([event, ...args]));
                client.on('ask', (n, answer) => answer(n + 1));
                (0, chai_1.expect)(await socket.timeout(2000).emitWithAck('ask', 1)).to.equal(2);
                socket.emit('ask', 5, () => { });
                (0, chai_1.expect)(seen).to.deep.equal([
                    ['ask', 1],
                    ['ask', 5],
                ]);
            });
            it('sees broadcasts that reach the socket, binary included, and not those that skip it', async () => {
                const { client, socket } = await connect();
                const seen = [];
                socket.onAnyOutgoing((event, ...args) => void seen.push([event, ...args]));
                socket.join('room');
                const last = new Promise((resolve) => client.on('last', resolve));
                server.to('room').emit('to room', 1);
                server.to('elsewhere').emit('to elsewhere', 2);
                server.except('room').emit('not to room', 3);
                server.emit('binary', Buffer.from([1, 2, 3]));
                server.emit('last');
                await last;
                (0, chai_1.expect)(seen).to.deep.equal([['to room', 1], ['binary', Buffer.from([1, 2, 3])], ['last']]);
            });
            it('is ordered by prependAnyOutgoing, listed, and removed by offAnyOutgoing', async () => {
                const { client, socket } = await connect();
                const calls = [];
                const one = (event) => void calls.push(`one ${event}`);
                const two = (event) => void calls.push(`two ${event}`);
                socket.onAnyOutgoing(one).prependAnyOutgoing(two);
                (0, chai_1.expect)(socket.listenersAnyOutgoing()).to.deep.equal([two, one]);
                socket.emit('a');
                socket.offAnyOutgoing(two);
                socket.emit('b');
                socket.offAnyOutgoing();
                (0, chai_1.expect)(socket.listenersAnyOutgoing()).to.deep.equal([]);
                const last = new Promise((resolve) => client.on('c', resolve));
                socket.emit('c');
                await last;
                (0, chai_1.expect)(calls).to.deep.equal(['two a', 'one a', 'one b']);
            });
            it('reports a listener that throws and still sends the packet', async () => {
                const logged = [];
                await server.close();
                server = await (0, io_1.startServer)({
                    logger: { error: (message) => void logged.push(message) },
                });
                connected = new Promise((resolve) => server.of('/').on('connection', resolve));
                const { client, socket } = await connect();
                socket.onAnyOutgoing(() => {
                    throw new Error('observer bug');
                });
                const received = new Promise((resolve) => client.on('news', resolve));
                socket.emit('news', 1);
                (0, chai_1.expect)(await received).to.equal(1);
                (0, chai_1.expect)(logged.some((message) => message.includes('outgoing catch-all listener of / threw on "news"'))).to.equal(true);
            });
        });
    });
}
//# sourceMappingURL=catch-all.test.js.map