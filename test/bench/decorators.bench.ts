import { CLOSED_LOOP_METRICS, runClosedLoop } from './support/closed-loop';
import { ACK_PREFIX, ECHO_DATA, prepareFrame, type Frame } from './support/frames';
import type { RawClient } from './support/raw-client';
import { runIfMain } from './support/runner';
import type { Suite } from './support/suite';

/**
 * Workload 7, decorator overhead: one handler (`echo` {data: 100 bytes}, answered through the ack with the payload)
 * written four ways in classio, 50 clients in closed loops over websocket:
 * - `classio-socket-on`: a Socket.IO-style `socket.on` listener, the hand-written baseline;
 * - `classio-plain`: a plain function registered with `server.on`;
 * - `classio-decorated`: a decorated class method, no DTO;
 * - `classio-dto`: a decorated class method whose payload is a DTO checked by class-validator.
 * Ratios are to the plain function (issue 7's targets: decorated within 5 %, with DTO within 15 %).
 */

const FRAMES = Array.from({ length: 1000 }, (_, id) => prepareFrame(`42/test,${id}["echo",{"data":"${ECHO_DATA}"}]`));

function request(client: RawClient): Frame {
  client.sequence = (client.sequence + 1) % FRAMES.length;
  return FRAMES[client.sequence];
}

export const suite: Suite = {
  id: 'decorators',
  title: '(7) decorator overhead: `echo` {100-byte data} answered by ack, 50 clients in closed loops, websocket',
  file: __filename,
  peers: ['classio-plain', 'classio-decorated', 'classio-dto', 'classio-socket-on'],
  baselines: ['classio-plain'],
  metrics: CLOSED_LOOP_METRICS,
  run: (context) =>
    runClosedLoop(context, {
      clients: 50,
      request,
      replyPrefix: Buffer.from(ACK_PREFIX),
    }),
};

runIfMain(module, [suite]);
