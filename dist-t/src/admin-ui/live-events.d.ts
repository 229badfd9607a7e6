import type { ServerNamespace } from '../namespace/server-namespace';
/**
 * Development mode: tells the UI (through the admin namespace, so across the cluster with a cluster adapter) of every
 * socket that connects to `nsp`, changes its data or transport, joins or leaves a room, receives or sends an event,
 * and disconnects. Only namespaces of an instrumented server pay for it, and only in development mode.
 */
export declare function reportNamespace(admin: ServerNamespace, nsp: ServerNamespace): void;
