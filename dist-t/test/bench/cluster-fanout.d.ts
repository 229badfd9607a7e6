import 'reflect-metadata';
/**
 * Cluster fan-out (issue 6): three server processes on one Redis, 1,000 websocket clients in one room spread
 * evenly over them, and one process broadcasting to the room, so two thirds of every broadcast crosses Redis.
 * classio with its Redis adapter against Socket.IO with @socket.io/redis-adapter (both ioredis, both msgpack),
 * on the same Redis, in the same run, peers alternating run by run.
 *
 *   npm run build && node dist/test/bench/cluster-fanout.js
 *
 * Per run: a burst of BURST broadcasts (throughput: broadcasts/s and deliveries/s until the last client got the
 * last one) and SAMPLES single broadcasts one after the other (latency until the last client got it, median).
 * Every client must receive every broadcast exactly once, or the run fails. Figures are medians of RUNS runs.
 *
 * Environment: REDIS_URL (redis://127.0.0.1:6379), CLIENTS (1000), BURST (200), SAMPLES (20), RUNS (3),
 * PAYLOAD bytes (100), PROCESSES (3), PROF_DIR (unset: when set, the server processes write V8 CPU profiles there).
 *
 * Run as `node cluster-fanout.js server <peer> <channel>` it is one of the server processes (internal).
 */
/**
 * The pub/sub adapters (`classio`, `socket.io`), and the Redis Streams ones (`-streams`: classio's
 * createRedisStreamsAdapter, @socket.io/redis-streams-adapter), those also with connection state recovery on
 * (`-streams-recovery`). `streams-fanout.ts` runs the streams peers.
 */
export type Peer = 'classio' | 'socket.io' | 'classio-streams' | 'socket.io-streams' | 'classio-streams-recovery' | 'socket.io-streams-recovery';
/** The result of one run of one peer. */
export interface FanoutResult {
    broadcastsPerSecond: number;
    deliveriesPerSecond: number;
    latencyMs: number;
}
/** Runs the peers RUNS times, alternating, and returns the medians per peer. */
export declare function runClusterFanout(peers?: readonly Peer[]): Promise<Partial<Record<Peer, FanoutResult>>>;
/** Prints the medians as a markdown table. */
export declare function printTable(medians: Partial<Record<Peer, FanoutResult>>): void;
