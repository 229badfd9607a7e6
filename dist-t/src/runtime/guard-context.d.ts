import type { Socket } from '../namespace/socket';
/**
 * What a guard's `canActivate(context)` sees: the handshake (headers, query, auth payload, address), the client's
 * sid and namespace, and for method guards the event and its arguments. Built once per guarded event (connect
 * guards: once per connection); the getters read the socket lazily, so an unused field costs nothing.
 */
export declare class GuardContext {
    /** The client's socket in this namespace. */
    readonly socket: Socket;
    /** The event being guarded; `'connect'` for class guards. */
    readonly event: string;
    /** The event's client arguments; `[auth]` for class guards. */
    readonly args: readonly unknown[];
    constructor(
    /** The client's socket in this namespace. */
    socket: Socket, 
    /** The event being guarded; `'connect'` for class guards. */
    event: string, 
    /** The event's client arguments; `[auth]` for class guards. */
    args: readonly unknown[]);
    /** The client's sid in this namespace. */
    get sid(): string;
    /** The namespace path. */
    get namespace(): string;
    /** The whole handshake (headers, query, auth, address, time, url, ...). */
    get handshake(): Socket['handshake'];
    /** The HTTP headers of the connection's first request. */
    get headers(): Socket['handshake']['headers'];
    /** The query string of the connection's first request. */
    get query(): Socket['handshake']['query'];
    /** The auth payload the client sent with its CONNECT (`io(url, { auth })`). */
    get auth(): Socket['handshake']['auth'];
    /** The client's remote address. */
    get address(): Socket['handshake']['address'];
    /** True when the client is recovering its session (connection state recovery): same sid, rooms and session. */
    get recovered(): boolean;
    /** The per-connection session object (`socket.data`). */
    get session(): Record<string, unknown>;
}
/** A guard as the runtime holds it: resolved once, at registration. */
export interface Guard {
    canActivate(context: GuardContext): unknown;
}
