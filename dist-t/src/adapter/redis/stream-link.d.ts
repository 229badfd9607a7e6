import { EventEmitter } from 'node:events';
import type Redis from 'ioredis';
import type { PeerLink, PeerMessageHandler } from '../peer-link';
/** Options of a {@link StreamLink} (see `createRedisStreamsAdapter` for their meaning and defaults). */
export interface StreamLinkOptions {
    readonly url: string;
    readonly streamName: string;
    readonly maxLen: number;
    readonly readCount: number;
    readonly blockTimeInMs: number;
    readonly heartbeatInterval: number;
    readonly heartbeatTimeout: number;
    readonly onError?: (err: Error) => void;
}
/**
 * A {@link PeerLink} over one capped Redis stream: every message of every namespace is an entry
 * (`XADD <stream> MAXLEN ~ <maxLen> * c <channel> d <data>`), and one blocking reader per process reads the
 * entries after the last id it read (`XREAD BLOCK ... STREAMS <stream> <lastId>`) and hands each to the handler of
 * its channel, with the entry id, which is the stream offset connection state recovery uses.
 *
 * Unlike pub/sub, nothing is lost in a short Redis outage (this differs from the pub/sub link, whose messages are
 * dropped while Redis is away):
 * - the reader resumes from the last id it read, so it gets what was added while it was away (as long as the
 *   stream still holds it: `maxLen` entries);
 * - each process numbers what it publishes (fields `u`, its uid, and `s`, a sequence number) and keeps every
 *   message until its own reader has read it back from the stream (at most `maxLen`, then the oldest go). When
 *   the connection comes back it adds again whatever was not read back: what was published while Redis was away,
 *   and what was in flight or lost with a Redis that restarted empty. A message added twice (its first XADD did
 *   reach Redis) is recognised by its number and skipped by every reader, so each is delivered once.
 *
 * Subscribers are counted by heartbeats: each process adds one entry to the stream every `heartbeatInterval` ms
 * with the channels it reads, and a process not heard of for `heartbeatTimeout` ms counts no more.
 *
 * Events: `up` once the command connection is ready and the reader has its starting point, `down` when the
 * command connection is lost, `closed`.
 */
export declare class StreamLink extends EventEmitter implements PeerLink {
    #private;
    readonly uid: string;
    readonly medium = "Redis";
    /** The connection for XADD and the session keys (the reader's connection blocks in XREAD). */
    readonly commands: Redis;
    constructor(options: StreamLinkOptions);
    /** True once {@link close} was called (a closed link is never reused). */
    get isClosed(): boolean;
    /** True while the command connection is up and the reader has started. */
    get isReady(): boolean;
    /** The id of the last stream entry read: what a socket that joins now has seen. */
    get lastReadId(): string;
    whenReady(): Promise<void>;
    /** Resolves true once the reader has read up to `id` (at once if it has), false after `timeoutMs` or on close. */
    whenRead(id: string, timeoutMs: number): Promise<boolean>;
    subscribe(channels: readonly string[], handler: PeerMessageHandler): Promise<void>;
    unsubscribe(channels: readonly string[]): Promise<void>;
    /** Whether the reader skipped the entry `id` as a repeat of one it had read (see the class comment). */
    isRepeat(id: string): boolean;
    /**
     * Adds an entry to the stream without waiting, and keeps the message until it is read back. While Redis is
     * away it only waits (at most `maxLen` messages; past that the oldest is dropped, logged at debug level).
     */
    publish(channel: string, data: Buffer): void;
    countSubscribers(channel: string): Promise<number>;
    retain(): void;
    release(): Promise<void>;
    /** Says goodbye to the other processes, stops reading and closes both connections; idempotent. */
    close(): Promise<void>;
}
/** The fields of one entry: `u` and `s` (absent on heartbeats), `c` and `d`; null when `c` or `d` is missing. */
export declare function parseEntry(fields: readonly Buffer[]): {
    publisher: string | undefined;
    seq: number;
    channel: string;
    data: Buffer;
} | null;
/** Orders two stream ids (`<ms>-<seq>`): negative, zero or positive as `a` is before, equal to or after `b`. */
export declare function compareIds(a: string, b: string): number;
/** Whether `value` is a stream id as Redis writes them. */
export declare function isStreamId(value: unknown): value is string;
