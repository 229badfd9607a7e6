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
exports.connectClients = connectClients;
require("reflect-metadata");
const node_child_process_1 = require("node:child_process");
const node_http_1 = require("node:http");
const ws_1 = __importDefault(require("ws"));
const ALL_PEERS = ['classio', 'classio-no-takeover', 'socket.io', 'socket.io-no-takeover'];
const CLIENTS = Number(process.env.CLIENTS ?? 200);
const BURST = Number(process.env.BURST ?? 200);
const RUNS = Number(process.env.RUNS ?? process.env.BENCH_RUNS ?? 3);
const PEERS = process.env.PEERS?.split(',') ?? ALL_PEERS;
/** A 10 KB JSON document, as a game state or a dashboard update is. */
const DOCUMENT = Array.from({ length: 185 }, (_, i) => ({
    id: i,
    name: `player-${i}`,
    x: i * 3.5,
    y: i % 17,
    ok: true,
}));
/** The server process: starts the peer, then broadcasts a burst on each `burst` message and reports its CPU. */
async function serveAs(peer) {
    const httpServer = (0, node_http_1.createServer)();
    const isNoTakeover = peer.endsWith('no-takeover');
    const perMessageDeflate = isNoTakeover ? { threshold: 1024, serverNoContextTakeover: true } : { threshold: 1024 };
    let broadcast;
    if (peer.startsWith('classio')) {
        const { Server } = await Promise.resolve().then(() => __importStar(require('../../src/server')));
        const io = new Server(httpServer, { logger: false, perMessageDeflate });
        broadcast = (document) => io.emit('state', document);
    }
    else {
        const { Server } = await Promise.resolve().then(() => __importStar(require('socket.io')));
        const io = new Server(httpServer, { serveClient: false, perMessageDeflate });
        broadcast = (document) => io.emit('state', document);
    }
    await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    process.send({ port: httpServer.address().port });
    process.on('message', (message) => {
        const before = process.cpuUsage();
        let sent = 0;
        // One broadcast per macrotask, so that writes and compression interleave as they would under real load.
        const next = () => {
            broadcast(DOCUMENT);
            if (++sent < message.burst)
                setImmediate(next);
            else {
                // Let the writes drain before the CPU is read (the clients tell the parent when all arrived).
                setTimeout(() => {
                    const used = process.cpuUsage(before);
                    process.send({ cpuMicros: used.user + used.system });
                }, 200);
            }
        };
        next();
    });
}
/** Opens `count` raw Engine.IO websocket clients (permessage-deflate offered) in namespace `/`. */
async function connectClients(port, count) {
    const clients = [];
    for (let i = 0; i < count; i++) {
        const ws = new ws_1.default(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`, {
            perMessageDeflate: true,
        });
        await new Promise((resolve, reject) => {
            ws.once('error', reject);
            ws.on('message', function onMessage(data) {
                const text = data.toString();
                if (text.startsWith('0'))
                    ws.send('40');
                else if (text.startsWith('40')) {
                    ws.off('message', onMessage);
                    resolve();
                }
            });
        });
        // Answer pings so that a long burst does not time the clients out.
        ws.on('message', (data) => data.length === 1 && data[0] === 0x32 && ws.send('3'));
        clients.push(ws);
    }
    return clients;
}
async function runOnce(peer) {
    const child = (0, node_child_process_1.fork)(__filename, ['server', peer], { stdio: 'inherit' });
    try {
        const { port } = await new Promise((resolve) => child.once('message', resolve));
        const clients = await connectClients(port, CLIENTS);
        const bytesBefore = clients.reduce((sum, ws) => sum + socketOf(ws).bytesRead, 0);
        let deliveries = 0;
        const allArrived = new Promise((resolve) => {
            for (const ws of clients) {
                ws.on('message', (data) => {
                    if (data.length > 1000 && ++deliveries === CLIENTS * BURST)
                        resolve();
                });
            }
        });
        const cpu = new Promise((resolve) => child.once('message', resolve));
        const started = performance.now();
        child.send({ burst: BURST });
        await allArrived;
        const elapsed = (performance.now() - started) / 1000;
        const { cpuMicros } = await cpu;
        const bytes = clients.reduce((sum, ws) => sum + socketOf(ws).bytesRead, 0) - bytesBefore;
        for (const ws of clients)
            ws.terminate();
        return {
            deliveriesPerSecond: deliveries / elapsed,
            bytesPerDelivery: bytes / deliveries,
            cpuMicrosPerDelivery: cpuMicros / deliveries,
        };
    }
    finally {
        child.kill();
    }
}
function socketOf(ws) {
    return ws._socket;
}
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}
async function main() {
    const results = new Map(PEERS.map((peer) => [peer, []]));
    for (let run = 0; run < RUNS; run++) {
        // Peers alternate run by run, so a change in the machine's load hits them alike.
        for (const peer of run % 2 === 0 ? PEERS : [...PEERS].reverse())
            results.get(peer).push(await runOnce(peer));
    }
    const json = JSON.stringify(DOCUMENT).length;
    console.log(`compressed broadcast: ${CLIENTS} clients, ${BURST} broadcasts of ${json} bytes of JSON, ${RUNS} runs`);
    console.log('| peer | deliveries/s | bytes on the wire per delivery | server CPU µs per delivery |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const [peer, runs] of results) {
        const row = [
            median(runs.map((r) => r.deliveriesPerSecond)).toFixed(0),
            median(runs.map((r) => r.bytesPerDelivery)).toFixed(0),
            median(runs.map((r) => r.cpuMicrosPerDelivery)).toFixed(1),
        ];
        console.log(`| ${peer} | ${row.join(' | ')} |`);
    }
}
if (require.main === module) {
    if (process.argv[2] === 'server')
        void serveAs(process.argv[3]);
    else
        main().catch((error) => {
            console.error(error);
            process.exitCode = 1;
        });
}
//# sourceMappingURL=deflate-broadcast.js.map