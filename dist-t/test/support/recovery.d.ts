import type { Socket as ClientSocket } from 'socket.io-client';
import type { Server } from '../../src/server';
/**
 * Cuts a server's TCP connections as a network would, without a close frame or a last HTTP answer: every transport
 * (a websocket, a pending long-poll) dies at once. Track the server first, with {@link trackConnections}.
 */
export declare class ConnectionCutter {
    #private;
    constructor(server: Server);
    /**
     * Destroys every open connection, and every new one until {@link restore}; resolves once `client` reports its
     * disconnect.
     */
    cut(client: ClientSocket): Promise<string>;
    /** The network is back: new connections get through. */
    restore(): void;
}
/** Reconnects a client that lost its transport (socket.io-client sends its `pid` and last `offset`). */
export declare function reconnect(client: ClientSocket, cutter?: ConnectionCutter): Promise<void>;
