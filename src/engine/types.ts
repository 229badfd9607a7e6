import type { IncomingHttpHeaders } from 'node:http';

/**
 * The contract between the Engine.IO layer and the layers above it. The engine knows nothing of namespaces:
 * it hands a connected {@link EngineConnection} to its `connection` listeners and reports messages and closes
 * through the events below. The Socket.IO client layer (and the in-process test client) depend only on this.
 */

/** Why an Engine.IO session ended (spelled as the reference server spells them). */
export type EngineCloseReason =
  | 'transport close'
  | 'transport error'
  | 'ping timeout'
  | 'parse error'
  | 'forced close'
  | 'forced server close'
  | 'message too large'
  | 'slow consumer';

export type TransportName = 'polling' | 'websocket';

/** Engine-level data: a text message or a binary one. */
export type EngineData = string | Buffer;

/**
 * How one message is sent (engine.io's `socket.send(data, options)`). Callers pass shared frozen objects, so a
 * send allocates nothing for them.
 */
export interface SendOptions {
  /** `false` sends it uncompressed even past the compression threshold. Default `true`. */
  readonly compress?: boolean;
  /**
   * Drops the message unless the transport can write it at once: a polling client without a waiting GET, or a
   * websocket with bytes still queued behind the network (Socket.IO's `volatile`). Default `false`.
   */
  readonly volatile?: boolean;
}

/**
 * What a session keeps of the HTTP request that opened it. The `IncomingMessage` itself is not kept: with its raw
 * headers and stream state it would be about 1.2 KB of every idle connection, for fields nobody reads after the
 * handshake. `allowRequest` still sees the whole request.
 */
export interface HandshakeRequest {
  readonly method: string;
  /** The request's URL: path and query (`/socket.io/?EIO=4&transport=polling&token=...`). */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** Whether it came over TLS. */
  readonly secure: boolean;
}

/**
 * @internal What the Socket.IO layer attaches to a connection to hear its messages and its close: direct calls,
 * where event listeners would give every idle connection an emitter listener table (about 180 bytes).
 */
export interface ConnectionReceiver {
  /** A message packet arrived (before the `message` listeners run). */
  onData(data: EngineData): void;
  /** The connection ended (before the `close` listeners run); called once. */
  onClose(reason: EngineCloseReason): void;
}

/**
 * One Engine.IO session as seen from above. Implemented by the engine's `EngineSocket`, and by the test client's
 * in-memory connection.
 *
 * Events:
 * - `message` `(data: EngineData)`: a message packet arrived.
 * - `close` `(reason: EngineCloseReason, description?: unknown)`: the session ended; emitted once.
 * - `upgrade` `(transport: TransportName)`: the session moved to another transport.
 */
export interface EngineConnection {
  /** The session id (`sid` of the open packet). */
  readonly id: string;
  /** The HTTP request of the handshake: method, url with the query, headers, TLS. */
  readonly request: HandshakeRequest;
  /** The remote address of the handshake request. */
  readonly remoteAddress: string;
  /** The current transport. */
  readonly transportName: TransportName;
  /**
   * The Engine.IO protocol version: 3 for a Socket.IO v2 client (`allowEIO3`), which the Socket.IO layer serves
   * with v2 semantics. Absent means 4.
   */
  readonly protocol?: 3 | 4;
  /** `opening`, `open`, `closing`, `closed`. */
  readonly readyState: 'opening' | 'open' | 'closing' | 'closed';
  /** @internal The Socket.IO client of this connection, told of every message and of the close; set once. */
  receiver: ConnectionReceiver | null;
  /** Queues one message packet (see {@link SendOptions}). Never throws; a closed connection drops it. */
  send(data: EngineData, options?: SendOptions): void;
  /**
   * Queues several message packets as one write batch (a Socket.IO binary packet is one text and N buffers,
   * and they must stay together and in order). A volatile batch is dropped whole or sent whole.
   */
  sendAll(data: readonly EngineData[], options?: SendOptions): void;
  /** Closes the session from the server side (reason `forced close`). Idempotent. */
  close(): void;
  on(event: 'message', listener: (data: EngineData) => void): this;
  on(event: 'close', listener: (reason: EngineCloseReason, description?: unknown) => void): this;
  on(event: 'upgrade', listener: (transport: TransportName) => void): this;
  off(event: 'message', listener: (data: EngineData) => void): this;
  off(event: 'close', listener: (reason: EngineCloseReason, description?: unknown) => void): this;
  off(event: 'upgrade', listener: (transport: TransportName) => void): this;
}
