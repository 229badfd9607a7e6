/**
 * The server the official protocol test suites run against (github.com/socketio/engine.io-protocol and
 * socket.io-protocol, their `test-suite/` folders). One HTTP server on PORT (default 3000), reachable as
 * `localhost` (IPv4 and IPv6):
 * - `/engine.io/`: a bare EngineServer that echoes every message (text or binary);
 * - `/socket.io/`: the classio Socket.IO server with the handlers the socket.io-protocol suite expects.
 *
 * Run: `npm run conformance`, then `npx mocha test-suite.js` inside each suite's `test-suite/` folder.
 */
import 'reflect-metadata';
