/**
 * The Socket.IO v2 semantics a connection over Engine.IO v3 gets (`allowEIO3`; socket.io-protocol v4, the one
 * before v5): the server connects every such client to `/` by itself, a CONNECT carries its query string in the
 * namespace (`0/chat?token=abc,`) instead of an auth payload, the server's CONNECT has no payload, and a socket's
 * id is the engine id (prefixed with `nsp#` outside `/`), the id the v2 client computes for itself.
 */
/** A v2 CONNECT's namespace, split into the namespace name and the query the client sent with it (its auth). */
export declare function splitV2Namespace(nsp: string): {
    name: string;
    auth: Record<string, unknown>;
};
/**
 * The auth of the `/` connection the server opens for a v2 client: the query of its handshake without the engine's
 * parameters. Socket.IO gives `{}` here; v2 clients authenticate with their query (`io(url, { query })`), so it is
 * what their guards and middlewares read, as `socket.handshake.auth`, exactly as for the other namespaces.
 */
export declare function handshakeAuth(url: string): Record<string, unknown>;
/** The id a v2 client gives its socket: the engine id in `/`, `nsp#` and the engine id elsewhere. */
export declare function v2SocketId(nsp: string, engineId: string): string;
