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
 * The `auth` of a CONNECT packet that carried none, on its way to the socket: read-only, and never what a socket's
 * handshake hands out (that is an object of its own, made when first read).
 */
export const NO_AUTH: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * Builds a socket's handshake. Only `auth` and the time are its own; the other fields are read from the engine's
 * request when first asked for (an idle connection would otherwise carry a parsed query and a date string that
 * most applications never read), and so is an empty `auth` (56 bytes of every connection whose client sent none).
 * The query is parsed into a null-prototype object so that keys like `__proto__` stay plain data.
 */
export function createHandshake(conn: EngineConnection, auth: Readonly<Record<string, unknown>>): Handshake {
  return new SocketHandshake(conn, auth);
}

/** A handshake as plain data (what crosses processes in `fetchSockets`). */
export function handshakeData(handshake: Handshake): Handshake {
  const { headers, query, auth, address, time, issued, url, secure, xdomain } = handshake;
  return { headers, query, auth, address, time, issued, url, secure, xdomain };
}

class SocketHandshake implements Handshake {
  readonly issued = Date.now();
  readonly #conn: EngineConnection;
  #auth: Readonly<Record<string, unknown>> | null;
  #query: Readonly<Record<string, string | string[]>> | null = null;

  constructor(conn: EngineConnection, auth: Readonly<Record<string, unknown>>) {
    this.#conn = conn;
    this.#auth = auth === NO_AUTH ? null : auth;
  }

  get auth(): Readonly<Record<string, unknown>> {
    return (this.#auth ??= {});
  }

  get headers(): IncomingHttpHeaders {
    return this.#conn.request.headers;
  }

  get query(): Readonly<Record<string, string | string[]>> {
    return (this.#query ??= parseQuery(this.#conn.request.url));
  }

  get address(): string {
    return this.#conn.remoteAddress;
  }

  get time(): string {
    return new Date(this.issued).toString();
  }

  get url(): string {
    return this.#conn.request.url;
  }

  get secure(): boolean {
    return this.#conn.request.secure;
  }

  get xdomain(): boolean {
    return this.#conn.request.headers.origin !== undefined;
  }

  /** `JSON.stringify(socket.handshake)` shows every field, as it would for a plain object. */
  toJSON(): Handshake {
    return handshakeData(this);
  }
}

function parseQuery(url: string): Record<string, string | string[]> {
  const query = Object.create(null) as Record<string, string | string[]>;
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return query;
  for (const [key, value] of new URLSearchParams(url.slice(queryStart + 1))) {
    const existing = query[key];
    if (existing === undefined) query[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else query[key] = [existing, value];
  }
  return query;
}
