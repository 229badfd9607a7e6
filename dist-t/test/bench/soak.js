"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const node_child_process_1 = require("node:child_process");
const ws_1 = __importDefault(require("ws"));
const server_1 = require("../../src/server");
const limits_1 = require("./support/limits");
const node_version_1 = require("./support/node-version");
/**
 * The soak run (issue 5), outside the default test run: `npm run soak`. A classio server in a child process holds
 * SOAK_CLIENTS websocket clients (default 2000) for SOAK_MINUTES (default 2) with steady traffic: every client
 * emits an acknowledged event every SOAK_INTERVAL_MS (default 5000), every third one is broadcast to the sender's
 * room of 50, the server broadcasts a tick to everybody every second, and a slice of the clients reconnects every
 * 10 s (churn). Clients come from the loopback addresses 127.0.0.2 and up, 10,000 each, and the descriptor limit is
 * raised for the run (issue 18 soaks 20,000 clients: `SOAK_CLIENTS=20000 SOAK_MINUTES=10`). Every 10 s it prints the server's memory and counts; at the end a summary for the README.
 */
const MINUTES = Number(process.env.SOAK_MINUTES ?? 2);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 2000);
const INTERVAL_MS = Number(process.env.SOAK_INTERVAL_MS ?? 5000);
const ROOM_SIZE = 50;
const CHURN_PER_10S = Math.ceil(CLIENTS / 100);
// ---------------------------------------------------------------------------------------------- server side
async function runServer() {
    const server = new server_1.Server({ logger: false });
    let received = 0;
    server.on('chat', (message) => {
        received++;
        if (message.n % 3 === 0)
            server.to(message.room).emit('chat', message);
        return message.n;
    });
    server.of('/').on('connection', (socket) => {
        const room = socket.handshake.query.room;
        if (typeof room === 'string')
            socket.join(room);
    });
    await server.listen(0);
    const ticker = setInterval(() => server.emit('tick', Date.now()), 1000);
    process.on('message', (message) => {
        if (message === 'sample') {
            // Collected first (the child runs with --expose-gc), so that heap figures compare live data, not garbage.
            globalThis.gc?.();
            const memory = process.memoryUsage();
            const sample = {
                rss: memory.rss,
                heapUsed: memory.heapUsed,
                engineClients: server.engine.clientsCount,
                sockets: server.of('/').sockets.size,
                rooms: server.of('/').adapter.rooms.size,
            };
            process.send({ type: 'sample', sample, received });
        }
        else if (message === 'stop') {
            clearInterval(ticker);
            void server.close({ timeout: 2000 }).then(() => process.exit(0));
        }
    });
    process.send({ type: 'ready', port: server.port });
}
const stats = { acks: 0, chats: 0, ticks: 0, errors: 0, sent: 0, reconnects: 0 };
function openClient(port, index) {
    return new Promise((resolve) => {
        const room = `room-${Math.floor(index / ROOM_SIZE)}`;
        // 10,000 clients per loopback source address (127.0.0.2 and up), so that churn never runs out of ports.
        const localAddress = `127.0.0.${2 + Math.floor(index / 10_000)}`;
        const ws = new ws_1.default(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket&room=${room}`, {
            localAddress,
        });
        const client = { ws, n: 0, timer: null };
        ws.on('error', () => {
            stats.errors++;
            resolve(client);
        });
        ws.on('message', (data) => {
            const frame = data.toString();
            if (frame === '2')
                ws.send('3');
            else if (frame.startsWith('0'))
                ws.send('40');
            else if (frame.startsWith('40')) {
                // Spread the clients' sends over the interval.
                client.timer = setTimeout(function send() {
                    client.n++;
                    stats.sent++;
                    ws.send(`42${client.n}["chat",{"room":"${room}","n":${client.n},"text":"soak message ${client.n}"}]`);
                    client.timer = setTimeout(send, INTERVAL_MS);
                }, Math.random() * INTERVAL_MS);
                resolve(client);
            }
            else if (frame.startsWith('43'))
                stats.acks++;
            else if (frame.startsWith('42["tick"'))
                stats.ticks++;
            else if (frame.startsWith('42["chat"'))
                stats.chats++;
        });
    });
}
function closeClient(client) {
    if (client.timer !== null)
        clearTimeout(client.timer);
    client.ws.terminate();
}
function sampleServer(child) {
    return new Promise((resolve) => {
        const onMessage = (message) => {
            if (message.type !== 'sample')
                return;
            child.off('message', onMessage);
            resolve(message);
        };
        child.on('message', onMessage);
        child.send('sample');
    });
}
const mib = (bytes) => (bytes / 1048576).toFixed(1);
async function runSoak() {
    (0, limits_1.raiseDescriptorLimit)(CLIENTS * 2 + 10_000, 'soak');
    const child = (0, node_child_process_1.fork)(__filename, ['server'], { execArgv: ['--expose-gc'] });
    const port = await new Promise((resolve) => child.on('message', (message) => message.type === 'ready' && resolve(message.port)));
    console.log(`soak: ${CLIENTS} clients, ${MINUTES} min, one acknowledged event per client every ${INTERVAL_MS} ms`);
    const idle = await sampleServer(child);
    const clients = [];
    for (let i = 0; i < CLIENTS; i += 100) {
        clients.push(...(await Promise.all(Array.from({ length: Math.min(100, CLIENTS - i) }, (_, j) => openClient(port, i + j)))));
    }
    const start = Date.now();
    const samples = [];
    console.log('  time | rss MiB | heap MiB | sessions | sockets | rooms | sent | acks | chats | ticks | errors');
    const print = (elapsed, sample) => console.log(`${String(Math.round(elapsed / 1000)).padStart(5)}s | ${mib(sample.rss).padStart(7)} | ${mib(sample.heapUsed).padStart(8)} | ` +
        `${String(sample.engineClients).padStart(8)} | ${String(sample.sockets).padStart(7)} | ${String(sample.rooms).padStart(5)} | ` +
        `${stats.sent} | ${stats.acks} | ${stats.chats} | ${stats.ticks} | ${stats.errors}`);
    let churnCursor = 0;
    while (Date.now() - start < MINUTES * 60_000) {
        await new Promise((resolve) => setTimeout(resolve, 10_000));
        // Churn: a slice of the clients drops abruptly and comes back.
        for (let k = 0; k < CHURN_PER_10S; k++) {
            const index = churnCursor++ % clients.length;
            closeClient(clients[index]);
            clients[index] = await openClient(port, index);
            stats.reconnects++;
        }
        const { sample } = await sampleServer(child);
        samples.push(sample);
        print(Date.now() - start, sample);
    }
    for (const client of clients)
        closeClient(client);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const drained = await sampleServer(child);
    const peak = samples.reduce((a, b) => (b.rss > a.rss ? b : a), samples[0] ?? idle.sample);
    const last = samples[samples.length - 1] ?? idle.sample;
    console.log('\nsummary');
    console.log(`  clients ${CLIENTS}, duration ${MINUTES} min, reconnects ${stats.reconnects}`);
    console.log(`  events sent ${stats.sent}, acks ${stats.acks} (${((stats.acks / Math.max(1, stats.sent)) * 100).toFixed(2)}%), room broadcasts received ${stats.chats}, ticks ${stats.ticks}, errors ${stats.errors}`);
    console.log(`  server rss: idle ${mib(idle.sample.rss)} MiB, peak ${mib(peak.rss)} MiB, last ${mib(last.rss)} MiB, after all left ${mib(drained.sample.rss)} MiB`);
    console.log(`  server heap: idle ${mib(idle.sample.heapUsed)} MiB, first ${mib(samples[0]?.heapUsed ?? 0)} MiB, last ${mib(last.heapUsed)} MiB, after all left ${mib(drained.sample.heapUsed)} MiB`);
    console.log(`  after all left: ${drained.sample.engineClients} sessions, ${drained.sample.sockets} sockets, ${drained.sample.rooms} rooms`);
    child.send('stop');
    await new Promise((resolve) => child.once('exit', resolve));
}
if (process.argv[2] === 'server') {
    void runServer();
}
else {
    (0, node_version_1.reexecOnRequestedNode)();
    runSoak().catch((err) => {
        console.error(err);
        process.exit(1);
    });
}
//# sourceMappingURL=soak.js.map