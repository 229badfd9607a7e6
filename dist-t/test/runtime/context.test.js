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
    describe(`Handler context (${mode.name})`, () => {
        let server;
        const clients = new io_1.ClientPool();
        (0, support_1.useRuntimeServer)(clients, (started) => ({ server } = started));
        describe('context-aware functions', () => {
            it('keep the current client across an await, with concurrent clients', async () => {
                let Ctx = class Ctx extends src_1.Namespace {
                    async on_slow(ms) {
                        const before = (0, src_1.currentSid)();
                        await (0, io_1.delay)(ms);
                        (0, src_1.emit)('done', (0, src_1.currentEvent)());
                        return [before, (0, src_1.currentSid)(), this.sid];
                    }
                };
                Ctx = __decorate([
                    (0, src_1.Namespace)('/ctx')
                ], Ctx);
                (0, support_1.register)(server, Ctx);
                const a = await clients.connect(server, '/ctx', mode);
                const b = await clients.connect(server, '/ctx', mode);
                const done = (0, io_1.nextEvent)(a, 'done');
                const [answerA, answerB] = await Promise.all([(0, support_1.request)(a, 'slow', 30), (0, support_1.request)(b, 'slow', 1)]);
                (0, chai_1.expect)(answerA).to.deep.equal([a.id, a.id, a.id]);
                (0, chai_1.expect)(answerB).to.deep.equal([b.id, b.id, b.id]);
                (0, chai_1.expect)(await done).to.deep.equal(['slow']);
            });
            it('keep the current client in timers and promise callbacks started by a synchronous handler', async () => {
                // A plain (non-async) handler's synchronous part reads a fast active context; what it schedules must still
                // see its own client through the storage, even when another client's handler runs in between.
                let Later = class Later extends src_1.Namespace {
                    on_later(ms) {
                        setTimeout(() => (0, src_1.emit)('timer', (0, src_1.currentSid)(), this.sid), ms);
                        void (0, io_1.delay)(ms).then(() => this.emit('then', (0, src_1.currentSid)()));
                    }
                };
                Later = __decorate([
                    (0, src_1.Namespace)('/later')
                ], Later);
                (0, support_1.register)(server, Later);
                const a = await clients.connect(server, '/later', mode);
                const b = await clients.connect(server, '/later', mode);
                const timerA = (0, io_1.nextEvent)(a, 'timer');
                const thenA = (0, io_1.nextEvent)(a, 'then');
                const timerB = (0, io_1.nextEvent)(b, 'timer');
                a.emit('later', 40);
                b.emit('later', 1);
                (0, chai_1.expect)(await timerB).to.deep.equal([b.id, b.id]);
                (0, chai_1.expect)(await timerA).to.deep.equal([a.id, a.id]);
                (0, chai_1.expect)(await thenA).to.deep.equal([a.id]);
            });
            it('keep a per-connection session across events', async () => {
                let SessionNs = class SessionNs extends src_1.Namespace {
                    on_login(name) {
                        (0, src_1.currentSession)().name = name;
                    }
                    on_whoami(session) {
                        return [session.name, this.session.name];
                    }
                };
                __decorate([
                    __param(0, (0, src_1.Session)()),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", [Object]),
                    __metadata("design:returntype", void 0)
                ], SessionNs.prototype, "on_whoami", null);
                SessionNs = __decorate([
                    (0, src_1.Namespace)('/session')
                ], SessionNs);
                (0, support_1.register)(server, SessionNs);
                const a = await clients.connect(server, '/session', mode);
                const b = await clients.connect(server, '/session', mode);
                await (0, support_1.request)(a, 'login', 'ada');
                await (0, support_1.request)(b, 'login', 'bob');
                (0, chai_1.expect)(await (0, support_1.request)(a, 'whoami')).to.deep.equal(['ada', 'ada']);
                (0, chai_1.expect)(await (0, support_1.request)(b, 'whoami')).to.deep.equal(['bob', 'bob']);
            });
            it('join and leave rooms and emit to a room without the sender', async () => {
                let Rooms = class Rooms extends src_1.Namespace {
                    async on_join(room) {
                        await Promise.resolve();
                        (0, src_1.joinRoom)(room);
                        return (0, src_1.rooms)().sort();
                    }
                    on_leave(room) {
                        (0, src_1.leaveRoom)(room);
                        return (0, src_1.rooms)();
                    }
                    on_say(room, text) {
                        this.emit('said', text, (0, src_1.emitOptions)({ to: room, includeSelf: false }));
                    }
                    on_everyone(text) {
                        (0, src_1.emit)('said', text, (0, src_1.emitOptions)({ broadcast: true }));
                    }
                };
                Rooms = __decorate([
                    (0, src_1.Namespace)('/rooms')
                ], Rooms);
                (0, support_1.register)(server, Rooms);
                const a = await clients.connect(server, '/rooms', mode);
                const b = await clients.connect(server, '/rooms', mode);
                (0, chai_1.expect)(await (0, support_1.request)(a, 'join', 'lobby')).to.deep.equal([a.id, 'lobby'].sort());
                await (0, support_1.request)(b, 'join', 'lobby');
                const receivedA = (0, io_1.collect)(a, 'said');
                const receivedB = (0, io_1.collect)(b, 'said');
                await (0, support_1.request)(a, 'say', 'lobby', 'hi');
                await (0, io_1.until)(() => receivedB.length === 1, 'the room message');
                await (0, support_1.request)(b, 'leave', 'lobby');
                await (0, support_1.request)(a, 'everyone', 'all');
                await (0, io_1.until)(() => receivedA.length === 1 && receivedB.length === 2, 'the broadcast');
                (0, chai_1.expect)(receivedA).to.deep.equal([['all']]);
                (0, chai_1.expect)(receivedB).to.deep.equal([['hi'], ['all']]);
            });
            it('emit to another namespace with the namespace option', async () => {
                let News = class News extends src_1.Namespace {
                };
                News = __decorate([
                    (0, src_1.Namespace)('/news')
                ], News);
                let Desk = class Desk extends src_1.Namespace {
                    on_publish(text) {
                        (0, src_1.emit)('headline', text, (0, src_1.emitOptions)({ namespace: '/news', broadcast: true }));
                    }
                };
                Desk = __decorate([
                    (0, src_1.Namespace)('/desk')
                ], Desk);
                (0, support_1.register)(server, News);
                (0, support_1.register)(server, Desk);
                const reader = await clients.connect(server, '/news', mode);
                const writer = await clients.connect(server, '/desk', mode);
                const headline = (0, io_1.nextEvent)(reader, 'headline');
                writer.emit('publish', 'extra');
                (0, chai_1.expect)(await headline).to.deep.equal(['extra']);
            });
            it('broadcast from the Namespace instance outside any handler', async () => {
                let Ticker = class Ticker extends src_1.Namespace {
                };
                Ticker = __decorate([
                    (0, src_1.Namespace)('/ticker')
                ], Ticker);
                const ticker = new Ticker('/ticker');
                (0, support_1.register)(server, ticker);
                const a = await clients.connect(server, '/ticker', mode);
                const b = await clients.connect(server, '/ticker', mode);
                const ticks = [(0, io_1.nextEvent)(a, 'tick'), (0, io_1.nextEvent)(b, 'tick')];
                ticker.emit('tick', 1);
                (0, chai_1.expect)(await Promise.all(ticks)).to.deep.equal([[1], [1]]);
            });
            it('inject the socket and the context as parameters', async () => {
                let Params = class Params extends src_1.Namespace {
                    on_info(value, socket, context) {
                        return [value, socket.id, context.event, context.args];
                    }
                };
                __decorate([
                    __param(1, (0, src_1.ConnectedSocket)()),
                    __param(2, (0, src_1.Context)()),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", [Number, Function, Function]),
                    __metadata("design:returntype", void 0)
                ], Params.prototype, "on_info", null);
                Params = __decorate([
                    (0, src_1.Namespace)('/params')
                ], Params);
                (0, support_1.register)(server, Params);
                const client = await clients.connect(server, '/params', mode);
                (0, chai_1.expect)(await (0, support_1.request)(client, 'info', 5)).to.deep.equal([5, client.id, 'info', [5]]);
            });
        });
        describe('Socket.IO-style listeners registered in a handler', () => {
            it("run with their socket's context in a singleton, for that client only", async () => {
                const leaving = [];
                let Raw = class Raw extends src_1.Namespace {
                    on_connect(auth) {
                        this.session.name = auth.name;
                        this.socket.onAny((event) => this.emit('any', event, this.sid, this.session.name, (0, src_1.currentEvent)()));
                        this.socket.on('raw', (value, ack) => ack([value, (0, src_1.currentSid)(), this.session.name, this.event, this.context?.args]));
                        this.socket.on('disconnecting', (reason) => leaving.push(`${String(this.session.name)} ${reason}`));
                    }
                };
                Raw = __decorate([
                    (0, src_1.Namespace)('/raw')
                ], Raw);
                (0, support_1.register)(server, Raw);
                const ada = await clients.connect(server, '/raw', mode, { auth: { name: 'ada' } });
                const bob = await clients.connect(server, '/raw', mode, { auth: { name: 'bob' } });
                const adaAny = (0, io_1.nextEvent)(ada, 'any');
                (0, chai_1.expect)(await (0, support_1.request)(ada, 'raw', 1)).to.deep.equal([1, ada.id, 'ada', 'raw', [1]]);
                (0, chai_1.expect)(await adaAny).to.deep.equal(['raw', ada.id, 'ada', 'raw']);
                (0, chai_1.expect)(await (0, support_1.request)(bob, 'raw', 2)).to.deep.equal([2, bob.id, 'bob', 'raw', [2]]);
                bob.disconnect();
                await (0, io_1.until)(() => leaving.length === 1, 'the disconnecting listener');
                (0, chai_1.expect)(leaving).to.deep.equal(['bob client namespace disconnect']);
            });
            it('can be removed with off() by the function that was registered', async () => {
                const heard = [];
                let RawOff = class RawOff extends src_1.Namespace {
                    on_connect() {
                        const listener = (value) => heard.push(`${value} ${this.sid}`);
                        this.socket.on('ping', listener);
                        this.socket.on('stop', () => this.socket.off('ping', listener));
                    }
                };
                RawOff = __decorate([
                    (0, src_1.Namespace)('/raw-off')
                ], RawOff);
                (0, support_1.register)(server, RawOff);
                const client = await clients.connect(server, '/raw-off', mode);
                client.emit('ping', 'first');
                client.emit('stop');
                const answer = await (0, support_1.request)(client, 'ping', 'second');
                (0, chai_1.expect)(answer.error.code).to.equal('CLASSIO_ERR_UNKNOWN_EVENT');
                (0, chai_1.expect)(heard).to.deep.equal([`first ${client.id}`]);
            });
        });
        describe('call()', () => {
            let Caller = class Caller extends src_1.Namespace {
                async on_ask(question) {
                    return await this.call(this.sid, 'question', question, (0, src_1.emitOptions)({ timeout: 1000 }));
                }
                async on_ask_free(question) {
                    return await (0, src_1.call)((0, src_1.currentSid)(), 'question', question, (0, src_1.emitOptions)({ timeout: 1000 }));
                }
                async on_ask_twice(question) {
                    // The first answer arrives on another connection's data event; the second call then needs the context.
                    const first = await (0, src_1.call)((0, src_1.currentSid)(), 'question', question, (0, src_1.emitOptions)({ timeout: 1000 }));
                    const second = await (0, src_1.call)((0, src_1.currentSid)(), 'question', `${first}!`, (0, src_1.emitOptions)({ timeout: 1000 }));
                    return [first, second, (0, src_1.currentSid)(), (0, src_1.currentEvent)()];
                }
                async on_ask_silent() {
                    try {
                        return await this.call(this.sid, 'silent', (0, src_1.emitOptions)({ timeout: 50 }));
                    }
                    catch (error) {
                        return { timedOut: error instanceof errors_1.AckTimeoutError, code: error.code };
                    }
                }
            };
            Caller = __decorate([
                (0, src_1.Namespace)('/call')
            ], Caller);
            it('resolves with the client ack', async () => {
                (0, support_1.register)(server, Caller);
                const client = await clients.connect(server, '/call', mode);
                client.on('question', (question, ack) => ack(`${question}? yes`));
                (0, chai_1.expect)(await (0, support_1.request)(client, 'ask', 'ready')).to.equal('ready? yes');
                (0, chai_1.expect)(await (0, support_1.request)(client, 'ask_free', 'sure')).to.equal('sure? yes');
            });
            it("keeps the handler's context after awaiting a client's ack, with another client asking meanwhile", async () => {
                // Node 24's AsyncLocalStorage follows the async context frame of the `await`, Node 20's the promise hooks:
                // either way the continuation must see its own client, not the one whose packet resolved the call.
                (0, support_1.register)(server, Caller);
                const a = await clients.connect(server, '/call', mode);
                const b = await clients.connect(server, '/call', mode);
                a.on('question', (question, ack) => setTimeout(() => ack(`a:${question}`), 20));
                b.on('question', (question, ack) => ack(`b:${question}`));
                const answers = await Promise.all([(0, support_1.request)(a, 'ask_twice', 'x'), (0, support_1.request)(b, 'ask_twice', 'y')]);
                (0, chai_1.expect)(answers).to.deep.equal([
                    ['a:x', 'a:a:x!', a.id, 'ask_twice'],
                    ['b:y', 'b:b:y!', b.id, 'ask_twice'],
                ]);
            });
            it('rejects with AckTimeoutError when the client does not answer in time', async () => {
                (0, support_1.register)(server, Caller);
                const client = await clients.connect(server, '/call', mode);
                client.on('silent', () => { });
                (0, chai_1.expect)(await (0, support_1.request)(client, 'ask_silent')).to.deep.equal({ timedOut: true, code: 'CLASSIO_ERR_ACK_TIMEOUT' });
            });
        });
    });
}
//# sourceMappingURL=context.test.js.map