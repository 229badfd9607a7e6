"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const socket_io_client_1 = require("socket.io-client");
const redis_support_1 = require("./redis-support");
const io_1 = require("../support/io");
/** A `fixtures/tenant-node.ts` process: a classio server serving `/tenant/:id` through Redis. */
class TenantNode {
    #child;
    #nextId;
    constructor(channel) {
        this.port = 0;
        this.#nextId = 1;
        this.#child = (0, node_child_process_1.fork)((0, node_path_1.join)(__dirname, 'fixtures', 'tenant-node.js'), [redis_support_1.REDIS_URL, channel], {
            stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        });
    }
    async ready() {
        this.port = await new Promise((resolve) => this.#child.once('message', (message) => resolve(message.port)));
    }
    emit(nsp, event, ...args) {
        const id = this.#nextId++;
        return new Promise((resolve) => {
            const onMessage = (message) => {
                if (message.id !== id)
                    return;
                this.#child.off('message', onMessage);
                resolve();
            };
            this.#child.on('message', onMessage);
            this.#child.send({ id, op: 'emit', nsp, event, args });
        });
    }
    async stop() {
        if (this.#child.exitCode !== null)
            return;
        const exited = new Promise((resolve) => this.#child.once('exit', resolve));
        this.#child.send({ op: 'close' });
        const timer = setTimeout(() => this.#child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
    }
}
describe('Dynamic namespaces in a Redis cluster (three server processes)', function () {
    this.timeout(20_000);
    let nodes = [];
    const sockets = [];
    async function connect(node, nsp, transport) {
        const socket = (0, socket_io_client_1.io)(`http://127.0.0.1:${node.port}${nsp}`, {
            transports: [transport],
            forceNew: true,
            reconnection: false,
        });
        sockets.push(socket);
        await (0, io_1.nextEvent)(socket, 'connect');
        return socket;
    }
    before(async function () {
        await (0, redis_support_1.requireRedis)(this);
        const channel = (0, redis_support_1.uniqueChannel)('classio-tenant');
        nodes = [0, 1, 2].map(() => new TenantNode(channel));
        await Promise.all(nodes.map((node) => node.ready()));
    });
    afterEach(async () => {
        const open = sockets.splice(0);
        for (const socket of open)
            socket.disconnect();
        await Promise.all(open.map((socket) => (0, io_1.whenEngineClosed)(socket)));
    });
    after(async () => {
        await Promise.all(nodes.map((node) => node.stop()));
    });
    it('delivers a broadcast to /tenant/a to its clients on every process and to nobody else', async () => {
        const [a, b, c] = nodes;
        const tenantA = [await connect(a, '/tenant/a', 'websocket'), await connect(b, '/tenant/a', 'polling')];
        tenantA.push(await connect(c, '/tenant/a', 'websocket'));
        const tenantB = [await connect(a, '/tenant/b', 'websocket'), await connect(c, '/tenant/b', 'polling')];
        const onB = tenantB.map((socket) => (0, io_1.collect)(socket, 'heard'));
        // Let every process subscribe its child's channel before the broadcast.
        await (0, io_1.delay)(200);
        const heard = Promise.all(tenantA.map((socket) => (0, io_1.nextEvent)(socket, 'heard')));
        tenantA[1].emit('shout', 'hello');
        (0, chai_1.expect)(await heard).to.deep.equal([['a: hello'], ['a: hello'], ['a: hello']]);
        const fromServer = Promise.all(tenantA.map((socket) => (0, io_1.nextEvent)(socket, 'notice')));
        await a.emit('/tenant/a', 'notice', 'from a process');
        (0, chai_1.expect)(await fromServer).to.deep.equal([['from a process'], ['from a process'], ['from a process']]);
        await (0, io_1.delay)(100);
        (0, chai_1.expect)(onB).to.deep.equal([[], []]);
    });
    it('throttles on each process', async () => {
        const client = await connect(nodes[1], '/tenant/t', 'websocket');
        const first = (await client.timeout(2000).emitWithAck('ping'));
        (0, chai_1.expect)(first).to.match(/^pong from \d+$/);
        const second = (await client.timeout(2000).emitWithAck('ping'));
        (0, chai_1.expect)(second.error.code).to.equal('CLASSIO_ERR_THROTTLED');
    });
});
//# sourceMappingURL=redis-dynamic-namespaces.test.js.map