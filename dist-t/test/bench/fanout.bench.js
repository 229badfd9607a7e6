"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.suite = void 0;
const node_perf_hooks_1 = require("node:perf_hooks");
const frames_1 = require("./support/frames");
const raw_client_1 = require("./support/raw-client");
const runner_1 = require("./support/runner");
const suite_1 = require("./support/suite");
/**
 * Workload 4, broadcast to N sockets: 1,000 clients join one room, and one more client (not in the room) emits
 * `my_room_event` to it; the server sends `my response` to every member. The figure is deliveries per second.
 *
 * The sender keeps a window of broadcasts in flight, so the server always has work and never floods: it sends the
 * next broadcast as soon as the oldest one has reached every member. Receivers only compare a prefix and bump a
 * counter, but a receive still costs the load generator a `read` per wakeup, about what a send costs the server: with
 * 4 broadcasts in flight the load generator saturated first (98 % CPU) for both classio and bare ws. 64 in flight
 * let several frames arrive per read, so the server, not the load generator, saturates (see the CPU columns).
 * BENCH_FANOUT_WINDOW changes it.
 */
const JOIN = (0, frames_1.prepareFrame)(frames_1.JOIN_FRAME);
const ROOM_EVENT = (0, frames_1.prepareFrame)(frames_1.ROOM_EVENT_FRAME);
const RESPONSE = Buffer.from(frames_1.RESPONSE_PREFIX);
/** Broadcasts in flight (BENCH_FANOUT_WINDOW). */
const WINDOW = Number(process.env.BENCH_FANOUT_WINDOW ?? 64);
/** Joins every client to the room and waits for each join's reply. */
async function joinAll(clients) {
    await Promise.all(clients.map((client) => new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no reply to join within 15 s')), 15_000);
        client.onFrame = (_client, data) => {
            if (!(0, frames_1.hasPrefix)(data, RESPONSE))
                return;
            clearTimeout(timer);
            resolve();
        };
        client.send(JOIN);
    })));
}
exports.suite = {
    id: 'fanout',
    title: '(4) fan-out: 1,000 clients in one room, one sender emitting `my_room_event`, websocket',
    quickNote: '200 members',
    file: __filename,
    peers: ['classio', 'socket.io', 'bare-ws'],
    metrics: [
        { key: 'deliveriesPerSecond', label: 'deliveries/s', isHigherBetter: true, digits: 0 },
        { key: 'broadcastsPerSecond', label: 'broadcasts/s', isHigherBetter: true, digits: 0 },
    ],
    async run(context) {
        const members = context.options.isQuick ? 200 : 1000;
        const receivers = await (0, raw_client_1.connectClients)(context.port, members);
        const senders = await (0, raw_client_1.connectClients)(context.port, 1).catch((error) => {
            (0, raw_client_1.closeClients)(receivers);
            throw error;
        });
        const sender = senders[0];
        try {
            await joinAll(receivers);
            let isRunning = true;
            let sent = 0;
            let deliveries = 0;
            const onDelivery = (_client, data) => {
                if (!(0, frames_1.hasPrefix)(data, RESPONSE))
                    return;
                deliveries++;
                // The oldest broadcast in flight has reached everyone once deliveries pass its share: send another.
                if (isRunning && (sent - WINDOW) * members <= deliveries - members) {
                    sent++;
                    sender.send(ROOM_EVENT);
                }
            };
            for (const receiver of receivers)
                receiver.onFrame = onDelivery;
            for (; sent < WINDOW; sent++)
                sender.send(ROOM_EVENT);
            await (0, suite_1.sleep)(context.options.warmupSeconds);
            await context.beginMeasure();
            const deliveriesAtStart = deliveries;
            const started = node_perf_hooks_1.performance.now();
            await (0, suite_1.sleep)(context.options.seconds);
            const measured = deliveries - deliveriesAtStart;
            const elapsed = (node_perf_hooks_1.performance.now() - started) / 1000;
            await context.endMeasure();
            isRunning = false;
            (0, raw_client_1.assertAllOpen)(receivers);
            (0, raw_client_1.assertAllOpen)(senders);
            return { deliveriesPerSecond: measured / elapsed, broadcastsPerSecond: measured / members / elapsed };
        }
        finally {
            (0, raw_client_1.closeClients)(receivers);
            (0, raw_client_1.closeClients)(senders);
        }
    },
};
(0, runner_1.runIfMain)(module, [exports.suite]);
//# sourceMappingURL=fanout.bench.js.map