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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const tsyringe_1 = require("tsyringe");
const ws_1 = __importDefault(require("ws"));
const node_http_1 = require("node:http");
const server_1 = require("../../../src/server");
const src_1 = require("../../../src");
/**
 * The flood, run in a child process started with --expose-gc so that heap figures mean something: FLOOD_CLIENTS
 * websocket connections (and a tenth as many polling sessions) join `/` and a connection-scoped namespace, join
 * rooms, then vanish without a goodbye (TCP reset, aborted poll). Prints one JSON line with the heap before and
 * after and every structure count once the server has noticed.
 */
let created = 0;
let disposed = 0;
let Scoped = class Scoped extends src_1.Namespace {
    constructor() {
        super();
        created++;
    }
    dispose() {
        disposed++;
    }
};
Scoped = __decorate([
    (0, src_1.Namespace)('/scoped', { scope: 'connection' }),
    (0, tsyringe_1.injectable)(),
    __metadata("design:paramtypes", [])
], Scoped);
const clients = Number(process.env.FLOOD_CLIENTS ?? 2000);
const pollingClients = Math.ceil(clients / 10);
const BATCH = 100;
function heapUsed() {
    const gc = globalThis.gc;
    if (gc !== undefined)
        for (let i = 0; i < 3; i++)
            gc();
    return process.memoryUsage().heapUsed;
}
function delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
async function until(predicate, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
        if (Date.now() > deadline)
            return false;
        await delay(20);
    }
    return true;
}
/** Opens one websocket client that joins `/` and `/scoped`; resolves once both answered. */
function openWebSocket(port) {
    return new Promise((resolve, reject) => {
        const ws = new ws_1.default(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`);
        let joined = 0;
        ws.on('error', reject);
        ws.on('message', (data) => {
            const frame = data.toString();
            if (frame.startsWith('0')) {
                ws.send('40');
                ws.send('40/scoped,');
            }
            else if (frame.startsWith('40')) {
                joined++;
                if (joined === 2) {
                    ws.send('42["join","flood"]');
                    resolve(ws);
                }
            }
            else if (frame === '2')
                ws.send('3');
        });
    });
}
function httpCall(port, method, path, body) {
    let abort = () => undefined;
    const done = new Promise((resolve) => {
        const req = (0, node_http_1.request)({ host: '127.0.0.1', port, method, path, agent: false }, (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk.toString()));
            res.on('end', () => resolve(text));
            res.on('error', () => resolve(''));
        });
        req.on('error', () => resolve(''));
        abort = () => req.destroy();
        req.end(body);
    });
    return { done, abort: () => abort() };
}
/** Opens a polling session joined to `/`, leaves a GET pending, and returns the function that aborts it. */
async function openPolling(port) {
    const open = await httpCall(port, 'GET', '/socket.io/?EIO=4&transport=polling').done;
    const sid = JSON.parse(open.slice(1)).sid;
    const path = `/socket.io/?EIO=4&transport=polling&sid=${sid}`;
    await httpCall(port, 'POST', path, '40\x1e42["join","flood"]').done;
    await httpCall(port, 'GET', path).done; // the CONNECT answer
    return httpCall(port, 'GET', path).abort;
}
async function flood(server, port, count, polling) {
    const sockets = [];
    for (let i = 0; i < count; i += BATCH) {
        const batch = await Promise.all(Array.from({ length: Math.min(BATCH, count - i) }, () => openWebSocket(port)));
        sockets.push(...batch);
    }
    const aborts = [];
    for (let i = 0; i < polling; i += BATCH) {
        aborts.push(...(await Promise.all(Array.from({ length: Math.min(BATCH, polling - i) }, () => openPolling(port)))));
    }
    await until(() => (server.of('/').adapter.rooms.get('flood')?.size ?? 0) === count + polling);
    // Abruptly: a TCP teardown without a close frame, and an aborted long-poll.
    for (const ws of sockets)
        ws.terminate();
    for (const abort of aborts)
        abort();
}
async function main() {
    const server = new server_1.Server({ logger: false, pingInterval: 2000, pingTimeout: 2000 });
    server.register(Scoped);
    server.of('/').on('connection', (socket) => socket.on('join', (room) => socket.join(room)));
    await server.listen(0);
    const port = server.port;
    const counts = () => ({
        engineClients: server.engine.clientsCount,
        sockets: server.of('/').sockets.size + server.of('/scoped').sockets.size,
        rooms: server.of('/').adapter.rooms.size + server.of('/scoped').adapter.rooms.size,
        created,
        disposed,
    });
    const isClean = () => {
        const c = counts();
        return c.engineClients === 0 && c.sockets === 0 && c.rooms === 0 && c.created === c.disposed;
    };
    // Warm-up: JIT, pools and lazily created structures must not count as a leak.
    await flood(server, port, 200, 20);
    await until(isClean);
    const before = heapUsed();
    const startedAt = Date.now();
    await flood(server, port, clients, pollingClients);
    const peak = process.memoryUsage().heapUsed;
    const drained = await until(isClean);
    const after = heapUsed();
    process.stdout.write(`${JSON.stringify({
        clients,
        pollingClients,
        drained,
        seconds: (Date.now() - startedAt) / 1000,
        hasGc: typeof globalThis.gc === 'function',
        heapBefore: before,
        heapPeak: peak,
        heapAfter: after,
        ...counts(),
    })}\n`);
    await server.close();
}
main().catch((err) => {
    console.error(err);
    process.exit(1);
});
//# sourceMappingURL=flood-child.js.map