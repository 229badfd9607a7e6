"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const pino_1 = __importDefault(require("pino"));
const tsyringe_1 = require("tsyringe");
const server_1 = require("../../src/server");
const src_1 = require("../../src");
const io_1 = require("../support/io");
const raw_hostile_client_1 = require("../support/raw-hostile-client");
const support_1 = require("../runtime/support");
const [WEBSOCKET] = io_1.TRANSPORT_MODES;
let Chat = class Chat {
    fail() {
        throw new Error('boom');
    }
};
__decorate([
    (0, src_1.On)('fail'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], Chat.prototype, "fail", null);
Chat = __decorate([
    (0, src_1.Namespace)('/chat')
], Chat);
const INFO = 30;
const WARN = 40;
const ERROR = 50;
describe('Structured logs', () => {
    let server;
    let records;
    const clients = new io_1.ClientPool();
    /** A server logging through a real pino logger into `records`. */
    async function start(options) {
        records = [];
        const logger = (0, pino_1.default)({ level: 'debug' }, { write: (line) => void records.push(JSON.parse(line)) });
        server = new server_1.Server({ container: tsyringe_1.container.createChildContainer(), logger, ...options });
        server.register(Chat);
        server.of('/chat').use((socket, next) => next(socket.handshake.auth.name ? undefined : new Error('who are you?')));
        await server.listen(0);
        return server;
    }
    afterEach(async () => {
        await clients.closeAll();
        await server?.close();
        server = undefined;
    });
    const find = (msg) => records.filter((r) => (typeof msg === 'string' ? r.msg === msg : msg.test(r.msg)));
    it('gives a pino logger records with level, message, sid, namespace, event and error code', async () => {
        const s = await start({ logLevel: 'info', maxBufferedBytes: 64 * 1024 });
        const alice = await clients.connect(s, '/chat', WEBSOCKET, { auth: { name: 'alice' } });
        const sid = [...s.of('/chat').sockets.keys()][0];
        const stranger = clients.open(s, '/chat', WEBSOCKET);
        await (0, io_1.nextEvent)(stranger, 'connect_error');
        (0, chai_1.expect)(await (0, support_1.request)(alice, 'fail')).to.have.nested.property('error.code', 'CLASSIO_ERR_HANDLER');
        const stalled = await raw_hostile_client_1.RawPolling.connect(s.port);
        const socket = [...s.of('/').sockets.values()].find((candidate) => candidate.conn.id === stalled.sid);
        for (let sent = 0; !socket.disconnected && sent < 64; sent++) {
            socket.emit('data', 'x'.repeat(16 * 1024));
            await new Promise((resolve) => setImmediate(resolve));
        }
        await (0, io_1.until)(() => find(/^slow consumer/).length === 1, 'the slow consumer record');
        (0, chai_1.expect)(find('socket connected').find((r) => r.namespace === '/chat')).to.deep.include({ level: INFO, sid });
        (0, chai_1.expect)(find('connection refused')[0]).to.deep.include({ level: INFO, namespace: '/chat', reason: 'who are you?' });
        const failure = find('handler of "fail" in /chat failed')[0];
        (0, chai_1.expect)(failure).to.deep.include({
            level: ERROR,
            sid,
            namespace: '/chat',
            event: 'fail',
            code: 'CLASSIO_ERR_HANDLER',
        });
        (0, chai_1.expect)(failure.err?.message).to.equal('boom');
        (0, chai_1.expect)(find(/^slow consumer/)[0]).to.deep.include({
            level: WARN,
            sid: socket.id,
            namespace: '/',
            reason: 'slow consumer',
        });
    });
    it('logs a cluster fault at error level', async () => {
        await start({ messageQueue: 'redis://127.0.0.1:1', channel: `classio-logs-${process.pid}-${Date.now()}` });
        await (0, io_1.until)(() => find('message queue unreachable').length > 0, 'the cluster fault record', 5000);
        (0, chai_1.expect)(find('message queue unreachable')[0].level).to.equal(ERROR);
    });
    it('writes only what logLevel asks for: warn (the default) drops connects, silent drops everything', async () => {
        const s = await start({});
        const alice = await clients.connect(s, '/chat', WEBSOCKET, { auth: { name: 'alice' } });
        await (0, support_1.request)(alice, 'fail');
        (0, chai_1.expect)(records.map((r) => r.msg)).to.deep.equal(['handler of "fail" in /chat failed']);
        await clients.closeAll();
        await s.close();
        const quiet = await start({ logLevel: 'silent' });
        const bob = await clients.connect(quiet, '/chat', WEBSOCKET, { auth: { name: 'bob' } });
        await (0, support_1.request)(bob, 'fail');
        (0, chai_1.expect)(records).to.deep.equal([]);
    });
    it('keeps calling a plain logger as error(message, err)', async () => {
        const lines = [];
        server = new server_1.Server({
            container: tsyringe_1.container.createChildContainer(),
            logLevel: 'info',
            logger: { error: (...args) => lines.push(args) },
        });
        server.register(Chat);
        await server.listen(0);
        const client = await clients.connect(server, '/chat', WEBSOCKET, { auth: { name: 'carol' } });
        await (0, support_1.request)(client, 'fail');
        (0, chai_1.expect)(lines).to.have.length(1);
        (0, chai_1.expect)(lines[0][0]).to.equal('[classio] handler of "fail" in /chat failed');
        (0, chai_1.expect)(lines[0][1].message).to.equal('boom');
    });
});
//# sourceMappingURL=structured-logs.test.js.map