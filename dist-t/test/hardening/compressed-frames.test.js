"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const node_zlib_1 = require("node:zlib");
const io_1 = require("../support/io");
const WEBSOCKET = io_1.TRANSPORT_MODES.find((mode) => mode.name === 'websocket');
const MAX = 100_000;
/**
 * Compressed frames from a hostile client: the limit on a message is its inflated size, so a small frame that
 * inflates past `maxHttpBufferSize` (a decompression bomb) closes its own session and nobody else's.
 */
for (const perMessageDeflate of [true, { serverNoContextTakeover: true, clientNoContextTakeover: true }]) {
    describe(`Compressed frames (${perMessageDeflate === true ? 'context takeover' : 'no context takeover'})`, () => {
        let server;
        const clients = new io_1.ClientPool();
        const reasons = new Map();
        const sockets = new Map();
        beforeEach(async () => {
            server = await (0, io_1.startServer)({ perMessageDeflate, maxHttpBufferSize: MAX });
            reasons.clear();
            sockets.clear();
            server.of('/').on('connection', (socket) => {
                sockets.set(socket.id, socket);
                socket.conn.on('close', (reason) => reasons.set(socket.id, reason));
                socket.on('echo', (data, ack) => ack(data));
            });
        });
        afterEach(async () => {
            await clients.closeAll();
            await server.close();
        });
        it('closes only the client whose small frame inflates past maxHttpBufferSize', async () => {
            const bomber = await clients.connect(server, '/', WEBSOCKET);
            const bystander = await clients.connect(server, '/', WEBSOCKET);
            const bomb = 'a'.repeat(50 * MAX);
            // What the client puts on the wire is a few kilobytes, far under the limit.
            (0, chai_1.expect)((0, node_zlib_1.deflateRawSync)(`42["echo","${bomb}"]`).length).to.be.below(MAX / 10);
            const bomberId = bomber.id;
            bomber.emit('echo', bomb);
            await (0, io_1.until)(() => reasons.has(bomberId), 'the bomber to be closed');
            (0, chai_1.expect)(reasons.get(bomberId)).to.equal('message too large');
            (0, chai_1.expect)(await bystander.emitWithAck('echo', 'still here')).to.equal('still here');
            (0, chai_1.expect)(reasons.size).to.equal(1);
        });
        it('takes a compressed message just under the limit', async () => {
            const client = await clients.connect(server, '/', WEBSOCKET);
            const data = 'b'.repeat(MAX - 100);
            (0, chai_1.expect)(await client.emitWithAck('echo', data)).to.equal(data);
        });
    });
}
//# sourceMappingURL=compressed-frames.test.js.map