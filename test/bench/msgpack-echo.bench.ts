import { performance } from 'node:perf_hooks';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { CLOSED_LOOP_METRICS } from './support/closed-loop';
import { NAMESPACE } from './support/frames';
import { LatencyHistogram } from './support/histogram';
import { runIfMain } from './support/runner';
import { sleep, type LoadContext, type Suite } from './support/suite';

/**
 * Workload 8, msgpack echo: `ack` with a string, a number and 100 bytes of binary, answered with the same
 * arguments, over websocket, every message encoded by socket.io-msgpack-parser on both ends. classio and Socket.IO
 * run the same parser and the same hand-written `socket.on('ack')` listener.
 *
 * The load clients are the official socket.io-client with the parser (the raw clients of the other workloads speak
 * the text encoding only), so the client's own cost is in the figures for both peers alike; compare the peers with
 * each other, not with the text workloads.
 */

const PAYLOAD = { n: 1, bytes: Buffer.alloc(100, 7) };

function connect(port: number): Promise<ClientSocket> {
  const socket = io(`http://127.0.0.1:${port}${NAMESPACE}`, {
    transports: ['websocket'],
    parser: msgpackParser,
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function runMsgpackEcho(context: LoadContext): Promise<Record<string, number>> {
  const count = context.options.isQuick ? 10 : 50;
  const clients = await Promise.all(Array.from({ length: count }, () => connect(context.port)));
  const histogram = new LatencyHistogram();
  let isRunning = true;
  let isMeasuring = false;
  let replies = 0;
  const loop = (socket: ClientSocket): void => {
    const sentAt = performance.now();
    socket.emit('ack', 'hello', PAYLOAD, () => {
      if (isMeasuring) {
        histogram.record(performance.now() - sentAt);
        replies++;
      }
      if (isRunning) loop(socket);
    });
  };
  try {
    for (const socket of clients) loop(socket);
    await sleep(context.options.warmupSeconds);
    await context.beginMeasure();
    isMeasuring = true;
    const started = performance.now();
    await sleep(context.options.seconds);
    isMeasuring = false;
    const elapsed = (performance.now() - started) / 1000;
    await context.endMeasure();
    if (clients.some((socket) => !socket.connected)) throw new Error('a msgpack client was disconnected');
    return { messagesPerSecond: replies / elapsed, p50: histogram.quantile(0.5), p99: histogram.quantile(0.99) };
  } finally {
    isRunning = false;
    for (const socket of clients) socket.disconnect();
  }
}

export const suite: Suite = {
  id: 'msgpack-echo',
  title: '(8) `ack` echo with socket.io-msgpack-parser, 100 bytes of binary, socket.io-client load, websocket',
  file: __filename,
  peers: ['classio-msgpack', 'socket.io-msgpack'],
  metrics: CLOSED_LOOP_METRICS,
  run: runMsgpackEcho,
};

runIfMain(module, [suite]);
