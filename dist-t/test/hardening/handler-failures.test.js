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
const tsyringe_1 = require("tsyringe");
const class_validator_1 = require("class-validator");
const src_1 = require("../../src");
const harness_1 = require("./support/harness");
const io_1 = require("../support/io");
/**
 * A sync throw or a rejected promise anywhere user code runs (handler, guard, validator, error handler, connect
 * and disconnect hooks, Socket.IO-style listeners, middleware) is caught and reaches the error path: the client
 * gets an ack error or a connect_error, the logger gets what nobody handled, and nothing reaches the process as
 * `uncaughtException` or `unhandledRejection`. The bystander on `/` sees none of it.
 */
let ThrowingGuard = class ThrowingGuard {
    canActivate() {
        throw new Error('guard threw');
    }
};
ThrowingGuard = __decorate([
    (0, tsyringe_1.injectable)()
], ThrowingGuard);
let RejectingGuard = class RejectingGuard {
    canActivate() {
        return Promise.reject(new Error('guard rejected'));
    }
};
RejectingGuard = __decorate([
    (0, tsyringe_1.injectable)()
], RejectingGuard);
let ExplodingConstraint = class ExplodingConstraint {
    validate() {
        throw new Error('validator threw');
    }
};
ExplodingConstraint = __decorate([
    (0, class_validator_1.ValidatorConstraint)({ name: 'explodes' })
], ExplodingConstraint);
let RejectingConstraint = class RejectingConstraint {
    validate() {
        return Promise.reject(new Error('validator rejected'));
    }
};
RejectingConstraint = __decorate([
    (0, class_validator_1.ValidatorConstraint)({ name: 'explodesLater', async: true })
], RejectingConstraint);
class SyncDto {
}
__decorate([
    (0, class_validator_1.Validate)(ExplodingConstraint),
    __metadata("design:type", String)
], SyncDto.prototype, "value", void 0);
class AsyncDto {
}
__decorate([
    (0, class_validator_1.Validate)(RejectingConstraint),
    __metadata("design:type", String)
], AsyncDto.prototype, "value", void 0);
let Failing = class Failing extends src_1.Namespace {
    syncThrow() {
        throw new Error('sync throw');
    }
    asyncReject() {
        return Promise.reject(new Error('async reject'));
    }
    rejectWithString() {
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a non-Error reason is what it tests
        return Promise.reject('not an Error');
    }
    guarded() {
        return 'unreachable';
    }
    guardedAsync() {
        return 'unreachable';
    }
    validated(_payload) {
        return 'unreachable';
    }
    validatedAsync(_payload) {
        return 'unreachable';
    }
};
__decorate([
    (0, src_1.On)('sync throw'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], Failing.prototype, "syncThrow", null);
__decorate([
    (0, src_1.On)('async reject'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], Failing.prototype, "asyncReject", null);
__decorate([
    (0, src_1.On)('reject with a string'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], Failing.prototype, "rejectWithString", null);
__decorate([
    (0, src_1.On)('guard throws'),
    (0, src_1.UseGuards)(ThrowingGuard),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", String)
], Failing.prototype, "guarded", null);
__decorate([
    (0, src_1.On)('guard rejects'),
    (0, src_1.UseGuards)(RejectingGuard),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", String)
], Failing.prototype, "guardedAsync", null);
__decorate([
    (0, src_1.On)('validator throws'),
    __param(0, (0, src_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [SyncDto]),
    __metadata("design:returntype", String)
], Failing.prototype, "validated", null);
__decorate([
    (0, src_1.On)('validator rejects'),
    __param(0, (0, src_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [AsyncDto]),
    __metadata("design:returntype", String)
], Failing.prototype, "validatedAsync", null);
Failing = __decorate([
    (0, src_1.Namespace)('/failing'),
    (0, tsyringe_1.injectable)()
], Failing);
let ErrorHandlerThrows = class ErrorHandlerThrows extends src_1.Namespace {
    fail() {
        throw new Error('original');
    }
    failed() {
        throw new Error('error handler threw');
    }
};
__decorate([
    (0, src_1.On)('fail'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], ErrorHandlerThrows.prototype, "fail", null);
__decorate([
    (0, src_1.OnError)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], ErrorHandlerThrows.prototype, "failed", null);
ErrorHandlerThrows = __decorate([
    (0, src_1.Namespace)('/error-handler-throws'),
    (0, tsyringe_1.injectable)()
], ErrorHandlerThrows);
let ErrorHandlerRejects = class ErrorHandlerRejects extends src_1.Namespace {
    fail() {
        return Promise.reject(new Error('original'));
    }
    failed() {
        return Promise.reject(new Error('error handler rejected'));
    }
};
__decorate([
    (0, src_1.On)('fail'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], ErrorHandlerRejects.prototype, "fail", null);
__decorate([
    (0, src_1.OnError)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], ErrorHandlerRejects.prototype, "failed", null);
ErrorHandlerRejects = __decorate([
    (0, src_1.Namespace)('/error-handler-rejects'),
    (0, tsyringe_1.injectable)()
], ErrorHandlerRejects);
let ConnectThrows = class ConnectThrows extends src_1.Namespace {
    on_connect() {
        throw new Error('connect hook threw');
    }
};
ConnectThrows = __decorate([
    (0, src_1.Namespace)('/connect-throws'),
    (0, tsyringe_1.injectable)()
], ConnectThrows);
let ConnectRejects = class ConnectRejects extends src_1.Namespace {
    on_connect() {
        return Promise.reject(new Error('connect hook rejected'));
    }
};
ConnectRejects = __decorate([
    (0, src_1.Namespace)('/connect-rejects'),
    (0, tsyringe_1.injectable)()
], ConnectRejects);
let ClassGuardRejects = class ClassGuardRejects extends src_1.Namespace {
};
ClassGuardRejects = __decorate([
    (0, src_1.Namespace)('/guard-rejects'),
    (0, src_1.UseGuards)(RejectingGuard),
    (0, tsyringe_1.injectable)()
], ClassGuardRejects);
let DisconnectFails = class DisconnectFails extends src_1.Namespace {
    on_disconnect() {
        return Promise.reject(new Error('disconnect hook rejected'));
    }
};
DisconnectFails = __decorate([
    (0, src_1.Namespace)('/disconnect-fails'),
    (0, tsyringe_1.injectable)()
], DisconnectFails);
describe('Handler failures', () => {
    let harness;
    before(async () => {
        harness = await harness_1.Harness.start('websocket');
        const { server } = harness;
        server.register(Failing).register(ErrorHandlerThrows).register(ErrorHandlerRejects);
        server.register(ConnectThrows).register(ConnectRejects).register(ClassGuardRejects).register(DisconnectFails);
        // A second disconnect hook on the same namespace: the hooks are chained, and both fail.
        server.on('disconnect', () => {
            throw new Error('functional disconnect hook threw');
        }, { namespace: '/disconnect-fails' });
        server.of('/middleware-throws').use(() => {
            throw new Error('middleware threw');
        });
        server.of('/listeners').on('connection', (socket) => {
            socket.on('listener throws', () => {
                throw new Error('listener threw');
            });
            socket.on('listener rejects', () => Promise.reject(new Error('listener rejected')));
            socket.on('disconnect', () => {
                throw new Error('disconnect listener threw');
            });
            socket.onAny(() => {
                throw new Error('catch-all listener threw');
            });
            throw new Error('connection listener threw');
        });
    });
    after(async () => {
        await harness.stop();
    });
    beforeEach(() => {
        harness.logged.length = 0;
    });
    afterEach(async () => {
        await harness.assertBystanderHealthy();
        harness.assertNothingEscaped();
    });
    const modeOfTest = (0, harness_1.modeOf)('websocket');
    async function ask(nsp, event, ...args) {
        const client = await harness.pool.connect(harness.server, nsp, modeOfTest);
        try {
            return await client.timeout(3000).emitWithAck(event, ...args);
        }
        finally {
            client.disconnect();
        }
    }
    async function connectError(nsp) {
        const client = harness.pool.open(harness.server, nsp, modeOfTest);
        return new Promise((resolve) => client.once('connect_error', resolve));
    }
    describe('in event handlers', () => {
        it('answers a sync throw with the handler error body and logs it', async () => {
            (0, chai_1.expect)(await ask('/failing', 'sync throw')).to.deep.equal({
                error: { code: 'CLASSIO_ERR_HANDLER', message: 'server error' },
            });
            (0, chai_1.expect)(harness.logged.map((err) => err.message)).to.deep.equal(['sync throw']);
        });
        it('answers a rejected promise the same way', async () => {
            (0, chai_1.expect)(await ask('/failing', 'async reject')).to.deep.equal({
                error: { code: 'CLASSIO_ERR_HANDLER', message: 'server error' },
            });
            await (0, io_1.until)(() => harness.logged.length === 1, 'the log');
        });
        it('answers a rejection with a non-Error value', async () => {
            (0, chai_1.expect)(await ask('/failing', 'reject with a string')).to.deep.equal({
                error: { code: 'CLASSIO_ERR_HANDLER', message: 'server error' },
            });
        });
    });
    describe('in method guards', () => {
        for (const event of ['guard throws', 'guard rejects']) {
            it(`answers an error when a guard ${event.split(' ')[1]} and never runs the handler`, async () => {
                const answer = (await ask('/failing', event));
                // The guard's own message stays on the server: the client reads the generic text.
                (0, chai_1.expect)(answer.error).to.deep.equal({ code: 'CLASSIO_ERR_HANDLER', message: 'server error' });
                await (0, io_1.until)(() => harness.logged.length === 1, 'the log');
                (0, chai_1.expect)(harness.logged[0].message).to.match(/guard (threw|rejected)/);
            });
        }
    });
    describe('in validators', () => {
        for (const event of ['validator throws', 'validator rejects']) {
            it(`answers an error when a ${event.replace(' ', ' constraint ')} and never runs the handler`, async () => {
                const answer = (await ask('/failing', event, { value: 'x' }));
                (0, chai_1.expect)(answer.error).to.deep.equal({ code: 'CLASSIO_ERR_HANDLER', message: 'server error' });
                await (0, io_1.until)(() => harness.logged.length === 1, 'the log');
                (0, chai_1.expect)(harness.logged[0].message).to.match(/validator (threw|rejected)/);
            });
        }
    });
    describe('in error handlers', () => {
        it('answers the original error when the error handler throws, and logs the handler failure', async () => {
            (0, chai_1.expect)(await ask('/error-handler-throws', 'fail')).to.deep.equal({
                error: { code: 'CLASSIO_ERR_HANDLER', message: 'server error' },
            });
            await (0, io_1.until)(() => harness.logged.length === 1, 'the log');
            (0, chai_1.expect)(harness.logged[0].message).to.equal('error handler threw');
        });
        it('answers the original error when the error handler rejects', async () => {
            (0, chai_1.expect)(await ask('/error-handler-rejects', 'fail')).to.deep.equal({
                error: { code: 'CLASSIO_ERR_HANDLER', message: 'server error' },
            });
            await (0, io_1.until)(() => harness.logged.length === 1, 'the log');
            (0, chai_1.expect)(harness.logged[0].message).to.equal('error handler rejected');
        });
    });
    describe('in connect hooks, class guards and middleware', () => {
        const cases = [
            ['/connect-throws', 'connect hook threw'],
            ['/connect-rejects', 'connect hook rejected'],
            ['/guard-rejects', 'guard rejected'],
            ['/middleware-throws', 'middleware threw'],
        ];
        for (const [nsp, message] of cases) {
            it(`refuses the connection to ${nsp} with connect_error "server error" and logs "${message}"`, async () => {
                const error = await connectError(nsp);
                (0, chai_1.expect)(error.message).to.equal('server error');
                (0, chai_1.expect)(harness.server.of(nsp).sockets.size).to.equal(0);
                (0, chai_1.expect)(harness.logged.map((err) => err.message)).to.deep.equal([message]);
            });
        }
    });
    describe('in disconnect hooks and Socket.IO-style listeners', () => {
        it('logs chained disconnect hooks that throw and reject, and still removes the socket', async () => {
            const client = await harness.pool.connect(harness.server, '/disconnect-fails', modeOfTest);
            client.disconnect();
            await (0, io_1.until)(() => harness.logged.length === 1, 'the hook failures to be logged');
            (0, chai_1.expect)(harness.logged[0]).to.be.instanceOf(AggregateError);
            (0, chai_1.expect)(harness.logged[0].errors.map((err) => err.message).sort()).to.deep.equal([
                'disconnect hook rejected',
                'functional disconnect hook threw',
            ]);
            (0, chai_1.expect)(harness.server.of('/disconnect-fails').sockets.size).to.equal(0);
        });
        it('logs throwing connection, catch-all, event and disconnect listeners and answers the ack', async () => {
            const client = await harness.pool.connect(harness.server, '/listeners', modeOfTest);
            client.emit('listener throws');
            const answer = await client.timeout(3000).emitWithAck('listener rejects');
            (0, chai_1.expect)(answer).to.deep.equal({ error: { code: 'CLASSIO_ERR_HANDLER', message: 'server error' } });
            client.disconnect();
            const expected = [
                'catch-all listener threw',
                'catch-all listener threw',
                'connection listener threw',
                'disconnect listener threw',
                'listener rejected',
                'listener threw',
            ];
            await (0, io_1.until)(() => harness.logged.length === expected.length, `every failure to be logged (${harness.logged.length})`);
            (0, chai_1.expect)(harness.logged.map((err) => err.message).sort()).to.deep.equal(expected);
        });
    });
});
//# sourceMappingURL=handler-failures.test.js.map