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
const src_1 = require("../../src");
const io_1 = require("../support/io");
const support_1 = require("./support");
let Greeter = class Greeter {
    greet(name) {
        return `hello ${name}`;
    }
};
Greeter = __decorate([
    (0, tsyringe_1.injectable)()
], Greeter);
/** Records which per-connection instances were disposed. */
class Disposals {
    constructor() {
        this.instances = [];
        this.services = [];
    }
}
/** A per-connection service that gets the connection's socket and is disposed with its container. */
let ConnectionLog = class ConnectionLog {
    constructor(socket, disposals) {
        this.socket = socket;
        this.disposals = disposals;
    }
    dispose() {
        this.disposals.services.push(this.socket.id);
    }
};
ConnectionLog = __decorate([
    (0, tsyringe_1.injectable)(),
    __param(0, (0, tsyringe_1.inject)(src_1.CONNECTION_SOCKET)),
    __param(1, (0, tsyringe_1.inject)(Disposals)),
    __metadata("design:paramtypes", [Function, Disposals])
], ConnectionLog);
for (const mode of support_1.MODES) {
    describe(`Dependency injection (${mode.name})`, () => {
        let server;
        let container;
        const clients = new io_1.ClientPool();
        (0, support_1.useRuntimeServer)(clients, (started) => ({ server, container } = started));
        it('injects services into a singleton namespace', async () => {
            let Greet = class Greet extends src_1.Namespace {
                constructor(greeter) {
                    super();
                    this.greeter = greeter;
                }
                on_greet(name) {
                    return this.greeter.greet(name);
                }
            };
            Greet = __decorate([
                (0, src_1.Namespace)('/greet'),
                __metadata("design:paramtypes", [Greeter])
            ], Greet);
            (0, support_1.register)(server, Greet);
            const client = await clients.connect(server, '/greet', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'greet', 'ada')).to.equal('hello ada');
        });
        it('shares one instance between clients by default', async () => {
            let Shared = class Shared extends src_1.Namespace {
                constructor() {
                    super(...arguments);
                    this.count = 0;
                }
                on_bump() {
                    return ++this.count;
                }
            };
            Shared = __decorate([
                (0, src_1.Namespace)('/shared')
            ], Shared);
            (0, support_1.register)(server, Shared);
            const a = await clients.connect(server, '/shared', mode);
            const b = await clients.connect(server, '/shared', mode);
            (0, chai_1.expect)(await (0, support_1.request)(a, 'bump')).to.equal(1);
            (0, chai_1.expect)(await (0, support_1.request)(b, 'bump')).to.equal(2);
        });
        describe("scope: 'connection'", () => {
            it('gives each connection its own instance and disposes it on disconnect', async () => {
                const disposals = new Disposals();
                container.registerInstance(Disposals, disposals);
                container.register(ConnectionLog, { useClass: ConnectionLog }, { lifecycle: tsyringe_1.Lifecycle.ContainerScoped });
                let Counter = class Counter extends src_1.Namespace {
                    constructor(log, greeter) {
                        super();
                        this.log = log;
                        this.greeter = greeter;
                        this.count = 0;
                    }
                    on_bump() {
                        return ++this.count;
                    }
                    on_owner() {
                        return [this.log.socket.id, this.greeter.greet('x')];
                    }
                    dispose() {
                        disposals.instances.push(this.log.socket.id);
                    }
                };
                Counter = __decorate([
                    (0, src_1.Namespace)('/counter', { scope: 'connection' }),
                    __metadata("design:paramtypes", [ConnectionLog,
                        Greeter])
                ], Counter);
                (0, support_1.register)(server, Counter);
                const a = await clients.connect(server, '/counter', mode);
                const b = await clients.connect(server, '/counter', mode);
                (0, chai_1.expect)(await (0, support_1.request)(a, 'bump')).to.equal(1);
                (0, chai_1.expect)(await (0, support_1.request)(a, 'bump')).to.equal(2);
                (0, chai_1.expect)(await (0, support_1.request)(b, 'bump')).to.equal(1);
                (0, chai_1.expect)(await (0, support_1.request)(b, 'owner')).to.deep.equal([b.id, 'hello x']);
                const aId = a.id;
                a.disconnect();
                await (0, io_1.until)(() => disposals.services.length === 1, 'the disposal');
                (0, chai_1.expect)(disposals.instances).to.deep.equal([aId]);
                (0, chai_1.expect)(disposals.services).to.deep.equal([aId]);
                (0, chai_1.expect)(await (0, support_1.request)(b, 'bump')).to.equal(2);
            });
            it('disposes the instance of a connection its on_connect refused', async () => {
                const disposed = [];
                let Refusing = class Refusing extends src_1.Namespace {
                    on_connect() {
                        return false;
                    }
                    dispose() {
                        disposed.push('gone');
                    }
                };
                Refusing = __decorate([
                    (0, src_1.Namespace)('/refusing', { scope: 'connection' })
                ], Refusing);
                (0, support_1.register)(server, Refusing);
                const client = clients.open(server, '/refusing', mode);
                await new Promise((resolve) => client.once('connect_error', resolve));
                (0, chai_1.expect)(disposed).to.deep.equal(['gone']);
            });
        });
    });
}
//# sourceMappingURL=injection.test.js.map