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
const errors_1 = require("../../src/errors");
const server_1 = require("../../src/server");
const io_1 = require("../support/io");
const errors_2 = require("../support/errors");
const parserOption = { parser: msgpackParser };
for (const mode of io_1.TRANSPORT_MODES) {
    describe(`Custom parser: socket.io-msgpack-parser (${mode.name})`, () => {
        let server;
        const clients = new io_1.ClientPool();
        const connect = (nsp = '/') => clients.connect(server, nsp, mode, parserOption);
        beforeEach(async () => {
            server = await (0, io_1.startServer)(parserOption);
            server.on('echo', (...args) => args);
            server.of('/').on('connection', (socket) => {
                socket.on('say back', (...args) => void socket.emit('said', ...args));
                socket.on('ask me', (question) => {
                    socket.emit('question', question, (answer) => void socket.emit('answered', answer));
                });
                socket.on('join', (room) => void socket.join(room));
                socket.on('shout', (room, text) => void server.to(room).emit('shouted', text));
            });
        });
        afterEach(async () => {
            await clients.closeAll();
            await server.close();
        });
        it('echoes an event', async () => {
            const client = await connect();
            const reply = (0, io_1.nextEvent)(client, 'said');
            client.emit('say back', { text: 'hi', n: 1.5 }, [1, 'two']);
            (0, chai_1.expect)(await reply).to.deep.equal([{ text: 'hi', n: 1.5 }, [1, 'two']]);
            if (mode.shouldUpgrade)
                (0, chai_1.expect)(client.io.engine.transport.name).to.equal('websocket');
        });
        it('answers a client ack with the handler return value', async () => {
            const client = await connect();
            (0, chai_1.expect)(await client.emitWithAck('echo', 'a', 2)).to.deep.equal(['a', 2]);
        });
        it('receives the answer to a server-to-client ack', async () => {
            const client = await connect();
            client.on('question', (question, ack) => ack(`${question}!`));
            const answered = (0, io_1.nextEvent)(client, 'answered');
            client.emit('ask me', 'why');
            (0, chai_1.expect)(await answered).to.deep.equal(['why!']);
        });
        it('carries binary both ways, alone and nested', async () => {
            const client = await connect();
            const reply = (0, io_1.nextEvent)(client, 'said');
            client.emit('say back', Buffer.from([1, 2, 3]), { nested: { bytes: Buffer.from('hé') } });
            const [bytes, object] = await reply;
            (0, chai_1.expect)(Buffer.from(bytes)).to.deep.equal(Buffer.from([1, 2, 3]));
            (0, chai_1.expect)(Buffer.from(object.nested.bytes).toString()).to.equal('hé');
        });
        it('broadcasts to a room, encoded with the custom parser', async () => {
            const [a, b, c] = await Promise.all([connect(), connect(), connect()]);
            await Promise.all([a.emitWithAck('echo'), b.emitWithAck('echo')]);
            a.emit('join', 'lobby');
            b.emit('join', 'lobby');
            await (0, io_1.until)(() => server.of('/').adapter.rooms.get('lobby')?.size === 2, 'both clients in lobby');
            const outsider = [];
            c.on('shouted', (text) => outsider.push(text));
            const [toA, toB] = [(0, io_1.nextEvent)(a, 'shouted'), (0, io_1.nextEvent)(b, 'shouted')];
            c.emit('shout', 'lobby', 'hello');
            (0, chai_1.expect)(await toA).to.deep.equal(['hello']);
            (0, chai_1.expect)(await toB).to.deep.equal(['hello']);
            // c's own echo proves the shout was handled before checking that c got nothing.
            (0, chai_1.expect)(await c.emitWithAck('echo', 'done')).to.deep.equal(['done']);
            (0, chai_1.expect)(outsider).to.deep.equal([]);
        });
        it('connects to another namespace with auth', async () => {
            let auth;
            server.of('/admin').use((socket, next) => {
                auth = socket.handshake.auth;
                next();
            });
            const client = await clients.connect(server, '/admin', mode, { ...parserOption, auth: { token: 't' } });
            (0, chai_1.expect)(client.connected).to.equal(true);
            (0, chai_1.expect)(auth).to.deep.equal({ token: 't' });
        });
    });
}
describe('Server', () => {
    describe('#constructor parser option', () => {
        it('refuses a value that is not an { Encoder, Decoder } parser', () => {
            for (const parser of [{}, 'msgpack', { Encoder: class {
                    }, Decoder: class {
                    } }]) {
                const error = (0, errors_2.thrownBy)(() => new server_1.Server({ logger: false, parser: parser }), errors_1.ConfigurationError, 'CLASSIO_ERR_CONFIG');
                (0, chai_1.expect)(error.message).to.match(/^option "parser" must be a Socket.IO parser/);
            }
        });
    });
});
//# sourceMappingURL=msgpack-parser.test.js.map