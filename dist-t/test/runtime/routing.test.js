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
const errors_1 = require("../../src/errors");
const src_1 = require("../../src");
const io_1 = require("../support/io");
const support_1 = require("./support");
for (const mode of support_1.MODES) {
    describe(`Runtime routing (${mode.name})`, () => {
        let server;
        const clients = new io_1.ClientPool();
        (0, support_1.useRuntimeServer)(clients, (started) => ({ server } = started));
        describe('on_<event> methods', () => {
            it('routes my_event to on_my_event and answers the ack with the return value', async () => {
                let Test = class Test extends src_1.Namespace {
                    on_my_event(text, count) {
                        return `${text}:${count}`;
                    }
                };
                Test = __decorate([
                    (0, src_1.Namespace)('/test')
                ], Test);
                (0, support_1.register)(server, Test);
                const client = await clients.connect(server, '/test', mode);
                (0, chai_1.expect)(await (0, support_1.request)(client, 'my_event', 'hi', 3)).to.equal('hi:3');
            });
            it('runs on_connect with the auth payload and on_disconnect with the reason', async () => {
                const seen = [];
                let Life = class Life extends src_1.Namespace {
                    on_connect(auth) {
                        seen.push(['connect', auth]);
                        this.emit('welcome', this.sid);
                    }
                    on_disconnect(reason) {
                        seen.push(['disconnect', reason]);
                    }
                };
                Life = __decorate([
                    (0, src_1.Namespace)('/life')
                ], Life);
                (0, support_1.register)(server, Life);
                const client = clients.open(server, '/life', mode, { auth: { name: 'ada' } });
                const [sid] = await (0, io_1.nextEvent)(client, 'welcome');
                (0, chai_1.expect)(sid).to.equal(client.id);
                client.disconnect();
                await (0, io_1.until)(() => seen.length === 2, 'on_disconnect');
                (0, chai_1.expect)(seen).to.deep.equal([
                    ['connect', { name: 'ada' }],
                    ['disconnect', 'client namespace disconnect'],
                ]);
            });
        });
        describe('@On', () => {
            it('routes an event whose name has spaces', async () => {
                let Spaces = class Spaces extends src_1.Namespace {
                    handle(value) {
                        return value * 2;
                    }
                };
                __decorate([
                    (0, src_1.On)('my event'),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", [Number]),
                    __metadata("design:returntype", void 0)
                ], Spaces.prototype, "handle", null);
                Spaces = __decorate([
                    (0, src_1.Namespace)('/spaces')
                ], Spaces);
                (0, support_1.register)(server, Spaces);
                const client = await clients.connect(server, '/spaces', mode);
                (0, chai_1.expect)(await (0, support_1.request)(client, 'my event', 21)).to.equal(42);
            });
            it('lets one method handle several events', async () => {
                let Multi = class Multi extends src_1.Namespace {
                    both() {
                        return this.event;
                    }
                };
                __decorate([
                    (0, src_1.On)('a'),
                    (0, src_1.On)('b'),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", []),
                    __metadata("design:returntype", void 0)
                ], Multi.prototype, "both", null);
                Multi = __decorate([
                    (0, src_1.Namespace)('/multi')
                ], Multi);
                (0, support_1.register)(server, Multi);
                const client = await clients.connect(server, '/multi', mode);
                (0, chai_1.expect)([await (0, support_1.request)(client, 'a'), await (0, support_1.request)(client, 'b')]).to.deep.equal(['a', 'b']);
            });
            it('gives the decorator precedence over an on_<event> method for the same event', async () => {
                let Precedence = class Precedence extends src_1.Namespace {
                    on_greet() {
                        return 'method name';
                    }
                    decorated() {
                        return 'decorator';
                    }
                };
                __decorate([
                    (0, src_1.On)('greet'),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", []),
                    __metadata("design:returntype", void 0)
                ], Precedence.prototype, "decorated", null);
                Precedence = __decorate([
                    (0, src_1.Namespace)('/precedence')
                ], Precedence);
                (0, support_1.register)(server, Precedence);
                const client = await clients.connect(server, '/precedence', mode);
                (0, chai_1.expect)(await (0, support_1.request)(client, 'greet')).to.equal('decorator');
            });
            it('hands an @Ack() parameter the ack callback and does not send the return value', async () => {
                let Later = class Later extends src_1.Namespace {
                    on_slow(value, ack) {
                        setTimeout(() => ack(`done ${value}`), 5);
                        return 'ignored';
                    }
                };
                __decorate([
                    __param(1, (0, src_1.Ack)()),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", [String, Function]),
                    __metadata("design:returntype", void 0)
                ], Later.prototype, "on_slow", null);
                Later = __decorate([
                    (0, src_1.Namespace)('/later')
                ], Later);
                (0, support_1.register)(server, Later);
                const client = await clients.connect(server, '/later', mode);
                (0, chai_1.expect)(await (0, support_1.request)(client, 'slow', 'x')).to.equal('done x');
            });
            it('ignores an event without a handler', async () => {
                let Quiet = class Quiet extends src_1.Namespace {
                    on_ping() {
                        return 'pong';
                    }
                };
                Quiet = __decorate([
                    (0, src_1.Namespace)('/quiet')
                ], Quiet);
                (0, support_1.register)(server, Quiet);
                const client = await clients.connect(server, '/quiet', mode);
                client.emit('nobody listens', 1);
                (0, chai_1.expect)(await (0, support_1.request)(client, 'ping')).to.equal('pong');
            });
        });
        describe('inheritance', () => {
            class Base extends src_1.Namespace {
                on_hello() {
                    return 'base hello';
                }
                who() {
                    return 'base';
                }
                on_shared() {
                    return 'base shared';
                }
            }
            __decorate([
                (0, src_1.On)('who am i'),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", []),
                __metadata("design:returntype", void 0)
            ], Base.prototype, "who", null);
            it('inherits handlers and overrides by redeclaring the method or the event', async () => {
                let Child = class Child extends Base {
                    who() {
                        return 'child';
                    }
                    replacement() {
                        return 'child shared';
                    }
                    on_own() {
                        return 'own';
                    }
                };
                __decorate([
                    (0, src_1.On)('shared'),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", []),
                    __metadata("design:returntype", void 0)
                ], Child.prototype, "replacement", null);
                Child = __decorate([
                    (0, src_1.Namespace)('/child')
                ], Child);
                (0, support_1.register)(server, Child);
                const client = await clients.connect(server, '/child', mode);
                (0, chai_1.expect)(await (0, support_1.request)(client, 'hello')).to.equal('base hello');
                (0, chai_1.expect)(await (0, support_1.request)(client, 'who am i')).to.equal('child');
                (0, chai_1.expect)(await (0, support_1.request)(client, 'shared')).to.equal('child shared');
                (0, chai_1.expect)(await (0, support_1.request)(client, 'own')).to.equal('own');
            });
            it('lets two namespaces share one abstract base', async () => {
                let One = class One extends Base {
                };
                One = __decorate([
                    (0, src_1.Namespace)('/one')
                ], One);
                let Two = class Two extends Base {
                    on_hello() {
                        return 'two hello';
                    }
                };
                Two = __decorate([
                    (0, src_1.Namespace)('/two')
                ], Two);
                (0, support_1.register)(server, One);
                (0, support_1.register)(server, Two);
                const one = await clients.connect(server, '/one', mode);
                const two = await clients.connect(server, '/two', mode);
                (0, chai_1.expect)(await (0, support_1.request)(one, 'hello')).to.equal('base hello');
                (0, chai_1.expect)(await (0, support_1.request)(two, 'hello')).to.equal('two hello');
            });
        });
        describe('instances and the functional form', () => {
            it('registers an instance with its constructor path, as Flask on_namespace', async () => {
                class Plain extends src_1.Namespace {
                    on_where() {
                        return this.namespace;
                    }
                }
                (0, support_1.register)(server, new Plain('/plain'));
                const client = await clients.connect(server, '/plain', mode);
                (0, chai_1.expect)(await (0, support_1.request)(client, 'where')).to.equal('/plain');
            });
            it('routes a decorated class that does not extend Namespace, with the context functions', async () => {
                var Bare_1;
                let Bare = Bare_1 = class Bare {
                    who() {
                        return [(0, src_1.currentSid)(), this instanceof Bare_1];
                    }
                };
                __decorate([
                    (0, src_1.On)('who'),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", []),
                    __metadata("design:returntype", void 0)
                ], Bare.prototype, "who", null);
                Bare = Bare_1 = __decorate([
                    (0, src_1.Namespace)('/bare')
                ], Bare);
                (0, support_1.register)(server, Bare);
                const client = await clients.connect(server, '/bare', mode);
                (0, chai_1.expect)(await (0, support_1.request)(client, 'who')).to.deep.equal([client.id, true]);
            });
            it('routes a functional handler inside the event context', async () => {
                server.on('shout', (text) => {
                    (0, src_1.emit)('echo', text.toUpperCase());
                    return (0, src_1.currentSid)();
                }, { namespace: '/fn' });
                const client = await clients.connect(server, '/fn', mode);
                const echoed = (0, io_1.nextEvent)(client, 'echo');
                (0, chai_1.expect)(await (0, support_1.request)(client, 'shout', 'hey')).to.equal(client.id);
                (0, chai_1.expect)(await echoed).to.deep.equal(['HEY']);
            });
        });
        describe('server.on() with server-level event names', () => {
            it('calls a new_namespace listener for each namespace created, never for a client emitting it', async () => {
                const created = [];
                server.on('new_namespace', (nsp) => created.push(nsp.name));
                const client = await clients.connect(server, '/', mode);
                (0, chai_1.expect)(await (0, support_1.request)(client, 'new_namespace', { name: '/fake' })).to.deep.equal({
                    error: { code: 'CLASSIO_ERR_UNKNOWN_EVENT', message: 'no handler for event "new_namespace" in namespace /' },
                });
                (0, chai_1.expect)(created).to.deep.equal([]);
                server.of('/late');
                server.of('/late');
                let Registered = class Registered extends src_1.Namespace {
                };
                Registered = __decorate([
                    (0, src_1.Namespace)('/registered')
                ], Registered);
                (0, support_1.register)(server, Registered);
                (0, chai_1.expect)(created).to.deep.equal(['/late', '/registered']);
                (0, chai_1.expect)(server.of('/').routes.has('new_namespace')).to.equal(false);
            });
            it('calls a connection listener with each connected socket, never for a client emitting "connection"', async () => {
                const sockets = [];
                server.on('connection', (socket) => sockets.push(socket.id));
                const client = await clients.connect(server, '/', mode);
                const answer = await (0, support_1.request)(client, 'connection');
                (0, chai_1.expect)(answer.error.code).to.equal('CLASSIO_ERR_UNKNOWN_EVENT');
                (0, chai_1.expect)(sockets).to.deep.equal([client.id]);
            });
            for (const event of ['connect_error', 'disconnecting', 'newListener', 'removeListener']) {
                it(`refuses "${event}", which no client can send, with a ConfigurationError`, () => {
                    (0, chai_1.expect)(() => server.on(event, () => undefined))
                        .to.throw(errors_1.ConfigurationError, `server.on("${event}"): "${event}" is reserved by Socket.IO`)
                        .with.property('code', 'CLASSIO_ERR_CONFIG');
                });
            }
            it('refuses a namespace for new_namespace, which is server-wide', () => {
                // The overload for 'new_namespace' takes no options, so only an untyped caller can get here.
                const event = 'new_namespace';
                (0, chai_1.expect)(() => server.on(event, () => undefined, { namespace: '/x' }))
                    .to.throw(errors_1.ConfigurationError, 'server.on("new_namespace") listens to the whole server')
                    .with.property('code', 'CLASSIO_ERR_CONFIG');
            });
        });
    });
}
//# sourceMappingURL=routing.test.js.map