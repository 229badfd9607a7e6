import { closedLoopSuite } from './support/closed-loop';
import { PING_FRAME, PONG_FRAME, prepareFrame } from './support/frames';
import { runIfMain } from './support/runner';

/**
 * Workload 1, decode to dispatch: `my ping` -> `my pong` from 50 clients in closed loops over websocket. The
 * smallest possible event both ways, so the figure is the per-message cost of the server's path (engine decode,
 * packet decode, namespace and route lookup, handler, encode, write).
 */

const PING = prepareFrame(PING_FRAME);

export const suite = closedLoopSuite({
  id: 'ping',
  title: '(1) `my ping` -> `my pong`, 50 clients in closed loops, websocket',
  file: __filename,
  peers: ['classio', 'socket.io', 'bare-ws'],
  request: () => PING,
  replyPrefix: PONG_FRAME,
});

runIfMain(module, [suite]);
