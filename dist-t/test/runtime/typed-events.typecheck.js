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
exports.Untyped = exports.Typed = void 0;
/**
 * Type test for typed events: compiled by `test/typecheck.test.ts` with the TypeScript compiler. Every
 * `@ts-expect-error` line must be an error, and nothing else may be.
 */
const src_1 = require("../../src");
const OnClient = (0, src_1.typedOn)();
let Typed = class Typed extends src_1.Namespace {
    chat(text) {
        this.emit('chat', this.sid, text);
        this.emit('moved', 1, 2, (0, src_1.emitOptions)({ broadcast: true }));
        // @ts-expect-error: the server does not emit "nope"
        this.emit('nope', 1);
        // @ts-expect-error: "chat" carries a string text, not a number
        this.emit('chat', this.sid, 42);
        // @ts-expect-error: "moved" needs both coordinates
        this.emit('moved', 1);
        return text.length;
    }
    move(x, y) {
        return x + y;
    }
    // @ts-expect-error: a "chat" handler must accept a string
    wrong(text) {
        return text;
    }
    // @ts-expect-error: clients do not send "fly"
    fly() { }
};
exports.Typed = Typed;
__decorate([
    OnClient('chat'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Number)
], Typed.prototype, "chat", null);
__decorate([
    OnClient('move'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Number, Number]),
    __metadata("design:returntype", Number)
], Typed.prototype, "move", null);
__decorate([
    OnClient('chat'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Number]),
    __metadata("design:returntype", Number)
], Typed.prototype, "wrong", null);
__decorate([
    OnClient('fly'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], Typed.prototype, "fly", null);
exports.Typed = Typed = __decorate([
    (0, src_1.Namespace)('/typed')
], Typed);
let Untyped = class Untyped extends src_1.Namespace {
    on_anything(value) {
        this.emit('whatever', value, { free: 'form' }, (0, src_1.emitOptions)({ to: 'room' }));
    }
};
exports.Untyped = Untyped;
exports.Untyped = Untyped = __decorate([
    (0, src_1.Namespace)('/untyped')
], Untyped);
//# sourceMappingURL=typed-events.typecheck.js.map