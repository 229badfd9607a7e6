/**
 * The flagship example: Flask-SocketIO's example chat app, ported to classio's class-based namespaces.
 *
 *   npm start          # builds, then serves http://127.0.0.1:5000
 *
 * Environment: HOST (127.0.0.1), PORT (5000), CHAT_BACKGROUND_INTERVAL_MS (10000; 0 disables the background
 * task), CHAT_TOKEN (`secret`, the token `/private` expects in the handshake's auth), CHAT_METRICS (`1` serves the
 * server's metrics in the Prometheus text format on `GET /metrics`; needs the optional peer prom-client).
 *
 * The Socket.IO Admin UI: CLASSIO_ADMIN_UI=1 with CLASSIO_ADMIN_UI_PASSWORD (required) serves it on `/admin`;
 * CLASSIO_ADMIN_UI_USERNAME (`admin`), CLASSIO_ADMIN_UI_READONLY=1 (look only), CLASSIO_ADMIN_UI_ORIGIN
 * (`https://admin.socket.io`, the origin the UI is served from, allowed by CORS with credentials).
 *
 * The event names and payloads below are a contract other clients rely on; keep them exactly.
 */
import 'reflect-metadata';
import { type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type CloseOptions, type ServerOptions } from '../../src';
import { PrivateNamespace, RootNamespace, TestNamespace } from './namespaces';
export { ChatSettings, BackgroundTicker } from './services';
/** Options of {@link createChatApp}; every one has a default. */
export interface ChatAppOptions {
    /** Interface to listen on. Default `127.0.0.1` (env HOST). */
    host: string;
    /** Port to listen on; 0 picks a free one. Default `5000` (env PORT). */
    port: number;
    /** Period of the background task in ms; 0 disables it. Default `10000` (env CHAT_BACKGROUND_INTERVAL_MS). */
    backgroundIntervalMs: number;
    /** The token `/private` accepts. Default `secret` (env CHAT_TOKEN). */
    token: string;
    /** Serve `GET /metrics` (Prometheus text, through prom-client). Default false (env CHAT_METRICS=1). */
    metrics: boolean;
    /** Where the app writes its log lines (connects, disconnects). Default: stdout. */
    log: (line: string) => void;
    /** Extra classio server options (transports, ping timings, adapter, ...). */
    server: ServerOptions;
    /** The Admin UI on `/admin`, or null (the default) for none (env CLASSIO_ADMIN_UI=1 and the variables above). */
    adminUi: ChatAdminUiOptions | null;
}
/** The example's Admin UI: who may log in, from which origin, and whether it may act on sockets. */
export interface ChatAdminUiOptions {
    username: string;
    /** The password in clear: the app hashes it with bcrypt at startup. */
    password: string;
    readonly: boolean;
    /** The origin the UI is served from (CORS, with credentials). */
    origin: string;
}
/** The running pieces of the example. */
export interface ChatApp {
    readonly server: Server;
    readonly httpServer: HttpServer;
    readonly options: Readonly<ChatAppOptions>;
    /** Starts listening on `options.host`:`options.port`; resolves with the bound address. */
    listen(): Promise<AddressInfo>;
    /**
     * Stops the background task, disconnects every client and stops listening. With `timeout`, running handlers and
     * awaited acks get up to that many ms first (`server.close({ timeout })`).
     */
    close(options?: CloseOptions): Promise<void>;
}
/** Reads the app's options from the environment (HOST, PORT, CHAT_BACKGROUND_INTERVAL_MS, CHAT_TOKEN, CHAT_METRICS). */
export declare function chatOptionsFromEnv(env?: NodeJS.ProcessEnv): Partial<ChatAppOptions>;
/**
 * Builds the chat app: an HTTP server for the page and the Socket.IO client bundle, and a classio server with the
 * three namespaces. Each app has its own child container, so several apps can live in one process (tests do).
 */
export declare function createChatApp(options?: Partial<ChatAppOptions>): ChatApp;
export { TestNamespace, PrivateNamespace, RootNamespace };
