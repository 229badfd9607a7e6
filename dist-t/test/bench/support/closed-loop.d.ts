import { type RawClient } from './raw-client';
import { type Frame } from './frames';
import { type LoadContext, type MetricSpec } from './suite';
/** The metrics of a closed-loop workload. */
export declare const CLOSED_LOOP_METRICS: readonly MetricSpec[];
/** A request/reply workload: what each client sends and how its reply starts. */
export interface ClosedLoopSpec {
    readonly clients: number;
    /** The next request of a client; called once per round trip, so it must not build strings. */
    request(client: RawClient): Frame;
    /** The reply's prefix; other frames (heartbeats, broadcasts) are ignored. */
    readonly replyPrefix: Buffer;
}
/**
 * Runs `clients` closed loops over websocket: each client has exactly one request in flight and sends the next one
 * as soon as the reply arrives. Throughput is then what the server sustains at that concurrency, and the latency
 * is honest (no coordinated omission from an open-loop sender outrunning the server).
 */
export declare function runClosedLoop(context: LoadContext, spec: ClosedLoopSpec): Promise<Record<string, number>>;
