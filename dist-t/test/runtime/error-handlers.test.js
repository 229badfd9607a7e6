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
const src_1 = require("../../src");
const io_1 = require("../support/io");
const support_1 = require("./support");
class QuotaError extends Error {
}
for (const mode of support_1.MODES) {
    describe(`Error handlers (${mode.name})`, () => {
        let server;
        const clients = new io_1.ClientPool();
        (0, support_1.useRuntimeServer)(clients, (started) => ({ server } = started));
        it('answers the ack with the error handler return value, in the event context', async () => {
            let Errors = class Errors extends src_1.Namespace {
                on_fail(value) {
                    throw new Error(`bad ${value}`);
                }
                async on_reject() {
                    await Promise.resolve();
                    throw new Error('rejected');
                }
                failed(error, context) {
                    return { message: error.message, event: context.event, args: context.args, sid: this.sid };
                }
            };
            __decorate([
                (0, src_1.OnError)(),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Error, Function]),
                __metadata("design:returntype", void 0)
            ], Errors.prototype, "failed", null);
            Errors = __decorate([
                (0, src_1.Namespace)('/errors')
            ], Errors);
            (0, support_1.register)(server, Errors);
            const client = await clients.connect(server, '/errors', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'fail', 'x')).to.deep.equal({
                message: 'bad x',
                event: 'fail',
                args: ['x'],
                sid: client.id,
            });
            (0, chai_1.expect)((await (0, support_1.request)(client, 'reject')).message).to.equal('rejected');
        });
        it('narrows handlers by event and by error class, most specific first', async () => {
            let Narrow = class Narrow extends src_1.Namespace {
                on_upload() {
                    throw new Error('disk full');
                }
                on_send() {
                    throw new QuotaError('quota');
                }
                on_other() {
                    throw new Error('other');
                }
                uploadFailed() {
                    return 'upload handler';
                }
                quota() {
                    return 'quota handler';
                }
            };
            __decorate([
                (0, src_1.OnError)('upload'),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Narrow.prototype, "uploadFailed", null);
            __decorate([
                (0, src_1.OnError)(QuotaError),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Narrow.prototype, "quota", null);
            Narrow = __decorate([
                (0, src_1.Namespace)('/narrow')
            ], Narrow);
            (0, support_1.register)(server, Narrow);
            const client = await clients.connect(server, '/narrow', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'upload')).to.equal('upload handler');
            (0, chai_1.expect)(await (0, support_1.request)(client, 'send')).to.equal('quota handler');
            // No handler covers a plain Error of "other": the client still gets the standard error body.
            (0, chai_1.expect)(await (0, support_1.request)(client, 'other')).to.deep.equal({
                error: { code: 'CLASSIO_ERR_HANDLER', message: 'server error' },
            });
        });
        it('falls back to the server default error handler when the namespace has none', async () => {
            server.setDefaultErrorHandler((error) => ({ fallback: error.message }));
            let Bare = class Bare extends src_1.Namespace {
                on_boom() {
                    throw new Error('boom');
                }
            };
            Bare = __decorate([
                (0, src_1.Namespace)('/bare')
            ], Bare);
            (0, support_1.register)(server, Bare);
            const client = await clients.connect(server, '/bare', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'boom')).to.deep.equal({ fallback: 'boom' });
        });
        it('inherits error handlers and lets a subclass replace one', async () => {
            class Base extends src_1.Namespace {
                failed() {
                    return 'base';
                }
                on_boom() {
                    throw new Error('boom');
                }
            }
            __decorate([
                (0, src_1.OnError)(),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Base.prototype, "failed", null);
            let Inherits = class Inherits extends Base {
            };
            Inherits = __decorate([
                (0, src_1.Namespace)('/inherits')
            ], Inherits);
            let Replaces = class Replaces extends Base {
                failed() {
                    return 'child';
                }
            };
            Replaces = __decorate([
                (0, src_1.Namespace)('/replaces')
            ], Replaces);
            (0, support_1.register)(server, Inherits);
            (0, support_1.register)(server, Replaces);
            const a = await clients.connect(server, '/inherits', mode);
            const b = await clients.connect(server, '/replaces', mode);
            (0, chai_1.expect)(await (0, support_1.request)(a, 'boom')).to.equal('base');
            (0, chai_1.expect)(await (0, support_1.request)(b, 'boom')).to.equal('child');
        });
        describe('of several classes sharing a namespace', () => {
            class AuditError extends Error {
            }
            /** Three classes on /shared, registered in this order: Chat, Audit, Admin; and a functional handler. */
            function registerShared() {
                let Chat = class Chat extends src_1.Namespace {
                    on_chat() {
                        throw new QuotaError('chat quota');
                    }
                    on_chat_plain() {
                        throw new Error('chat plain');
                    }
                    quota(error) {
                        return `Chat took ${error.message}`;
                    }
                };
                __decorate([
                    (0, src_1.OnError)(QuotaError),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", [Error]),
                    __metadata("design:returntype", void 0)
                ], Chat.prototype, "quota", null);
                Chat = __decorate([
                    (0, src_1.Namespace)('/shared')
                ], Chat);
                let Audit = class Audit extends src_1.Namespace {
                    on_audit() {
                        throw new AuditError('audit failure');
                    }
                    async on_audit_late() {
                        await Promise.resolve();
                        throw new QuotaError('pass it on');
                    }
                    audit(error) {
                        return `Audit took ${error.message}`;
                    }
                    async anything(error) {
                        await Promise.resolve();
                        // Rethrowing the very error it was given means "not mine", asynchronously too.
                        if (error.message === 'pass it on')
                            throw error;
                        return `Audit caught ${error.message}`;
                    }
                };
                __decorate([
                    (0, src_1.OnError)(AuditError),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", [Error]),
                    __metadata("design:returntype", void 0)
                ], Audit.prototype, "audit", null);
                __decorate([
                    (0, src_1.OnError)(),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", [Error]),
                    __metadata("design:returntype", Promise)
                ], Audit.prototype, "anything", null);
                Audit = __decorate([
                    (0, src_1.Namespace)('/shared')
                ], Audit);
                let Admin = class Admin extends src_1.Namespace {
                    on_admin() {
                        throw new QuotaError('admin quota');
                    }
                    adminOnly(error) {
                        if (error instanceof QuotaError)
                            throw error;
                        return `Admin took ${error.message}`;
                    }
                    all(error) {
                        return `Admin caught ${error.message}`;
                    }
                };
                __decorate([
                    (0, src_1.OnError)('admin'),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", [Error]),
                    __metadata("design:returntype", void 0)
                ], Admin.prototype, "adminOnly", null);
                __decorate([
                    (0, src_1.OnError)(),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", [Error]),
                    __metadata("design:returntype", void 0)
                ], Admin.prototype, "all", null);
                Admin = __decorate([
                    (0, src_1.Namespace)('/shared')
                ], Admin);
                (0, support_1.register)(server, Chat);
                (0, support_1.register)(server, Audit);
                (0, support_1.register)(server, Admin);
                server.on('functional', () => {
                    throw new AuditError('functional failure');
                }, { namespace: '/shared' });
            }
            it("tries the failing route's class first, then the others in registration order", async () => {
                registerShared();
                const client = await clients.connect(server, '/shared', mode);
                // Chat's own filter matches.
                (0, chai_1.expect)(await (0, support_1.request)(client, 'chat')).to.equal('Chat took chat quota');
                // Chat declines a plain Error; Audit, registered next, has a catch-all.
                (0, chai_1.expect)(await (0, support_1.request)(client, 'chat_plain')).to.equal('Audit caught chat plain');
                // Admin's event-specific handler declines (rethrows); Admin's catch-all comes before the other classes'.
                (0, chai_1.expect)(await (0, support_1.request)(client, 'admin')).to.equal('Admin caught admin quota');
                // Audit's catch-all declines asynchronously (rejects with the error): Chat, registered first, takes it.
                (0, chai_1.expect)(await (0, support_1.request)(client, 'audit_late')).to.equal('Chat took pass it on');
                (0, chai_1.expect)(await (0, support_1.request)(client, 'audit')).to.equal('Audit took audit failure');
            });
            it('hands an error of a route without a class to the classes in registration order', async () => {
                registerShared();
                const client = await clients.connect(server, '/shared', mode);
                (0, chai_1.expect)(await (0, support_1.request)(client, 'functional')).to.equal('Audit took functional failure');
            });
            it('passes an error every class declines on to the server default handler', async () => {
                let First = class First extends src_1.Namespace {
                    on_fail() {
                        throw new Error('nobody');
                    }
                    quota() {
                        return 'First';
                    }
                };
                __decorate([
                    (0, src_1.OnError)(QuotaError),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", []),
                    __metadata("design:returntype", void 0)
                ], First.prototype, "quota", null);
                First = __decorate([
                    (0, src_1.Namespace)('/declines')
                ], First);
                let Second = class Second extends src_1.Namespace {
                    audit() {
                        return 'Second';
                    }
                };
                __decorate([
                    (0, src_1.OnError)(AuditError),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", []),
                    __metadata("design:returntype", void 0)
                ], Second.prototype, "audit", null);
                Second = __decorate([
                    (0, src_1.Namespace)('/declines')
                ], Second);
                (0, support_1.register)(server, First);
                (0, support_1.register)(server, Second);
                server.setDefaultErrorHandler((error) => `default took ${error.message}`);
                const client = await clients.connect(server, '/declines', mode);
                (0, chai_1.expect)(await (0, support_1.request)(client, 'fail')).to.equal('default took nobody');
            });
        });
    });
}
//# sourceMappingURL=error-handlers.test.js.map