/** Called for every Socket.IO packet once the client is ready (the raw text, never JSON-parsed). */
export type PacketListener = (client: PollingClient, packet: string) => void;
/**
 * A long-polling Engine.IO v4 client reduced to what a load generator needs: exactly one GET in flight (the long
 * poll) and at most one POST (Engine.IO refuses overlapping requests of one kind), packets queued meanwhile batched
 * into the next POST with the record separator.
 */
export declare class PollingClient {
    private readonly requester;
    onPacket: PacketListener;
    /** Free slot for the workload: when the request in flight was queued. */
    sentAt: number;
    private readonly outbox;
    private isPosting;
    private isOpen;
    private isFailed;
    private isReady;
    private readyCallback;
    private failCallback;
    private readonly onPolled;
    private readonly onPosted;
    private constructor();
    /** Opens a session on 127.0.0.1:`port`, connects `/test`, waits for the greeting. */
    static connect(port: number): Promise<PollingClient>;
    /** Releases what the clients share (the `http.Agent` of BENCH_CLIENT=library). */
    static closeShared(): void;
    /** True when a request failed or the server closed the session (not when `close()` was called). */
    get hasFailed(): boolean;
    /** Queues one packet; it goes out with the next POST. */
    send(packet: string): void;
    /** Stops polling and drops the connections. */
    close(): void;
    private flush;
    private poll;
    private receive;
    private fail;
}
