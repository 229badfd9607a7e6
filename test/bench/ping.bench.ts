import { CLOSED_LOOP_METRICS, runClosedLoop } from './support/closed-loop';
import { PING_FRAME, PONG_FRAME, prepareFrame } from './support/frames';
import { runIfMain } from './support/runner';
import type { Suite } from './support/suite';

/**
 * Workload 1, decode to dispatch: `my ping` -> `my pong` from 50 clients in closed loops over websocket. The
 * smallest possible event both ways, so the figure is the per-message cost of the server's path (engine decode,
 * packet decode, namespace and route lookup, handler, encode, write).
 */

const PING = prepareFrame(PING_FRAME);

export const suite: Suite = {
  id: 'ping',
  title: '(1) `my ping` -> `my pong`, 50 clients in closed loops, websocket',
  file: __filename,
  peers: ['classio', 'socket.io', 'bare-ws'],
  metrics: CLOSED_LOOP_METRICS,
  run: (context) =>
    runClosedLoop(context, {
      clients: 50,
      request: () => PING,
      replyPrefix: Buffer.from(PONG_FRAME),
    }),
};

runIfMain(module, [suite]);
