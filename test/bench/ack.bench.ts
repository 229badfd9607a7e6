import { ackRequests, closedLoopSuite } from './support/closed-loop';
import { ACK_PREFIX, ackFrame } from './support/frames';
import { runIfMain } from './support/runner';

/**
 * Workload 3, acks: `ack` with two arguments and an ack id; the handler returns its arguments and the client waits
 * for the ACK packet before the next request. 50 clients in closed loops over websocket.
 */

export const suite = closedLoopSuite({
  id: 'ack',
  title: '(3) `ack` with two arguments, awaiting the ack, 50 clients in closed loops, websocket',
  file: __filename,
  peers: ['classio', 'socket.io', 'bare-ws'],
  request: ackRequests(ackFrame),
  replyPrefix: ACK_PREFIX,
});

runIfMain(module, [suite]);
