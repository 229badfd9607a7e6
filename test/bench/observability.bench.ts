import { CLOSED_LOOP_METRICS, runClosedLoop } from './support/closed-loop';
import { ACK_PREFIX, ECHO_DATA, prepareFrame, type Frame } from './support/frames';
import type { RawClient } from './support/raw-client';
import { runIfMain } from './support/runner';
import type { Suite } from './support/suite';

/**
 * The cost of observability per message: the decorated `echo` handler of workload 7 (answered through the ack with
 * its payload), 50 clients in closed loops over websocket, plain (`classio-decorated`, observability off), with
 * metrics on (`classio-metrics`: OpenTelemetry SDK meter and prom-client registry) and with tracing on
 * (`classio-tracing`: a span per event, exported in batches to nowhere). Ratios are to the plain server; off is the
 * decorated figure of workload 7 itself.
 */

const FRAMES = Array.from({ length: 1000 }, (_, id) => prepareFrame(`42/test,${id}["echo",{"data":"${ECHO_DATA}"}]`));

function request(client: RawClient): Frame {
  client.sequence = (client.sequence + 1) % FRAMES.length;
  return FRAMES[client.sequence];
}

export const suite: Suite = {
  id: 'observability',
  title:
    '(16) observability: decorated `echo` answered by ack, plain vs metrics on vs tracing on, 50 clients, websocket',
  file: __filename,
  peers: ['classio-decorated', 'classio-metrics', 'classio-tracing'],
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
