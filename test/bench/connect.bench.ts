import { performance } from 'node:perf_hooks';
import { assertAllOpen, closeClients, connectClients } from './support/raw-client';
import { runIfMain } from './support/runner';
import { sleep, type Suite } from './support/suite';

/**
 * Workload 5, connect: 2,000 websocket handshakes, each followed by the `/test` namespace connect and the app's
 * greeting (64 in flight at a time), then the server's memory per 1,000 idle connections: RSS and heap after a
 * full GC in the server process, with the connections open minus before they were opened.
 */

const MIB = 2 ** 20;

export const suite: Suite = {
  id: 'connect',
  title: '(5) connect: 2,000 websocket handshakes + `/test` connects; server memory per 1,000 idle connections',
  quickNote: '500 connections',
  file: __filename,
  peers: ['classio', 'socket.io', 'bare-ws'],
  metrics: [
    { key: 'connectionsPerSecond', label: 'connects/s', isHigherBetter: true, digits: 0 },
    { key: 'rssPerThousand', label: 'RSS MiB / 1k idle', isHigherBetter: false, digits: 1 },
    { key: 'heapPerThousand', label: 'heap MiB / 1k idle', isHigherBetter: false, digits: 1 },
  ],
  async run(context) {
    const count = context.options.isQuick ? 500 : 2000;
    // A few connections first, so that lazily built server state (JIT, pools) is not billed to the first batch.
    closeClients(await connectClients(context.port, 20));
    await sleep(0.2);
    const before = await context.serverMemory();
    await context.beginMeasure();
    const started = performance.now();
    const clients = await connectClients(context.port, count);
    const elapsed = (performance.now() - started) / 1000;
    await context.endMeasure();
    try {
      // Let the handshakes' garbage and socket buffers settle before sampling the idle state.
      await sleep(0.5);
      const after = await context.serverMemory();
      assertAllOpen(clients);
      return {
        connectionsPerSecond: count / elapsed,
        rssPerThousand: ((after.rss - before.rss) / MIB) * (1000 / count),
        heapPerThousand: ((after.heapUsed - before.heapUsed) / MIB) * (1000 / count),
      };
    } finally {
      closeClients(clients);
    }
  },
};

runIfMain(module, [suite]);
