import type { Server } from '../server';
import type { ServerNamespace } from '../namespace/server-namespace';
import { type InstrumentOptions } from './options';
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
export declare function instrument(server: Server, options: InstrumentOptions): AdminUi;
