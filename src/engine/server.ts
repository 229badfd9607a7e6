import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { createDebug } from '../debug';
import { ProtocolError, type EngineErrorCode } from '../errors';
import { serializeCookie } from './cookie';
import { applyCors, isOriginListed } from './cors';
import { resolveEngineSettings, type EngineServerOptions, type EngineSettings } from './options';
import { SharedStrings } from './shared-strings';
import { EngineSocket, type SessionHost } from './socket';
import {
  checkProtocol,
  forbidden,
  isOriginInvalid,
  parseQuery,
  writeRefusal,
  writeUpgradeRefusal,
  type EngineQuery,
} from './request';
import { kExtensions, kSessionId } from './symbols';
import { DeflateNegotiator } from './transports/deflate';
import { PollingTransport } from './transports/polling';
import type { PollingHost } from './transports/polling-answer';
import { WebSocketTransport } from './transports/websocket';
import type { Transport } from './transport';
import type { TransportName } from './types';

const debug = createDebug('classio:engine');

/** What a `generateId` result must look like: it travels in URLs (`sid=`) and in the session cookie. */
const SESSION_ID = /^[A-Za-z0-9\-_.~]{1,128}$/;

/** A handshake request, with the id of the session it opens once that id is chosen. */
type HandshakeMessage = IncomingMessage & { [kSessionId]?: string; [kExtensions]?: string };

/**
 * Headers added to an answer by the `initial_headers` and `headers` listeners (as engine.io: a plain object the
 * listeners fill in).
 */
export type EngineHeaders = Record<string, string | string[] | number>;

/** Payload of the `connection_error` event: a refused request, with the protocol code and message it got. */
export interface EngineConnectionError {
  req: IncomingMessage;
  code: EngineErrorCode;
  message: string;
  context: Record<string, unknown>;
}

/**
 * The Engine.IO v4 server: handshake, the error codes 0-5, and sessions over HTTP long-polling and websocket.
 * It knows nothing of namespaces; the layer above listens to `connection`.
 *
 * Events:
 * - `connection` `(socket: EngineSocket)`: a session opened (its open packet is queued, not yet sent).
 * - `connection_error` `(error: EngineConnectionError)`: a request was refused.
 * - `initial_headers` `(headers: EngineHeaders, req: IncomingMessage)`: the handshake answer (the first poll, or
 *   the websocket upgrade of a new session) is about to be written; properties set on `headers` are sent with it.
 * - `headers` `(headers: EngineHeaders, req: IncomingMessage)`: the same for every answer (polls, POSTs,
 *   upgrades), the handshake included, after `initial_headers`.
 *
 * @example
 * const engine = new EngineServer({ pingInterval: 10000 });
 * engine.attach(httpServer);
 * engine.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
 */
export class EngineServer extends EventEmitter {
  /** The options after defaults; frozen. */
  readonly settings: EngineSettings;
  /** Open sessions by id. */
  readonly clients = new Map<string, EngineSocket>();
  readonly #host: SessionHost;
  readonly #pollingHost: PollingHost;
  readonly #deflate: DeflateNegotiator | null;
  #wss: WebSocketServer | null = null;
  #ownHttpServer: HttpServer | null = null;

