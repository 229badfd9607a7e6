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
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { container as rootContainer } from 'tsyringe';
import { hashSync } from 'bcryptjs';
import { Server, type CloseOptions, type ServerOptions } from '../../src';
import { instrument, type AdminUi } from '../../src/admin-ui';
import { ChatSettings, BackgroundTicker, EventLogInterceptor } from './services';
import { PrivateNamespace, RootNamespace, TestNamespace } from './namespaces';
import { resolvePublicFile } from './static-files';
import { serveMetrics } from './metrics-endpoint';

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
  /**
   * Log every event's handling time through a global interceptor (`EventLogInterceptor`). Default true; the
   * benchmark turns it off so that its `classio` peer measures the plain handler path.
   */
  eventLog: boolean;
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

const DEFAULTS: ChatAppOptions = {
  host: '127.0.0.1',
  port: 5000,
  backgroundIntervalMs: 10_000,
  token: 'secret',
  metrics: false,
  log: (line) => process.stdout.write(`${line}\n`),
  eventLog: true,
  server: {},
  adminUi: null,
};

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
export function chatOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<ChatAppOptions> {
  const options: Partial<ChatAppOptions> = {};
  if (env.HOST) options.host = env.HOST;
  if (env.PORT) options.port = parseNonNegative('PORT', env.PORT);
  if (env.CHAT_BACKGROUND_INTERVAL_MS) {
    options.backgroundIntervalMs = parseNonNegative('CHAT_BACKGROUND_INTERVAL_MS', env.CHAT_BACKGROUND_INTERVAL_MS);
  }
  if (env.CHAT_TOKEN) options.token = env.CHAT_TOKEN;
  if (env.CLASSIO_ADMIN_UI === '1') {
    if (!env.CLASSIO_ADMIN_UI_PASSWORD) throw new Error('CLASSIO_ADMIN_UI=1 needs CLASSIO_ADMIN_UI_PASSWORD');
    options.adminUi = {
      username: env.CLASSIO_ADMIN_UI_USERNAME || 'admin',
      password: env.CLASSIO_ADMIN_UI_PASSWORD,
      readonly: env.CLASSIO_ADMIN_UI_READONLY === '1',
      origin: env.CLASSIO_ADMIN_UI_ORIGIN || 'https://admin.socket.io',
    };
  }
  if (env.CHAT_METRICS) options.metrics = env.CHAT_METRICS === '1' || env.CHAT_METRICS === 'true';
  return options;
}

function parseNonNegative(name: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

/**
 * Builds the chat app: an HTTP server for the page and the Socket.IO client bundle, and a classio server with the
 * three namespaces. Each app has its own child container, so several apps can live in one process (tests do).
 */
export function createChatApp(options: Partial<ChatAppOptions> = {}): ChatApp {
  const settings: ChatAppOptions = { ...DEFAULTS, ...options };
  const httpServer = createServer((req, res) => {
    if (!serveMetrics(server.metricsRegistry, req, res)) serveStatic(req, res);
  });
  const container = rootContainer.createChildContainer();
  const adminUiOptions = settings.adminUi;
  const server = new Server(httpServer, {
    path: '/socket.io/',
    // The Admin UI polls with credentials, which a wildcard origin does not allow.
    cors: adminUiOptions === null ? { origin: '*' } : { origin: adminUiOptions.origin, credentials: true },
    ...(settings.metrics ? { metrics: { prometheus: true } } : {}),
    ...settings.server,
    container,
  });

  const chatSettings = new ChatSettings(settings.token, settings.log);
  const ticker = new BackgroundTicker(settings.backgroundIntervalMs, (count) =>
    server.of('/test').emit('my response', { data: 'Server generated event', count }),
  );
  container.registerInstance(ChatSettings, chatSettings);
  container.registerInstance(BackgroundTicker, ticker);

  // Global enhancers are compiled into each route, so they come before the namespaces.
  if (settings.eventLog) server.useGlobalInterceptors(new EventLogInterceptor(settings.log));
  server.register(TestNamespace).register(PrivateNamespace).register(RootNamespace);
  const adminUi: AdminUi | null =
    adminUiOptions === null
      ? null
      : instrument(server, {
          auth: { type: 'basic', username: adminUiOptions.username, password: hashSync(adminUiOptions.password, 10) },
          readonly: adminUiOptions.readonly,
        });

  return {
    server,
    httpServer,
    options: settings,
    listen() {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(settings.port, settings.host, () => {
          httpServer.off('error', reject);
          resolve(httpServer.address() as AddressInfo);
        });
      });
    },
    async close(options?: CloseOptions) {
      ticker.stop();
      adminUi?.close();
      await server.close(options);
      if (httpServer.listening) {
        await new Promise<void>((resolve) => {
          httpServer.close(() => resolve());
          httpServer.closeAllConnections();
        });
      }
    },
  };
}

/** Serves the page, its script and the official Socket.IO browser client; the engine answers `/socket.io/`. */
function serveStatic(req: IncomingMessage, res: ServerResponse): void {
  const pathname = (req.url ?? '/').split('?')[0];
  const file = req.method === 'GET' || req.method === 'HEAD' ? resolvePublicFile(pathname) : undefined;
  if (file === undefined) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  let body: Buffer;
  try {
    body = readFileSync(file.path);
  } catch {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Cannot read ${pathname}\n`);
    return;
  }
  res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': body.length, 'Cache-Control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Runs the app until SIGTERM or SIGINT, then closes it gracefully. */
async function main(): Promise<void> {
  const app = createChatApp(chatOptionsFromEnv());
  const address = await app.listen();
  app.options.log(`classio chat listening on http://${address.address}:${address.port}`);
  let isClosing = false;
  const shutdown = (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.options.log(`${signal}: closing`);
    // Graceful: clients are told why (`io server disconnect`), handlers in flight get up to 10 s to finish.
    app.close({ timeout: 10_000 }).then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('error while closing', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

// Re-exported so that tests and benchmarks can register the namespaces on servers of their own.
export { TestNamespace, PrivateNamespace, RootNamespace };
