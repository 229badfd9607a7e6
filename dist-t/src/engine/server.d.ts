import { EventEmitter } from 'node:events';
import { type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { type EngineErrorCode } from '../errors';
import { type EngineServerOptions, type EngineSettings } from './options';
import { EngineSocket } from './socket';
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
export declare class EngineServer extends EventEmitter {
    #private;
    /** The options after defaults; frozen. */
    readonly settings: EngineSettings;
    /** Open sessions by id. */
    readonly clients: Map<string, EngineSocket>;
    constructor(options?: EngineServerOptions);
    /** Number of open sessions. */
    get clientsCount(): number;
    /**
     * Serves the engine on an HTTP server: requests under `path` are handled here, other requests go to the
     * `request` listeners the server already had, and websocket upgrades under `path` are taken over.
     */
    attach(httpServer: HttpServer): this;
    /** Creates an HTTP server that serves only this engine and listens on `port`; `close()` closes it too. */
    listen(port: number, host?: string): Promise<HttpServer>;
    /** Handles one HTTP request under `path` (polling, CORS preflight, or a refused handshake). */
    handleRequest(req: IncomingMessage, res: ServerResponse): void;
    /** Handles an HTTP upgrade under `path`: a websocket handshake, or the websocket side of an upgrade. */
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
    /**
     * Closes every session with `forced server close`, then the websocket server, and the HTTP server if
     * `listen()` created it.
     */
    close(): Promise<void>;
}
