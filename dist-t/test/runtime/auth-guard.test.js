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
const src_1 = require("../../src");
const io_1 = require("../support/io");
const support_1 = require("./support");
/** A service the guards get injected. */
let Tokens = class Tokens {
    constructor() {
        this.valid = new Set(['good']);
    }
    isValid(token) {
        return typeof token === 'string' && this.valid.has(token);
    }
};
Tokens = __decorate([
    (0, tsyringe_1.injectable)()
], Tokens);
let TokenGuard = class TokenGuard {
    constructor(tokens) {
        this.tokens = tokens;
    }
    canActivate(context) {
        return this.tokens.isValid(context.auth.token);
    }
};
TokenGuard = __decorate([
    (0, tsyringe_1.injectable)(),
    __metadata("design:paramtypes", [Tokens])
], TokenGuard);
class BannedGuard {
    canActivate(context) {
        if (context.auth.user === 'mallory')
            throw new errors_1.ConnectError('banned', { until: 'forever' });
        return true;
    }
}
class AsyncAdminGuard {
    async canActivate(context) {
        await Promise.resolve();
        return context.socket.data.role === 'admin';
    }
}
for (const mode of support_1.MODES) {
    describe(`Auth guards (${mode.name})`, () => {
        let server;
        let container;
        const clients = new io_1.ClientPool();
        (0, support_1.useRuntimeServer)(clients, (started) => ({ server, container } = started));
        describe('on the class', () => {
            it('refuses the CONNECT with "unauthorized" and never runs on_connect', async () => {
                let connects = 0;
                let Secure = class Secure extends src_1.Namespace {
                    on_connect() {
                        connects++;
                    }
                };
                Secure = __decorate([
                    (0, src_1.Namespace)('/secure'),
                    (0, src_1.UseGuards)(TokenGuard)
                ], Secure);
                (0, support_1.register)(server, Secure);
                const client = clients.open(server, '/secure', mode, { auth: { token: 'bad' } });
                const [err] = await (0, io_1.nextEvent)(client, 'connect_error');
                (0, chai_1.expect)(err.message).to.equal('unauthorized');
                (0, chai_1.expect)(connects).to.equal(0);
            });
            it('accepts a client the injected service vouches for, then runs on_connect', async () => {
                container.registerInstance(Tokens, Object.assign(new Tokens(), { valid: new Set(['fresh']) }));
                let Secure = class Secure extends src_1.Namespace {
                    on_connect() {
                        this.session.user = 'ok';
                    }
                    on_me() {
                        return this.session.user;
                    }
                };
                Secure = __decorate([
                    (0, src_1.Namespace)('/secure'),
                    (0, src_1.UseGuards)(TokenGuard)
                ], Secure);
                (0, support_1.register)(server, Secure);
                const client = await clients.connect(server, '/secure', mode, { auth: { token: 'fresh' } });
                (0, chai_1.expect)(await (0, support_1.request)(client, 'me')).to.equal('ok');
            });
            it('sends a ConnectError thrown by a guard as the reason and data', async () => {
                let Club = class Club extends src_1.Namespace {
                };
                Club = __decorate([
                    (0, src_1.Namespace)('/club'),
                    (0, src_1.UseGuards)(BannedGuard)
                ], Club);
                (0, support_1.register)(server, Club);
                const client = clients.open(server, '/club', mode, { auth: { user: 'mallory' } });
                const [err] = await (0, io_1.nextEvent)(client, 'connect_error');
                (0, chai_1.expect)(err.message).to.equal('banned');
                (0, chai_1.expect)(err.data).to.deep.equal({ until: 'forever' });
            });
            it('inherits class guards from an abstract base', async () => {
                let Guarded = class Guarded extends src_1.Namespace {
                };
                Guarded = __decorate([
                    (0, src_1.UseGuards)(BannedGuard)
                ], Guarded);
                let Inherited = class Inherited extends Guarded {
                };
                Inherited = __decorate([
                    (0, src_1.Namespace)('/inherited')
                ], Inherited);
                (0, support_1.register)(server, Inherited);
                const refused = clients.open(server, '/inherited', mode, { auth: { user: 'mallory' } });
                const [err] = await (0, io_1.nextEvent)(refused, 'connect_error');
                (0, chai_1.expect)(err.message).to.equal('banned');
                await clients.connect(server, '/inherited', mode, { auth: { user: 'alice' } });
            });
            it('runs guards declared on on_connect as connect guards', async () => {
                let Hooked = class Hooked extends src_1.Namespace {
                    on_connect() { }
                };
                __decorate([
                    (0, src_1.UseGuards)(BannedGuard),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", []),
                    __metadata("design:returntype", void 0)
                ], Hooked.prototype, "on_connect", null);
                Hooked = __decorate([
                    (0, src_1.Namespace)('/hooked')
                ], Hooked);
                (0, support_1.register)(server, Hooked);
                const refused = clients.open(server, '/hooked', mode, { auth: { user: 'mallory' } });
                const [err] = await (0, io_1.nextEvent)(refused, 'connect_error');
                (0, chai_1.expect)(err.message).to.equal('banned');
            });
            it('lets on_connect refuse by returning false', async () => {
                let Picky = class Picky extends src_1.Namespace {
                    on_connect(auth) {
                        return auth.ok === true;
                    }
                };
                Picky = __decorate([
                    (0, src_1.Namespace)('/picky')
                ], Picky);
                (0, support_1.register)(server, Picky);
                const client = clients.open(server, '/picky', mode, { auth: { ok: false } });
                const [err] = await (0, io_1.nextEvent)(client, 'connect_error');
                (0, chai_1.expect)(err.message).to.equal('unauthorized');
                await clients.connect(server, '/picky', mode, { auth: { ok: true } });
            });
        });
        describe('on a method', () => {
            let Admin = class Admin extends src_1.Namespace {
                on_promote() {
                    this.session.role = 'admin';
                    return true;
                }
                on_shutdown() {
                    return 'shutting down';
                }
                on_status() {
                    return 'fine';
                }
            };
            __decorate([
                (0, src_1.UseGuards)(AsyncAdminGuard),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Admin.prototype, "on_shutdown", null);
            Admin = __decorate([
                (0, src_1.Namespace)('/admin')
            ], Admin);
            it('refuses one event with a ForbiddenError ack and runs nothing, other events pass', async () => {
                (0, support_1.register)(server, Admin);
                const client = await clients.connect(server, '/admin', mode);
                const answer = await (0, support_1.request)(client, 'shutdown');
                (0, chai_1.expect)(answer).to.deep.equal({
                    error: {
                        code: 'CLASSIO_ERR_FORBIDDEN',
                        message: 'guard AsyncAdminGuard refused event "shutdown" in namespace "/admin"',
                    },
                });
                (0, chai_1.expect)(await (0, support_1.request)(client, 'status')).to.equal('fine');
                (0, chai_1.expect)(await (0, support_1.request)(client, 'promote')).to.equal(true);
                (0, chai_1.expect)(await (0, support_1.request)(client, 'shutdown')).to.equal('shutting down');
            });
            it('sends the refusal to the error handler', async () => {
                let Admin2 = class Admin2 extends Admin {
                    failed(error) {
                        return { handled: error.code };
                    }
                };
                __decorate([
                    (0, src_1.OnError)(),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", [Object]),
                    __metadata("design:returntype", void 0)
                ], Admin2.prototype, "failed", null);
                Admin2 = __decorate([
                    (0, src_1.Namespace)('/admin2')
                ], Admin2);
                (0, support_1.register)(server, Admin2);
                const client = await clients.connect(server, '/admin2', mode);
                (0, chai_1.expect)(await (0, support_1.request)(client, 'shutdown')).to.deep.equal({ handled: 'CLASSIO_ERR_FORBIDDEN' });
            });
        });
    });
}
//# sourceMappingURL=auth-guard.test.js.map