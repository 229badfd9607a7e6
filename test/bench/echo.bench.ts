import { closedLoopSuite } from './support/closed-loop';
import { ECHO_FRAME, RESPONSE_PREFIX, prepareFrame } from './support/frames';
import { runIfMain } from './support/runner';

/**
 * Workload 2, websocket echo: `my event` {data: 100 bytes} -> `my response` {data, count} to the sender, 50 clients
 * in closed loops. Adds a payload to decode and re-encode, and the per-connection session counter.
 */

const ECHO = prepareFrame(ECHO_FRAME);

export const suite = closedLoopSuite({
  id: 'echo',
  title: '(2) `my event` echo, 100-byte payload, 50 clients in closed loops, websocket',
  file: __filename,
  peers: ['classio', 'socket.io', 'bare-ws'],
  request: () => ECHO,
  replyPrefix: RESPONSE_PREFIX,
});

runIfMain(module, [suite]);
