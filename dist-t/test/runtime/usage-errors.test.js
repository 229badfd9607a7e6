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
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const errors_1 = require("../../src/errors");
const src_1 = require("../../src");
const io_1 = require("../support/io");
const support_1 = require("./support");
const errors_2 = require("../support/errors");
/** Asserts that `run` throws a UsageError (CLASSIO_ERR_USAGE) with exactly `message`. */
function expectUsageError(run, message) {
    (0, chai_1.expect)((0, errors_2.thrownBy)(run, errors_1.UsageError, 'CLASSIO_ERR_USAGE').message).to.equal(message);
}
/**
 * Calls made the wrong way throw the catalogue's UsageError (or, for a handler whose connection is gone, the
 * DisconnectedError), never a plain Error or TypeError. They are thrown before anything reaches the wire, so one
 * transport is enough.
 */
const mode = io_1.TRANSPORT_MODES[0];
describe('Usage errors', () => {
    let server;
    const clients = new io_1.ClientPool();
    (0, support_1.useRuntimeServer)(clients, (started) => ({ server } = started));
    /** Connects a client to `/` and resolves with its server-side socket. */
    async function connectedSocket() {
        let serverSocket;
        server.of('/').on('connection', (socket) => (serverSocket = socket));
        await clients.connect(server, '/', mode);
        await (0, io_1.until)(() => serverSocket !== undefined, 'the server-side socket');
        return serverSocket;
    }
    describe('Socket#emit', () => {
        it('refuses a reserved event name', async () => {
            const socket = await connectedSocket();
            expectUsageError(() => socket.emit('disconnect'), '"disconnect" is a reserved event name');
        });
        it('refuses a Blob, whose bytes cannot be read synchronously', async () => {
            const socket = await connectedSocket();
            expectUsageError(() => socket.emit('file', new Blob(['x'])), 'a Blob cannot be emitted: send its bytes instead (Buffer.from(await blob.arrayBuffer()))');
        });
    });
    describe('Socket#timeout', () => {
        it('refuses an acknowledged emit without its callback', async () => {
            const socket = await connectedSocket();
            expectUsageError(() => socket.timeout(100).emit('question', 'no callback'), 'timeout(ms).emit() needs an ack callback as last argument');
        });
    });
    describe('ServerNamespace#emit', () => {
        it('refuses a reserved event name, to the whole namespace and to a room', () => {
            expectUsageError(() => server.of('/').emit('connect'), '"connect" is a reserved event name');
            expectUsageError(() => server.of('/').to('room').emit('newListener'), '"newListener" is a reserved event name');
        });
    });
    describe('context functions', () => {
        it('refuse to run outside an event handler', async () => {
            expectUsageError(() => (0, src_1.currentSocket)(), 'currentSocket() was called outside an event handler, so there is no current client');
            expectUsageError(() => (0, src_1.currentSid)(), 'currentSid() was called outside an event handler, so there is no current client');
            expectUsageError(() => (0, src_1.emit)('news'), 'emit() was called outside an event handler, so there is no current client');
            expectUsageError(() => (0, src_1.joinRoom)('room'), 'joinRoom() was called outside an event handler, so there is no current client');
            const rejected = await (0, src_1.call)('sid', 'question').then(() => null, (error) => error);
            (0, chai_1.expect)(rejected).to.be.instanceOf(errors_1.UsageError);
            (0, chai_1.expect)(rejected.code).to.equal('CLASSIO_ERR_USAGE');
            (0, chai_1.expect)(rejected.message).to.equal('call() was called outside an event handler');
        });
    });
    describe('Namespace instance', () => {
        it('refuses to reach its namespace before it is registered', () => {
            class Early extends src_1.Namespace {
            }
            const early = new Early('/early');
            expectUsageError(() => early.nsp, 'Early is not registered yet: call server.register() first');
        });
        it('refuses the current client, and a room change without a sid, outside a handler', () => {
            let Rooms = class Rooms extends src_1.Namespace {
            };
            Rooms = __decorate([
                (0, src_1.Namespace)('/rooms')
            ], Rooms);
            const instance = new Rooms();
            (0, support_1.register)(server, instance);
            expectUsageError(() => instance.socket, 'there is no current client outside an event handler');
            expectUsageError(() => instance.joinRoom('lobby'), 'joinRoom() without a sid needs a current client: call it inside an event handler');
        });
    });
    describe('connection-scoped handler', () => {
        it('fails with DisconnectedError when its connection closed while a guard was deciding', async () => {
            let release = () => { };
            let guardCalls = 0;
            const slowGuard = {
                canActivate(_context) {
                    guardCalls++;
                    return new Promise((resolve) => (release = resolve));
                },
            };
            let Scoped = class Scoped extends src_1.Namespace {
                on_work() {
                    return 'done';
                }
            };
            __decorate([
                (0, src_1.UseGuards)(slowGuard),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Scoped.prototype, "on_work", null);
            Scoped = __decorate([
                (0, src_1.Namespace)('/scoped', { scope: 'connection' })
            ], Scoped);
            (0, support_1.register)(server, Scoped);
            const failures = [];
            server.setDefaultErrorHandler((error) => {
                failures.push(error);
                return null;
            });
            let serverSocket;
            server.of('/scoped').on('connection', (socket) => (serverSocket = socket));
            const client = await clients.connect(server, '/scoped', mode);
            await (0, io_1.until)(() => serverSocket !== undefined, 'the server-side socket');
            client.emit('work');
            await (0, io_1.until)(() => guardCalls === 1, 'the guard to run');
            const sid = serverSocket.id;
            client.disconnect();
            await (0, io_1.until)(() => serverSocket.disconnected, 'the server to see the disconnect');
            release(true);
            await (0, io_1.until)(() => failures.length === 1, 'the error handler');
            (0, chai_1.expect)(failures[0]).to.be.instanceOf(errors_1.DisconnectedError);
            (0, chai_1.expect)(failures[0].code).to.equal('CLASSIO_ERR_DISCONNECTED');
            (0, chai_1.expect)(failures[0].message).to.equal(`Scoped.on_work: the connection of ${sid} is closed, its instance is gone`);
        });
    });
});
//# sourceMappingURL=usage-errors.test.js.map