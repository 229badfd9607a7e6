import { echoAckSuite } from './support/closed-loop';
import { runIfMain } from './support/runner';

/**
 * Workload 12, enhancer overhead: workload 7's decorated `echo` method (answered through the ack with its payload)
 * without enhancers, with one pass-through interceptor, and with an `@Throttle` that never refuses; 50 clients in
 * closed loops over websocket, with the Socket.IO-style `socket.on` listener as the hand-written baseline beside
 * them. Ratios are to the method without enhancers (issue 12's target: under 10 % each).
 */

export const suite = echoAckSuite({
  id: 'enhancers',
  title: '(12) enhancer overhead: `echo` answered by ack, one interceptor or one throttle, 50 clients, websocket',
  file: __filename,
  peers: ['classio-decorated', 'classio-intercepted', 'classio-throttled', 'classio-socket-on'],
  baselines: ['classio-decorated'],
});

runIfMain(module, [suite]);
