import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type {
  ConnectionReceiver,
  EngineCloseReason,
  EngineConnection,
  EngineData,
  HandshakeRequest,
  TransportName,
} from '../engine/types';
import type { InProcessConnection } from '../server';

/** What the in-memory handshake request looks like to the server. */
export interface MemoryRequestOptions {
  /** Request headers (lower-cased names). A `host` header is added when missing. */
  readonly headers?: Readonly<Record<string, string | string[]>>;
  /** Query parameters, sent as the handshake URL's query string. */
  readonly query?: Readonly<Record<string, string | readonly string[]>>;
  /** The client's address, as `conn.remoteAddress` and `handshake.address` report it. */
  readonly remoteAddress?: string;
  /** The Socket.IO path the URL starts with. */
  readonly path?: string;
}

/** Receives what the server writes to a {@link MemoryEngineConnection}. */
export interface MemoryPeer {
  /** @internal One Engine.IO message packet written by the server. */
  receive(data: EngineData): void;
  /** @internal The server closed the session. */
  closed(reason: EngineCloseReason): void;
}

/**
 * The server's half of an in-memory Engine.IO session: it implements {@link EngineConnection} exactly as the engine's
 * socket does, so the namespace layer cannot tell it from a real client, but there is no HTTP, no transport and no
 * heartbeat. Messages are delivered synchronously in both directions, in order, each Buffer copied as a wire would.
 */
export class MemoryEngineConnection extends EventEmitter implements InProcessConnection {
  readonly id: string;
  readonly request: HandshakeRequest;
  readonly remoteAddress: string;
  readonly transportName: TransportName = 'websocket';
  /** @internal EngineConnection. */
  receiver: ConnectionReceiver | null = null;
  #readyState: EngineConnection['readyState'] = 'open';
  readonly #peer: MemoryPeer;

  constructor(peer: MemoryPeer, options: MemoryRequestOptions = {}) {
    super();
    this.#peer = peer;
    this.id = randomBytes(15).toString('base64url');
    this.remoteAddress = options.remoteAddress ?? '127.0.0.1';
    this.request = createRequest(options);
  }

  get readyState(): EngineConnection['readyState'] {
    return this.#readyState;
  }

  send(data: EngineData): void {
    if (this.#readyState !== 'open') return;
    this.#peer.receive(copyData(data));
  }

  sendAll(data: readonly EngineData[]): void {
    for (const item of data) this.send(item);
  }

  /**
   * Server-side close, as the engine's socket does it: `forced close` when the server closes this connection,
   * `forced server close` when the whole server shuts down.
   */
  close(reason: 'forced close' | 'forced server close' = 'forced close'): void {
    if (this.#readyState !== 'open') return;
    this.#end(reason);
    this.#peer.closed(reason);
  }

  /** The server is shutting down: it closes this connection as the engine closes its sessions. */
  shutDown(): void {
    this.close('forced server close');
  }

  /** Client side: delivers one message to the server's `message` listeners. Dropped once closed. */
  deliver(data: EngineData): void {
    if (this.#readyState !== 'open') return;
    const copy = copyData(data);
    this.receiver?.onData(copy);
    this.emit('message', copy);
  }

  /** Client side: the client went away (reason `transport close`, as when a browser tab closes). */
  hangUp(): void {
    if (this.#readyState !== 'open') return;
    this.#end('transport close');
  }

  #end(reason: EngineCloseReason): void {
    this.#readyState = 'closed';
    this.receiver?.onClose(reason);
    this.emit('close', reason);
    this.removeAllListeners('message');
  }
}

/** Engine data crosses the "wire" as a copy, so neither side can mutate the other's buffers. */
function copyData(data: EngineData): EngineData {
  return typeof data === 'string' ? data : Buffer.from(data);
}

/** The handshake request, as the engine's sessions keep it. */
function createRequest(options: MemoryRequestOptions): HandshakeRequest {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (typeof value === 'string') params.append(key, value);
    else for (const item of value) params.append(key, item);
  }
  params.set('EIO', '4');
  params.set('transport', 'websocket');
  const headers: IncomingHttpHeaders = { host: 'localhost' };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    headers[name.toLowerCase()] = Array.isArray(value) ? [...value] : value;
  }
  return { method: 'GET', url: `${options.path ?? '/socket.io/'}?${params.toString()}`, headers, secure: false };
}
