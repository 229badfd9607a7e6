import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { createDebug } from '../debug';
import { ProtocolError, type EngineErrorCode } from '../errors';
import { applyCors, isOriginListed } from './cors';
import { resolveEngineSettings, type EngineServerOptions, type EngineSettings } from './options';
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
import { PollingTransport } from './transports/polling';
import { WebSocketTransport } from './transports/websocket';
import type { Transport } from './transport';
import type { TransportName } from './types';

const debug = createDebug('classio:engine');

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
  #wss: WebSocketServer | null = null;
  #ownHttpServer: HttpServer | null = null;

  constructor(options: EngineServerOptions = {}) {
    super();
    this.settings = resolveEngineSettings(options);
    const clients = this.clients;
    this.#host = {
      settings: this.settings,
      release(socket) {
        clients.delete(socket.id);
      },
    };
    if (this.settings.transports.includes('websocket')) {
      this.#wss = new WebSocketServer({
        noServer: true,
        perMessageDeflate: false,
        clientTracking: false,
        maxPayload: this.settings.maxHttpBufferSize,
      });
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
    const admission = this.#admit(req, query);
    if (admission === null) this.#openPolling(req, res);
    else if (admission instanceof ProtocolError) this.#abortRequest(req, res, admission);
    else {
      admission.then(
        (refusal) => (refusal === null ? this.#openPolling(req, res) : this.#abortRequest(req, res, refusal)),
        (err: unknown) => this.#abortRequest(req, res, forbidden(err)),
      );
    }
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
    const admission = this.#admit(req, query);
    if (admission === null) this.#wss!.handleUpgrade(req, socket, head, this.#onWebSocket);
    else if (admission instanceof ProtocolError) this.#abortUpgrade(req, socket, admission);
    else {
      admission.then(
        (refusal) =>
          refusal === null
            ? this.#wss!.handleUpgrade(req, socket, head, this.#onWebSocket)
            : this.#abortUpgrade(req, socket, refusal),
        (err: unknown) => this.#abortUpgrade(req, socket, forbidden(err)),
      );
    }
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
    const transport = new WebSocketTransport(ws);
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
    const transport = new PollingTransport(this.settings.maxHttpBufferSize);
    transport.isEio3 = parseQuery(req).EIO === '3';
    this.#open(req, transport);
    transport.onRequest(req, res);
  }

  #open(req: IncomingMessage, transport: Transport): EngineSocket {
    const id = randomBytes(15).toString('base64url');
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
