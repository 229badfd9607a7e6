"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const cluster_fanout_1 = require("./cluster-fanout");
/**
 * Cluster fan-out on the Redis Streams adapters (issue 14): `cluster-fanout.ts`'s workload (three server processes
 * on one Redis, 1,000 websocket clients in one room spread over them, one process broadcasting to the room) with
 * classio's createRedisStreamsAdapter against Socket.IO 4.8 with @socket.io/redis-streams-adapter, both with
 * connection state recovery off and on, and classio's pub/sub adapter as the reference, in the same run, peers
 * alternating run by run. Every client must receive every broadcast exactly once, or the run fails.
 *
 *   npm run build && node dist/test/bench/streams-fanout.js
 *
 * Environment: as cluster-fanout.ts (REDIS_URL, CLIENTS, BURST, SAMPLES, RUNS, PAYLOAD, PROCESSES), and
 * STREAMS_PEERS (a comma-separated subset of the peers below).
 */
const PEERS = [
    'classio',
    'classio-streams',
    'socket.io-streams',
    'classio-streams-recovery',
    'socket.io-streams-recovery',
];
const chosen = process.env.STREAMS_PEERS?.split(',').filter((peer) => PEERS.includes(peer));
(0, cluster_fanout_1.runClusterFanout)(chosen !== undefined && chosen.length > 0 ? chosen : PEERS).then((medians) => {
    (0, cluster_fanout_1.printTable)(medians);
    process.exit(0);
}, (err) => {
    console.error(err);
    process.exit(1);
});
//# sourceMappingURL=streams-fanout.js.map