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
require("reflect-metadata");
const chai_1 = require("chai");
const decorators_1 = require("../../decorators");
const metadata_1 = require("../../decorators/metadata");
class Guard {
    canActivate() {
        return true;
    }
}
class OtherGuard extends Guard {
}
class Dto {
}
class KnownError extends Error {
}
describe('Decorators', () => {
    describe('@Namespace', () => {
        it('records the path and options on the class', () => {
            let Chat = class Chat {
            };
            Chat = __decorate([
                (0, decorators_1.Namespace)('/chat', { scope: 'connection' })
            ], Chat);
            (0, chai_1.expect)((0, metadata_1.readNamespace)(Chat)).to.deep.equal({ path: '/chat', options: { scope: 'connection' } });
        });
        it('is inherited by a subclass until it declares its own', () => {
            let Base = class Base {
            };
            Base = __decorate([
                (0, decorators_1.Namespace)('/base')
            ], Base);
            class Child extends Base {
            }
            let Own = class Own extends Base {
            };
            Own = __decorate([
                (0, decorators_1.Namespace)('/own')
            ], Own);
            (0, chai_1.expect)((0, metadata_1.readNamespace)(Child)?.path).to.equal('/base');
            (0, chai_1.expect)((0, metadata_1.readNamespace)(Own)?.path).to.equal('/own');
        });
    });
    describe('@On', () => {
        it('records events per method, keeping each class its own record', () => {
            class Base {
                handle() { }
            }
            __decorate([
                (0, decorators_1.On)('my event'),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Base.prototype, "handle", null);
            class Child extends Base {
                both() { }
            }
            __decorate([
                (0, decorators_1.On)('a'),
                (0, decorators_1.On)('b'),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Child.prototype, "both", null);
            (0, chai_1.expect)([...(0, metadata_1.readOwnMetadata)(Base).events]).to.deep.equal([['handle', ['my event']]]);
            (0, chai_1.expect)([...(0, metadata_1.readOwnMetadata)(Child).events]).to.deep.equal([['both', ['a', 'b']]]);
        });
        it('stores the record under a symbol, invisible to enumeration', () => {
            class Hidden {
                x() { }
            }
            __decorate([
                (0, decorators_1.On)('x'),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Hidden.prototype, "x", null);
            (0, chai_1.expect)(Object.keys(Hidden)).to.deep.equal([]);
            (0, chai_1.expect)(Object.getOwnPropertySymbols(Hidden)).to.deep.equal([metadata_1.kClassMetadata]);
        });
    });
    describe('@OnError', () => {
        it('records event names and error classes as filters', () => {
            class Handlers {
                failed() { }
                all() { }
            }
            __decorate([
                (0, decorators_1.OnError)('upload', KnownError),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Handlers.prototype, "failed", null);
            __decorate([
                (0, decorators_1.OnError)(),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Handlers.prototype, "all", null);
            (0, chai_1.expect)([...(0, metadata_1.readOwnMetadata)(Handlers).errorHandlers]).to.deep.equal([
                ['failed', ['upload', KnownError]],
                ['all', []],
            ]);
        });
        it('records a filter that is neither an event name nor a class as given, for registration to refuse', () => {
            class Bad {
                failed() { }
            }
            __decorate([
                (0, decorators_1.OnError)(42),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Bad.prototype, "failed", null);
            (0, chai_1.expect)((0, metadata_1.readOwnMetadata)(Bad).errorHandlers.get('failed')).to.deep.equal([42]);
        });
    });
    describe('@UseGuards', () => {
        it('records class guards and method guards apart', () => {
            let Guarded = class Guarded {
                secret() { }
            };
            __decorate([
                (0, decorators_1.UseGuards)(Guard, OtherGuard),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Guarded.prototype, "secret", null);
            Guarded = __decorate([
                (0, decorators_1.UseGuards)(Guard)
            ], Guarded);
            const record = (0, metadata_1.readOwnMetadata)(Guarded);
            (0, chai_1.expect)(record.classGuards).to.deep.equal([Guard]);
            (0, chai_1.expect)([...record.methodGuards]).to.deep.equal([['secret', [Guard, OtherGuard]]]);
        });
        it('keeps several @UseGuards in source order', () => {
            let Twice = class Twice {
                secret() { }
            };
            __decorate([
                (0, decorators_1.UseGuards)(OtherGuard),
                (0, decorators_1.UseGuards)(Guard),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Twice.prototype, "secret", null);
            Twice = __decorate([
                (0, decorators_1.UseGuards)(Guard),
                (0, decorators_1.UseGuards)(OtherGuard)
            ], Twice);
            const record = (0, metadata_1.readOwnMetadata)(Twice);
            (0, chai_1.expect)(record.classGuards).to.deep.equal([Guard, OtherGuard]);
            (0, chai_1.expect)(record.methodGuards.get('secret')).to.deep.equal([OtherGuard, Guard]);
        });
    });
    describe('parameter decorators', () => {
        it('record each parameter in index order with its kind and payload options', () => {
            class Handler {
                handle(dto, socket, sid, ack, context, session, raw) {
                    return [dto, socket, sid, ack, context, session, raw];
                }
            }
            __decorate([
                __param(0, (0, decorators_1.Payload)()),
                __param(1, (0, decorators_1.ConnectedSocket)()),
                __param(2, (0, decorators_1.Sid)()),
                __param(3, (0, decorators_1.Ack)()),
                __param(4, (0, decorators_1.Context)()),
                __param(5, (0, decorators_1.Session)()),
                __param(6, (0, decorators_1.Payload)({ index: 1, validate: false })),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Dto, Object, String, Object, Object, Object, Object]),
                __metadata("design:returntype", void 0)
            ], Handler.prototype, "handle", null);
            (0, chai_1.expect)((0, metadata_1.readOwnMetadata)(Handler).params.get('handle')).to.deep.equal([
                { index: 0, kind: 'payload', payload: {} },
                { index: 1, kind: 'socket' },
                { index: 2, kind: 'sid' },
                { index: 3, kind: 'ack' },
                { index: 4, kind: 'context' },
                { index: 5, kind: 'session' },
                { index: 6, kind: 'payload', payload: { index: 1, validate: false } },
            ]);
        });
        it('accept the DTO class as the only argument of @Payload', () => {
            class Handler {
                handle(dto) {
                    return dto;
                }
            }
            __decorate([
                __param(0, (0, decorators_1.Payload)(Dto)),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Object]),
                __metadata("design:returntype", void 0)
            ], Handler.prototype, "handle", null);
            (0, chai_1.expect)((0, metadata_1.readOwnMetadata)(Handler).params.get('handle')).to.deep.equal([
                { index: 0, kind: 'payload', payload: { type: Dto } },
            ]);
        });
        it('leave the declared parameter types readable for the runtime', () => {
            class Handler {
                handle(dto, sid) {
                    return [dto, sid];
                }
            }
            __decorate([
                __param(0, (0, decorators_1.Payload)()),
                __param(1, (0, decorators_1.Sid)()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Dto, String]),
                __metadata("design:returntype", void 0)
            ], Handler.prototype, "handle", null);
            (0, chai_1.expect)((0, metadata_1.readParamTypes)(Handler.prototype, 'handle')).to.deep.equal([Dto, String]);
        });
        it('record a parameter of the constructor or of a static method as misplaced, for registration to refuse', () => {
            let Misplaced = class Misplaced {
                constructor(sid) {
                    this.sid = sid;
                }
                static make(_first, dto) {
                    return dto;
                }
            };
            __decorate([
                __param(1, (0, decorators_1.Payload)()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Object, Dto]),
                __metadata("design:returntype", void 0)
            ], Misplaced, "make", null);
            Misplaced = __decorate([
                __param(0, (0, decorators_1.Sid)()),
                __metadata("design:paramtypes", [String])
            ], Misplaced);
            // TypeScript applies static member decorators before constructor parameter decorators.
            (0, chai_1.expect)((0, metadata_1.readOwnMetadata)(Misplaced).misplacedParams).to.deep.equal([
                { method: 'make', param: { index: 1, kind: 'payload', payload: {} } },
                { method: undefined, param: { index: 0, kind: 'sid' } },
            ]);
            (0, chai_1.expect)((0, metadata_1.readOwnMetadata)(Misplaced).params.size).to.equal(0);
        });
    });
});
//# sourceMappingURL=metadata.test.js.map