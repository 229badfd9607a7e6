"use strict";
/**
 * The engine's slots on objects it does not own (ws sockets, Node's requests and responses), declared in one place
 * (ws `lib/constants.js` style). Symbols, because any string key could collide with those objects' own properties;
 * per-connection listeners (shared functions) find their transport through `kTransport`.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.kExtensions = exports.kSessionId = exports.kQuery = exports.kTransport = void 0;
/** On a `ws` WebSocket or an `http.ServerResponse`: the transport that owns it. */
exports.kTransport = Symbol('classio.engine.transport');
/** On an `http.IncomingMessage`: its parsed Engine.IO query (`EIO`, `transport`, `sid`). */
exports.kQuery = Symbol('classio.engine.query');
/** On an `http.IncomingMessage` of a handshake: the id of the session it opens (set before the answer's headers). */
exports.kSessionId = Symbol('classio.engine.sessionId');
/** On an `http.IncomingMessage` of a websocket upgrade: the `Sec-WebSocket-Extensions` value ws answered with. */
exports.kExtensions = Symbol('classio.engine.extensions');
//# sourceMappingURL=symbols.js.map