"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventCounter = void 0;
exports.countEngineEvents = countEngineEvents;
exports.collectStats = collectStats;
exports.defaultServerId = defaultServerId;
const node_os_1 = require("node:os");
const node_cluster_1 = __importDefault(require("node:cluster"));
/**
 * Counts engine events per second until the next `server_stats` takes them. The current second's counts are
 * plain map entries keyed by a constant string, so that counting a received packet allocates nothing.
 */
class EventCounter {
    #second = 0;
    #counts = new Map();
    #done = [];
    /** Adds `count` to `type` (a constant string; `subType` only for rare events) in the current second. */
    add(type, count = 1, subType) {
        const now = Date.now();
        const second = now - (now % 1000);
        if (second !== this.#second) {
            this.#close();
            this.#second = second;
        }
        const key = subType === undefined ? type : `${type}\u0000${subType}`;
        this.#counts.set(key, (this.#counts.get(key) ?? 0) + count);
    }
    /** Everything counted since the last call. */
    take() {
        this.#close();
        return this.#done.splice(0);
    }
    #close() {
        for (const [key, count] of this.#counts) {
            const at = key.indexOf('\u0000');
            this.#done.push(at === -1
                ? { timestamp: this.#second, type: key, count }
                : { timestamp: this.#second, type: key.slice(0, at), subType: key.slice(at + 1), count });
        }
        this.#counts.clear();
    }
}
exports.EventCounter = EventCounter;
/**
 * Counts the engine's connections, closes and received packets for the dashboard. The listeners are created once
 * per `instrument()` and shared by every connection; a received packet costs one more listener call and a count.
 * Packets and bytes sent are not counted: the engine reports no event per write, and one would cost every write.
 */
function countEngineEvents(server, counter) {
    const onMessage = (data) => {
        counter.add('packetsIn');
        counter.add('bytesIn', typeof data === 'string' ? Buffer.byteLength(data) : data.length);
    };
    const onClose = (reason) => counter.add('rawDisconnection', 1, reason);
    server.engine.on('connection', (conn) => {
        counter.add('rawConnection');
        conn.on('message', onMessage);
        conn.on('close', onClose);
    });
}
/** Builds this process's stats, taking the counts gathered since the last call. */
function collectStats(server, serverId, counter) {
    let pollingClientsCount = 0;
    for (const conn of server.engine.clients.values())
        if (conn.transportName === 'polling')
            pollingClientsCount++;
    const namespaces = [];
    for (const nsp of server.namespaces.values()) {
        namespaces.push({ name: nsp.name, socketsCount: nsp.sockets.size });
    }
    return {
        serverId,
        hostname: (0, node_os_1.hostname)(),
        pid: process.pid,
        uptime: process.uptime(),
        clientsCount: server.engine.clientsCount,
        pollingClientsCount,
        aggregatedEvents: counter.take(),
        namespaces,
    };
}
/** The reference's default server id: the hostname, and the pid in a cluster worker. */
function defaultServerId() {
    return node_cluster_1.default.isWorker ? `${(0, node_os_1.hostname)()}#${process.pid}` : (0, node_os_1.hostname)();
}
//# sourceMappingURL=stats.js.map