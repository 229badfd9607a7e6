import { type Suite } from './support/suite';
/**
 * Workload 6, the polling round trip: workload 1 (`my ping` -> `my pong`, 50 clients in closed loops) over HTTP
 * long-polling only. Each round trip is a POST carrying the ping and the long-poll GET returning the pong, over
 * keep-alive connections (two per client, requests prepared as bytes; BENCH_CLIENT=library uses Node's `http`
 * client with a keep-alive `http.Agent` instead). The bare ws ceiling does not speak polling, so only classio and Socket.IO run it.
 */
export declare const suite: Suite;
