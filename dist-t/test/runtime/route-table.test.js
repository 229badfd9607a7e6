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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const class_validator_1 = require("class-validator");
const tsyringe_1 = require("tsyringe");
const errors_1 = require("../../src/errors");
const src_1 = require("../../src");
const explorer_1 = require("../../src/runtime/explorer");
/** Compile-level tests call the compiled handlers directly with a stand-in socket. */
function fakeSocket(id = 'sid-1') {
    return { id, nsp: { name: '/unit' }, data: {}, handshake: { auth: {} }, disconnected: false };
}
class Named {
}
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], Named.prototype, "name", void 0);
let FreeName = class FreeName {
    async validate(value) {
        await Promise.resolve();
        return value !== 'taken';
    }
    defaultMessage() {
        return 'name is taken';
    }
};
FreeName = __decorate([
    (0, class_validator_1.ValidatorConstraint)({ name: 'freeName', async: true })
], FreeName);
class Registration {
}
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Validate)(FreeName),
    __metadata("design:type", String)
], Registration.prototype, "name", void 0);
let resolutions = 0;
class CountingGuard {
    constructor() {
        resolutions++;
    }
    canActivate() {
        return false;
    }
}
describe('RouteTable compilation', () => {
    let container;
    let explorer;
    beforeEach(() => {
        container = tsyringe_1.container.createChildContainer();
        explorer = new explorer_1.NamespaceExplorer(container);
    });
    describe('empty stages', () => {
        it('stores no connect, disconnect or error hook when the class declares none', () => {
            let Plain = class Plain extends src_1.Namespace {
                on_echo(value) {
                    return value;
                }
            };
            Plain = __decorate([
                (0, src_1.Namespace)('/unit')
            ], Plain);
            const { table, path } = explorer.compile(Plain);
            (0, chai_1.expect)(path).to.equal('/unit');
            (0, chai_1.expect)([...table.routes.keys()]).to.deep.equal(['echo']);
            (0, chai_1.expect)(table.connect).to.equal(null);
            (0, chai_1.expect)(table.disconnect).to.equal(null);
            (0, chai_1.expect)(table.onError).to.equal(null);
            (0, chai_1.expect)(table.routes.get('echo').onError).to.equal(null);
            (0, chai_1.expect)(table.routes.get('echo').answersAck).to.equal(false);
        });
    });
    describe('#handle', () => {
        it('returns a synchronous result as it is, not as a promise', () => {
            let Sync = class Sync extends src_1.Namespace {
                on_echo(value) {
                    return [value, (0, src_1.currentSid)()];
                }
            };
            Sync = __decorate([
                (0, src_1.Namespace)('/unit')
            ], Sync);
            const route = explorer.compile(Sync).table.routes.get('echo');
            (0, chai_1.expect)(route.handle(fakeSocket(), ['x'], null)).to.deep.equal(['x', 'sid-1']);
        });
        it('validates a payload synchronously and throws ValidationError for a bad one', () => {
            let Dto = class Dto extends src_1.Namespace {
                on_hello(named) {
                    return named instanceof Named ? named.name : 'not a Named';
                }
            };
            __decorate([
                __param(0, (0, src_1.Payload)()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Named]),
                __metadata("design:returntype", void 0)
            ], Dto.prototype, "on_hello", null);
            Dto = __decorate([
                (0, src_1.Namespace)('/unit')
            ], Dto);
            const route = explorer.compile(Dto).table.routes.get('hello');
            (0, chai_1.expect)(route.handle(fakeSocket(), [{ name: 'ada' }], null)).to.equal('ada');
            (0, chai_1.expect)(() => route.handle(fakeSocket(), [{ name: 1 }], null))
                .to.throw(errors_1.ValidationError, 'invalid payload for event "hello": expected a valid Named; failing: name')
                .with.property('code', 'CLASSIO_ERR_VALIDATION');
        });
        it('takes the asynchronous path only for a DTO with async constraints', async () => {
            let Signup = class Signup extends src_1.Namespace {
                on_signup(registration) {
                    return registration.name;
                }
            };
            __decorate([
                __param(0, (0, src_1.Payload)()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Registration]),
                __metadata("design:returntype", void 0)
            ], Signup.prototype, "on_signup", null);
            Signup = __decorate([
                (0, src_1.Namespace)('/unit')
            ], Signup);
            const route = explorer.compile(Signup).table.routes.get('signup');
            const accepted = route.handle(fakeSocket(), [{ name: 'ada' }], null);
            (0, chai_1.expect)(accepted).to.be.instanceOf(Promise);
            (0, chai_1.expect)(await accepted).to.equal('ada');
            const refused = await route.handle(fakeSocket(), [{ name: 'taken' }], null).then(() => null, (error) => error);
            (0, chai_1.expect)(refused).to.be.instanceOf(errors_1.ValidationError);
            (0, chai_1.expect)(refused.data).to.deep.equal([
                { property: 'name', constraints: { freeName: 'name is taken' } },
            ]);
        });
        it('marks a route whose handler takes @Ack() as answering the ack itself', () => {
            let Later = class Later extends src_1.Namespace {
                later(ack) {
                    ack('now');
                }
            };
            __decorate([
                (0, src_1.On)('later'),
                __param(0, (0, src_1.Ack)()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Function]),
                __metadata("design:returntype", void 0)
            ], Later.prototype, "later", null);
            Later = __decorate([
                (0, src_1.Namespace)('/unit')
            ], Later);
            const route = explorer.compile(Later).table.routes.get('later');
            const answers = [];
            route.handle(fakeSocket(), [], (value) => answers.push(value));
            (0, chai_1.expect)(route.answersAck).to.equal(true);
            (0, chai_1.expect)(answers).to.deep.equal(['now']);
        });
    });
    describe('guards', () => {
        it('resolves a guard once at registration and throws ForbiddenError per refused message', () => {
            resolutions = 0;
            let Guarded = class Guarded extends src_1.Namespace {
                on_a() { }
                on_b() { }
            };
            __decorate([
                (0, src_1.UseGuards)(CountingGuard),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Guarded.prototype, "on_a", null);
            __decorate([
                (0, src_1.UseGuards)(CountingGuard),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Guarded.prototype, "on_b", null);
            Guarded = __decorate([
                (0, src_1.Namespace)('/unit')
            ], Guarded);
            const { table } = explorer.compile(Guarded);
            for (let i = 0; i < 3; i++) {
                (0, chai_1.expect)(() => table.routes.get('a').handle(fakeSocket(), [], null))
                    .to.throw(errors_1.ForbiddenError, 'guard CountingGuard refused event "a" in namespace "/unit"')
                    .with.property('code', 'CLASSIO_ERR_FORBIDDEN');
            }
            (0, chai_1.expect)(resolutions).to.equal(1);
        });
        it('compiles class guards into the connect hook, which returns false on refusal', () => {
            let Closed = class Closed extends src_1.Namespace {
            };
            Closed = __decorate([
                (0, src_1.Namespace)('/unit'),
                (0, src_1.UseGuards)(CountingGuard)
            ], Closed);
            const { table } = explorer.compile(Closed);
            (0, chai_1.expect)(table.connect(fakeSocket())).to.equal(false);
        });
    });
    describe('error handlers', () => {
        it('gives event-specific handlers to their route and the rest to the table', () => {
            let Handlers = class Handlers extends src_1.Namespace {
                on_a() { }
                on_b() { }
                onlyA() {
                    return 'a';
                }
                all() {
                    return 'all';
                }
            };
            __decorate([
                (0, src_1.OnError)('a'),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Handlers.prototype, "onlyA", null);
            __decorate([
                (0, src_1.OnError)(),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Handlers.prototype, "all", null);
            Handlers = __decorate([
                (0, src_1.Namespace)('/unit')
            ], Handlers);
            const { table } = explorer.compile(Handlers);
            (0, chai_1.expect)(table.routes.get('a').onError(new Error('x'), fakeSocket(), 'a', [])).to.equal('a');
            (0, chai_1.expect)(table.routes.get('b').onError).to.equal(null);
            (0, chai_1.expect)(table.onError(new Error('x'), fakeSocket(), 'b', [])).to.equal('all');
        });
        it('does not route an @OnError method named on_error as the "error" event', () => {
            let Flaskish = class Flaskish extends src_1.Namespace {
                on_error() {
                    return 'handled';
                }
            };
            __decorate([
                (0, src_1.OnError)(),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Flaskish.prototype, "on_error", null);
            Flaskish = __decorate([
                (0, src_1.Namespace)('/unit')
            ], Flaskish);
            const { table } = explorer.compile(Flaskish);
            (0, chai_1.expect)(table.routes.size).to.equal(0);
            (0, chai_1.expect)(table.onError(new Error('x'), fakeSocket(), 'any', [])).to.equal('handled');
        });
    });
});
//# sourceMappingURL=route-table.test.js.map