import type { BroadcastFlags, BroadcastOptions, SocketDescription } from '../adapter/adapter';
import type { ServerNamespace } from './server-namespace';
/**
 * A target for a broadcast: some rooms (all sockets when none), minus some rooms or sids, with flags. Immutable:
 * each `to`/`except`/`timeout` returns a new operator, so one can be kept and reused (as `io.to('room')` is; a
 * namespace keeps one for its plain `emit`). Its adapter options are built once, so emitting through an operator
 * allocates only the packet, never another operator.
 *
 * @example
 * server.of('/chat').to('room1').except(sid).emit('news', { text: 'hello' });
 */
export declare class BroadcastOperator {
    #private;
    /** The adapter's view of this target, built once per operator. */
    readonly options: BroadcastOptions;
    constructor(nsp: ServerNamespace, rooms?: ReadonlySet<string>, except?: ReadonlySet<string>, flags?: BroadcastFlags);
    get rooms(): ReadonlySet<string>;
    get exceptRooms(): ReadonlySet<string>;
    get flags(): BroadcastFlags;
    /** Targets the sockets in a room (or rooms); calls add up. */
    to(room: string | readonly string[]): BroadcastOperator;
    in(room: string | readonly string[]): BroadcastOperator;
    /** Leaves out the sockets of a room (or rooms); a sid works, as every socket is in its own sid room. */
    except(room: string | readonly string[]): BroadcastOperator;
    /** Sets how long an acknowledged broadcast waits for the answers. */
    timeout(ms: number): BroadcastOperator;
    /** Only the clients of this process (with a cluster adapter). */
    get local(): BroadcastOperator;
    /**
     * Drops the packet for each client whose transport cannot write it at once: a polling client with no GET
     * waiting, a websocket with bytes still queued behind the network.
     */
    get volatile(): BroadcastOperator;
    /**
     * `compress(false)` sends the packet uncompressed even where permessage-deflate or HTTP compression would
     * compress it (a payload that is already compressed, or too small to gain). Default `true`.
     */
    compress(shouldCompress: boolean): BroadcastOperator;
    /**
     * Emits to every targeted socket. With a function as the last argument, every recipient is asked for an ack
     * and the function receives `(err, answers)` once all answered or the timeout passed (`err` is then an
     * `AckTimeoutError` and `answers` holds those that came).
     */
    emit(event: string, ...args: unknown[]): boolean;
    /**
     * @internal `emit` with the arguments as an array the operator takes over (it becomes the packet's data), so
     * that the namespace's shortcuts pass their rest arguments on without spreading them again.
     */
    emitList(event: string, args: unknown[]): boolean;
    /** Emits and resolves with every recipient's answer; rejects with `AckTimeoutError` if some did not answer in time. */
    emitWithAck(event: string, ...args: unknown[]): Promise<unknown[]>;
    /** Emits the unnamed event `message`. */
    send(...args: unknown[]): boolean;
    /** Makes the targeted sockets join rooms (across the cluster). */
    socketsJoin(rooms: string | readonly string[]): void;
    /** Makes the targeted sockets leave rooms (across the cluster). */
    socketsLeave(rooms: string | readonly string[]): void;
    /** Disconnects the targeted sockets, or closes their whole connections when `close`. */
    disconnectSockets(close?: boolean): void;
    /** Describes the targeted sockets (across the cluster). */
    fetchSockets(): Promise<SocketDescription[]>;
    /** The sids of the targeted sockets (across the cluster). */
    allSockets(): Promise<Set<string>>;
    /**
     * @internal Broadcasts asking for acks and calls `callback(err, answers)` once, with each recipient's ack
     * arguments as received, when all answered or the timeout passed.
     */
    collectAcks(event: string, args: unknown[], callback: (err: Error | null, answers: unknown[][]) => void): void;
}
/** A set of rooms (or sids) for the operator's constructor. */
export declare function roomSet(rooms: string | readonly string[]): ReadonlySet<string>;
