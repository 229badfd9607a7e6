"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const bcryptjs_1 = require("bcryptjs");
const socket_io_client_1 = require("socket.io-client");
const redis_support_1 = require("../adapter/redis-support");
const io_1 = require("../support/io");
const PASSWORD = 'correct horse';
/** An instrumented server in a child process (fixtures/admin-node.ts). */
class AdminNode {
    constructor(child, port) {
        this.child = child;
        this.port = port;
    }
    static async start(channel, serverId, hash) {
        const child = (0, node_child_process_1.fork)((0, node_path_1.join)(__dirname, 'fixtures', 'admin-node.js'), [redis_support_1.REDIS_URL, channel, serverId, hash], {
            stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        });
        const port = await new Promise((resolve, reject) => {
            child.once('message', (message) => resolve(message.port));
            child.once('exit', (code) => reject(new Error(`admin node ${serverId} exited with ${String(code)}`)));
        });
        return new AdminNode(child, port);
    }
    get url() {
        return `http://127.0.0.1:${this.port}`;
    }
    async stop() {
        if (this.child.exitCode !== null)
            return;
        const exited = new Promise((resolve) => this.child.once('exit', resolve));
        this.child.send('close');
        const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
    }
}
describe('Admin UI across a Redis cluster (two processes)', function () {
    this.timeout(20_000);
    let nodes = [];
    const clients = [];
    before(async function () {
        await (0, redis_support_1.requireRedis)(this);
    });
    afterEach(async () => {
        for (const client of clients.splice(0)) {
            client.disconnect();
            await (0, io_1.whenEngineClosed)(client);
        }
        await Promise.all(nodes.map((node) => node.stop()));
        nodes = [];
    });
    function connect(url, options = {}) {
        const client = (0, socket_io_client_1.io)(url, { forceNew: true, reconnection: false, transports: ['websocket'], ...options });
        clients.push(client);
        return new Promise((resolve, reject) => {
            client.once('connect', () => resolve(client));
            client.once('connect_error', reject);
        });
    }
    it("shows both processes' stats and sockets to a UI connected to one, and acts on the other's sockets", async () => {
        const channel = (0, redis_support_1.uniqueChannel)('classio-admin');
        const hash = (0, bcryptjs_1.hashSync)(PASSWORD, 4);
        nodes = await Promise.all([AdminNode.start(channel, 'node-a', hash), AdminNode.start(channel, 'node-b', hash)]);
        const [a, b] = nodes;
        const onA = await connect(`${a.url}/chat`);
        const onB = await connect(`${b.url}/chat`);
        const admin = (0, socket_io_client_1.io)(`${a.url}/admin`, {
            forceNew: true,
            reconnection: false,
            transports: ['websocket'],
            auth: { username: 'admin', password: PASSWORD },
        });
        clients.push(admin);
        const stats = new Set();
        admin.on('server_stats', (s) => stats.add(s.serverId));
        const sessionId = (0, io_1.nextEvent)(admin, 'session');
        const [sockets] = await (0, io_1.nextEvent)(admin, 'all_sockets');
        const chat = sockets.filter((socket) => socket.nsp === '/chat');
        (0, chai_1.expect)(chat.map((socket) => socket.id)).to.have.members([onA.id, onB.id]);
        // The other process's socket arrives whole: its transport and client id crossed with its data.
        const remote = chat.find((socket) => socket.id === onB.id);
        (0, chai_1.expect)(remote).to.include({ transport: 'websocket' });
        (0, chai_1.expect)(remote.clientId).to.be.a('string').with.length(12);
        (0, chai_1.expect)(remote.rooms).to.have.members([onB.id, 'lobby']);
        (0, chai_1.expect)(remote.data).to.deep.equal({});
        await (0, io_1.until)(() => stats.has('node-a') && stats.has('node-b'), 'server_stats of both processes', 5000);
        // A connection on B is announced to the UI connected to A.
        const announced = (0, io_1.nextEvent)(admin, 'socket_connected');
        const late = await connect(`${b.url}/chat`);
        (0, chai_1.expect)((await announced)[0]).to.include({ id: late.id, nsp: '/chat' });
        // The session made on A logs in on B (the Redis store).
        await connect(`${b.url}/admin`, { auth: { sessionId: (await sessionId)[0] } });
        // Disconnecting B's socket from the UI on A.
        const disconnected = (0, io_1.nextEvent)(onB, 'disconnect');
        admin.emit('_disconnect', '/chat', false, onB.id);
        (0, chai_1.expect)((await disconnected)[0]).to.equal('io server disconnect');
        (0, chai_1.expect)(onA.connected).to.equal(true);
    });
});
//# sourceMappingURL=cluster.test.js.map