import type { IncomingHttpHeaders } from 'node:http';
import type { EngineConnection } from '../engine/types';

/** What the server knows of a client at connect time; guards and handlers read it. */
export interface Handshake {
  /** Headers of the Engine.IO handshake request. */
  readonly headers: IncomingHttpHeaders;
  /** Query parameters of the handshake request (a null-prototype object). */
  readonly query: Readonly<Record<string, string | string[]>>;
  /** The CONNECT packet's payload for this namespace (`auth` on the client), `{}` when there was none. */
  readonly auth: Readonly<Record<string, unknown>>;
  /** Remote address of the handshake request. */
  readonly address: string;
  /** When the handshake happened, as a date string and as milliseconds. */
  readonly time: string;
  readonly issued: number;
  /** The handshake request's URL. */
  readonly url: string;
  /** Whether the handshake came over TLS. */
  readonly secure: boolean;
  /** Whether the request came from another origin than its Host. */
  readonly xdomain: boolean;
}

/**
 * Builds a handshake from the engine connection and the CONNECT payload. The query is parsed into a
 * null-prototype object so that keys like `__proto__` stay plain data.
 */
export function createHandshake(conn: EngineConnection, auth: Record<string, unknown>): Handshake {
  const { request } = conn;
  const url = request.url ?? '/';
  const query: Record<string, string | string[]> = Object.create(null);
  const queryStart = url.indexOf('?');
  if (queryStart !== -1) {
    for (const [key, value] of new URLSearchParams(url.slice(queryStart + 1))) {
      const existing = query[key];
      if (existing === undefined) query[key] = value;
      else if (Array.isArray(existing)) existing.push(value);
      else query[key] = [existing, value];
    }
  }
  const issued = Date.now();
  const socket = request.socket as { encrypted?: boolean } | undefined;
  return {
    headers: request.headers,
    query,
    auth,
    address: conn.remoteAddress,
    time: new Date(issued).toString(),
    issued,
    url,
    secure: socket?.encrypted === true,
    xdomain: request.headers.origin !== undefined,
  };
}
