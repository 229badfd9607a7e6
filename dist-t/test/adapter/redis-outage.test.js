"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_fs_1 = require("node:fs");
const chai_1 = require("chai");
const socket_io_client_1 = require("socket.io-client");
const redis_support_1 = require("./redis-support");
/** Resolves with the arguments of the next `event` on `socket`. */
function nextEvent(socket, event) {
    return new Promise((resolve) => socket.once(event, (...args) => resolve(args)));
}
describe('Redis cluster during a Redis outage', function () {
    let redis;
    let nodes = [];
    let sockets = [];
    const counts = new Map();
    before(async function () {
        if (!(0, node_fs_1.existsSync)(redis_support_1.REDIS_SERVER_BIN)) {
            const reason = `${redis_support_1.REDIS_SERVER_BIN} not found (set REDIS_SERVER_BIN)`;
            if (process.env.CLASSIO_REQUIRE_REDIS)
                throw new Error(`${reason} and CLASSIO_REQUIRE_REDIS is set`);
            console.log(`    (skipped: ${reason})`);
            this.skip();
        }
        // A Redis of our own on a free port: stopping the shared one would break everyone else's tests.
        redis = new redis_support_1.ScratchRedis(await (0, redis_support_1.findFreePort)());
        await redis.start();
        const channel = (0, redis_support_1.uniqueChannel)('classio-outage');
        nodes = await Promise.all([0, 1, 2].map(() => redis_support_1.ClusterNode.start(redis.url, channel)));
        sockets = await Promise.all(nodes.map((node) => new Promise((resolve, reject) => {
            const socket = (0, socket_io_client_1.io)(node.url, { transports: ['websocket'], forceNew: true, reconnection: false });
            socket.onAny((event) => counts.set(`${socket.id}:${event}`, (counts.get(`${socket.id}:${event}`) ?? 0) + 1));
            socket.once('connect', () => resolve(socket));
            socket.once('connect_error', reject);
        })));
    });
    after(async () => {
        for (const socket of sockets)
            socket.disconnect();
        await Promise.all(nodes.map((node) => node.stop()));
        await redis?.stop();
    });
    function count(socket, event) {
        return counts.get(`${socket.id}:${event}`) ?? 0;
    }
    it('survives Redis going away, serves its own clients, and broadcasts again once Redis is back', async () => {
        const [a, b, c] = nodes;
        const [onA, onB, onC] = sockets;
        const before = sockets.map((socket) => nextEvent(socket, 'before'));
        await a.run('emit', { event: 'before', args: [] });
        await Promise.all(before);
        let since = nodes.map((node) => node.events.length);
        await redis.stop();
        await Promise.all(nodes.map((node, i) => node.waitFor((e) => e.type === 'redis' && e.isUp === false, since[i])));
        // Every server is alive and still serves its own clients; cluster reads fail with a clear error.
        const during = nextEvent(onA, 'during');
        await a.run('emit', { event: 'during', args: [] });
        await during;
        (0, chai_1.expect)(await b.run('localSockets')).to.deep.equal([onB.id]);
        const err = await c.run('fetchSockets').catch((e) => e);
        (0, chai_1.expect)(err).to.be.instanceOf(redis_support_1.NodeCommandError);
        (0, chai_1.expect)(err).to.have.property('code', 'CLASSIO_ERR_CLUSTER');
        (0, chai_1.expect)(err.message).to.equal("fetchSockets on namespace '/': Redis is unavailable");
        since = nodes.map((node) => node.events.length);
        await redis.start();
        await Promise.all(nodes.map((node, i) => node.waitFor((e) => e.type === 'redis' && e.isUp === true, since[i])));
        const after = sockets.map((socket) => nextEvent(socket, 'after'));
        await b.run('emit', { event: 'after', args: [] });
        await Promise.all(after);
        (0, chai_1.expect)(nodes.every((node) => node.isAlive)).to.equal(true);
        // What was broadcast while Redis was away reached only the sender's own clients (the README says so).
        (0, chai_1.expect)([onA, onB, onC].map((socket) => count(socket, 'during'))).to.deep.equal([1, 0, 0]);
        (0, chai_1.expect)([onA, onB, onC].map((socket) => count(socket, 'after'))).to.deep.equal([1, 1, 1]);
        (0, chai_1.expect)(await c.run('fetchSockets')).to.deep.equal(sockets.map((socket) => socket.id).sort());
    });
});
//# sourceMappingURL=redis-outage.test.js.map