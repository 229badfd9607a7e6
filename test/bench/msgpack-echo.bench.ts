import { performance } from 'node:perf_hooks';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { CLOSED_LOOP_METRICS, measureLoops } from './support/closed-loop';
import { NAMESPACE } from './support/frames';
import { runIfMain } from './support/runner';
import type { LoadContext, Suite } from './support/suite';

/**
 * Workload 8, msgpack echo: `ack` with a string, a number and 100 bytes of binary, answered with the same
 * arguments, over websocket, every message encoded by socket.io-msgpack-parser on both ends. classio and Socket.IO
 * run the same parser and the same hand-written `socket.on('ack')` listener; `classio-socket-on` and `socket.io`
 * are the same listener with the default parser (the clients then use the default parser too), msgpack off.
 *
 * The load clients are the official socket.io-client with the parser (the raw clients of the other workloads speak
 * the text encoding only), so the client's own cost is in the figures for both peers alike; compare the peers with
 * each other, not with the text workloads.
 */

const PAYLOAD = { n: 1, bytes: Buffer.alloc(100, 7) };

function connect(port: number, isMsgpack: boolean): Promise<ClientSocket> {
  const socket = io(`http://127.0.0.1:${port}${NAMESPACE}`, {
    transports: ['websocket'],
    ...(isMsgpack ? { parser: msgpackParser } : {}),
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
  const isMsgpack = context.peer.endsWith('-msgpack');
  const clients = await Promise.all(Array.from({ length: count }, () => connect(context.port, isMsgpack)));
  try {
    return await measureLoops(
      context,
      (record) => {
        const loop = (socket: ClientSocket): void => {
          const sentAt = performance.now();
          socket.emit('ack', 'hello', PAYLOAD, () => {
            if (record(sentAt, performance.now())) loop(socket);
          });
        };
        for (const socket of clients) loop(socket);
      },
      () => {
        if (clients.some((socket) => !socket.connected)) throw new Error('a msgpack client was disconnected');
      },
    );
  } finally {
    for (const socket of clients) socket.disconnect();
  }
}

export const suite: Suite = {
  id: 'msgpack-echo',
  title: '(8) `ack` echo with socket.io-msgpack-parser, 100 bytes of binary, socket.io-client load, websocket',
  file: __filename,
  peers: ['classio-socket-on', 'classio-msgpack', 'socket.io', 'socket.io-msgpack'],
  baselines: ['classio-socket-on', 'socket.io'],
  metrics: CLOSED_LOOP_METRICS,
  run: runMsgpackEcho,
};

runIfMain(module, [suite]);
