/**
 * The server the official protocol test suites run against (github.com/socketio/engine.io-protocol and
 * socket.io-protocol, their `test-suite/` folders). One HTTP server on PORT (default 3000), reachable as
 * `localhost` (IPv4 and IPv6):
 * - `/engine.io/`: a bare EngineServer that echoes every message (text or binary);
 * - `/socket.io/`: the classio Socket.IO server with the handlers the socket.io-protocol suite expects.
 *
 * Run: `npm run conformance`, then `npx mocha test-suite.js` inside each suite's `test-suite/` folder.
 * `CONFORMANCE_BREADTH=1` turns on the protocol-breadth options a v4 client must not notice (permessage-deflate
 * on, HTTP compression with threshold 0, `allowEIO3`, a session cookie), so the suites also check
 * that those paths keep the protocol: run both ways (see docs/protocol-breadth.md). `CONFORMANCE_DEFLATE` (JSON)
 * replaces `perMessageDeflate: true` in that run.
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import { EngineServer } from '../../src/engine/server';
import type { EngineData } from '../../src/engine/types';
import type { EngineSocket } from '../../src/engine/socket';
import { attachSocketIo } from './socket-io';

/** Values the suites hard-code. */
const PING_INTERVAL = 300;
const PING_TIMEOUT = 200;
const MAX_PAYLOAD = 1e6;

/**
 * `perMessageDeflate` of the breadth run: `true`, or the JSON in `CONFORMANCE_DEFLATE` (for instance
 * `{"clientNoContextTakeover":true}`, see docs/protocol-breadth.md on why that one matters to the suites).
 */
function deflateOption(): boolean | Record<string, unknown> {
  const json = process.env.CONFORMANCE_DEFLATE;
  return json === undefined ? true : (JSON.parse(json) as Record<string, unknown>);
}

const BREADTH_OPTIONS =
  process.env.CONFORMANCE_BREADTH === '1'
    ? {
        perMessageDeflate: deflateOption(),
        httpCompression: { threshold: 0 },
        allowEIO3: true,
        cookie: true,
      }
    : {};

const port = Number(process.env.PORT ?? 3000);
const httpServer = createServer();

const engine = new EngineServer({
  path: '/engine.io/',
  pingInterval: PING_INTERVAL,
  pingTimeout: PING_TIMEOUT,
  maxHttpBufferSize: MAX_PAYLOAD,
  ...BREADTH_OPTIONS,
});
engine.attach(httpServer);
engine.on('connection', (socket: EngineSocket) => {
  socket.on('message', (data: EngineData) => socket.send(data));
});

// ---- Socket.IO half (/socket.io/): see ./socket-io.ts ----
attachSocketIo(httpServer, {
  pingInterval: PING_INTERVAL,
  pingTimeout: PING_TIMEOUT,
  maxHttpBufferSize: MAX_PAYLOAD,
  ...BREADTH_OPTIONS,
});

// No host: listens on '::' (dual-stack), so `localhost` resolves to a reachable address either way.
httpServer.listen(port, () => {
  process.stdout.write(`conformance server listening on port ${port}\n`);
});

function shutdown(): void {
  void engine.close();
  httpServer.close();
  httpServer.closeAllConnections();
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
