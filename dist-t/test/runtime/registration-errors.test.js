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
const errors_1 = require("../../src/errors");
const src_1 = require("../../src");
const explorer_1 = require("../../src/runtime/explorer");
/** Asserts that compiling `target` throws a ConfigurationError with `message`. */
function expectConfigurationError(explorer, target, message) {
    let caught;
    try {
        explorer.compile(target);
    }
    catch (error) {
        caught = error;
    }
    (0, chai_1.expect)(caught).to.be.instanceOf(errors_1.ConfigurationError);
    (0, chai_1.expect)(caught.code).to.equal('CLASSIO_ERR_CONFIG');
    (0, chai_1.expect)(caught.message).to.equal(message);
}
describe('NamespaceExplorer', () => {
    let container;
    let explorer;
    beforeEach(() => {
        container = tsyringe_1.container.createChildContainer();
        explorer = new explorer_1.NamespaceExplorer(container);
    });
    describe('#compile', () => {
        it('rejects two handlers for one event in one class', () => {
            let Dup = class Dup extends src_1.Namespace {
                first() { }
                second() { }
            };
            __decorate([
                (0, src_1.On)('chat'),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Dup.prototype, "first", null);
            __decorate([
                (0, src_1.On)('chat'),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Dup.prototype, "second", null);
            Dup = __decorate([
                (0, src_1.Namespace)('/dup')
            ], Dup);
            expectConfigurationError(explorer, Dup, 'Dup: methods first and second both handle event "chat"; an event has one handler per class');
        });
        it('rejects a class without a path', () => {
            class Lost extends src_1.Namespace {
            }
            expectConfigurationError(explorer, Lost, "Lost has no namespace path: decorate it with @Namespace('/path') or pass the path to its constructor");
        });
        it('rejects a bad path', () => {
            let NoSlash = class NoSlash extends src_1.Namespace {
            };
            NoSlash = __decorate([
                (0, src_1.Namespace)('chat')
            ], NoSlash);
            let Comma = class Comma extends src_1.Namespace {
            };
            Comma = __decorate([
                (0, src_1.Namespace)('/a,b')
            ], Comma);
            expectConfigurationError(explorer, NoSlash, 'NoSlash: invalid namespace path "chat"; expected "/" followed by no ",", "?", "#" or space');
            expectConfigurationError(explorer, Comma, 'Comma: invalid namespace path "/a,b"; expected "/" followed by no ",", "?", "#" or space');
        });
        it('rejects a guard that cannot be resolved, naming the class and method', () => {
            class NeedsService {
                constructor(service) {
                    this.service = service;
                }
                canActivate() {
                    return true;
                }
            }
            Reflect.defineMetadata('design:paramtypes', [Object], NeedsService);
            let Guarded = class Guarded extends src_1.Namespace {
                on_secret() { }
            };
            __decorate([
                (0, src_1.UseGuards)(NeedsService),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Guarded.prototype, "on_secret", null);
            Guarded = __decorate([
                (0, src_1.Namespace)('/guarded')
            ], Guarded);
            let caught;
            try {
                explorer.compile(Guarded);
            }
            catch (error) {
                caught = error;
            }
            (0, chai_1.expect)(caught).to.be.instanceOf(errors_1.ConfigurationError);
            (0, chai_1.expect)(caught.message).to.match(/^Guarded\.on_secret: guard NeedsService cannot be resolved from the container: /);
            (0, chai_1.expect)(caught.cause).to.be.instanceOf(Error);
        });
        it('rejects a guard without canActivate', () => {
            let Odd = class Odd extends src_1.Namespace {
            };
            Odd = __decorate([
                (0, src_1.Namespace)('/odd'),
                (0, src_1.UseGuards)({ check: () => true })
            ], Odd);
            expectConfigurationError(explorer, Odd, 'Odd: guard Object has no canActivate(context) method');
        });
        it('rejects a namespace class whose dependencies cannot be resolved', () => {
            let Needy = class Needy extends src_1.Namespace {
                constructor(service) {
                    super();
                    this.service = service;
                }
            };
            Needy = __decorate([
                (0, src_1.Namespace)('/needy'),
                __metadata("design:paramtypes", [Object])
            ], Needy);
            (0, chai_1.expect)(() => explorer.compile(Needy)).to.throw(errors_1.ConfigurationError, /^Needy cannot be resolved from the container: /);
        });
        it('rejects a reserved event name', () => {
            let Reserved = class Reserved extends src_1.Namespace {
                leaving() { }
            };
            __decorate([
                (0, src_1.On)('disconnecting'),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Reserved.prototype, "leaving", null);
            Reserved = __decorate([
                (0, src_1.Namespace)('/reserved')
            ], Reserved);
            expectConfigurationError(explorer, Reserved, 'Reserved.leaving: "disconnecting" is reserved by Socket.IO and cannot be handled as an event');
        });
        it('rejects @Ack() on a lifecycle hook', () => {
            let Hook = class Hook extends src_1.Namespace {
                on_connect(ack) {
                    ack();
                }
            };
            __decorate([
                __param(0, (0, src_1.Ack)()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Function]),
                __metadata("design:returntype", void 0)
            ], Hook.prototype, "on_connect", null);
            Hook = __decorate([
                (0, src_1.Namespace)('/hook')
            ], Hook);
            expectConfigurationError(explorer, Hook, 'Hook.on_connect: connect and disconnect hooks have no ack to inject with @Ack()');
        });
        it('rejects guards on on_disconnect', () => {
            class Allow {
                canActivate() {
                    return true;
                }
            }
            let Bye = class Bye extends src_1.Namespace {
                on_disconnect() { }
            };
            __decorate([
                (0, src_1.UseGuards)(Allow),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Bye.prototype, "on_disconnect", null);
            Bye = __decorate([
                (0, src_1.Namespace)('/bye')
            ], Bye);
            expectConfigurationError(explorer, Bye, 'Bye.on_disconnect: a disconnect cannot be refused, so it takes no guards');
        });
        it('rejects a connection-scoped instance', () => {
            let Per = class Per extends src_1.Namespace {
            };
            Per = __decorate([
                (0, src_1.Namespace)('/per', { scope: 'connection' })
            ], Per);
            expectConfigurationError(explorer, new Per(), "Per: a namespace with scope 'connection' is created per connection; register the class, not an instance");
        });
        it('rejects an @OnError() filter that is neither an event name nor a class', () => {
            let Filters = class Filters extends src_1.Namespace {
                failed() { }
            };
            __decorate([
                (0, src_1.OnError)('upload', 42),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Filters.prototype, "failed", null);
            Filters = __decorate([
                (0, src_1.Namespace)('/filters')
            ], Filters);
            expectConfigurationError(explorer, Filters, 'Filters.failed: @OnError() takes event names and error classes, got number');
        });
        it('rejects a parameter decorator on the constructor or on a static method', () => {
            let Built = class Built extends src_1.Namespace {
                constructor(clientId) {
                    super();
                    this.clientId = clientId;
                }
            };
            Built = __decorate([
                (0, src_1.Namespace)('/built'),
                __param(0, (0, src_1.Sid)()),
                __metadata("design:paramtypes", [String])
            ], Built);
            expectConfigurationError(explorer, Built, "Built: @Sid() decorates parameter 0 of the constructor; classio's parameter decorators apply to instance methods only");
            let Static = class Static extends src_1.Namespace {
                static helper(payload) {
                    return payload;
                }
            };
            __decorate([
                __param(0, (0, src_1.Payload)()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Object]),
                __metadata("design:returntype", void 0)
            ], Static, "helper", null);
            Static = __decorate([
                (0, src_1.Namespace)('/static')
            ], Static);
            expectConfigurationError(explorer, Static, "Static: @Payload() decorates parameter 0 of static method helper; classio's parameter decorators apply to instance methods only");
        });
        it('rejects @Namespace() without a path when the class is declared', () => {
            let caught;
            try {
                (0, src_1.Namespace)(undefined);
            }
            catch (error) {
                caught = error;
            }
            (0, chai_1.expect)(caught).to.be.instanceOf(errors_1.ConfigurationError);
            (0, chai_1.expect)(caught.code).to.equal('CLASSIO_ERR_CONFIG');
            (0, chai_1.expect)(caught.message).to.equal('@Namespace(path) needs the namespace path, e.g. "/chat"');
        });
        it('rejects an unknown scope', () => {
            let Scoped = class Scoped extends src_1.Namespace {
            };
            Scoped = __decorate([
                (0, src_1.Namespace)('/scope', { scope: 'request' })
            ], Scoped);
            expectConfigurationError(explorer, Scoped, "Scoped: invalid scope \"request\"; expected 'singleton' or 'connection'");
        });
        it('rejects an option name @Namespace() does not know', () => {
            let Misspelt = class Misspelt extends src_1.Namespace {
            };
            Misspelt = __decorate([
                (0, src_1.Namespace)('/scoped', { scoped: 'connection' })
            ], Misspelt);
            expectConfigurationError(explorer, Misspelt, 'Misspelt: @Namespace(): unknown option "scoped"; did you mean "scope"?');
        });
        it('rejects an option name @Payload() does not know', () => {
            class Dto {
            }
            let Misspelt = class Misspelt extends src_1.Namespace {
                on_send(dto) {
                    return dto;
                }
            };
            __decorate([
                __param(0, (0, src_1.Payload)({ transfomer: { excludeExtraneousValues: true } })),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Dto]),
                __metadata("design:returntype", void 0)
            ], Misspelt.prototype, "on_send", null);
            Misspelt = __decorate([
                (0, src_1.Namespace)('/payload')
            ], Misspelt);
            expectConfigurationError(explorer, Misspelt, 'Misspelt.on_send: @Payload() of parameter 0: unknown option "transfomer"; did you mean "transformer"?');
        });
    });
});
//# sourceMappingURL=registration-errors.test.js.map