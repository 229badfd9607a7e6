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
const src_1 = require("../../src");
const io_1 = require("../support/io");
const support_1 = require("./support");
for (const mode of support_1.MODES) {
    describe(`Catch-all handlers and per-packet middleware (${mode.name})`, () => {
        let server;
        const clients = new io_1.ClientPool();
        (0, support_1.useRuntimeServer)(clients, (started) => ({ server } = started));
        it('@OnAny sees every event, in order, before its handler', async () => {
            const seen = [];
            let Any = class Any extends src_1.Namespace {
                audit(event, ...args) {
                    seen.push([event, ...args]);
                }
                first(n) {
                    seen.push(['handler', n]);
                    return n;
                }
            };
            __decorate([
                (0, src_1.OnAny)(),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [String, Object]),
                __metadata("design:returntype", void 0)
            ], Any.prototype, "audit", null);
            __decorate([
                (0, src_1.On)('first'),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Number]),
                __metadata("design:returntype", void 0)
            ], Any.prototype, "first", null);
            Any = __decorate([
                (0, src_1.Namespace)('/any')
            ], Any);
            (0, support_1.register)(server, Any);
            const client = await clients.connect(server, '/any', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'first', 1)).to.equal(1);
            client.emit('nobody', 'x');
            (0, chai_1.expect)(await (0, support_1.request)(client, 'first', 2)).to.equal(2);
            (0, chai_1.expect)(seen).to.deep.equal([
                ['first', 1],
                ['handler', 1],
                ['nobody', 'x'],
                ['first', 2],
                ['handler', 2],
            ]);
        });
        it('@OnUnknown answers the ack of events nothing else claims', async () => {
            let Unknown = class Unknown extends src_1.Namespace {
                on_known() {
                    return 'known';
                }
                fallback(event, ...args) {
                    return { unknown: event, args };
                }
            };
            __decorate([
                (0, src_1.OnUnknown)(),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [String, Object]),
                __metadata("design:returntype", void 0)
            ], Unknown.prototype, "fallback", null);
            Unknown = __decorate([
                (0, src_1.Namespace)('/unknown')
            ], Unknown);
            (0, support_1.register)(server, Unknown);
            const client = await clients.connect(server, '/unknown', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'known')).to.equal('known');
            (0, chai_1.expect)(await (0, support_1.request)(client, 'what', 1, 'two')).to.deep.equal({ unknown: 'what', args: [1, 'two'] });
        });
        it('keeps the unknown-event answer without @OnUnknown', async () => {
            let Plain = class Plain extends src_1.Namespace {
            };
            Plain = __decorate([
                (0, src_1.Namespace)('/plain')
            ], Plain);
            (0, support_1.register)(server, Plain);
            const client = await clients.connect(server, '/plain', mode);
            const answer = await (0, support_1.request)(client, 'what');
            (0, chai_1.expect)(answer.error.code).to.equal('CLASSIO_ERR_UNKNOWN_EVENT');
        });
        it('answers the ack with the error a socket.use middleware passes to next(err), through the error handler', async () => {
            const handled = [];
            let Guarded = class Guarded extends src_1.Namespace {
                on_connect() {
                    this.socket.use(([event], next) => {
                        if (event === 'admin')
                            next(new src_1.ForbiddenError('admins only'));
                        else
                            next();
                    });
                }
                on_admin() {
                    return 'should not run';
                }
                on_hello() {
                    return 'hello';
                }
                failed(error) {
                    handled.push(error.message);
                }
            };
            __decorate([
                (0, src_1.OnError)(),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Error]),
                __metadata("design:returntype", void 0)
            ], Guarded.prototype, "failed", null);
            Guarded = __decorate([
                (0, src_1.Namespace)('/mw')
            ], Guarded);
            (0, support_1.register)(server, Guarded);
            const client = await clients.connect(server, '/mw', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'hello')).to.equal('hello');
            const answer = await (0, support_1.request)(client, 'admin');
            (0, chai_1.expect)(answer.error).to.deep.equal({ code: 'CLASSIO_ERR_FORBIDDEN', message: 'admins only' });
            (0, chai_1.expect)(handled).to.deep.equal(['admins only']);
        });
        it('lets a socket.use middleware change the packet, and hides a thrown internal error', async () => {
            server.on('connection', (socket) => {
                socket.use((packet, next) => {
                    if (packet[0] === 'crash')
                        throw new Error('secret');
                    packet[1] = String(packet[1]).toUpperCase();
                    next();
                });
            });
            server.on('shout', (text) => text);
            const client = await clients.connect(server, '/', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'shout', 'hi')).to.equal('HI');
            const answer = await (0, support_1.request)(client, 'crash');
            (0, chai_1.expect)(answer.error).to.deep.equal({ code: 'CLASSIO_ERR_HANDLER', message: 'server error' });
        });
        it('server.use() is the main namespace connect middleware', async () => {
            server.use((socket, next) => next(socket.handshake.auth.token === 'ok' ? undefined : new Error('no token')));
            const refused = clients.open(server, '/', mode, { auth: {} });
            const [err] = await (0, io_1.nextEvent)(refused, 'connect_error');
            (0, chai_1.expect)(err.message).to.equal('no token');
            await clients.connect(server, '/', mode, { auth: { token: 'ok' } });
        });
    });
}
//# sourceMappingURL=catch-all.test.js.map