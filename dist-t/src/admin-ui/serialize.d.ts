import type { SocketDescription } from '../adapter/adapter';
/** The key under which a development-mode `instrument()` keeps what the UI needs of a socket in `socket.data`. */
export declare const ADMIN_DATA_KEY = "_admin";
/**
 * What the UI needs of a socket that its description does not carry: kept in `socket.data` (under
 * {@link ADMIN_DATA_KEY}, as the reference keeps it), because `socket.data` is what crosses processes in
 * `fetchSockets`, so a UI connected to one process sees the other processes' sockets whole.
 */
export interface AdminSocketData {
    clientId: string;
    transport: string;
}
/** A socket as the UI reads it (`all_sockets`, `socket_connected`). */
export interface SerializedSocket {
    id: string;
    clientId: string | undefined;
    transport: string | undefined;
    nsp: string;
    data: Record<string, unknown>;
    handshake: Record<string, unknown>;
    rooms: string[];
}
/** Serializes a socket of any process, from its description. */
export declare function serializeSocket(socket: SocketDescription, nsp: string): SerializedSocket;
/** `socket.data` without the Admin UI's own entry. */
export declare function userData(data: Record<string, unknown>): Record<string, unknown>;
