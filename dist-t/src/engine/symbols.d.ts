/**
 * The engine's slots on objects it does not own (ws sockets, Node's requests and responses), declared in one place
 * (ws `lib/constants.js` style). Symbols, because any string key could collide with those objects' own properties;
 * per-connection listeners (shared functions) find their transport through `kTransport`.
 */
/** On a `ws` WebSocket or an `http.ServerResponse`: the transport that owns it. */
export declare const kTransport: unique symbol;
/** On an `http.IncomingMessage`: its parsed Engine.IO query (`EIO`, `transport`, `sid`). */
export declare const kQuery: unique symbol;
/** On an `http.IncomingMessage` of a handshake: the id of the session it opens (set before the answer's headers). */
export declare const kSessionId: unique symbol;
/** On an `http.IncomingMessage` of a websocket upgrade: the `Sec-WebSocket-Extensions` value ws answered with. */
export declare const kExtensions: unique symbol;
