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
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const src_1 = require("../../src");
const harness_1 = require("./support/harness");
const offender_1 = require("./support/offender");
const raw_hostile_client_1 = require("../support/raw-hostile-client");
const io_1 = require("../support/io");
/**
 * `__proto__`, `constructor` and `prototype` keys, in event payloads, binary payloads, DTOs, the handshake query and
 * the auth payload, stay plain data: no object's prototype changes, Object.prototype stays clean, and a DTO
 * instance keeps its class's prototype (so an attacker cannot give it inherited properties such as `isAdmin`).
 */
const POISON = [
    '{"__proto__":{"polluted":"yes","isAdmin":true}}',
    '{"constructor":{"prototype":{"polluted":"yes"}}}',
    '{"prototype":{"polluted":"yes"}}',
    '{"a":{"__proto__":{"polluted":"yes"}},"b":[{"__proto__":{"polluted":"yes"}}]}',
];
class Author {
}
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], Author.prototype, "name", void 0);
class Message {
}
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], Message.prototype, "text", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => Author),
    __metadata("design:type", Author)
], Message.prototype, "author", void 0);
const received = [];
let DtoNamespace = class DtoNamespace extends src_1.Namespace {
    message(message) {
        received.push(message);
        return 'ok';
    }
};
__decorate([
    (0, src_1.On)('message'),
    __param(0, (0, src_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Message]),
    __metadata("design:returntype", String)
], DtoNamespace.prototype, "message", null);
DtoNamespace = __decorate([
    (0, src_1.Namespace)('/dto'),
    (0, tsyringe_1.injectable)()
], DtoNamespace);
function assertObjectPrototypeClean() {
    const probe = {};
    (0, chai_1.expect)(probe.polluted, 'Object.prototype.polluted').to.equal(undefined);
    (0, chai_1.expect)(probe.isAdmin, 'Object.prototype.isAdmin').to.equal(undefined);
    (0, chai_1.expect)(Object.getOwnPropertyNames(Object.prototype)).to.not.include.members(['polluted', 'isAdmin']);
    (0, chai_1.expect)(Object.prototype.constructor).to.equal(Object);
}
/** Every object reachable from `value` keeps a standard prototype (Object, Array, a class, or Buffer). */
function assertPrototypesUnchanged(value, allowed, seen = new Set()) {
    if (value === null || typeof value !== 'object' || seen.has(value))
        return;
    seen.add(value);
    if (Buffer.isBuffer(value))
        return;
    (0, chai_1.expect)(allowed, 'prototype of a payload object').to.include(Object.getPrototypeOf(value));
    for (const key of Object.keys(value))
        assertPrototypesUnchanged(value[key], allowed, seen);
}
for (const transport of harness_1.RAW_TRANSPORTS) {
    describe(`Prototype pollution (${transport})`, () => {
        let harness;
        const payloads = [];
        before(async () => {
            harness = await harness_1.Harness.start(transport);
            harness.server.on('poison', (...args) => void payloads.push(args));
            harness.server.register(DtoNamespace);
        });
        after(async () => {
            await harness.stop();
        });
        beforeEach(() => {
            payloads.length = 0;
            received.length = 0;
        });
        afterEach(async () => {
            assertObjectPrototypeClean();
            await harness.assertBystanderHealthy();
            harness.assertNothingEscaped();
        });
        it('keeps event payloads plain data', async () => {
            const offender = await (0, offender_1.openOffender)(transport, harness.server.port);
            await offender.send(...POISON.map((json) => `42["poison",${json}]`));
            await (0, io_1.until)(() => payloads.length === POISON.length, 'every payload');
            for (const args of payloads)
                assertPrototypesUnchanged(args, [Object.prototype, Array.prototype]);
            const [[first]] = payloads;
            (0, chai_1.expect)(first.isAdmin).to.equal(undefined);
            (0, chai_1.expect)(Object.getOwnPropertyNames(first)).to.deep.equal(['__proto__']);
        });
        it('keeps binary payloads plain data when a placeholder sits under __proto__', async () => {
            const offender = await (0, offender_1.openOffender)(transport, harness.server.port);
            await offender.send('451-["poison",{"__proto__":{"_placeholder":true,"num":0}}]', Buffer.from([1, 2]));
            await (0, io_1.until)(() => payloads.length === 1, 'the payload');
            assertPrototypesUnchanged(payloads[0], [Object.prototype, Array.prototype]);
        });
        it('gives DTO instances their class prototype and nothing inherited from the payload', async () => {
            const offender = await (0, offender_1.openOffender)(transport, harness.server.port, false);
            await offender.send('40/dto,');
            await (0, io_1.until)(() => harness.server.of('/dto').sockets.size > 0, 'the /dto socket');
            await offender.send('42/dto,["message",{"__proto__":{"isAdmin":true},"text":"hi"}]', '42/dto,["message",{"constructor":{"prototype":{"polluted":"yes"}},"author":{"__proto__":{"polluted":"yes"},"name":"a"}}]');
            await (0, io_1.until)(() => received.length === 2, 'both DTOs');
            const [first, second] = received;
            (0, chai_1.expect)(Object.getPrototypeOf(first)).to.equal(Message.prototype);
            (0, chai_1.expect)(first.isAdmin).to.equal(undefined);
            (0, chai_1.expect)(first.text).to.equal('hi');
            (0, chai_1.expect)(Object.getPrototypeOf(second)).to.equal(Message.prototype);
            (0, chai_1.expect)(Object.getPrototypeOf(second.author)).to.equal(Author.prototype);
            (0, chai_1.expect)(second.constructor).to.equal(Message);
        });
    });
}
describe('Prototype pollution (handshake)', () => {
    let harness;
    before(async () => {
        harness = await harness_1.Harness.start('websocket');
    });
    after(async () => {
        await harness.stop();
    });
    it('parses a hostile query into a null-prototype object and keeps the auth payload plain', async () => {
        const connected = new Promise((resolve) => harness.server.of('/').on('connection', (socket) => {
            if (socket.handshake.query.hostile === '1')
                resolve(socket);
        }));
        const raw = await raw_hostile_client_1.RawWebSocket.open(harness.server.port, '&hostile=1&__proto__[polluted]=yes&__proto__=yes&constructor[prototype][polluted]=yes&toString=1');
        raw.send('40{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}');
        const socket = await connected;
        (0, chai_1.expect)(Object.getPrototypeOf(socket.handshake.query)).to.equal(null);
        (0, chai_1.expect)(socket.handshake.query.__proto__).to.equal('yes');
        (0, chai_1.expect)(socket.handshake.query).to.have.own.property('toString', '1');
        (0, chai_1.expect)(Object.getPrototypeOf(socket.handshake.auth)).to.equal(Object.prototype);
        (0, chai_1.expect)(socket.handshake.auth.polluted).to.equal(undefined);
        (0, chai_1.expect)(Object.getPrototypeOf(socket.data)).to.equal(Object.prototype);
        assertObjectPrototypeClean();
        raw.close();
        await harness.assertBystanderHealthy();
    });
});
//# sourceMappingURL=prototype-pollution.test.js.map