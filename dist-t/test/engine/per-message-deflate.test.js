"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const node_zlib_1 = require("node:zlib");
const errors_1 = require("../../src/errors");
const server_1 = require("../../src/engine/server");
const frame_tap_1 = require("../support/frame-tap");
const errors_2 = require("../support/errors");
const io_1 = require("../support/io");
const WEBSOCKET = io_1.TRANSPORT_MODES.find((mode) => mode.name === 'websocket');
/** A 10 KB JSON-like text that compresses well, as a chat history or a game state does. */
const BIG = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, name: `player ${i}`, score: i * 7 })));
/** What permessage-deflate removes from the end of each compressed message (RFC 7692 section 7.2.1). */
const TAIL = Buffer.from([0x00, 0x00, 0xff, 0xff]);
/** Inflates a message compressed on its own (no context takeover, or the first message of a context). */
function inflateMessage(payload) {
    return (0, node_zlib_1.inflateRawSync)(Buffer.concat([payload, TAIL]), { finishFlush: node_zlib_1.constants.Z_SYNC_FLUSH }).toString('utf8');
}
const MODES = [
    { name: 'context takeover: ws compresses per connection', options: true },
    { name: 'no context takeover: frames built once and shared', options: { serverNoContextTakeover: true } },
];
describe('permessage-deflate (socket.io-client 4.8 over websocket)', () => {
    let server;
    const clients = new io_1.ClientPool();
    let serverSockets;
    async function start(options) {
        server = await (0, io_1.startServer)(options);
        serverSockets = [];
        server.of('/').on('connection', (socket) => serverSockets.push(socket));
    }
    async function connect() {
        const client = await clients.connect(server, '/', WEBSOCKET);
        await (0, io_1.until)(() => serverSockets.some((s) => s.id === client.id), 'the server-side socket');
        return { client, socket: serverSockets.find((s) => s.id === client.id), tap: new frame_tap_1.FrameTap(client) };
    }
    afterEach(async () => {
        await clients.closeAll();
        await server?.close();
    });
    it('is off by default: the client offers it and the server declines, frames go uncompressed', async () => {
        await start({});
        const { client, socket, tap } = await connect();
        (0, chai_1.expect)((0, frame_tap_1.clientWebSocket)(client).extensions).to.equal('');
        const received = (0, io_1.nextEvent)(client, 'big');
        socket.emit('big', BIG);
        (0, chai_1.expect)((await received)[0]).to.equal(BIG);
        (0, chai_1.expect)(tap.frames.map((frame) => frame.isCompressed)).to.deep.equal([false]);
    });
    for (const mode of MODES) {
        describe(mode.name, () => {
            beforeEach(() => start({ perMessageDeflate: mode.options }));
            it('negotiates the extension and compresses a message past the threshold, not one below', async () => {
                const { client, socket, tap } = await connect();
                (0, chai_1.expect)((0, frame_tap_1.clientWebSocket)(client).extensions).to.equal('permessage-deflate');
                const small = (0, io_1.nextEvent)(client, 'small');
                const big = (0, io_1.nextEvent)(client, 'big');
                socket.emit('small', 'hello');
                socket.emit('big', BIG);
                (0, chai_1.expect)((await small)[0]).to.equal('hello');
                (0, chai_1.expect)((await big)[0]).to.equal(BIG);
                (0, chai_1.expect)(tap.frames.map((frame) => [frame.opcode, frame.isCompressed])).to.deep.equal([
                    [1, false],
                    [1, true],
                ]);
                const compressed = tap.frames[1].payload;
                (0, chai_1.expect)(compressed.length).to.be.below(BIG.length / 4);
                (0, chai_1.expect)(inflateMessage(compressed)).to.equal(`42${JSON.stringify(['big', BIG])}`);
            });
            it('honours compress(false) on the socket and on operators, for that emit only', async () => {
                const { client, socket, tap } = await connect();
                let count = 0;
                client.on('big', (data) => {
                    (0, chai_1.expect)(data).to.equal(BIG);
                    count++;
                });
                socket.compress(false).emit('big', BIG);
                socket.emit('big', BIG);
                server.compress(false).emit('big', BIG);
                server.of('/').compress(false).to(socket.id).emit('big', BIG);
                server.emit('big', BIG);
                await (0, io_1.until)(() => count === 5, 'five messages');
                (0, chai_1.expect)(tap.frames.map((frame) => frame.isCompressed)).to.deep.equal([false, true, false, false, true]);
            });
            it('compresses binary attachments past the threshold', async () => {
                const { client, socket, tap } = await connect();
                const received = (0, io_1.nextEvent)(client, 'bin');
                const bytes = Buffer.alloc(8192, 7);
                socket.emit('bin', bytes);
                (0, chai_1.expect)(Buffer.from((await received)[0])).to.deep.equal(bytes);
                (0, chai_1.expect)(tap.frames.map((frame) => [frame.opcode, frame.isCompressed])).to.deep.equal([
                    [1, false],
                    [2, true],
                ]);
            });
            it('inflates what the client compresses', async () => {
                const { client, socket } = await connect();
                socket.on('up', (data, ack) => ack(data === BIG ? data.length : -1));
                (0, chai_1.expect)(await client.emitWithAck('up', BIG)).to.equal(BIG.length);
            });
        });
    }
    it('without context takeover, compresses a broadcast once: every recipient gets the same frame', async () => {
        await start({ perMessageDeflate: { serverNoContextTakeover: true } });
        const connected = [await connect(), await connect(), await connect()];
        const received = connected.map(({ client }) => (0, io_1.nextEvent)(client, 'news'));
        server.emit('news', BIG);
        for (const answer of await Promise.all(received))
            (0, chai_1.expect)(answer[0]).to.equal(BIG);
        const payloads = connected.map(({ tap }) => tap.frames[0]);
        for (const frame of payloads) {
            (0, chai_1.expect)(frame.isCompressed).to.equal(true);
            (0, chai_1.expect)(frame.payload).to.deep.equal(payloads[0].payload);
        }
        (0, chai_1.expect)(inflateMessage(payloads[0].payload)).to.equal(`42${JSON.stringify(['news', BIG])}`);
    });
    it('keeps its own threshold', async () => {
        await start({ perMessageDeflate: { threshold: 20_000, serverNoContextTakeover: true } });
        const { client, socket, tap } = await connect();
        const received = (0, io_1.nextEvent)(client, 'big');
        socket.emit('big', BIG);
        (0, chai_1.expect)((await received)[0]).to.equal(BIG);
        (0, chai_1.expect)(tap.frames.map((frame) => frame.isCompressed)).to.deep.equal([false]);
    });
    describe('options', () => {
        const wrong = [
            ['a number', 1, /"perMessageDeflate" must be a boolean or an object, got 1/],
            ['a negative threshold', { threshold: -1 }, /"threshold" must be a non-negative number of bytes, got -1/],
            ['an unknown key', { treshold: 10 }, /unknown option "treshold"; did you mean "threshold"\?/],
            ['a string flag', { serverNoContextTakeover: 'yes' }, /"serverNoContextTakeover" must be a boolean/],
            ['a window of 16 bits', { serverMaxWindowBits: 16 }, /"serverMaxWindowBits" must be an integer from 8 to 15/],
            ['a zlib level of 10', { zlibDeflateOptions: { level: 10 } }, /"level" must be an integer from -1 to 9/],
            ['an unknown zlib key', { zlibInflateOptions: { flush: 2 } }, /unknown option "flush"/],
        ];
        for (const [what, value, message] of wrong) {
            it(`refuses ${what} at construction`, () => {
                const error = (0, errors_2.thrownBy)(() => new server_1.EngineServer({ perMessageDeflate: value }), errors_1.ConfigurationError, 'CLASSIO_ERR_CONFIG');
                (0, chai_1.expect)(error.message).to.match(message);
            });
        }
        it("takes true as { threshold: 1024 } and hands ws's options over unchanged", () => {
            (0, chai_1.expect)(new server_1.EngineServer({ perMessageDeflate: true }).settings.perMessageDeflate).to.deep.equal({
                threshold: 1024,
            });
            const options = { serverNoContextTakeover: true, zlibDeflateOptions: { level: 3 }, concurrencyLimit: 4 };
            (0, chai_1.expect)(new server_1.EngineServer({ perMessageDeflate: options }).settings.perMessageDeflate).to.deep.equal({
                threshold: 1024,
                ...options,
            });
        });
    });
});
//# sourceMappingURL=per-message-deflate.test.js.map