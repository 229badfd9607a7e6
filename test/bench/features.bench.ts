import { echoAckSuite } from './support/closed-loop';
import { runIfMain } from './support/runner';

/**
 * Issue 18, the cost of each feature per message: workload 7's decorated `echo` (answered through the ack with its
 * payload), 50 clients in closed loops over websocket, plain and with one feature on, for classio and beside it
 * Socket.IO 4.8 with its equivalent (a `socket.on('echo')` listener, plain and with the same feature):
 * - `catch-all`: an empty catch-all listener (`@OnAny` method; Socket.IO: `socket.onAny`);
 * - `dynamic`: `/test` served by a dynamic namespace (`@Namespace(/^\/test$/)`; Socket.IO: `io.of(/^\/test$/)`);
 * - `deflate`: `perMessageDeflate: true` with clients that offer the extension as browsers do (the `ws` client,
 *   which compresses its requests; it costs the load core more than the raw client, so compare server CPU per
 *   message): 100-byte replies, under the 1 KB threshold, which classio honours and Socket.IO does not with
 *   context takeover (ws applies it only without), so this is also the cost of compressing small replies there;
 *   the deflate-broadcast script measures 10 KB broadcasts;
 * - `admin-ui`: the Admin UI's `instrument` (classio/admin-ui; Socket.IO: @socket.io/admin-ui), auth off,
 *   development mode, no UI connected.
 * Interceptors and throttle are the enhancers workload, metrics and tracing the observability workload, msgpack the
 * msgpack-echo workload and recovery the recovery workload. Ratios are to each framework's plain peer.
 */
export const suite = echoAckSuite({
  id: 'features',
  title: '(18) one feature on: decorated `echo` answered by ack, 50 clients in closed loops, websocket',
  file: __filename,
  peers: [
    'classio-decorated',
    'classio-catch-all',
    'classio-dynamic',
    'classio-deflate',
    'classio-admin-ui',
    'socket.io',
    'socket.io-catch-all',
    'socket.io-dynamic',
    'socket.io-deflate',
    'socket.io-admin-ui',
  ],
  baselines: ['classio-decorated', 'socket.io'],
  deflatePeers: ['classio-deflate', 'socket.io-deflate'],
});

runIfMain(module, [suite]);
