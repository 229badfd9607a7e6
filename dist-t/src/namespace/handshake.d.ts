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
 * Builds a socket's handshake. Only `auth` and the time are its own; the other fields are read from the engine's
 * request when first asked for (an idle connection would otherwise carry a parsed query and a date string that
 * most applications never read). The query is parsed into a null-prototype object so that keys like `__proto__`
 * stay plain data.
 */
export declare function createHandshake(conn: EngineConnection, auth: Record<string, unknown>): Handshake;
/** A handshake as plain data (what crosses processes in `fetchSockets`). */
export declare function handshakeData(handshake: Handshake): Handshake;
