/**
 * Internal slots of the engine layer, declared in one place (ws `lib/constants.js` style). Transports call their
 * owner through these symbol-keyed methods, so the hooks stay out of `EngineSocket`'s public string API, and
 * per-connection listeners (shared functions) find their transport through `kTransport`.
 */

/** On a `ws` WebSocket or an `http.ServerResponse`: the transport that owns it. */
export const kTransport = Symbol('classio.engine.transport');

/** On an `http.IncomingMessage`: its parsed Engine.IO query (`EIO`, `transport`, `sid`). */
export const kQuery = Symbol('classio.engine.query');

/** `EngineSocket` method the server calls to end a session at once with a given reason (server shutdown). */
export const kCloseNow = Symbol('classio.engine.closeNow');
/** `EngineSocket` method the server calls to offer a websocket transport for an upgrade. */
export const kOfferUpgrade = Symbol('classio.engine.offerUpgrade');

/** Owner hook: a packet arrived on a transport. */
export const kOnTransportPacket = Symbol('classio.engine.onTransportPacket');
/** Owner hook: a message packet arrived on a transport (the common packet, reported without a packet object). */
export const kOnTransportMessage = Symbol('classio.engine.onTransportMessage');
/** Owner hook: a transport can take writes again (a poll arrived). */
export const kOnTransportDrain = Symbol('classio.engine.onTransportDrain');
/** Owner hook: a transport failed; carries the close reason the session should end with. */
export const kOnTransportError = Symbol('classio.engine.onTransportError');
/** Owner hook: a transport finished closing. */
export const kOnTransportClose = Symbol('classio.engine.onTransportClose');
