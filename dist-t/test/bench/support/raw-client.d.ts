import { type Frame } from './frames';
/**
 * The load generator's Socket.IO client over websocket: the websocket transport directly (no polling, no upgrade),
 * the namespace connect, heartbeat answers, and pre-encoded frames both ways.
 *
 * Two implementations behind one interface:
 * - the default speaks WebSocket itself over a TCP socket: requests are pre-framed once (RFC 6455 requires
 *   clients to mask; a zero masking key is valid and leaves the payload as is, so the framed bytes are constant),
 *   and incoming frames are cut out of the stream with a few reads of the header, no copy, no UTF-8 decoding;
 * - BENCH_CLIENT=library uses the `ws` package's client, to cross-check the first. It costs about as much CPU per
 *   message as the bare-ws server, so against fast peers the load core saturates before the server's.
 */
/** Called for every Socket.IO frame once the client is ready; `data` is the raw text payload, never decoded. */
export type FrameListener = (client: RawClient, data: Buffer) => void;
/** One client connection, whichever implementation carries it. */
export declare abstract class RawClient {
    /** Where frames go once the client is ready; a workload sets it. */
    onFrame: FrameListener;
    /** Free slots for the workload: when the request in flight was sent, and a sequence number. */
    sentAt: number;
    sequence: number;
    private phase;
    private resolveReady;
    private rejectReady;
    private timer;
    /** Sends one pre-encoded frame. */
    abstract send(frame: Frame): void;
    /** False once the connection is gone, whoever closed it. */
    get isOpen(): boolean;
    /** Drops the connection at once (the server sees a transport close). */
    close(): void;
    protected abstract destroy(): void;
    /**
     * Opens a connection to `/test` on 127.0.0.1:`port` and resolves once the greeting has arrived. `localAddress`
     * (another loopback address, 127.0.0.2 and up) gives tens of thousands of connections their own source ports.
     */
    static connect(port: number, localAddress?: string): Promise<RawClient>;
    protected fail(error: Error): void;
    protected onClosed(): void;
    /** One Engine.IO packet from the server. */
    protected receive(data: Buffer): void;
}
/**
 * Opens `count` clients with at most `concurrency` handshakes in flight (a burst of thousands of simultaneous
 * handshakes would measure the kernel's accept queue rather than the server). `sourceOf(index)` names the local
 * address of the index-th connection (by default the kernel's choice, 127.0.0.1).
 */
export declare function connectClients(port: number, count: number, concurrency?: number, sourceOf?: (index: number) => string | undefined): Promise<RawClient[]>;
/** Throws when the server dropped some of `clients` (a run with lost connections measures nothing sound). */
export declare function assertAllOpen(clients: readonly RawClient[]): void;
/** Closes every client. */
export declare function closeClients(clients: readonly RawClient[]): void;
