"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.instrument = instrument;
const node_crypto_1 = require("node:crypto");
const bcryptjs_1 = require("bcryptjs");
const errors_1 = require("../errors");
const debug_1 = require("../debug");
const options_1 = require("./options");
const actions_1 = require("./actions");
const stats_1 = require("./stats");
const live_events_1 = require("./live-events");
const serialize_1 = require("./serialize");
const debug = (0, debug_1.createDebug)('classio:admin-ui');
/** How often each process sends its `server_stats` (the reference's period, which the UI's charts expect). */
const STATS_INTERVAL_MS = 2000;
/**
 * Serves the Socket.IO Admin UI (`@socket.io/admin-ui` 0.5, its bundle or its hosted copy at admin.socket.io) on
 * the namespace `namespaceName`: server stats, namespaces, sockets with their handshake, rooms and `socket.data`,
 * live events in development mode, and joining, leaving and disconnecting sockets unless `readonly`. With a cluster
 * adapter the UI sees every process: each one reports through the admin namespace, and the socket list and the
 * actions go through the adapter's `fetchSockets`, `socketsJoin`, `socketsLeave` and `disconnectSockets`.
 *
 * Nothing on the message path changes for a server that is not instrumented. In production mode an instrumented
 * server counts received packets (one listener call each); development mode adds catch-all listeners on every
 * socket and reports every event, which is what it is for.
 *
 * @example
 * import { hashSync } from 'bcryptjs';
 * instrument(server, { auth: { type: 'basic', username: 'admin', password: hashSync(process.env.ADMIN_PASSWORD!, 10) } });
 */
function instrument(server, options) {
    const resolved = (0, options_1.resolveInstrumentOptions)(options);
    const admin = server.of(resolved.namespaceName);
    if (resolved.auth !== false)
        admin.use(basicAuthMiddleware(resolved));
    else
        debug('authentication is off: anyone who reaches %s can use the Admin UI', resolved.namespaceName);
    const features = resolved.isReadonly ? [] : [...actions_1.ACTION_FEATURES];
    features.push('AGGREGATED_EVENTS');
    if (resolved.isDevelopment)
        features.push('ALL_EVENTS');
    const config = { supportedFeatures: features };
    admin.on('connection', (socket) => {
        (0, actions_1.listenToActions)(server, socket, resolved.isReadonly);
        socket.emit('config', config);
        if (resolved.isDevelopment) {
            fetchAllSockets(server).then((sockets) => socket.emit('all_sockets', sockets), (err) => server.logError(`Admin UI: fetching the sockets for ${socket.id} failed`, err));
        }
    });
    const counter = new stats_1.EventCounter();
    (0, stats_1.countEngineEvents)(server, counter);
    if (resolved.isDevelopment) {
        for (const nsp of server.namespaces.values())
            (0, live_events_1.reportNamespace)(admin, nsp);
        server.on('new_namespace', (nsp) => (0, live_events_1.reportNamespace)(admin, nsp));
    }
    const serverId = resolved.serverId ?? (0, stats_1.defaultServerId)();
    const sendStats = () => void admin.emit('server_stats', (0, stats_1.collectStats)(server, serverId, counter));
    const timer = setInterval(sendStats, STATS_INTERVAL_MS);
    timer.unref();
    sendStats();
    return { namespace: admin, close: () => clearInterval(timer) };
}
/**
 * Lets in a UI that shows a session id from the store, or the right username and password (then it gets a new
 * session id, the `session` event, for its reconnections). The password is checked even when the username is
 * wrong, so that the answer takes as long either way; a refusal is `connect_error` "invalid credentials".
 */
function basicAuthMiddleware(options) {
    const { username, password: hash } = options.auth;
    const { store } = options;
    return async (socket, next) => {
        const auth = socket.handshake.auth;
        const sessionId = auth.sessionId;
        if (typeof sessionId === 'string' && sessionId !== '' && (await store.doesSessionExist(sessionId))) {
            next();
            return;
        }
        const given = typeof auth.password === 'string' ? auth.password : '';
        const isPasswordRight = await (0, bcryptjs_1.compare)(given, hash);
        if (isPasswordRight && auth.username === username) {
            const created = (0, node_crypto_1.randomBytes)(16).toString('hex');
            await store.saveSession(created);
            socket.emit('session', created);
            next();
            return;
        }
        debug('Admin UI login refused for socket %s', socket.id);
        next(new errors_1.ConnectError('invalid credentials'));
    };
}
/** Every socket of every namespace, on every process of the cluster (the adapters' `fetchSockets`). */
async function fetchAllSockets(server) {
    const perNamespace = await Promise.all([...server.namespaces.values()].map(async (nsp) => (await nsp.fetchSockets()).map((socket) => (0, serialize_1.serializeSocket)(socket, nsp.name))));
    return perNamespace.flat();
}
//# sourceMappingURL=instrument.js.map