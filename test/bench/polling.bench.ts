import { performance } from 'node:perf_hooks';
import { CLOSED_LOOP_METRICS } from './support/closed-loop';
import { PING_FRAME, PONG_FRAME } from './support/frames';
import { LatencyHistogram } from './support/histogram';
import { PollingClient } from './support/polling-client';
import { runIfMain } from './support/runner';
import { sleep, type Suite } from './support/suite';

/**
 * Workload 6, the polling round trip: workload 1 (`my ping` -> `my pong`, 50 clients in closed loops) over HTTP
 * long-polling only. Each round trip is a POST carrying the ping and the long-poll GET returning the pong, over
 * keep-alive connections (two per client, requests prepared as bytes; BENCH_CLIENT=library uses Node's `http`
 * client with a keep-alive `http.Agent` instead). The bare ws ceiling does not speak polling, so only classio and Socket.IO run it.
 */

export const suite: Suite = {
  id: 'polling',
  title: '(6) `my ping` -> `my pong`, 50 clients in closed loops, long-polling',
  file: __filename,
  peers: ['classio', 'socket.io'],
  baselines: ['socket.io'],
  metrics: CLOSED_LOOP_METRICS,
  async run(context) {
    const clients: PollingClient[] = [];
    const histogram = new LatencyHistogram();
    let isRunning = true;
    let isMeasuring = false;
    let replies = 0;
    const onPacket = (client: PollingClient, packet: string): void => {
      if (packet !== PONG_FRAME) return;
      const now = performance.now();
      if (isMeasuring) {
        histogram.record(now - client.sentAt);
        replies++;
      }
      if (isRunning) {
        client.sentAt = now;
        client.send(PING_FRAME);
      }
    };
    try {
      for (let i = 0; i < 50; i++) clients.push(await PollingClient.connect(context.port));
      for (const client of clients) {
        client.onPacket = onPacket;
        client.sentAt = performance.now();
        client.send(PING_FRAME);
      }
      await sleep(context.options.warmupSeconds);
      await context.beginMeasure();
      isMeasuring = true;
      const started = performance.now();
      await sleep(context.options.seconds);
      isMeasuring = false;
      const elapsed = (performance.now() - started) / 1000;
      await context.endMeasure();
      const lost = clients.filter((client) => client.hasFailed).length;
      if (lost > 0) throw new Error(`${lost} of ${clients.length} polling sessions failed during the run`);
      return { messagesPerSecond: replies / elapsed, p50: histogram.quantile(0.5), p99: histogram.quantile(0.99) };
    } finally {
      isRunning = false;
      for (const client of clients) client.close();
      PollingClient.closeShared();
    }
  },
};

runIfMain(module, [suite]);
