import { CLOSED_LOOP_METRICS, runClosedLoop } from './support/closed-loop';
import { ACK_PREFIX, ECHO_DATA, prepareFrame, type Frame } from './support/frames';
import type { RawClient } from './support/raw-client';
import { runIfMain } from './support/runner';
import type { Suite } from './support/suite';

/**
 * Workload 12, enhancer overhead: workload 7's decorated `echo` method (answered through the ack with its payload)
 * without enhancers, with one pass-through interceptor, and with an `@Throttle` that never refuses; 50 clients in
 * closed loops over websocket, with the Socket.IO-style `socket.on` listener as the hand-written baseline beside
 * them. Ratios are to the method without enhancers (issue 12's target: under 10 % each).
 */

const FRAMES = Array.from({ length: 1000 }, (_, id) => prepareFrame(`42/test,${id}["echo",{"data":"${ECHO_DATA}"}]`));

function request(client: RawClient): Frame {
  client.sequence = (client.sequence + 1) % FRAMES.length;
  return FRAMES[client.sequence];
}

export const suite: Suite = {
  id: 'enhancers',
  title: '(12) enhancer overhead: `echo` answered by ack, one interceptor or one throttle, 50 clients, websocket',
  file: __filename,
  peers: ['classio-decorated', 'classio-intercepted', 'classio-throttled', 'classio-socket-on'],
  baselines: ['classio-decorated'],
  metrics: CLOSED_LOOP_METRICS,
  run: (context) =>
    runClosedLoop(context, {
      clients: 50,
      request,
      replyPrefix: Buffer.from(ACK_PREFIX),
    }),
};

runIfMain(module, [suite]);
