import { printTable, runClusterFanout, type Peer } from './cluster-fanout';

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
const PEERS: readonly Peer[] = [
  'classio',
  'classio-streams',
  'socket.io-streams',
  'classio-streams-recovery',
  'socket.io-streams-recovery',
];

const chosen = process.env.STREAMS_PEERS?.split(',').filter((peer): peer is Peer => PEERS.includes(peer as Peer));

runClusterFanout(chosen !== undefined && chosen.length > 0 ? chosen : PEERS).then(
  (medians) => {
    printTable(medians);
    process.exit(0);
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
