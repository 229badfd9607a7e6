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
var Timing_1;
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const tsyringe_1 = require("tsyringe");
const src_1 = require("../../src");
const io_1 = require("../support/io");
const support_1 = require("./support");
/** Records the order in which enhancers ran, per test. */
let trail = [];
function tracing(name) {
    return class {
        async intercept(_context, next) {
            trail.push(`${name}:before`);
            const result = await next.handle();
            trail.push(`${name}:after`);
            return result;
        }
    };
}
const Global = tracing('global');
const Parent = tracing('parent');
const ClassLevel = tracing('class');
const MethodLevel = tracing('method');
class Wrap {
    async intercept(_context, next) {
        return { wrapped: await next.handle() };
    }
}
class Cached {
    intercept(context) {
        return `cached ${context.event}`;
    }
}
class SeesErrors {
    async intercept(_context, next) {
        try {
            return await next.handle();
        }
        catch (error) {
            return { caught: error.message };
        }
    }
}
let Timing = class Timing {
    static { Timing_1 = this; }
    static { this.timings = []; }
    async intercept(context, next) {
        const start = performance.now();
        try {
            return await next.handle();
        }
        finally {
            Timing_1.timings.push({ event: context.event, ms: performance.now() - start });
        }
    }
};
Timing = Timing_1 = __decorate([
    (0, tsyringe_1.injectable)()
], Timing);
class AllowOnly {
    constructor(user) {
        this.user = user;
    }
    canActivate(context) {
        trail.push('guard');
        return context.auth.user === this.user;
    }
}
const User = (0, src_1.createParamDecorator)((context) => context.auth.user);
for (const mode of support_1.MODES) {
    describe(`Interceptors (${mode.name})`, () => {
        let server;
        const clients = new io_1.ClientPool();
        (0, support_1.useRuntimeServer)(clients, (started) => ({ server } = started));
        beforeEach(() => {
            trail = [];
        });
        it('runs global, inherited class, class and method interceptors in that order around the handler', async () => {
            server.useGlobalInterceptors(Global);
            let Base = class Base extends src_1.Namespace {
            };
            Base = __decorate([
                (0, src_1.UseInterceptors)(Parent)
            ], Base);
            let Order = class Order extends Base {
                on_go() {
                    trail.push('handler');
                    return 'done';
                }
            };
            __decorate([
                (0, src_1.UseInterceptors)(MethodLevel),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Order.prototype, "on_go", null);
            Order = __decorate([
                (0, src_1.Namespace)('/order'),
                (0, src_1.UseInterceptors)(ClassLevel)
            ], Order);
            (0, support_1.register)(server, Order);
            const client = await clients.connect(server, '/order', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'go')).to.equal('done');
            (0, chai_1.expect)(trail).to.deep.equal([
                'global:before',
                'parent:before',
                'class:before',
                'method:before',
                'handler',
                'method:after',
                'class:after',
                'parent:after',
                'global:after',
            ]);
        });
        it('lets an interceptor skip the handler and answer the ack itself', async () => {
            let calls = 0;
            let Cache = class Cache extends src_1.Namespace {
                on_get() {
                    calls++;
                    return 'fresh';
                }
            };
            __decorate([
                (0, src_1.UseInterceptors)(new Cached()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Cache.prototype, "on_get", null);
            Cache = __decorate([
                (0, src_1.Namespace)('/cache')
            ], Cache);
            (0, support_1.register)(server, Cache);
            const client = await clients.connect(server, '/cache', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'get')).to.equal('cached get');
            (0, chai_1.expect)(calls).to.equal(0);
        });
        it('answers the ack with the transformed result', async () => {
            let Wrapped = class Wrapped extends src_1.Namespace {
                on_echo(text) {
                    return text;
                }
            };
            Wrapped = __decorate([
                (0, src_1.Namespace)('/wrap'),
                (0, src_1.UseInterceptors)(Wrap)
            ], Wrapped);
            (0, support_1.register)(server, Wrapped);
            const client = await clients.connect(server, '/wrap', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'echo', 'hi')).to.deep.equal({ wrapped: 'hi' });
        });
        it('times an asynchronous handler', async () => {
            Timing.timings.length = 0;
            let Timed = class Timed extends src_1.Namespace {
                async on_slow() {
                    await new Promise((resolve) => setTimeout(resolve, 20));
                    return 'slow';
                }
            };
            Timed = __decorate([
                (0, src_1.Namespace)('/timed'),
                (0, src_1.UseInterceptors)(Timing)
            ], Timed);
            (0, support_1.register)(server, Timed);
            const client = await clients.connect(server, '/timed', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'slow')).to.equal('slow');
            (0, chai_1.expect)(Timing.timings).to.have.length(1);
            (0, chai_1.expect)(Timing.timings[0].event).to.equal('slow');
            (0, chai_1.expect)(Timing.timings[0].ms).to.be.a('number');
        });
        it("sees the handler's error and may answer instead", async () => {
            let Failing = class Failing extends src_1.Namespace {
                on_boom() {
                    throw new src_1.HandlerError('CLASSIO_ERR_HANDLER', 'boom');
                }
            };
            Failing = __decorate([
                (0, src_1.Namespace)('/errors'),
                (0, src_1.UseInterceptors)(SeesErrors)
            ], Failing);
            (0, support_1.register)(server, Failing);
            const client = await clients.connect(server, '/errors', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'boom')).to.deep.equal({ caught: 'boom' });
        });
        it('passes an error the interceptor lets through to the error handler', async () => {
            let Through = class Through extends src_1.Namespace {
                on_boom() {
                    throw new Error('internal detail');
                }
                failed(error) {
                    return { handled: error.message };
                }
            };
            __decorate([
                (0, src_1.OnError)(),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Error]),
                __metadata("design:returntype", void 0)
            ], Through.prototype, "failed", null);
            Through = __decorate([
                (0, src_1.Namespace)('/through'),
                (0, src_1.UseInterceptors)(Wrap)
            ], Through);
            (0, support_1.register)(server, Through);
            const client = await clients.connect(server, '/through', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'boom')).to.deep.equal({ handled: 'internal detail' });
        });
        it('applies global interceptors to functional handlers too', async () => {
            server.useGlobalInterceptors(new Wrap());
            server.on('ping', () => 'pong', { namespace: '/fn' });
            const client = await clients.connect(server, '/fn', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'ping')).to.deep.equal({ wrapped: 'pong' });
        });
        it('refuses useGlobalInterceptors after a registration', () => {
            let Late = class Late extends src_1.Namespace {
            };
            Late = __decorate([
                (0, src_1.Namespace)('/late')
            ], Late);
            (0, support_1.register)(server, Late);
            (0, chai_1.expect)(() => server.useGlobalInterceptors(Wrap))
                .to.throw('must be called before register()')
                .with.property('code', 'CLASSIO_ERR_CONFIG');
        });
        it('injects what a createParamDecorator factory computes', async () => {
            let Params = class Params extends src_1.Namespace {
                on_whoami(user, text) {
                    return `${user}: ${text}`;
                }
            };
            __decorate([
                __param(0, User()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [String, String]),
                __metadata("design:returntype", void 0)
            ], Params.prototype, "on_whoami", null);
            Params = __decorate([
                (0, src_1.Namespace)('/params')
            ], Params);
            (0, support_1.register)(server, Params);
            const client = await clients.connect(server, '/params', mode, { auth: { user: 'ada' } });
            (0, chai_1.expect)(await (0, support_1.request)(client, 'whoami', 'hello')).to.equal('ada: hello');
        });
    });
    describe(`Guards on every event (${mode.name})`, () => {
        let server;
        const clients = new io_1.ClientPool();
        (0, support_1.useRuntimeServer)(clients, (started) => ({ server } = started));
        beforeEach(() => {
            trail = [];
        });
        it('checks @UseEventGuards at connect and before each event, refusing with CLASSIO_ERR_FORBIDDEN', async () => {
            const allowed = new Set(['ada']);
            let Every = class Every extends src_1.Namespace {
                on_work() {
                    return 'worked';
                }
            };
            Every = __decorate([
                (0, src_1.Namespace)('/every'),
                (0, src_1.UseEventGuards)({ canActivate: (context) => allowed.has(String(context.auth.user)) })
            ], Every);
            (0, support_1.register)(server, Every);
            const client = await clients.connect(server, '/every', mode, { auth: { user: 'ada' } });
            (0, chai_1.expect)(await (0, support_1.request)(client, 'work')).to.equal('worked');
            allowed.clear();
            const answer = await (0, support_1.request)(client, 'work');
            (0, chai_1.expect)(answer.error.code).to.equal('CLASSIO_ERR_FORBIDDEN');
            (0, chai_1.expect)(answer.error.message).to.match(/refused event "work" in namespace "\/every"/);
        });
        it('runs global guards on every namespace before class and method guards, and before interceptors', async () => {
            server.useGlobalGuards(new AllowOnly('ada')).useGlobalInterceptors(Global);
            let Guarded = class Guarded extends src_1.Namespace {
                on_go() {
                    return 'ok';
                }
            };
            __decorate([
                (0, src_1.UseGuards)({
                    canActivate: () => {
                        trail.push('method guard');
                        return true;
                    },
                }),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Guarded.prototype, "on_go", null);
            Guarded = __decorate([
                (0, src_1.Namespace)('/global')
            ], Guarded);
            (0, support_1.register)(server, Guarded);
            server.on('fn', () => 'fn ok', { namespace: '/fn' });
            const ada = await clients.connect(server, '/global', mode, { auth: { user: 'ada' } });
            (0, chai_1.expect)(await (0, support_1.request)(ada, 'go')).to.equal('ok');
            (0, chai_1.expect)(trail).to.deep.equal(['guard', 'method guard', 'global:before', 'global:after']);
            const eve = await clients.connect(server, '/fn', mode, { auth: { user: 'eve' } });
            const refused = await (0, support_1.request)(eve, 'fn');
            (0, chai_1.expect)(refused.error.code).to.equal('CLASSIO_ERR_FORBIDDEN');
        });
        it('resolves event guards per connection in a connection-scoped namespace', async () => {
            let PerConnection = class PerConnection {
                constructor() {
                    this.seen = [];
                }
            };
            PerConnection = __decorate([
                (0, tsyringe_1.injectable)()
            ], PerConnection);
            let CountingGuard = class CountingGuard {
                constructor(state) {
                    this.state = state;
                }
                canActivate(context) {
                    this.state.seen.push(context.event);
                    return this.state.seen.length <= 2;
                }
            };
            CountingGuard = __decorate([
                (0, tsyringe_1.injectable)(),
                __metadata("design:paramtypes", [PerConnection])
            ], CountingGuard);
            let Scoped = class Scoped extends src_1.Namespace {
                on_tick() {
                    return 'tick';
                }
            };
            Scoped = __decorate([
                (0, src_1.Namespace)('/scoped', { scope: 'connection' }),
                (0, src_1.UseEventGuards)(CountingGuard)
            ], Scoped);
            (0, support_1.register)(server, Scoped);
            const first = await clients.connect(server, '/scoped', mode);
            // connect and one event pass; the third check refuses.
            (0, chai_1.expect)(await (0, support_1.request)(first, 'tick')).to.equal('tick');
            const refused = await (0, support_1.request)(first, 'tick');
            (0, chai_1.expect)(refused.error.code).to.equal('CLASSIO_ERR_FORBIDDEN');
            // Another connection has its own guard and state.
            const second = await clients.connect(server, '/scoped', mode);
            (0, chai_1.expect)(await (0, support_1.request)(second, 'tick')).to.equal('tick');
        });
    });
}
//# sourceMappingURL=interceptors.test.js.map