import { randomBytes } from 'node:crypto';
import { compare } from 'bcryptjs';
import { ConnectError } from '../errors';
import { createDebug } from '../debug';
import type { Server } from '../server';
import type { ServerNamespace } from '../namespace/server-namespace';
import type { Socket } from '../namespace/socket';
import { resolveInstrumentOptions, type InstrumentOptions, type ResolvedInstrumentOptions } from './options';
import { ACTION_FEATURES, listenToActions, type Feature } from './actions';
import { EventCounter, collectStats, countEngineEvents, defaultServerId } from './stats';
import { reportNamespace } from './live-events';
import { serializeSocket, type SerializedSocket } from './serialize';

const debug = createDebug('classio:admin-ui');

/** How often each process sends its `server_stats` (the reference's period, which the UI's charts expect). */
const STATS_INTERVAL_MS = 2000;

/** What {@link instrument} returns: the admin namespace, and a way to stop the stats timer before the server closes. */
export interface AdminUi {
  readonly namespace: ServerNamespace;
  /** Stops sending `server_stats` (the timer is unref'd, so a process may also just exit). */
  close(): void;
}

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
export function instrument(server: Server, options: InstrumentOptions): AdminUi {
  const resolved = resolveInstrumentOptions(options);
  const admin = server.of(resolved.namespaceName);
  if (resolved.auth !== false) admin.use(basicAuthMiddleware(resolved));
  else debug('authentication is off: anyone who reaches %s can use the Admin UI', resolved.namespaceName);

  const features: Feature[] = resolved.isReadonly ? [] : [...ACTION_FEATURES];
  features.push('AGGREGATED_EVENTS');
  if (resolved.isDevelopment) features.push('ALL_EVENTS');
  const config = { supportedFeatures: features };

  admin.on('connection', (socket: Socket) => {
    listenToActions(server, socket, resolved.isReadonly);
    socket.emit('config', config);
    if (resolved.isDevelopment) {
      fetchAllSockets(server).then(
        (sockets) => socket.emit('all_sockets', sockets),
        (err: unknown) => server.logError(`Admin UI: fetching the sockets for ${socket.id} failed`, err),
      );
    }
  });

  const counter = new EventCounter();
  countEngineEvents(server, counter);
  if (resolved.isDevelopment) {
    for (const nsp of server.namespaces.values()) reportNamespace(admin, nsp);
    server.on('new_namespace', (nsp) => reportNamespace(admin, nsp));
  }

  const serverId = resolved.serverId ?? defaultServerId();
  const sendStats = (): void => void admin.emit('server_stats', collectStats(server, serverId, counter));
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
function basicAuthMiddleware(options: ResolvedInstrumentOptions) {
  const { username, password: hash } = options.auth as { username: string; password: string };
  const { store } = options;
  return async (socket: Socket, next: (err?: Error) => void): Promise<void> => {
    const auth = socket.handshake.auth;
    const sessionId = auth.sessionId;
    if (typeof sessionId === 'string' && sessionId !== '' && (await store.doesSessionExist(sessionId))) {
      next();
      return;
    }
    const given = typeof auth.password === 'string' ? auth.password : '';
    const isPasswordRight = await compare(given, hash);
    if (isPasswordRight && auth.username === username) {
      const created = randomBytes(16).toString('hex');
      await store.saveSession(created);
      socket.emit('session', created);
      next();
      return;
    }
    debug('Admin UI login refused for socket %s', socket.id);
    next(new ConnectError('invalid credentials'));
  };
}

/** Every socket of every namespace, on every process of the cluster (the adapters' `fetchSockets`). */
async function fetchAllSockets(server: Server): Promise<SerializedSocket[]> {
  const perNamespace = await Promise.all(
    [...server.namespaces.values()].map(async (nsp) =>
      (await nsp.fetchSockets()).map((socket) => serializeSocket(socket, nsp.name)),
    ),
  );
  return perNamespace.flat();
}