  constructor(options: EngineServerOptions = {}) {
    super();
    this.settings = resolveEngineSettings(options);
    const clients = this.clients;
    this.#host = {
      settings: this.settings,
      heartbeats: EngineSocket.heartbeats(this.settings),
      strings: new SharedStrings(),
      release(socket) {
        clients.delete(socket.id);
      },
    };
    this.#pollingHost = {
      httpCompression: this.settings.httpCompression,
      addHeaders: (headers, req) => this.#addHeaders(headers, req),
    };
    const deflate = this.settings.perMessageDeflate;
    this.#deflate = deflate === false ? null : new DeflateNegotiator(deflate);
    if (this.settings.transports.includes('websocket')) {
      this.#wss = new WebSocketServer({
        noServer: true,
        // ws negotiates the extension and inflates what clients send (maxPayload bounds the inflated size).
        perMessageDeflate: this.#deflate?.wsOptions ?? false,
        clientTracking: false,
        maxPayload: this.settings.maxHttpBufferSize,
      });
      this.#wss.on('headers', this.#onUpgradeHeaders);
    }
  }

  /** Number of open sessions. */
  get clientsCount(): number {
    return this.clients.size;
  }

  /**
   * Serves the engine on an HTTP server: requests under `path` are handled here, other requests go to the
   * `request` listeners the server already had, and websocket upgrades under `path` are taken over.
   */
  attach(httpServer: HttpServer): this {
    const previous = httpServer.listeners('request').slice() as ((req: IncomingMessage, res: ServerResponse) => void)[];
    httpServer.removeAllListeners('request');
    httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (this.#isEngineRequest(req)) {
        this.handleRequest(req, res);
        return;
      }
      if (previous.length === 0) {
        res.writeHead(404).end();
        return;
      }
      for (const listener of previous) listener.call(httpServer, req, res);
    });
    httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (this.#isEngineRequest(req)) {
        this.handleUpgrade(req, socket, head);
      } else if (httpServer.listenerCount('upgrade') === 1) {
        // Nobody else takes upgrades: refuse instead of leaving the socket hanging.
        socket.on('error', ignoreError);
        socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      }
    });
    // The sessions cannot outlive their server (the reference closes the engine here too).
    httpServer.once('close', () => void this.close());
    return this;
  }

  /** Creates an HTTP server that serves only this engine and listens on `port`; `close()` closes it too. */
  listen(port: number, host?: string): Promise<HttpServer> {
    const httpServer = createServer();
    this.attach(httpServer);
    this.#ownHttpServer = httpServer;
    return new Promise((resolve, reject) => {
      httpServer.once('error', reject);
      const onListening = () => {
        httpServer.off('error', reject);
        resolve(httpServer);
      };
      if (host === undefined) httpServer.listen(port, onListening);
      else httpServer.listen(port, host, onListening);
    });
  }

  /** Handles one HTTP request under `path` (polling, CORS preflight, or a refused handshake). */
  handleRequest(req: IncomingMessage, res: ServerResponse): void {
    const query = parseQuery(req);
    if (this.settings.cors !== false && applyCors(this.settings.cors, req, res)) return;
    const error = this.#verify(req, query, false);
    if (error !== null) {
      this.#abortRequest(req, res, error);
      return;
    }
    if (query.sid !== null) {
      const transport = this.clients.get(query.sid)!.transport;
      if (transport instanceof PollingTransport) transport.onRequest(req, res);
      else this.#abortRequest(req, res, new ProtocolError(3, { name: 'TRANSPORT_MISMATCH' }));
      return;
    }
    this.#handshake(
      req,
      query,
      () => this.#openPolling(req, res),
      (refusal) => this.#abortRequest(req, res, refusal),
    );
  }

  /** Handles an HTTP upgrade under `path`: a websocket handshake, or the websocket side of an upgrade. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', ignoreError);
    const query = parseQuery(req);
    let error = this.#verify(req, query, true);
    if (error === null && (query.transport !== 'websocket' || this.#wss === null)) {
      error = new ProtocolError(3, { name: 'TRANSPORT_UPGRADE_ERROR', transport: query.transport });
    }
    if (error !== null) {
      this.#abortUpgrade(req, socket, error);
      return;
    }
    if (query.sid !== null) {
      this.#wss!.handleUpgrade(req, socket, head, this.#onWebSocket);
      return;
    }
    this.#handshake(
      req,
      query,
      () => this.#wss!.handleUpgrade(req, socket, head, this.#onWebSocket),
      (refusal) => this.#abortUpgrade(req, socket, refusal),
    );
  }

  /**
   * Closes every session with `forced server close`, then the websocket server, and the HTTP server if
   * `listen()` created it.
   */
  close(): Promise<void> {
    debug('closing the engine (%d sessions)', this.clients.size);
    for (const socket of [...this.clients.values()]) socket.closeNow('forced server close');
    this.#wss?.close();
    const httpServer = this.#ownHttpServer;
    this.#ownHttpServer = null;
    if (httpServer === null) return Promise.resolve();
    return new Promise((resolve) => {
      httpServer.close(() => resolve());
      httpServer.closeAllConnections();
    });
  }

  /** ws hands every accepted websocket here (a per-server function, so no closure per upgrade). */
  readonly #onWebSocket = (ws: WebSocket, req: IncomingMessage): void => {
    const query = parseQuery(req);
    const transport = new WebSocketTransport(
      ws,
      this.#deflate?.negotiated((req as HandshakeMessage)[kExtensions]) ?? null,
    );
    // The handshake or the session already checked the version: only an admitted `EIO=3` gets here with it.
    transport.isEio3 = query.EIO === '3';
    if (query.sid === null) {
      this.#open(req, transport);
      return;
    }
    const client = this.clients.get(query.sid);
    if (client === undefined) {
      debug('upgrade for session %s that closed meanwhile', query.sid);
      transport.close('now');
      return;
    }
    client.offerUpgrade(transport);
  };

  #openPolling(req: IncomingMessage, res: ServerResponse): void {
    const transport = new PollingTransport(this.settings.maxHttpBufferSize, this.#pollingHost);
    transport.isEio3 = parseQuery(req).EIO === '3';
    this.#open(req, transport);
    transport.onRequest(req, res);
  }

  #open(req: IncomingMessage, transport: Transport): EngineSocket | null {
    const id = (req as HandshakeMessage)[kSessionId]!;
    if (this.clients.has(id)) {
      // Another handshake took the same id between its check and now (an asynchronous generateId).
      this.#reportError(req, idError(new Error(`generateId returned "${id}", the id of an open session`)));
      transport.close('now');
      return null;
    }
    const socket = new EngineSocket(id, this.#host, transport, req);
    this.clients.set(id, socket);
    debug('session %s opened over %s', id, transport.name);
    // Emitted before the first poll is answered, so sends made by listeners travel with the open packet.
    this.emit('connection', socket);
    return socket;
  }

  #isEngineRequest(req: IncomingMessage): boolean {
    const url = req.url ?? '';
    const path = this.settings.path;
    // `/engine.io/?...` and `/engine.io?...` both address the engine.
    return url.startsWith(path) || (url.startsWith(path.slice(0, -1)) && url.charCodeAt(path.length - 1) === 63);
  }

  /**
   * The steps of a handshake after `#verify`: `#admit`, then the session id; `accept` or `refuse` is called once,
   * synchronously unless `allowRequest` or `generateId` returned a promise.
   */
  #handshake(
    req: HandshakeMessage,
    query: EngineQuery,
    accept: () => void,
    refuse: (refusal: ProtocolError) => void,
  ): void {
    const withId = () => this.#assignId(req, accept, refuse);
    const admission = this.#admit(req, query);
    if (admission === null) withId();
    else if (admission instanceof ProtocolError) refuse(admission);
    else {
      admission.then(
        (refusal) => (refusal === null ? withId() : refuse(refusal)),
        (err: unknown) => refuse(forbidden(err)),
      );
    }
  }

  /** Chooses the new session's id (the engine's own, or `generateId`'s, checked) and keeps it on the request. */
  #assignId(req: HandshakeMessage, accept: () => void, refuse: (refusal: ProtocolError) => void): void {
    const generateId = this.settings.generateId;
    if (generateId === null) {
      req[kSessionId] = randomBytes(15).toString('base64url');
      accept();
      return;
    }
    const check = (id: unknown) => {
      let problem: string | null = null;
      if (typeof id !== 'string' || !SESSION_ID.test(id)) {
        problem = `generateId must return 1 to 128 characters of A-Z a-z 0-9 - _ . ~, got ${
          typeof id === 'string' ? JSON.stringify(id.slice(0, 140)) : typeof id
        }`;
      } else if (this.clients.has(id)) {
        problem = `generateId returned "${id}", the id of an open session`;
      }
      if (problem !== null) {
        refuse(idError(new Error(problem)));
        return;
      }
      req[kSessionId] = id as string;
      accept();
    };
    let id: string | Promise<string>;
    try {
      id = generateId(req);
    } catch (err) {
      refuse(idError(err));
      return;
    }
    if (typeof id === 'string') check(id);
    else Promise.resolve(id).then(check, (err: unknown) => refuse(idError(err)));
  }

  /** PollingHost: the session cookie, then the `initial_headers` and `headers` listeners, on a polling answer. */
  #addHeaders(headers: OutgoingHttpHeaders, req: HandshakeMessage): void {
    if (parseQuery(req).sid === null) {
      const cookie = this.settings.cookie;
      if (cookie !== false) headers['Set-Cookie'] = serializeCookie(cookie, req[kSessionId]!);
      this.emit('initial_headers', headers, req);
    }
    this.emit('headers', headers, req);
  }

  /**
   * ws's `headers` event, right before the `101 Switching Protocols` answer is written: notes the negotiated
   * extension, and adds the cookie and the header listeners' headers (as lines: ws writes an array).
   */
  readonly #onUpgradeHeaders = (lines: string[], req: HandshakeMessage): void => {
    if (this.#deflate !== null) {
      for (const line of lines) {
        if (line.startsWith('Sec-WebSocket-Extensions: ')) req[kExtensions] = line.slice(26);
      }
    }
    const isHandshake = parseQuery(req).sid === null;
    if (!isHandshake && this.listenerCount('headers') === 0) return;
    const headers: OutgoingHttpHeaders = {};
    this.#addHeaders(headers, req);
    for (const name of Object.keys(headers)) {
      const value = headers[name];
      for (const one of Array.isArray(value) ? value : [value]) {
        const line = `${name}: ${String(one)}`;
        // A listener's value with a line break would split the answer (header injection): it is left out.
        if (/[\r\n]/.test(line)) debug('upgrade header %s left out: it holds a line break', name);
        else lines.push(line);
      }
    }
  };

  /** The checks every request goes through, in the reference server's order (`verify`). */
  #verify(req: IncomingMessage, query: EngineQuery, isUpgrade: boolean): ProtocolError | null {
    const transport = query.transport;
    if (transport === null || !this.settings.transports.includes(transport as TransportName)) {
      return new ProtocolError(0, { transport });
    }
    const origin = req.headers.origin;
    if (isOriginInvalid(origin)) {
      return new ProtocolError(3, { name: 'INVALID_ORIGIN', origin });
    }
    if (
      origin !== undefined &&
      this.settings.allowedOrigins !== null &&
      !isOriginListed(this.settings.allowedOrigins, origin, req)
    ) {
      return new ProtocolError(4, { name: 'ORIGIN_NOT_ALLOWED', origin });
    }
    if (query.sid !== null) {
      const client = this.clients.get(query.sid);
      if (client === undefined) return new ProtocolError(1, { sid: query.sid });
      if (!isUpgrade && client.transportName !== transport) {
        return new ProtocolError(3, { name: 'TRANSPORT_MISMATCH', transport, previousTransport: client.transportName });
      }
      if (query.EIO !== String(client.protocol)) {
        return new ProtocolError(3, { name: 'PROTOCOL_MISMATCH', protocol: query.EIO });
      }
      return null;
    }
    if (req.method !== 'GET') return new ProtocolError(2, { method: req.method });
    if (transport === 'websocket' && !isUpgrade) return new ProtocolError(3, { name: 'TRANSPORT_HANDSHAKE_ERROR' });
    return null;
  }

  /**
   * The handshake-only checks: `allowRequest` (code 4), then the protocol version (code 5). Synchronous (`null`
   * or an error) unless `allowRequest` returned a promise.
   */
  #admit(req: IncomingMessage, query: EngineQuery): ProtocolError | null | Promise<ProtocolError | null> {
    const allowRequest = this.settings.allowRequest;
    const allowEIO3 = this.settings.allowEIO3;
    if (allowRequest === null) return checkProtocol(query, allowEIO3);
    let decision: boolean | Promise<boolean>;
    try {
      decision = allowRequest(req);
    } catch (err) {
      return forbidden(err);
    }
    if (typeof decision === 'boolean') return decision ? checkProtocol(query, allowEIO3) : new ProtocolError(4);
    return Promise.resolve(decision).then((isAllowed) =>
      isAllowed ? checkProtocol(query, allowEIO3) : new ProtocolError(4),
    );
  }

  #reportError(req: IncomingMessage, error: ProtocolError): void {
    debug('refused %s %s: code %d %s', req.method, req.url, error.engineCode, error.message);
    const event: EngineConnectionError = {
      req,
      code: error.engineCode,
      message: error.message,
      context: error.context,
    };
    this.emit('connection_error', event);
  }

  #abortRequest(req: IncomingMessage, res: ServerResponse, error: ProtocolError): void {
    this.#reportError(req, error);
    writeRefusal(res, error);
  }

  #abortUpgrade(req: IncomingMessage, socket: Duplex, error: ProtocolError): void {
    this.#reportError(req, error);
    writeUpgradeRefusal(socket, error);
  }
}

function ignoreError(): void {}

/** A refused `generateId` (Engine.IO error 3, as the reference answers an id generation failure). */
function idError(error: unknown): ProtocolError {
  return new ProtocolError(3, { name: 'ID_GENERATION_ERROR', error });
}
