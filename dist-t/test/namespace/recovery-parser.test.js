"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const msgpackParser = __importStar(require("socket.io-msgpack-parser"));
const io_1 = require("../support/io");
const recovery_1 = require("../support/recovery");
/** Stored packets are encoded with the namespace's parser, so a client with a custom parser reads them. */
for (const mode of io_1.TRANSPORT_MODES.filter((m) => m.name !== 'upgrade')) {
    describe(`Connection state recovery with socket.io-msgpack-parser (${mode.name})`, () => {
        let server;
        const clients = new io_1.ClientPool();
        const live = new Map();
        afterEach(async () => {
            await clients.closeAll();
            await server.close();
        });
        it('delivers broadcasts, private emits and the replayed packets in msgpack, with their offsets', async () => {
            server = await (0, io_1.startServer)({
                parser: msgpackParser,
                connectionStateRecovery: {},
                pingInterval: 200,
                pingTimeout: 200,
            });
            const cutter = new recovery_1.ConnectionCutter(server);
            const nsp = server.of('/');
            nsp.on('connection', (socket) => {
                live.set(socket.id, socket);
                socket.on('disconnect', () => live.delete(socket.id));
            });
            console.log('connecting');
            const client = await clients.connect(server, '/', mode, { parser: msgpackParser });
            console.log('connected');
            const sid = client.id;
            live.get(sid).join('red');
            const news = (0, io_1.collect)(client, 'news');
            nsp.to('red').emit('news', 0, Buffer.from([1, 2]));
            live.get(sid).emit('news', 1, { n: 1 });
            await (0, io_1.until)(() => news.length === 2, 'the live packets');
            console.log('live ok');
            await cutter.cut(client);
            console.log('cut');
            await (0, io_1.until)(() => !live.has(sid), 'the server to see the transport loss');
            nsp.to('red').emit('news', 2, Buffer.from([3]));
            nsp.emit('news', 3, { n: 3 });
            await (0, recovery_1.reconnect)(client, cutter);
            console.log('reconnected');
            (0, chai_1.expect)(client.recovered).to.equal(true);
            (0, chai_1.expect)(client.id).to.equal(sid);
            await (0, io_1.until)(() => news.length === 4, 'the missed packets');
            (0, chai_1.expect)(news.map((args) => args[0])).to.deep.equal([0, 1, 2, 3]);
            (0, chai_1.expect)(Buffer.from(news[0][1])).to.deep.equal(Buffer.from([1, 2]));
            (0, chai_1.expect)(news[1][1]).to.deep.equal({ n: 1 });
            (0, chai_1.expect)(Buffer.from(news[2][1])).to.deep.equal(Buffer.from([3]));
            const offsets = news.map((args) => args[2]);
            (0, chai_1.expect)(offsets.every((offset) => typeof offset === 'string')).to.equal(true);
            (0, chai_1.expect)(new Set(offsets).size).to.equal(4);
        });
    });
}
//# sourceMappingURL=recovery-parser.test.js.map