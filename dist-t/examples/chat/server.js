"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RootNamespace = exports.PrivateNamespace = exports.TestNamespace = exports.BackgroundTicker = exports.ChatSettings = void 0;
exports.chatOptionsFromEnv = chatOptionsFromEnv;
exports.createChatApp = createChatApp;
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
require("reflect-metadata");
const node_http_1 = require("node:http");
const node_fs_1 = require("node:fs");
const tsyringe_1 = require("tsyringe");
const bcryptjs_1 = require("bcryptjs");
const src_1 = require("../../src");
const admin_ui_1 = require("../../src/admin-ui");
const services_1 = require("./services");
const namespaces_1 = require("./namespaces");
Object.defineProperty(exports, "PrivateNamespace", { enumerable: true, get: function () { return namespaces_1.PrivateNamespace; } });
Object.defineProperty(exports, "RootNamespace", { enumerable: true, get: function () { return namespaces_1.RootNamespace; } });
Object.defineProperty(exports, "TestNamespace", { enumerable: true, get: function () { return namespaces_1.TestNamespace; } });
const static_files_1 = require("./static-files");
const metrics_endpoint_1 = require("./metrics-endpoint");
var services_2 = require("./services");
Object.defineProperty(exports, "ChatSettings", { enumerable: true, get: function () { return services_2.ChatSettings; } });
Object.defineProperty(exports, "BackgroundTicker", { enumerable: true, get: function () { return services_2.BackgroundTicker; } });
const DEFAULTS = {
    host: '127.0.0.1',
    port: 5000,
    backgroundIntervalMs: 10_000,
    token: 'secret',
    metrics: false,
    log: (line) => process.stdout.write(`${line}\n`),
    server: {},
    adminUi: null,
};
/** Reads the app's options from the environment (HOST, PORT, CHAT_BACKGROUND_INTERVAL_MS, CHAT_TOKEN, CHAT_METRICS). */
function chatOptionsFromEnv(env = process.env) {
    const options = {};
    if (env.HOST)
        options.host = env.HOST;
    if (env.PORT)
        options.port = parseNonNegative('PORT', env.PORT);
    if (env.CHAT_BACKGROUND_INTERVAL_MS) {
        options.backgroundIntervalMs = parseNonNegative('CHAT_BACKGROUND_INTERVAL_MS', env.CHAT_BACKGROUND_INTERVAL_MS);
    }
    if (env.CHAT_TOKEN)
        options.token = env.CHAT_TOKEN;
    if (env.CLASSIO_ADMIN_UI === '1') {
        if (!env.CLASSIO_ADMIN_UI_PASSWORD)
            throw new Error('CLASSIO_ADMIN_UI=1 needs CLASSIO_ADMIN_UI_PASSWORD');
        options.adminUi = {
            username: env.CLASSIO_ADMIN_UI_USERNAME || 'admin',
            password: env.CLASSIO_ADMIN_UI_PASSWORD,
            readonly: env.CLASSIO_ADMIN_UI_READONLY === '1',
            origin: env.CLASSIO_ADMIN_UI_ORIGIN || 'https://admin.socket.io',
        };
    }
    if (env.CHAT_METRICS)
        options.metrics = env.CHAT_METRICS === '1' || env.CHAT_METRICS === 'true';
    return options;
}
function parseNonNegative(name, value) {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0)
        throw new Error(`${name} must be a non-negative integer, got "${value}"`);
    return parsed;
}
/**
 * Builds the chat app: an HTTP server for the page and the Socket.IO client bundle, and a classio server with the
 * three namespaces. Each app has its own child container, so several apps can live in one process (tests do).
 */
function createChatApp(options = {}) {
    const settings = { ...DEFAULTS, ...options };
    const httpServer = (0, node_http_1.createServer)((req, res) => {
        if (!(0, metrics_endpoint_1.serveMetrics)(server.metricsRegistry, req, res))
            serveStatic(req, res);
    });
    const container = tsyringe_1.container.createChildContainer();
    const adminUiOptions = settings.adminUi;
    const server = new src_1.Server(httpServer, {
        path: '/socket.io/',
        // The Admin UI polls with credentials, which a wildcard origin does not allow.
        cors: adminUiOptions === null ? { origin: '*' } : { origin: adminUiOptions.origin, credentials: true },
        ...(settings.metrics ? { metrics: { prometheus: true } } : {}),
        ...settings.server,
        container,
    });
    const chatSettings = new services_1.ChatSettings(settings.token, settings.log);
    const ticker = new services_1.BackgroundTicker(settings.backgroundIntervalMs, (count) => server.of('/test').emit('my response', { data: 'Server generated event', count }));
    container.registerInstance(services_1.ChatSettings, chatSettings);
    container.registerInstance(services_1.BackgroundTicker, ticker);
    // Global enhancers are compiled into each route, so they come before the namespaces.
    server.useGlobalInterceptors(new services_1.EventLogInterceptor(settings.log));
    server.register(namespaces_1.TestNamespace).register(namespaces_1.PrivateNamespace).register(namespaces_1.RootNamespace);
    const adminUi = adminUiOptions === null
        ? null
        : (0, admin_ui_1.instrument)(server, {
            auth: { type: 'basic', username: adminUiOptions.username, password: (0, bcryptjs_1.hashSync)(adminUiOptions.password, 10) },
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
                    resolve(httpServer.address());
                });
            });
        },
        async close(options) {
            ticker.stop();
            adminUi?.close();
            await server.close(options);
            if (httpServer.listening) {
                await new Promise((resolve) => {
                    httpServer.close(() => resolve());
                    httpServer.closeAllConnections();
                });
            }
        },
    };
}
/** Serves the page, its script and the official Socket.IO browser client; the engine answers `/socket.io/`. */
function serveStatic(req, res) {
    const pathname = (req.url ?? '/').split('?')[0];
    const file = req.method === 'GET' || req.method === 'HEAD' ? (0, static_files_1.resolvePublicFile)(pathname) : undefined;
    if (file === undefined) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
        return;
    }
    let body;
    try {
        body = (0, node_fs_1.readFileSync)(file.path);
    }
    catch {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Cannot read ${pathname}\n`);
        return;
    }
    res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': body.length, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
}
/** Runs the app until SIGTERM or SIGINT, then closes it gracefully. */
async function main() {
    const app = createChatApp(chatOptionsFromEnv());
    const address = await app.listen();
    app.options.log(`classio chat listening on http://${address.address}:${address.port}`);
    let isClosing = false;
    const shutdown = (signal) => {
        if (isClosing)
            return;
        isClosing = true;
        app.options.log(`${signal}: closing`);
        // Graceful: clients are told why (`io server disconnect`), handlers in flight get up to 10 s to finish.
        app.close({ timeout: 10_000 }).then(() => process.exit(0), (err) => {
            console.error('error while closing', err);
            process.exit(1);
        });
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
}
if (require.main === module) {
    main().catch((err) => {
        console.error(err);
        process.exit(1);
    });
}
//# sourceMappingURL=server.js.map