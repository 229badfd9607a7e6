import { echoAckSuite } from './support/closed-loop';
import { runIfMain } from './support/runner';

/**
 * The cost of observability per message: the decorated `echo` handler of workload 7 (answered through the ack with
 * its payload), 50 clients in closed loops over websocket, plain (`classio-decorated`, observability off), with
 * metrics on (`classio-metrics`: OpenTelemetry SDK meter and prom-client registry) and with tracing on
 * (`classio-tracing`: a span per event, exported in batches to nowhere). Ratios are to the plain server; off is the
 * decorated figure of workload 7 itself.
 */

export const suite = echoAckSuite({
  id: 'observability',
  title:
    '(16) observability: decorated `echo` answered by ack, plain vs metrics on vs tracing on, 50 clients, websocket',
  file: __filename,
  peers: ['classio-decorated', 'classio-metrics', 'classio-tracing'],
  baselines: ['classio-decorated'],
});

runIfMain(module, [suite]);
