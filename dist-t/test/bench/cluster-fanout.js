"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.runClusterFanout = runClusterFanout;
exports.printTable = printTable;
require("reflect-metadata");
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const node_http_1 = require("node:http");
const node_perf_hooks_1 = require("node:perf_hooks");
const ws_1 = __importDefault(require("ws"));
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const CLIENTS = Number(process.env.CLIENTS ?? 1000);
const BURST = Number(process.env.BURST ?? 200);
const SAMPLES = Number(process.env.SAMPLES ?? 20);
const RUNS = Number(process.env.RUNS ?? 3);
const PAYLOAD = 'x'.repeat(Number(process.env.PAYLOAD ?? 100));
const PROCESSES = Number(process.env.PROCESSES ?? 3);
const ROOM = 'fanout';
async function runServer(peer, channel) {
    let broadcast;
    let roomSize;
    let close;
    let port;
    const isStreams = peer.includes('-streams');
    const isRecovery = peer.endsWith('-recovery');
    if (peer.startsWith('classio')) {
        const { Server } = await Promise.resolve().then(() => __importStar(require('../../src/server')));
        const { createRedisStreamsAdapter } = await Promise.resolve().then(() => __importStar(require('../../src/adapter/redis')));
        const server = new Server({
            ...(isStreams
                ? { adapter: createRedisStreamsAdapter({ url: REDIS_URL, streamName: channel }) }
                : { messageQueue: REDIS_URL, channel }),
            connectionStateRecovery: isRecovery ? {} : false,
            logger: false,
        });
        const nsp = server.of('/');
        nsp.on('connection', (socket) => socket.join(ROOM));
        await server.listen(0);
        await nsp.adapter.init();
        port = server.port;
        broadcast = (seq) => void nsp.to(ROOM).emit('fanout', seq, PAYLOAD);
        roomSize = () => nsp.adapter.rooms.get(ROOM)?.size ?? 0;
        close = () => server.close();
    }
    else {
        const { Server } = await Promise.resolve().then(() => __importStar(require('socket.io')));
        const { createAdapter } = await Promise.resolve().then(() => __importStar(require('@socket.io/redis-adapter')));
        const { createAdapter: createStreamsAdapter } = await Promise.resolve().then(() => __importStar(require('@socket.io/redis-streams-adapter')));
        const { default: Redis } = await Promise.resolve().then(() => __importStar(require('ioredis')));
        const pub = new Redis(REDIS_URL);
        const sub = pub.duplicate();
        const httpServer = (0, node_http_1.createServer)();
        const io = new Server(httpServer, {
            adapter: isStreams
                ? createStreamsAdapter(pub, { streamName: channel, channelPrefix: channel })
                : createAdapter(pub, sub, { key: channel }),
            ...(isRecovery ? { connectionStateRecovery: {} } : {}),
        });
        io.on('connection', (socket) => socket.join(ROOM));
        await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
        // The adapter subscribes on creation; a round trip on `sub` proves the SUBSCRIBE was processed.
        await sub.ping();
        port = httpServer.address().port;
        broadcast = (seq) => void io.to(ROOM).emit('fanout', seq, PAYLOAD);
        roomSize = () => io.of('/').adapter.rooms.get(ROOM)?.size ?? 0;
        close = async () => {
            await io.close();
            pub.disconnect();
            sub.disconnect();
        };
    }
    let seq = 0;
    process.on('message', (command) => {
        if (command.op === 'burst') {
            for (let i = 0; i < command.count; i++)
                broadcast(seq++);
            process.send({ op: 'burst' });
        }
        else if (command.op === 'roomSize') {
            process.send({ op: 'roomSize', size: roomSize() });
        }
        else {
            void close().then(() => process.exit(0));
        }
    });
    process.on('disconnect', () => process.exit(0));
    process.send({ op: 'ready', port });
}
// ---------------------------------------------------------------------------------------------------------------
// Load side: raw Engine.IO websocket clients, cheap enough that 1,000 of them fit in this process.
class ServerProcess {
    constructor(peer, channel) {
        this.port = 0;
        const execArgv = process.env.PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF_DIR}`] : [];
        this.child = (0, node_child_process_1.fork)(__filename, ['server', peer, channel], {
            execArgv,
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
    }
    request(command) {
        return new Promise((resolve) => {
            this.child.once('message', (message) => resolve(message));
            this.child.send(command);
        });
    }
    async start() {
        const ready = await new Promise((resolve, reject) => {
            this.child.once('message', resolve);
            this.child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
        });
        this.port = ready.port;
    }
    async stop() {
        const exited = new Promise((resolve) => this.child.once('exit', resolve));
        this.child.send({ op: 'close' });
        await exited;
    }
}
/** Counts `fanout` events over all clients; `until(n)` resolves once the total reaches n. */
class DeliveryCounter {
    constructor() {
        this.total = 0;
        this.perClient = [];
        this.#target = Infinity;
        this.#resolve = null;
    }
    #target;
    #resolve;
    add(client) {
        this.perClient[client]++;
        if (++this.total >= this.#target && this.#resolve !== null) {
            const resolve = this.#resolve;
            this.#resolve = null;
            resolve();
        }
    }
    until(total) {
        if (this.total >= total)
            return Promise.resolve();
        this.#target = total;
        return new Promise((resolve) => (this.#resolve = resolve));
    }
}
const EVENT_PREFIX = '42["fanout",';
function connectClient(port, index, counter) {
    counter.perClient[index] = 0;
    return new Promise((resolve, reject) => {
        const ws = new ws_1.default(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`);
        ws.on('error', reject);
        ws.on('message', (data, isBinary) => {
            if (isBinary)
                return;
            const text = data.toString();
            if (text.startsWith(EVENT_PREFIX))
                counter.add(index);
            else if (text === '2')
                ws.send('3');
            else if (text.startsWith('0'))
                ws.send('40');
            else if (text.startsWith('40'))
                resolve(ws);
        });
    });
}
async function connectAll(servers, counter) {
    const clients = [];
    // 50 handshakes in flight at a time, spread round-robin over the processes.
    for (let start = 0; start < CLIENTS; start += 50) {
        const batch = [];
        for (let i = start; i < Math.min(start + 50, CLIENTS); i++) {
            batch.push(connectClient(servers[i % servers.length].port, i, counter));
        }
        clients.push(...(await Promise.all(batch)));
    }
    return clients;
}
async function runOnce(peer) {
    const channel = `bench-fanout-${peer}-${(0, node_crypto_1.randomBytes)(4).toString('hex')}`;
    const servers = Array.from({ length: PROCESSES }, () => new ServerProcess(peer, channel));
    await Promise.all(servers.map((server) => server.start()));
    const counter = new DeliveryCounter();
    const clients = await connectAll(servers, counter);
    try {
        const sizes = await Promise.all(servers.map((s) => s.request({ op: 'roomSize' })));
        const inRoom = sizes.reduce((sum, { size }) => sum + size, 0);
        if (inRoom !== CLIENTS)
            throw new Error(`${peer}: ${inRoom} of ${CLIENTS} clients in the room`);
        const [origin] = servers;
        let expected = 0;
        // Warm-up: the JIT and Redis' buffers, unmeasured.
        expected += 20 * CLIENTS;
        await origin.request({ op: 'burst', count: 20 });
        await counter.until(expected);
        expected += BURST * CLIENTS;
        const started = node_perf_hooks_1.performance.now();
        await origin.request({ op: 'burst', count: BURST });
        await counter.until(expected);
        const burstSeconds = (node_perf_hooks_1.performance.now() - started) / 1000;
        const latencies = [];
        for (let i = 0; i < SAMPLES; i++) {
            expected += CLIENTS;
            const sent = node_perf_hooks_1.performance.now();
            await origin.request({ op: 'burst', count: 1 });
            await counter.until(expected);
            latencies.push(node_perf_hooks_1.performance.now() - sent);
        }
        const perClient = 20 + BURST + SAMPLES;
        const wrong = counter.perClient.filter((n) => n !== perClient).length;
        if (wrong > 0 || counter.total !== expected) {
            throw new Error(`${peer}: ${wrong} clients did not receive exactly ${perClient} broadcasts`);
        }
        return {
            broadcastsPerSecond: BURST / burstSeconds,
            deliveriesPerSecond: (BURST * CLIENTS) / burstSeconds,
            latencyMs: median(latencies),
        };
    }
    finally {
        for (const client of clients)
            client.terminate();
        await Promise.all(servers.map((server) => server.stop()));
    }
}
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
/** Runs the peers RUNS times, alternating, and returns the medians per peer. */
async function runClusterFanout(peers = ['classio', 'socket.io']) {
    const results = Object.fromEntries(peers.map((peer) => [peer, []]));
    for (let run = 0; run < RUNS; run++) {
        for (const peer of peers) {
            const result = await runOnce(peer);
            results[peer].push(result);
            console.error(`run ${run + 1}/${RUNS} ${peer}: ${result.broadcastsPerSecond.toFixed(0)} broadcasts/s, ` +
                `${result.deliveriesPerSecond.toFixed(0)} deliveries/s, ${result.latencyMs.toFixed(2)} ms`);
        }
    }
    const medians = {};
    for (const peer of peers) {
        medians[peer] = {
            broadcastsPerSecond: median(results[peer].map((r) => r.broadcastsPerSecond)),
            deliveriesPerSecond: median(results[peer].map((r) => r.deliveriesPerSecond)),
            latencyMs: median(results[peer].map((r) => r.latencyMs)),
        };
    }
    return medians;
}
/** Prints the medians as a markdown table. */
function printTable(medians) {
    console.log(`\nCluster fan-out: ${PROCESSES} processes, ${CLIENTS} websocket clients in one room, Redis ${REDIS_URL}, ` +
        `${PAYLOAD.length}-byte payload, burst of ${BURST}, medians of ${RUNS} runs\n`);
    console.log('| peer | broadcasts/s (burst) | deliveries/s | latency to last client (ms, median) |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const [peer, r] of Object.entries(medians)) {
        console.log(`| ${peer} | ${r.broadcastsPerSecond.toFixed(0)} | ${r.deliveriesPerSecond.toFixed(0)} | ${r.latencyMs.toFixed(2)} |`);
    }
}
if (require.main === module) {
    const [role, peer, channel] = process.argv.slice(2);
    const main = role === 'server' ? runServer(peer, channel) : runClusterFanout().then(printTable);
    main.then(() => {
        if (role !== 'server')
            process.exit(0);
    }, (err) => {
        console.error(err);
        process.exit(1);
    });
}
//# sourceMappingURL=cluster-fanout.js.map