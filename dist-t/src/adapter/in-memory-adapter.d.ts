import { type Packet } from '../protocol/packet';
import { type Adapter, type AdapterHost, type AdapterSocket, type BroadcastOptions, type SocketDescription } from './adapter';
/**
 * The default adapter: rooms and broadcast for the clients of one process.
 *
 * Rooms are kept twice (room -> sids and sid -> rooms) so that both "who is in this room" (broadcast) and "which
 * rooms is this socket in" (leave on disconnect) are one lookup. A broadcast is encoded once and the same frames
 * are written to every recipient.
 */
export declare class InMemoryAdapter implements Adapter {
    #private;
    readonly rooms: Map<string, Set<string>>;
    protected readonly host: AdapterHost;
    constructor(host: AdapterHost);
    init(): Promise<void> | void;
    close(): Promise<void> | void;
    addAll(sid: string, rooms: Iterable<string>): void;
    del(sid: string, room: string): void;
    delAll(sid: string): void;
    socketRooms(sid: string): ReadonlySet<string> | undefined;
    broadcast(packet: Packet, opts: BroadcastOptions): void;
    broadcastWithAck(packet: Packet, opts: BroadcastOptions, onCount: (count: number) => void, onAck: (args: unknown[]) => void): void;
    sockets(rooms: ReadonlySet<string>): Promise<Set<string>>;
    fetchSockets(opts: BroadcastOptions): Promise<SocketDescription[]>;
    addSockets(opts: BroadcastOptions, rooms: readonly string[]): void;
    delSockets(opts: BroadcastOptions, rooms: readonly string[]): void;
    disconnectSockets(opts: BroadcastOptions, close: boolean): void;
    /** One process has no peers: a server-side emit reaches nobody. */
    serverSideEmit(_args: unknown[]): void;
    /**
     * Calls `fn` once for every local socket matching `opts`, walking the live room sets without copying them (a
     * fan-out to thousands of sockets allocates nothing per recipient), so `fn` must not change rooms: operations
     * that do (join, leave, disconnect) collect their recipients first with `#collect`.
     */
    protected forEachSocket(opts: BroadcastOptions, fn: (socket: AdapterSocket) => void): void;
}
