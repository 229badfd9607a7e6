"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const tsyringe_1 = require("tsyringe");
const errors_1 = require("../../src/errors");
const src_1 = require("../../src");
const io_1 = require("../support/io");
const recovery_1 = require("../support/recovery");
const errors_2 = require("../support/errors");
const support_1 = require("./support");
/** Admits a client whose auth token is `good`, and notes in its session whether it saw a recovery. */
class TokenGuard {
    canActivate(context) {
        context.session.guardSawRecovery = context.recovered;
        return context.auth.token === 'good';
    }
}
for (const mode of support_1.MODES) {
    describe(`Connection state recovery in class namespaces (${mode.name})`, () => {
        let server;
        let cutter;
        const clients = new io_1.ClientPool();
        async function start(recovery = {}) {
            server = await (0, io_1.startServer)({
                container: tsyringe_1.container.createChildContainer(),
                connectionStateRecovery: recovery,
                pingInterval: 200,
                pingTimeout: 200,
            });
            cutter = new recovery_1.ConnectionCutter(server);
        }
        /** Cuts the client's connection and waits until the server has let its socket go. */
        async function drop(client, path) {
            const sid = client.id;
            await cutter.cut(client);
            await (0, io_1.until)(() => !server.of(path).sockets.has(sid), 'the server to see the transport loss');
        }
        afterEach(async () => {
            await clients.closeAll();
            await server.close();
        });
        it('recreates a connection-scoped instance and tells on_connect, its context and this.recovered', async () => {
            await start();
            let created = 0;
            let Scoped = class Scoped extends src_1.Namespace {
                constructor() {
                    super(...arguments);
                    this.serial = ++created;
                }
                on_connect() {
                    this.emit('hello', { recovered: this.recovered, context: this.context?.recovered, serial: this.serial });
                }
                on_join(room) {
                    if (typeof room === 'string')
                        this.socket.join(room);
                    this.session.joined = room;
                    return true;
                }
                on_where() {
                    return { rooms: [...this.socket.rooms].sort(), session: this.session, serial: this.serial };
                }
            };
            Scoped = __decorate([
                (0, src_1.Namespace)('/scoped', { scope: 'connection' })
            ], Scoped);
            server.register(Scoped);
            const client = clients.open(server, '/scoped', mode);
            const [first] = await (0, io_1.nextEvent)(client, 'hello');
            (0, chai_1.expect)(first).to.deep.equal({ recovered: false, context: false, serial: 1 });
            (0, chai_1.expect)(await client.timeout(2000).emitWithAck('join', 'red')).to.equal(true);
            const sid = client.id;
            await drop(client, '/scoped');
            const hello = (0, io_1.nextEvent)(client, 'hello');
            await (0, recovery_1.reconnect)(client, cutter);
            (0, chai_1.expect)(client.recovered).to.equal(true);
            const [second, offset] = await hello;
            (0, chai_1.expect)(second).to.deep.equal({ recovered: true, context: true, serial: 2 });
            (0, chai_1.expect)(offset).to.be.a('string');
            (0, chai_1.expect)(await client.timeout(2000).emitWithAck('where')).to.deep.equal({
                rooms: [sid, 'red'].sort(),
                session: { joined: 'red' },
                serial: 2,
            });
        });
        it('skips the class guards of a recovered client by default', async () => {
            await start();
            let Guarded = class Guarded extends src_1.Namespace {
            };
            Guarded = __decorate([
                (0, src_1.Namespace)('/guarded'),
                (0, src_1.UseGuards)(TokenGuard)
            ], Guarded);
            server.register(Guarded);
            const client = await clients.connect(server, '/guarded', mode, { auth: { token: 'good' } });
            await drop(client, '/guarded');
            client.auth = { token: 'expired' };
            await (0, recovery_1.reconnect)(client, cutter);
            (0, chai_1.expect)(client.recovered).to.equal(true);
        });
        it('re-runs the class guards with skipMiddlewares: false, which see the recovery and may refuse it', async () => {
            await start({ skipMiddlewares: false });
            let Guarded = class Guarded extends src_1.Namespace {
                on_seen() {
                    return this.session.guardSawRecovery;
                }
            };
            Guarded = __decorate([
                (0, src_1.Namespace)('/guarded'),
                (0, src_1.UseGuards)(TokenGuard)
            ], Guarded);
            server.register(Guarded);
            const client = await clients.connect(server, '/guarded', mode, { auth: { token: 'good' } });
            (0, chai_1.expect)(await client.timeout(2000).emitWithAck('seen')).to.equal(false);
            await drop(client, '/guarded');
            await (0, recovery_1.reconnect)(client, cutter);
            (0, chai_1.expect)(client.recovered).to.equal(true);
            (0, chai_1.expect)(await client.timeout(2000).emitWithAck('seen')).to.equal(true);
            await drop(client, '/guarded');
            client.auth = { token: 'expired' };
            const refusal = await (0, recovery_1.reconnect)(client, cutter).then(() => null, (err) => err);
            (0, chai_1.expect)(refusal?.message).to.equal('unauthorized');
        });
        it('runs on_session_expired with the session when its client does not come back in time', async () => {
            await start({ maxDisconnectionDuration: 150 });
            const expired = [];
            let Expiring = class Expiring extends src_1.Namespace {
                on_connect() {
                    this.socket.join('red');
                    this.session.user = 'alice';
                }
                on_session_expired(session) {
                    expired.push(session);
                }
            };
            Expiring = __decorate([
                (0, src_1.Namespace)('/expiring')
            ], Expiring);
            server.register(Expiring);
            const client = await clients.connect(server, '/expiring', mode);
            const sid = client.id;
            await drop(client, '/expiring');
            await (0, io_1.until)(() => expired.length === 1, 'the session to expire', 3000);
            (0, chai_1.expect)(expired[0].sid).to.equal(sid);
            (0, chai_1.expect)([...expired[0].rooms].sort()).to.deep.equal([sid, 'red'].sort());
            (0, chai_1.expect)(expired[0].data).to.deep.equal({ user: 'alice' });
            (0, chai_1.expect)(expired[0].pid).to.be.a('string');
        });
    });
}
describe('on_session_expired', () => {
    it("is refused on a namespace of scope 'connection', which has no instance once its client is gone", async () => {
        const server = await (0, io_1.startServer)({ connectionStateRecovery: {} });
        try {
            let Scoped = class Scoped extends src_1.Namespace {
                on_session_expired() { }
            };
            Scoped = __decorate([
                (0, src_1.Namespace)('/scoped', { scope: 'connection' })
            ], Scoped);
            const error = (0, errors_2.thrownBy)(() => server.register(Scoped), errors_1.ConfigurationError, 'CLASSIO_ERR_CONFIG');
            (0, chai_1.expect)(error.message).to.match(/^Scoped\.on_session_expired: a saved session expires when its connection/);
        }
        finally {
            await server.close();
        }
    });
    it('is not routed as an event a client could send', async () => {
        const server = await (0, io_1.startServer)();
        const clients = new io_1.ClientPool();
        try {
            let calls = 0;
            let Plain = class Plain extends src_1.Namespace {
                on_session_expired() {
                    calls++;
                    return 'ran';
                }
            };
            Plain = __decorate([
                (0, src_1.Namespace)('/plain')
            ], Plain);
            server.register(Plain);
            const client = await clients.connect(server, '/plain', support_1.MODES[0]);
            // An event without a handler: the server answers its ack without running the hook.
            const answer = await client.timeout(2000).emitWithAck('session_expired');
            (0, chai_1.expect)(answer).to.not.equal('ran');
            (0, chai_1.expect)(calls).to.equal(0);
        }
        finally {
            await clients.closeAll();
            await server.close();
        }
    });
});
//# sourceMappingURL=recovery-hooks.test.js.map