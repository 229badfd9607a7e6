import type { Packet } from '../protocol/packet';
import { type AdapterHost, type BroadcastOptions, type SocketDescription } from './adapter';
import { InMemoryAdapter } from './in-memory-adapter';
import type { PeerLink } from './peer-link';
import { type WireTarget } from './wire';
/** Options of a {@link PeerAdapter}, with their defaults. */
export interface PeerAdapterOptions {
    /** Prefix of the cluster's channels; servers with different channels form separate clusters. Default `classio`. */
    readonly channel: string;
    /**
     * How long a cluster request (`fetchSockets`, `allSockets`, `serverSideEmit` with an ack) waits for the other
     * servers, and how long answers to a `broadcastWithAck` without a timeout flag are routed. Default 5000 ms.
     */
    readonly requestsTimeout: number;
}
/**
 * The cluster adapter over any {@link PeerLink}: the in-memory adapter's local rooms and delivery, plus the cluster.
 *
 * Every operation that is not `local` is done here first and then published, once, for the other servers, which
 * apply it to their own sockets. A plain broadcast travels as the already encoded frames, so each process writes
 * the very bytes the sender's own clients got and nobody encodes it twice. Cluster reads (`sockets`,
 * `fetchSockets`, `serverSideEmit` with an ack) ask every server and wait for as many answers as the link counts
 * subscribers (PUBSUB NUMSUB on Redis) minus this one, or reject with a {@link ClusterError} after
 * `requestsTimeout`. The Redis adapter is this class over a RedisLink; every other medium brings its own link.
 */
export declare class PeerAdapter<Link extends PeerLink = PeerLink> extends InMemoryAdapter {
    #private;
    constructor(host: AdapterHost, link: Link, options: PeerAdapterOptions);
    /** This process's cluster uid. */
    get uid(): string;
    /** The link, shared with the server's other namespaces (for health checks and tests). */
    get link(): Link;
    /**
     * Resolves once subscribed and able to publish (waits for the medium if it is not reachable yet). Calling it again
     * returns the same promise, so a caller can wait for a namespace the server already started.
     */
    init(): Promise<void>;
    close(): Promise<void>;
    broadcast(packet: Packet, opts: BroadcastOptions): void;
    broadcastWithAck(packet: Packet, opts: BroadcastOptions, onCount: (count: number) => void, onAck: (args: unknown[]) => void): void;
    sockets(rooms: ReadonlySet<string>): Promise<Set<string>>;
    fetchSockets(opts: BroadcastOptions): Promise<SocketDescription[]>;
    addSockets(opts: BroadcastOptions, rooms: readonly string[]): void;
    delSockets(opts: BroadcastOptions, rooms: readonly string[]): void;
    disconnectSockets(opts: BroadcastOptions, close: boolean): void;
    /**
     * Sends `args` to the other servers' `serverSideEmit` listeners. When the last argument is a function, it is an
     * ack `(err: Error | null, answers: unknown[][])` called once every other server answered (answers in arrival
     * order, one array of arguments per server), or with a {@link ClusterError} after `requestsTimeout`.
     */
    serverSideEmit(args: unknown[]): void;
}
/** The wire form of a broadcast's target. */
export declare function toTarget(opts: BroadcastOptions): WireTarget;
/** A broadcast's target from its wire form. */
export declare function fromTarget(target: WireTarget, isVolatile?: boolean): BroadcastOptions;
