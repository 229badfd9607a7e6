import { CLOSED_LOOP_METRICS, runClosedLoop } from './support/closed-loop';
import { ACK_PREFIX, ackFrame, prepareFrame, type Frame } from './support/frames';
import type { RawClient } from './support/raw-client';
import { runIfMain } from './support/runner';
import type { Suite } from './support/suite';

/**
 * Workload 3, acks: `ack` with two arguments and an ack id; the handler returns its arguments and the client waits
 * for the ACK packet before the next request. 50 clients in closed loops over websocket.
 */

/** Ack ids cycle through pre-encoded frames, so a request costs no string building. */
const FRAMES = Array.from({ length: 1000 }, (_, id) => prepareFrame(ackFrame(id)));

function request(client: RawClient): Frame {
  client.sequence = (client.sequence + 1) % FRAMES.length;
  return FRAMES[client.sequence];
}

export const suite: Suite = {
  id: 'ack',
  title: '(3) `ack` with two arguments, awaiting the ack, 50 clients in closed loops, websocket',
  file: __filename,
  peers: ['classio', 'socket.io', 'bare-ws'],
  metrics: CLOSED_LOOP_METRICS,
  run: (context) =>
    runClosedLoop(context, {
      clients: 50,
      request,
      replyPrefix: Buffer.from(ACK_PREFIX),
    }),
};

runIfMain(module, [suite]);
