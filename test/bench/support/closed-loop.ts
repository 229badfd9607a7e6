import { performance } from 'node:perf_hooks';
import { assertAllOpen, closeClients, connectClients, type RawClient } from './raw-client';
import { hasPrefix, type Frame } from './frames';
import { LatencyHistogram } from './histogram';
import { sleep, type LoadContext, type MetricSpec } from './suite';

/** The metrics of a closed-loop workload. */
export const CLOSED_LOOP_METRICS: readonly MetricSpec[] = [
  { key: 'messagesPerSecond', label: 'msgs/s', isHigherBetter: true, digits: 0 },
  { key: 'p50', label: 'p50 ms', isHigherBetter: false, digits: 2 },
  { key: 'p99', label: 'p99 ms', isHigherBetter: false, digits: 2 },
];

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
export async function runClosedLoop(context: LoadContext, spec: ClosedLoopSpec): Promise<Record<string, number>> {
  const clients = await connectClients(context.port, spec.clients);
  const histogram = new LatencyHistogram();
  const { replyPrefix } = spec;
  let isRunning = true;
  let isMeasuring = false;
  let replies = 0;

  const onFrame = (client: RawClient, data: Buffer): void => {
    if (!hasPrefix(data, replyPrefix)) return;
    const now = performance.now();
    if (isMeasuring) {
      histogram.record(now - client.sentAt);
      replies++;
    }
    if (isRunning) {
      client.sentAt = now;
      client.send(spec.request(client));
    }
  };

  try {
    for (const client of clients) {
      client.onFrame = onFrame;
      client.sentAt = performance.now();
      client.send(spec.request(client));
    }
    await sleep(context.options.warmupSeconds);
    await context.beginMeasure();
    isMeasuring = true;
    const started = performance.now();
    await sleep(context.options.seconds);
    isMeasuring = false;
    const elapsed = (performance.now() - started) / 1000;
    await context.endMeasure();
    isRunning = false;
    assertAllOpen(clients);
    return {
      messagesPerSecond: replies / elapsed,
      p50: histogram.quantile(0.5),
      p99: histogram.quantile(0.99),
    };
  } finally {
    isRunning = false;
    closeClients(clients);
  }
}
