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
const server_1 = require("../../src/server");
const src_1 = require("../../src");
const explorer_1 = require("../../src/runtime/explorer");
const testing_1 = require("../../src/testing");
const io_1 = require("../support/io");
const support_1 = require("./support");
for (const mode of support_1.MODES) {
    describe(`@Throttle (${mode.name})`, () => {
        let server;
        const clients = new io_1.ClientPool();
        (0, support_1.useRuntimeServer)(clients, (started) => ({ server } = started));
        it('refuses events past the limit with CLASSIO_ERR_THROTTLED and the retry hint', async () => {
            let runs = 0;
            let Limited = class Limited extends src_1.Namespace {
                on_ping() {
                    runs++;
                    return 'pong';
                }
            };
            __decorate([
                (0, src_1.Throttle)({ limit: 2, windowMs: 60_000 }),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Limited.prototype, "on_ping", null);
            Limited = __decorate([
                (0, src_1.Namespace)('/limited')
            ], Limited);
            (0, support_1.register)(server, Limited);
            const client = await clients.connect(server, '/limited', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'ping')).to.equal('pong');
            (0, chai_1.expect)(await (0, support_1.request)(client, 'ping')).to.equal('pong');
            const answer = await (0, support_1.request)(client, 'ping');
            (0, chai_1.expect)(answer.error.code).to.equal('CLASSIO_ERR_THROTTLED');
            (0, chai_1.expect)(answer.error.message).to.match(/the limit is 2 per 60000 ms/);
            (0, chai_1.expect)(answer.error.data.retryAfterMs).to.be.within(1, 60_000);
            (0, chai_1.expect)(runs).to.equal(2);
            // Another client has its own count.
            const other = await clients.connect(server, '/limited', mode);
            (0, chai_1.expect)(await (0, support_1.request)(other, 'ping')).to.equal('pong');
        });
        it('counts per key taken from the context, and reaches the error handler without an ack', async () => {
            const errors = [];
            let Keyed = class Keyed extends src_1.Namespace {
                on_post() {
                    return 'posted';
                }
                throttled(error) {
                    errors.push(error.data);
                }
            };
            __decorate([
                (0, src_1.OnError)(src_1.ThrottledError),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [src_1.ThrottledError]),
                __metadata("design:returntype", void 0)
            ], Keyed.prototype, "throttled", null);
            Keyed = __decorate([
                (0, src_1.Namespace)('/keyed'),
                (0, src_1.Throttle)({ limit: 1, windowMs: 60_000, key: (context) => String(context.auth.user) })
            ], Keyed);
            (0, support_1.register)(server, Keyed);
            const first = await clients.connect(server, '/keyed', mode, { auth: { user: 'ada' } });
            const second = await clients.connect(server, '/keyed', mode, { auth: { user: 'ada' } });
            (0, chai_1.expect)(await (0, support_1.request)(first, 'post')).to.equal('posted');
            second.emit('post');
            const answer = await (0, support_1.request)(second, 'post');
            (0, chai_1.expect)(answer.error.code).to.equal('CLASSIO_ERR_THROTTLED');
            (0, chai_1.expect)(errors).to.have.length(2);
        });
        it('refuses bad options at registration', () => {
            let Bad = class Bad extends src_1.Namespace {
                on_x() { }
            };
            __decorate([
                (0, src_1.Throttle)({ limit: 0, windowMs: 1000 }),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Bad.prototype, "on_x", null);
            Bad = __decorate([
                (0, src_1.Namespace)('/bad')
            ], Bad);
            (0, chai_1.expect)(() => (0, support_1.register)(server, Bad))
                .to.throw('limit must be a positive integer')
                .with.property('code', 'CLASSIO_ERR_CONFIG');
        });
    });
}
describe('@Throttle state', () => {
    it('does not grow after 10,000 distinct clients came and went', async () => {
        const server = new server_1.Server({ logger: false });
        try {
            let Bounded = class Bounded extends src_1.Namespace {
                on_hit() {
                    return 'ok';
                }
            };
            __decorate([
                (0, src_1.Throttle)({ limit: 5, windowMs: 50 }),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Bounded.prototype, "on_hit", null);
            Bounded = __decorate([
                (0, src_1.Namespace)('/bounded')
            ], Bounded);
            const compiled = new explorer_1.NamespaceExplorer().compile(Bounded);
            const nsp = server.of('/bounded');
            nsp.install(compiled.table, 'Bounded');
            const throttle = compiled.throttlers[0];
            for (let i = 0; i < 10_000; i += 500) {
                const batch = Array.from({ length: 500 }, () => new testing_1.TestClient(server, '/bounded'));
                await Promise.all(batch.map((client) => client.ready));
                await Promise.all(batch.map((client) => client.emitWithAck('hit')));
                for (const client of batch)
                    client.close();
            }
            (0, chai_1.expect)(nsp.sockets.size).to.equal(0);
            await new Promise((resolve) => setTimeout(resolve, 60));
            const last = new testing_1.TestClient(server, '/bounded');
            await last.ready;
            (0, chai_1.expect)(await last.emitWithAck('hit')).to.deep.equal(['ok']);
            (0, chai_1.expect)(throttle.size).to.equal(1);
            last.close();
        }
        finally {
            await server.close();
        }
    });
});
//# sourceMappingURL=throttle.test.js.map