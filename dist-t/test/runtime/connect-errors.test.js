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
const tsyringe_1 = require("tsyringe");
const errors_1 = require("../../src/errors");
const server_1 = require("../../src/server");
const src_1 = require("../../src");
const io_1 = require("../support/io");
const support_1 = require("./support");
/** Reads a property of undefined, as a real bug would. */
function bug(value = {}) {
    return value.missing.field;
}
class BuggyGuard {
    canActivate() {
        return bug().length > 0;
    }
}
class RejectingGuard {
    async canActivate(context) {
        await Promise.resolve();
        return bug(context.auth).length > 0;
    }
}
for (const mode of support_1.MODES) {
    describe(`Connect failures (${mode.name})`, () => {
        let server;
        let logged;
        const clients = new io_1.ClientPool();
        beforeEach(async () => {
            logged = [];
            server = new server_1.Server({
                container: tsyringe_1.container.createChildContainer(),
                logger: { error: (message, err) => logged.push([message, err.message]) },
            });
            await server.listen(0);
        });
        afterEach(async () => {
            await clients.closeAll();
            await server.close();
        });
        async function refusal(nsp, auth = {}) {
            const client = clients.open(server, nsp, mode, { auth });
            const [err] = await (0, io_1.nextEvent)(client, 'connect_error');
            return err;
        }
        it('answers a bug in on_connect with "server error" and logs it when no error handler takes it', async () => {
            let Buggy = class Buggy extends src_1.Namespace {
                on_connect() {
                    bug();
                }
            };
            Buggy = __decorate([
                (0, src_1.Namespace)('/buggy')
            ], Buggy);
            server.register(Buggy);
            const err = await refusal('/buggy');
            (0, chai_1.expect)(err.message).to.equal('server error');
            (0, chai_1.expect)(err.data).to.equal(undefined);
            (0, chai_1.expect)(logged).to.deep.equal([
                ['[classio] handler of "connect" in /buggy failed', "Cannot read properties of undefined (reading 'field')"],
            ]);
            (0, chai_1.expect)(server.of('/buggy').sockets.size).to.equal(0);
        });
        it("hands the error to the namespace's @OnError with the connect as its context, and logs nothing", async () => {
            const seen = [];
            let Handled = class Handled extends src_1.Namespace {
                async on_connect() {
                    await Promise.resolve();
                    this.session.step = 'on_connect';
                    bug();
                }
                failed(error, context) {
                    seen.push({
                        message: error.message,
                        event: context.event,
                        args: context.args,
                        sid: this.sid === context.socket.id,
                        step: this.session.step,
                    });
                    return 'not sent: a connect has no ack';
                }
            };
            __decorate([
                (0, src_1.OnError)(TypeError),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [TypeError, Function]),
                __metadata("design:returntype", void 0)
            ], Handled.prototype, "failed", null);
            Handled = __decorate([
                (0, src_1.Namespace)('/handled')
            ], Handled);
            server.register(Handled);
            const err = await refusal('/handled', { token: 't' });
            (0, chai_1.expect)(err.message).to.equal('server error');
            (0, chai_1.expect)(seen).to.deep.equal([
                {
                    message: "Cannot read properties of undefined (reading 'field')",
                    event: 'connect',
                    args: [{ token: 't' }],
                    sid: true,
                    step: 'on_connect',
                },
            ]);
            (0, chai_1.expect)(logged).to.deep.equal([]);
        });
        it('treats a class guard that throws or rejects the same way, and never runs on_connect', async () => {
            let connects = 0;
            let GuardThrows = class GuardThrows extends src_1.Namespace {
                on_connect() {
                    connects++;
                }
            };
            GuardThrows = __decorate([
                (0, src_1.Namespace)('/guard-throws'),
                (0, src_1.UseGuards)(BuggyGuard)
            ], GuardThrows);
            let GuardRejects = class GuardRejects extends src_1.Namespace {
                on_connect() {
                    connects++;
                }
            };
            GuardRejects = __decorate([
                (0, src_1.Namespace)('/guard-rejects'),
                (0, src_1.UseGuards)(RejectingGuard)
            ], GuardRejects);
            server.register(GuardThrows).register(GuardRejects);
            const errors = [];
            server.setDefaultErrorHandler((error, socket, event) => {
                errors.push(`${socket.nsp.name} ${event}: ${error.message}`);
            });
            (0, chai_1.expect)((await refusal('/guard-throws')).message).to.equal('server error');
            (0, chai_1.expect)((await refusal('/guard-rejects')).message).to.equal('server error');
            (0, chai_1.expect)(connects).to.equal(0);
            (0, chai_1.expect)(errors).to.deep.equal([
                "/guard-throws connect: Cannot read properties of undefined (reading 'field')",
                "/guard-rejects connect: Cannot read properties of undefined (reading 'field')",
            ]);
            (0, chai_1.expect)(logged).to.deep.equal([]);
        });
        it('lets a ConnectError and a refusal choose what the client reads, without error handlers or logs', async () => {
            const errors = [];
            server.setDefaultErrorHandler((error) => void errors.push(error));
            let Refuses = class Refuses extends src_1.Namespace {
                on_connect(auth) {
                    if (auth.how === 'throw')
                        throw new errors_1.ConnectError('token expired', { retry: true });
                    return auth.how !== 'false';
                }
            };
            Refuses = __decorate([
                (0, src_1.Namespace)('/refuses')
            ], Refuses);
            server.register(Refuses);
            const thrown = await refusal('/refuses', { how: 'throw' });
            (0, chai_1.expect)([thrown.message, thrown.data]).to.deep.equal(['token expired', { retry: true }]);
            (0, chai_1.expect)((await refusal('/refuses', { how: 'false' })).message).to.equal('unauthorized');
            (0, chai_1.expect)(errors).to.deep.equal([]);
            (0, chai_1.expect)(logged).to.deep.equal([]);
        });
        it('runs the @OnError of a connection-scoped class whose on_connect threw, on that connection', async () => {
            const seen = [];
            let PerConnection = class PerConnection extends src_1.Namespace {
                constructor() {
                    super(...arguments);
                    this.created = 'instance of this connection';
                }
                on_connect() {
                    bug();
                }
                failed(error) {
                    seen.push(`${this.created}: ${error.message}`);
                }
            };
            __decorate([
                (0, src_1.OnError)(),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Error]),
                __metadata("design:returntype", void 0)
            ], PerConnection.prototype, "failed", null);
            PerConnection = __decorate([
                (0, src_1.Namespace)('/per-connection', { scope: 'connection' })
            ], PerConnection);
            server.register(PerConnection);
            (0, chai_1.expect)((await refusal('/per-connection')).message).to.equal('server error');
            (0, chai_1.expect)(seen).to.deep.equal([
                "instance of this connection: Cannot read properties of undefined (reading 'field')",
            ]);
            (0, chai_1.expect)(logged).to.deep.equal([]);
        });
        it('treats a functional connect hook and a middleware that throw the same way', async () => {
            server.on('connect', () => bug(), { namespace: '/functional' });
            server.of('/middleware').use(() => {
                bug();
            });
            (0, chai_1.expect)((await refusal('/functional')).message).to.equal('server error');
            (0, chai_1.expect)((await refusal('/middleware')).message).to.equal('server error');
            (0, chai_1.expect)(logged.map(([message]) => message)).to.deep.equal([
                '[classio] handler of "connect" in /functional failed',
                '[classio] handler of "connect" in /middleware failed',
            ]);
        });
        it('treats an async middleware that rejects as a failure, and logs a throw after next()', async () => {
            server.of('/async-middleware').use(async () => {
                await Promise.resolve();
                bug();
            });
            server.of('/late-throw').use((_socket, next) => {
                next();
                throw new Error('after next');
            });
            (0, chai_1.expect)((await refusal('/async-middleware')).message).to.equal('server error');
            const client = clients.open(server, '/late-throw', mode);
            await (0, io_1.nextEvent)(client, 'connect');
            (0, chai_1.expect)(logged).to.deep.equal([
                [
                    '[classio] handler of "connect" in /async-middleware failed',
                    "Cannot read properties of undefined (reading 'field')",
                ],
                ['[classio] middleware 0 of /late-throw failed after calling next()', 'after next'],
            ]);
        });
        it('logs a connection listener that rejects, and keeps the socket connected', async () => {
            server.of('/async-listener').on('connection', async () => {
                await Promise.resolve();
                bug();
            });
            const client = clients.open(server, '/async-listener', mode);
            await (0, io_1.nextEvent)(client, 'connect');
            await (0, io_1.until)(() => logged.length === 1, 'the log');
            (0, chai_1.expect)(logged).to.deep.equal([
                [
                    '[classio] "connection" listener of /async-listener failed',
                    "Cannot read properties of undefined (reading 'field')",
                ],
            ]);
            (0, chai_1.expect)(client.connected).to.equal(true);
        });
        it('keeps the message and data of an error a middleware passes to next(err), as Socket.IO does', async () => {
            server.of('/next').use((_socket, next) => next(Object.assign(new Error('not allowed'), { data: { a: 1 } })));
            const err = await refusal('/next');
            (0, chai_1.expect)([err.message, err.data]).to.deep.equal(['not allowed', { a: 1 }]);
            (0, chai_1.expect)(logged).to.deep.equal([]);
        });
    });
}
//# sourceMappingURL=connect-errors.test.js.map