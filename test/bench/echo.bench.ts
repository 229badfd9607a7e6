import { CLOSED_LOOP_METRICS, runClosedLoop } from './support/closed-loop';
import { ECHO_FRAME, RESPONSE_PREFIX, prepareFrame } from './support/frames';
import { runIfMain } from './support/runner';
import type { Suite } from './support/suite';

/**
 * Workload 2, websocket echo: `my event` {data: 100 bytes} -> `my response` {data, count} to the sender, 50 clients
 * in closed loops. Adds a payload to decode and re-encode, and the per-connection session counter.
 */

const ECHO = prepareFrame(ECHO_FRAME);

export const suite: Suite = {
  id: 'echo',
  title: '(2) `my event` echo, 100-byte payload, 50 clients in closed loops, websocket',
  file: __filename,
  peers: ['classio', 'socket.io', 'bare-ws'],
  metrics: CLOSED_LOOP_METRICS,
  run: (context) =>
    runClosedLoop(context, {
      clients: 50,
      request: () => ECHO,
      replyPrefix: Buffer.from(RESPONSE_PREFIX),
    }),
};

runIfMain(module, [suite]);
