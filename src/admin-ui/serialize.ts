import type { SocketDescription } from '../adapter/adapter';
import type { Handshake } from '../namespace/handshake';

/** The key under which a development-mode `instrument()` keeps what the UI needs of a socket in `socket.data`. */
export const ADMIN_DATA_KEY = '_admin';

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
export function serializeSocket(socket: SocketDescription, nsp: string): SerializedSocket {
  const data = (socket.data ?? {}) as Record<string, unknown>;
  const admin = data[ADMIN_DATA_KEY] as Partial<AdminSocketData> | undefined;
  return {
    id: socket.id,
    clientId: admin?.clientId,
    transport: admin?.transport,
    nsp,
    data: userData(data),
    handshake: serializeHandshake(socket.handshake as Handshake),
    rooms: [...socket.rooms],
  };
}

/** `socket.data` without the Admin UI's own entry. */
export function userData(data: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(data)) if (key !== ADMIN_DATA_KEY) copy[key] = data[key];
  return copy;
}

/**
 * The handshake without `auth`: what a client authenticated with (a token, or the UI's own password) never goes
 * to the UI. The address is the proxy's client address when a proxy said so.
 */
function serializeHandshake(handshake: Handshake): Record<string, unknown> {
  const headers = handshake.headers ?? {};
  const forwarded = headers['cf-connecting-ip'] ?? headers['x-forwarded-for'];
  return {
    address: forwarded ?? handshake.address,
    headers,
    query: { ...handshake.query },
    issued: handshake.issued,
    secure: handshake.secure,
    time: handshake.time,
    url: handshake.url,
    xdomain: handshake.xdomain,
  };
}
