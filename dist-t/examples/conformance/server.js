"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The server the official protocol test suites run against (github.com/socketio/engine.io-protocol and
 * socket.io-protocol, their `test-suite/` folders). One HTTP server on PORT (default 3000), reachable as
 * `localhost` (IPv4 and IPv6):
 * - `/engine.io/`: a bare EngineServer that echoes every message (text or binary);
 * - `/socket.io/`: the classio Socket.IO server with the handlers the socket.io-protocol suite expects.
 *
 * Run: `npm run conformance`, then `npx mocha test-suite.js` inside each suite's `test-suite/` folder.
 */
require("reflect-metadata");
const node_http_1 = require("node:http");
const server_1 = require("../../src/engine/server");
const socket_io_1 = require("./socket-io");
/** Values the suites hard-code. */
const PING_INTERVAL = 300;
const PING_TIMEOUT = 200;
const MAX_PAYLOAD = 1e6;
const port = Number(process.env.PORT ?? 3000);
const httpServer = (0, node_http_1.createServer)();
const engine = new server_1.EngineServer({
    path: '/engine.io/',
    pingInterval: PING_INTERVAL,
    pingTimeout: PING_TIMEOUT,
    maxHttpBufferSize: MAX_PAYLOAD,
});
engine.attach(httpServer);
engine.on('connection', (socket) => {
    socket.on('message', (data) => socket.send(data));
});
// ---- Socket.IO half (/socket.io/): see ./socket-io.ts ----
(0, socket_io_1.attachSocketIo)(httpServer, { pingInterval: PING_INTERVAL, pingTimeout: PING_TIMEOUT, maxHttpBufferSize: MAX_PAYLOAD });
// No host: listens on '::' (dual-stack), so `localhost` resolves to a reachable address either way.
httpServer.listen(port, () => {
    process.stdout.write(`conformance server listening on port ${port}\n`);
});
function shutdown() {
    void engine.close();
    httpServer.close();
    httpServer.closeAllConnections();
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
//# sourceMappingURL=server.js.map