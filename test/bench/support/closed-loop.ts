import { performance } from 'node:perf_hooks';
import { assertAllOpen, closeClients, connectClients, type RawClient } from './raw-client';
import { ACK_PREFIX, ECHO_DATA, hasPrefix, prepareFrame, type Frame } from './frames';
import { LatencyHistogram } from './histogram';
import { sleep, type LoadContext, type MetricSpec, type PeerName, type Suite } from './suite';

/** The metrics of a closed-loop workload. */
export const CLOSED_LOOP_METRICS: readonly MetricSpec[] = [
  { key: 'messagesPerSecond', label: 'msgs/s', isHigherBetter: true, digits: 0 },
  { key: 'p50', label: 'p50 ms', isHigherBetter: false, digits: 2 },
  { key: 'p99', label: 'p99 ms', isHigherBetter: false, digits: 2 },
];

/**
 * Called by a loop for each reply with the time its request was sent; records it when the window is open and says
 * whether the loop should send the next request.
 */
export type ReplyRecorder = (sentAt: number, now: number) => boolean;

/**
 * The measurement shared by every closed-loop workload, whatever its clients: `start` starts the loops, which call
 * the recorder once per reply; warm-up, then the measured window (server and load CPU sampled around it), then the
 * loops are told to stop. `check` runs after the window (e.g. that no client was dropped) and may throw.
 */
export async function measureLoops(
  context: LoadContext,
  start: (record: ReplyRecorder) => void,
  check: () => void,
): Promise<Record<string, number>> {
  const histogram = new LatencyHistogram();
  let isRunning = true;
  let isMeasuring = false;
  let replies = 0;
  start((sentAt, now) => {
    if (isMeasuring) {
      histogram.record(now - sentAt);
      replies++;
    }
    return isRunning;
  });
  try {
    await sleep(context.options.warmupSeconds);
    await context.beginMeasure();
    isMeasuring = true;
    const started = performance.now();
    await sleep(context.options.seconds);
    isMeasuring = false;
    const elapsed = (performance.now() - started) / 1000;
    await context.endMeasure();
    isRunning = false;
    check();
    return {
      messagesPerSecond: replies / elapsed,
      p50: histogram.quantile(0.5),
      p99: histogram.quantile(0.99),
    };
  } finally {
    isRunning = false;
  }
}

/** A request/reply workload: what each client sends and how its reply starts. */
export interface ClosedLoopSpec {
  readonly clients: number;
  /** The next request of a client; called once per round trip, so it must not build strings. */
  request(client: RawClient): Frame;
  /** The reply's prefix; other frames (heartbeats, broadcasts) are ignored. */
  readonly replyPrefix: Buffer;
  /** The clients offer permessage-deflate in their upgrade request (as browsers do). Default false. */
  readonly offersDeflate?: boolean;
}

/**
 * Runs `clients` closed loops over websocket: each client has exactly one request in flight and sends the next one
 * as soon as the reply arrives. Throughput is then what the server sustains at that concurrency, and the latency
 * is honest (no coordinated omission from an open-loop sender outrunning the server).
 */
export async function runClosedLoop(context: LoadContext, spec: ClosedLoopSpec): Promise<Record<string, number>> {
  const clients = await connectClients(context.port, spec.clients, 64, () => undefined, spec.offersDeflate === true);
  const { replyPrefix } = spec;
  try {
    return await measureLoops(
      context,
      (record) => {
        const onFrame = (client: RawClient, data: Buffer): void => {
          if (!hasPrefix(data, replyPrefix)) return;
          const now = performance.now();
          if (record(client.sentAt, now)) {
            client.sentAt = now;
            client.send(spec.request(client));
          }
        };
        for (const client of clients) {
          client.onFrame = onFrame;
          client.sentAt = performance.now();
          client.send(spec.request(client));
        }
      },
      () => assertAllOpen(clients),
    );
  } finally {
    closeClients(clients);
  }
}

/** What a closed-loop suite is: its table's identity and peers, and the requests its clients send. */
export interface ClosedLoopSuiteSpec {
  readonly id: string;
  readonly title: string;
  /** The workload file's `__filename`. */
  readonly file: string;
  readonly peers: readonly PeerName[];
  readonly baselines?: readonly PeerName[];
  /** The next request of a client (see {@link ClosedLoopSpec.request}). */
  readonly request: (client: RawClient) => Frame;
  readonly replyPrefix: string;
  /** Clients per run (default 50). */
  readonly clients?: number;
  /** Peers whose clients offer permessage-deflate (default none). */
  readonly deflatePeers?: readonly PeerName[];
}

/** The suite of a closed-loop workload: the one factory behind ping, echo, ack and the per-feature workloads. */
export function closedLoopSuite(spec: ClosedLoopSuiteSpec): Suite {
  const replyPrefix = Buffer.from(spec.replyPrefix);
  return {
    id: spec.id,
    title: spec.title,
    file: spec.file,
    peers: spec.peers,
    ...(spec.baselines === undefined ? {} : { baselines: spec.baselines }),
    metrics: CLOSED_LOOP_METRICS,
    run: (context) =>
      runClosedLoop(context, {
        clients: spec.clients ?? 50,
        request: spec.request,
        replyPrefix,
        offersDeflate: spec.deflatePeers?.includes(context.peer) === true,
      }),
  };
}

/**
 * Requests with ack ids: `frameOf(id)` pre-encoded for ids 0..999, which each client cycles through, so a request
 * costs no string building.
 */
export function ackRequests(frameOf: (id: number) => string): (client: RawClient) => Frame {
  const frames = Array.from({ length: 1000 }, (_, id) => prepareFrame(frameOf(id)));
  return (client) => {
    client.sequence = (client.sequence + 1) % frames.length;
    return frames[client.sequence];
  };
}

/** `echo` {data: 100 bytes} with an ack id; the server answers the ack with the payload (workload 7's request). */
const echoAckRequest = ackRequests((id) => `42/test,${id}["echo",{"data":"${ECHO_DATA}"}]`);

/** The suite of a workload built on workload 7's acknowledged `echo`: decorators, enhancers, observability, features. */
export function echoAckSuite(spec: Omit<ClosedLoopSuiteSpec, 'request' | 'replyPrefix'>): Suite {
  return closedLoopSuite({ ...spec, request: echoAckRequest, replyPrefix: ACK_PREFIX });
}
