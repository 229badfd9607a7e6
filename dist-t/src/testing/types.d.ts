/** The shapes the test client shares with its users. */
/** One event the server sent to this client. */
export interface ReceivedPacket {
    /** The event name (`message` for `send()`). */
    readonly name: string;
    readonly args: unknown[];
    readonly namespace: string;
    /**
     * Present when the server asked for an ack: answers it (once). Not enumerable, so that
     * `expect(received).to.deep.equal([{ name, args, namespace }])` still holds.
     */
    readonly ack?: (...args: unknown[]) => void;
}
/**
 * Answers the server's ack requests automatically: return the ack's arguments (or a promise of them), or
 * `undefined` to leave the request for the test to answer through {@link ReceivedPacket.ack}.
 */
export type AckResponder = (packet: ReceivedPacket) => unknown[] | Promise<unknown[]> | undefined;
export interface TestClientOptions {
    /** The CONNECT payload of the first namespace (`auth` of socket.io-client). */
    readonly auth?: Record<string, unknown>;
    /** Query parameters of the handshake request. */
    readonly query?: Record<string, string | readonly string[]>;
    /** Headers of the handshake request. */
    readonly headers?: Record<string, string | string[]>;
    /** The client's address (default `127.0.0.1`). */
    readonly remoteAddress?: string;
    /** Answers the server's ack requests; without it they wait for {@link ReceivedPacket.ack}. */
    readonly onAck?: AckResponder;
}
/** The client's view of a refused CONNECT (socket.io-client's `connect_error`). */
export interface TestConnectError {
    readonly message: string;
    readonly data?: unknown;
}
