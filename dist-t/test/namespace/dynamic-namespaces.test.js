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
const server_1 = require("../../src/server");
const src_1 = require("../../src");
const io_1 = require("../support/io");
const support_1 = require("../runtime/support");
const errors_1 = require("../support/errors");
const errors_2 = require("../../src/errors");
let Tenant = class Tenant extends src_1.Namespace {
    on_connect() {
        this.joinRoom('members');
    }
    on_whoami(id) {
        return { id, params: this.params, nsp: this.nsp.name };
    }
    shout(text) {
        this.nsp.to('members').emit('heard', `${this.params.id}: ${text}`);
    }
};
__decorate([
    __param(0, (0, src_1.NspParam)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", void 0)
], Tenant.prototype, "on_whoami", null);
__decorate([
    (0, src_1.On)('shout'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", void 0)
], Tenant.prototype, "shout", null);
Tenant = __decorate([
    (0, src_1.Namespace)('/tenant/:id')
], Tenant);
for (const mode of io_1.TRANSPORT_MODES) {
    describe(`Dynamic namespaces (${mode.name})`, () => {
        let server;
        const clients = new io_1.ClientPool();
        afterEach(async () => {
            await clients.closeAll();
            await server?.close();
        });
        it('serves every name of /tenant/:id with its parameters', async () => {
            server = await (0, io_1.startServer)();
            server.register(Tenant);
            const client = await clients.connect(server, '/tenant/acme', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'whoami')).to.deep.equal({
                id: 'acme',
                params: { id: 'acme' },
                nsp: '/tenant/acme',
            });
        });
        it('keeps two tenants apart: a broadcast of one never reaches the other', async () => {
            server = await (0, io_1.startServer)();
            server.register(Tenant);
            const a1 = await clients.connect(server, '/tenant/a', mode);
            const a2 = await clients.connect(server, '/tenant/a', mode);
            const b1 = await clients.connect(server, '/tenant/b', mode);
            const onB = (0, io_1.collect)(b1, 'heard');
            const heard = (0, io_1.nextEvent)(a2, 'heard');
            a1.emit('shout', 'hello');
            (0, chai_1.expect)(await heard).to.deep.equal(['a: hello']);
            await (0, io_1.delay)(50);
            (0, chai_1.expect)(onB).to.deep.equal([]);
        });
        it('answers connect_error "Invalid namespace" for a name no pattern accepts', async () => {
            server = await (0, io_1.startServer)();
            server.register(Tenant);
            server.of((name, auth) => Promise.resolve(name === '/vip' && auth.vip === true));
            const refused = clients.open(server, '/tenant/a/b', mode);
            const [err] = await (0, io_1.nextEvent)(refused, 'connect_error');
            (0, chai_1.expect)(err.message).to.equal('Invalid namespace');
            const notVip = clients.open(server, '/vip', mode, { auth: { vip: false } });
            const [vipErr] = await (0, io_1.nextEvent)(notVip, 'connect_error');
            (0, chai_1.expect)(vipErr.message).to.equal('Invalid namespace');
            await clients.connect(server, '/vip', mode, { auth: { vip: true } });
        });
        it('lets a literal namespace win over a pattern', async () => {
            server = await (0, io_1.startServer)();
            server.register(Tenant);
            server.on('whoami', () => 'literal', { namespace: '/tenant/main' });
            const client = await clients.connect(server, '/tenant/main', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'whoami')).to.equal('literal');
        });
        it('serves a RegExp with named groups, and emits on the parent to every child', async () => {
            server = await (0, io_1.startServer)();
            const created = [];
            server.on('new_namespace', (nsp) => created.push(nsp.name));
            const parent = server.of(/^\/room-(?<n>\d+)$/);
            parent.on('connection', (socket) => socket.join('x'));
            const one = await clients.connect(server, '/room-1', mode);
            const two = await clients.connect(server, '/room-2', mode);
            const got = Promise.all([(0, io_1.nextEvent)(one, 'news'), (0, io_1.nextEvent)(two, 'news')]);
            parent.emit('news', 'all');
            (0, chai_1.expect)(await got).to.deep.equal([['all'], ['all']]);
            (0, chai_1.expect)(created).to.deep.equal(['/room-1', '/room-2']);
            (0, chai_1.expect)(server.of('/room-1').params).to.deep.equal({ n: '1' });
        });
        it('removes an empty child with cleanupEmptyChildNamespaces, and creates it again on the next connect', async () => {
            server = await (0, io_1.startServer)({ cleanupEmptyChildNamespaces: true });
            server.register(Tenant);
            const client = await clients.connect(server, '/tenant/gone', mode);
            (0, chai_1.expect)(server.namespaces.has('/tenant/gone')).to.equal(true);
            client.disconnect();
            await (0, io_1.until)(() => !server.namespaces.has('/tenant/gone'), 'the empty child to be removed');
            const again = await clients.connect(server, '/tenant/gone', mode);
            (0, chai_1.expect)(await (0, support_1.request)(again, 'whoami')).to.have.property('id', 'gone');
        });
    });
}
describe('Dynamic namespace options', () => {
    it('refuses a cleanupEmptyChildNamespaces that is not a boolean', () => {
        const error = (0, errors_1.thrownBy)(() => new server_1.Server({ cleanupEmptyChildNamespaces: 'yes' }), errors_2.ConfigurationError, 'CLASSIO_ERR_CONFIG');
        (0, chai_1.expect)(error.message).to.equal('cleanupEmptyChildNamespaces must be a boolean, got yes');
    });
});
//# sourceMappingURL=dynamic-namespaces.test.js.map