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
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const node_child_process_1 = require("node:child_process");
const node_http_1 = require("node:http");
const deflate_broadcast_1 = require("./deflate-broadcast");
const CLIENTS = Number(process.env.CLIENTS ?? 500);
const BIG = JSON.stringify(Array.from({ length: 185 }, (_, i) => ({ id: i, name: `player-${i}`, x: i * 3.5 })));
async function serveAs(mode) {
    const { Server } = await Promise.resolve().then(() => __importStar(require('../../src/server')));
    const httpServer = (0, node_http_1.createServer)();
    const perMessageDeflate = mode === 'off'
        ? false
        : mode === 'takeover'
            ? { threshold: 1024 }
            : { threshold: 1024, serverNoContextTakeover: true };
    const io = new Server(httpServer, { logger: false, perMessageDeflate, pingInterval: 600_000 });
    io.of('/').on('connection', (socket) => socket.on('up', () => undefined));
    await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const sample = () => {
        globalThis.gc?.();
        const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
        return { rss, heap: heapUsed + external + arrayBuffers };
    };
    process.send({ port: httpServer.address().port, ...sample() });
    process.on('message', (message) => {
        if (message === 'broadcast')
            io.emit('state', BIG);
        else
            setTimeout(() => process.send(sample()), 500);
    });
}
async function measure(mode) {
    const child = (0, node_child_process_1.fork)(__filename, ['server', mode], { execArgv: ['--expose-gc'], stdio: 'inherit' });
    const next = () => new Promise((r) => child.once('message', r));
    try {
        const before = await next();
        const clients = await (0, deflate_broadcast_1.connectClients)(before.port, CLIENTS);
        const received = clients.map((ws) => new Promise((resolve) => ws.once('message', resolve)));
        child.send('broadcast');
        await Promise.all(received);
        for (const ws of clients)
            ws.send(`42${JSON.stringify(['up', BIG])}`);
        child.send('sample');
        const after = await next();
        for (const ws of clients)
            ws.terminate();
        return { rss: (after.rss - before.rss) / CLIENTS, heap: (after.heap - before.heap) / CLIENTS };
    }
    finally {
        child.kill();
    }
}
async function main() {
    console.log(`memory per connection, ${CLIENTS} connections, one compressed message each way`);
    console.log('| permessage-deflate | RSS KiB per connection | heap + external KiB per connection |');
    console.log('| --- | ---: | ---: |');
    for (const mode of ['off', 'takeover', 'no-takeover']) {
        const { rss, heap } = await measure(mode);
        console.log(`| ${mode} | ${(rss / 1024).toFixed(1)} | ${(heap / 1024).toFixed(1)} |`);
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
//# sourceMappingURL=deflate-memory.js.map