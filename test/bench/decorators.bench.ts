import { echoAckSuite } from './support/closed-loop';
import { runIfMain } from './support/runner';

/**
 * Workload 7, decorator overhead: one handler (`echo` {data: 100 bytes}, answered through the ack with the payload)
 * written four ways in classio, 50 clients in closed loops over websocket:
 * - `classio-socket-on`: a Socket.IO-style `socket.on` listener, the hand-written baseline;
 * - `classio-plain`: a plain function registered with `server.on`;
 * - `classio-decorated`: a decorated class method, no DTO;
 * - `classio-dto`: a decorated class method whose payload is a DTO checked by class-validator.
 * Ratios are to the plain function (issue 7's targets: decorated within 5 %, with DTO within 15 %).
 */

export const suite = echoAckSuite({
  id: 'decorators',
  title: '(7) decorator overhead: `echo` {100-byte data} answered by ack, 50 clients in closed loops, websocket',
  file: __filename,
  peers: ['classio-plain', 'classio-decorated', 'classio-dto', 'classio-socket-on'],
  baselines: ['classio-plain'],
});

runIfMain(module, [suite]);
