"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const node_cluster_1 = __importDefault(require("node:cluster"));
const node_http_1 = require("node:http");
const node_net_1 = require("node:net");
const src_1 = require("../../src");
/**
 * Several classio processes behind one port, with Node's `cluster` module and Redis as the message queue.
 *
 *   node dist/examples/cluster/server.js                 # sticky: every transport, the primary routes by IP
 *   CLUSTER_MODE=websocket node dist/examples/cluster/server.js   # websocket-only: no stickiness needed
 *
 * Environment: PORT (5000), HOST (127.0.0.1), WORKERS (3), REDIS_URL (redis://127.0.0.1:6379).
 *
 * Why sticky: a polling session is a series of HTTP requests that must all reach the process holding the session
 * (and its upgrade to websocket too). In `sticky` mode the primary owns the port and hands every TCP connection to
 * the worker chosen by a hash of the client address, like nginx's `ip_hash`. A websocket-only client opens one
 * long-lived connection, so `cluster`'s own round-robin is enough: clients must then be created with
 * `transports: ['websocket']`.
 */
const PORT = Number(process.env.PORT ?? 5000);
const HOST = process.env.HOST ?? '127.0.0.1';
const WORKERS = Number(process.env.WORKERS ?? 3);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const isWebsocketOnly = process.env.CLUSTER_MODE === 'websocket';
const STICKY_MESSAGE = 'classio:sticky-connection';
if (node_cluster_1.default.isPrimary)
    startPrimary();
else
    void startWorker();
function startPrimary() {
    const workers = [];
    const fork = (slot) => {
        const worker = node_cluster_1.default.fork();
        workers[slot] = worker;
        // A dead worker takes only its own clients; the replacement serves the same slot (and the same IP hashes).
        worker.on('exit', (code, signal) => {
            console.log(`worker ${worker.process.pid} exited (${signal ?? code}), starting another`);
            fork(slot);
        });
    };
    for (let slot = 0; slot < WORKERS; slot++)
        fork(slot);
    if (isWebsocketOnly) {
        console.log(`websocket-only cluster of ${WORKERS} workers on http://${HOST}:${PORT} (cluster round-robin)`);
        return;
    }
    // `pauseOnConnect`: no byte is read here, so the worker sees the request from its first byte.
    (0, node_net_1.createServer)({ pauseOnConnect: true }, (connection) => {
        const worker = workers[hashAddress(connection.remoteAddress ?? '') % workers.length];
        worker.send(STICKY_MESSAGE, connection);
    }).listen(PORT, HOST, () => console.log(`sticky cluster of ${WORKERS} workers on http://${HOST}:${PORT}`));
}
async function startWorker() {
    const server = new src_1.Server({
        messageQueue: REDIS_URL,
        channel: 'classio-cluster-example',
        ...(isWebsocketOnly ? { transports: ['websocket'] } : {}),
    });
    const worker = `worker ${process.pid}`;
    // Whatever process a client is on, a broadcast reaches every client of every worker.
    server.on('chat', (text) => {
        server.emit('chat', { from: (0, src_1.currentSid)(), via: worker, text });
        return 'sent';
    });
    server.on('connect', () => {
        (0, src_1.emit)('welcome', { worker });
    });
    if (isWebsocketOnly) {
        // Workers that listen on the same port share it: the primary accepts and deals connections round-robin.
        await server.listen(PORT, HOST);
        return;
    }
    // Sticky mode: this worker never listens; it serves the connections the primary hands over.
    const httpServer = (0, node_http_1.createServer)();
    server.attach(httpServer);
    process.on('message', (message, connection) => {
        if (message !== STICKY_MESSAGE || connection === undefined)
            return;
        httpServer.emit('connection', connection);
        connection.resume();
    });
}
/** A stable hash of the client address (FNV-1a), so one client always lands on one worker. */
function hashAddress(address) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < address.length; i++) {
        hash ^= address.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
}
//# sourceMappingURL=server.js.map