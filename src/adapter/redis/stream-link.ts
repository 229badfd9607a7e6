import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type Redis from 'ioredis';
import { decode, encode } from 'notepack.io';
import { createDebug } from '../../debug';
import { ClusterError } from '../../errors';
import type { PeerLink, PeerMessageHandler } from '../peer-link';
import { closeClient, whenUp } from './redis-link';
import { loadRedis, redactUrl } from './redis-url';

const debug = createDebug('classio:adapter');

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

/** The link's own channel in the stream: heartbeats, so that each process knows which others are alive. */
const HEARTBEAT_CHANNEL = '~heartbeat';
/** Heartbeat kinds: a process that starts says hello (the others answer at once), then is alive, then leaves. */
const HELLO = 0;
const ALIVE = 1;
const BYE = 2;

interface Peer {
  channels: Set<string>;
  seenAt: number;
}

/** A message this process published and has not read back from the stream yet. */
interface Unconfirmed {
  readonly seq: number;
  readonly channel: string;
  readonly data: Buffer;
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
export class StreamLink extends EventEmitter implements PeerLink {
  readonly uid = randomBytes(8).toString('hex');
  readonly medium = 'Redis';
  /** The connection for XADD and the session keys (the reader's connection blocks in XREAD). */
  readonly commands: Redis;
  readonly #reader: Redis;
  readonly #options: StreamLinkOptions;
  readonly #handlers = new Map<string, PeerMessageHandler>();
  readonly #peers = new Map<string, Peer>();
  readonly #onError: (err: Error) => void;
  readonly #readWaiters = new Set<() => void>();
  /** What this process published and has not read back, oldest first, from index `#unconfirmedHead`. */
  #unconfirmed: Unconfirmed[] = [];
  #unconfirmedHead = 0;
  #seq = 0;
  /** The highest sequence number read from each publisher: an entry at or below it is a repeat. */
  readonly #lastSeqs = new Map<string, number>();
  /** Ids of repeated entries the reader skipped (the newest `maxLen`), for recoveries that read the stream. */
  readonly #repeats = new Set<string>();
  #lastId = '0-0';
  #isStarted = false;
  #isUp = false;
  #isDown = false;
  #isClosed = false;
  #users = 0;
  #heartbeat: NodeJS.Timeout | null = null;

  constructor(options: StreamLinkOptions) {
    super();
    this.#options = options;
    this.#onError =
      options.onError ??
      ((err) => console.warn(`classio: Redis at ${redactUrl(options.url)} unavailable (${err.message}); reconnecting`));
    const Redis = loadRedis();
    // Both connections keep their commands queued across reconnects (ioredis resends the unanswered ones in order),
    // so a publish or the pending XREAD made while Redis is away takes effect once it is back.
    this.commands = new Redis(options.url, { maxRetriesPerRequest: null });
    this.#reader = new Redis(options.url, { maxRetriesPerRequest: null });
    for (const client of [this.commands, this.#reader]) {
      client.on('error', (err: Error) => this.#reportError(err));
    }
    this.commands.on('ready', () => {
      // Before ioredis resends what was in flight: the oldest messages go first, so that the order holds.
      this.#republish();
      this.#update();
    });
    this.commands.on('close', () => this.#update());
    void this.#start();
  }

  /** True once {@link close} was called (a closed link is never reused). */
  get isClosed(): boolean {
    return this.#isClosed;
  }

  /** True while the command connection is up and the reader has started. */
  get isReady(): boolean {
    return this.#isUp;
  }

  /** The id of the last stream entry read: what a socket that joins now has seen. */
  get lastReadId(): string {
    return this.#lastId;
  }

  whenReady(): Promise<void> {
    return whenUp(this, this.#isUp || this.#isClosed);
  }

  /** Resolves true once the reader has read up to `id` (at once if it has), false after `timeoutMs` or on close. */
  whenRead(id: string, timeoutMs: number): Promise<boolean> {
    if (compareIds(this.#lastId, id) >= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => {
        if (!this.#isClosed && compareIds(this.#lastId, id) < 0) return;
        finish(!this.#isClosed);
      };
      const finish = (isRead: boolean) => {
        clearTimeout(timer);
        this.#readWaiters.delete(check);
        resolve(isRead);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      this.#readWaiters.add(check);
    });
  }

  async subscribe(channels: readonly string[], handler: PeerMessageHandler): Promise<void> {
    for (const channel of channels) this.#handlers.set(channel, handler);
    // The others learn of the new channels now rather than at the next heartbeat.
    this.#sendHeartbeat(ALIVE);
    await this.whenReady();
  }

  unsubscribe(channels: readonly string[]): Promise<void> {
    for (const channel of channels) this.#handlers.delete(channel);
    if (!this.#isClosed) this.#sendHeartbeat(ALIVE);
    return Promise.resolve();
  }

  /** Whether the reader skipped the entry `id` as a repeat of one it had read (see the class comment). */
  isRepeat(id: string): boolean {
    return this.#repeats.size > 0 && this.#repeats.has(id);
  }

  /**
   * Adds an entry to the stream without waiting, and keeps the message until it is read back. While Redis is
   * away it only waits (at most `maxLen` messages; past that the oldest is dropped, logged at debug level).
   */
  publish(channel: string, data: Buffer): void {
    if (this.#isClosed) return;
    const message = { seq: ++this.#seq, channel, data };
    this.#unconfirmed.push(message);
    if (this.#unconfirmed.length - this.#unconfirmedHead > this.#options.maxLen) {
      const dropped = this.#unconfirmed[this.#unconfirmedHead++];
      debug('stream link %s: dropped message %d for %s (too many unconfirmed)', this.uid, dropped.seq, dropped.channel);
      this.#compactUnconfirmed();
    }
    if (this.commands.status === 'ready') this.#add(message);
  }

  #add(message: Unconfirmed): void {
    const { streamName, maxLen } = this.#options;
    this.commands
      .xadd(
        streamName,
        'MAXLEN',
        '~',
        maxLen,
        '*',
        'u',
        this.uid,
        's',
        message.seq,
        'c',
        message.channel,
        'd',
        message.data,
      )
      .catch((err: Error) => debug('stream link %s: XADD to %s failed: %s', this.uid, message.channel, err.message));
  }

  /** Adds again, in order, every message not read back yet. */
  #republish(): void {
    const pending = this.#unconfirmed.length - this.#unconfirmedHead;
    if (pending === 0 || this.#isClosed) return;
    debug('stream link %s: adding %d unconfirmed messages again', this.uid, pending);
    for (let i = this.#unconfirmedHead; i < this.#unconfirmed.length; i++) this.#add(this.#unconfirmed[i]);
  }

  /** Our own message `seq` was read back: it and everything older is confirmed. */
  #confirm(seq: number): void {
    const unconfirmed = this.#unconfirmed;
    while (this.#unconfirmedHead < unconfirmed.length && unconfirmed[this.#unconfirmedHead].seq <= seq) {
      this.#unconfirmedHead++;
    }
    this.#compactUnconfirmed();
  }

  #compactUnconfirmed(): void {
    if (this.#unconfirmedHead === this.#unconfirmed.length) {
      this.#unconfirmed = [];
      this.#unconfirmedHead = 0;
    } else if (this.#unconfirmedHead > 1024 && this.#unconfirmedHead * 2 > this.#unconfirmed.length) {
      this.#unconfirmed = this.#unconfirmed.slice(this.#unconfirmedHead);
      this.#unconfirmedHead = 0;
    }
  }

  countSubscribers(channel: string): Promise<number> {
    if (!this.#isUp) {
      return Promise.reject(new ClusterError(`Redis is unreachable (connection ${this.commands.status})`));
    }
    const oldest = Date.now() - this.#options.heartbeatTimeout;
    let count = this.#handlers.has(channel) ? 1 : 0;
    for (const [uid, peer] of this.#peers) {
      if (peer.seenAt < oldest) this.#peers.delete(uid);
      else if (peer.channels.has(channel)) count++;
    }
    return Promise.resolve(count);
  }

  retain(): void {
    this.#users++;
  }

  async release(): Promise<void> {
    if (--this.#users <= 0) await this.close();
  }

  /** Says goodbye to the other processes, stops reading and closes both connections; idempotent. */
  async close(): Promise<void> {
    if (this.#isClosed) return;
    this.#sendHeartbeat(BYE);
    this.#isClosed = true;
    if (this.#heartbeat !== null) clearInterval(this.#heartbeat);
    this.#handlers.clear();
    this.#update();
    this.emit('closed');
    for (const check of [...this.#readWaiters]) check();
    // The reader blocks in XREAD: it is disconnected, not asked to quit (QUIT would wait behind the XREAD).
    this.#reader.disconnect();
    await closeClient(this.commands);
  }

  /** Finds the starting point (the stream's newest entry), says hello, then reads until closed. */
  async #start(): Promise<void> {
    try {
      const newest = (await this.#reader.xrevrange(this.#options.streamName, '+', '-', 'COUNT', 1)) as [
        string,
        string[],
      ][];
      if (newest.length > 0) this.#lastId = newest[0][0];
    } catch (err) {
      if (this.#isClosed) return;
      debug('stream link %s: reading the newest entry failed: %s', this.uid, (err as Error).message);
    }
    if (this.#isClosed) return;
    this.#isStarted = true;
    this.#heartbeat = setInterval(() => this.#sendHeartbeat(ALIVE), this.#options.heartbeatInterval);
    this.#heartbeat.unref();
    this.#update();
    await this.#readLoop();
  }

  async #readLoop(): Promise<void> {
    const { streamName, readCount, blockTimeInMs } = this.#options;
    while (!this.#isClosed) {
      let reply: [Buffer, [Buffer, Buffer[]][]][] | null;
      try {
        reply = await this.#reader.xreadBuffer(
          'COUNT',
          readCount,
          'BLOCK',
          blockTimeInMs,
          'STREAMS',
          streamName,
          this.#lastId,
        );
      } catch (err) {
        if (this.#isClosed) return;
        debug('stream link %s: XREAD failed: %s', this.uid, (err as Error).message);
        await delay(100);
        continue;
      }
      if (reply === null) continue;
      for (const [, entries] of reply) {
        for (const [rawId, fields] of entries) {
          const id = rawId.toString();
          this.#lastId = id;
          this.#deliver(id, fields);
        }
      }
      for (const check of [...this.#readWaiters]) check();
    }
  }

  #deliver(id: string, fields: Buffer[]): void {
    const entry = parseEntry(fields);
    if (entry === null) return;
    const { publisher, seq, channel, data } = entry;
    if (publisher !== undefined) {
      if (seq <= (this.#lastSeqs.get(publisher) ?? 0)) {
        this.#skipRepeat(id);
        return;
      }
      this.#lastSeqs.set(publisher, seq);
      if (publisher === this.uid) this.#confirm(seq);
    }
    if (channel === HEARTBEAT_CHANNEL) {
      this.#onHeartbeat(data);
      return;
    }
    const handler = this.#handlers.get(channel);
    if (handler === undefined) return;
    try {
      handler(data, id);
    } catch (err) {
      // One bad entry must not stop the reader.
      debug('stream link %s: handler of %s failed on %s: %O', this.uid, channel, id, err);
    }
  }

  #skipRepeat(id: string): void {
    debug('stream link %s: skipped entry %s, a repeat', this.uid, id);
    this.#repeats.add(id);
    if (this.#repeats.size > this.#options.maxLen) this.#repeats.delete(this.#repeats.values().next().value!);
  }

  #onHeartbeat(data: Buffer): void {
    let message: unknown;
    try {
      message = decode(data);
    } catch {
      return;
    }
    if (!Array.isArray(message) || typeof message[0] !== 'string' || message[0] === this.uid) return;
    const [uid, kind, channels] = message as [string, number, unknown];
    if (kind === BYE) {
      this.#peers.delete(uid);
      return;
    }
    const names = Array.isArray(channels) ? channels.filter((c): c is string => typeof c === 'string') : [];
    this.#peers.set(uid, { channels: new Set(names), seenAt: Date.now() });
    if (kind === HELLO) this.#sendHeartbeat(ALIVE);
  }

  /** Heartbeats are neither numbered nor kept while Redis is away: a late one would say nothing true. */
  #sendHeartbeat(kind: number): void {
    if (this.#isClosed || !this.#isStarted || this.commands.status !== 'ready') return;
    const data = encode([this.uid, kind, [...this.#handlers.keys()]]) as Buffer;
    const { streamName, maxLen } = this.#options;
    this.commands
      .xadd(streamName, 'MAXLEN', '~', maxLen, '*', 'c', HEARTBEAT_CHANNEL, 'd', data)
      .catch((err: Error) => debug('stream link %s: heartbeat failed: %s', this.uid, err.message));
  }

  #update(): void {
    const isUp = !this.#isClosed && this.#isStarted && this.commands.status === 'ready';
    if (isUp === this.#isUp) return;
    this.#isUp = isUp;
    if (isUp) this.#isDown = false;
    debug('stream link %s: %s', this.uid, isUp ? 'up' : 'down');
    this.emit(isUp ? 'up' : 'down');
    // Back after an outage: the others may have dropped this process, so it says hello again.
    if (isUp) this.#sendHeartbeat(HELLO);
  }

  #reportError(err: Error): void {
    debug('stream link %s: %s', this.uid, err.message);
    if (this.#isDown || this.#isClosed) return;
    this.#isDown = true;
    this.#onError(err);
  }
}

/** The fields of one entry: `u` and `s` (absent on heartbeats), `c` and `d`; null when `c` or `d` is missing. */
export function parseEntry(
  fields: readonly Buffer[],
): { publisher: string | undefined; seq: number; channel: string; data: Buffer } | null {
  let publisher: string | undefined;
  let seq = 0;
  let channel: string | undefined;
  let data: Buffer | undefined;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    // Field names are one byte: compare the byte rather than decode a string per field.
    const name = fields[i].length === 1 ? fields[i][0] : 0;
    if (name === 0x63 /* c */) channel = fields[i + 1].toString();
    else if (name === 0x64 /* d */) data = fields[i + 1];
    else if (name === 0x75 /* u */) publisher = fields[i + 1].toString();
    else if (name === 0x73 /* s */) seq = Number(fields[i + 1].toString());
  }
  if (channel === undefined || data === undefined) return null;
  return { publisher, seq, channel, data };
}

/** Orders two stream ids (`<ms>-<seq>`): negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareIds(a: string, b: string): number {
  const dashA = a.indexOf('-');
  const dashB = b.indexOf('-');
  const msA = Number(a.slice(0, dashA));
  const msB = Number(b.slice(0, dashB));
  if (msA !== msB) return msA - msB;
  return Number(a.slice(dashA + 1)) - Number(b.slice(dashB + 1));
}

/** Whether `value` is a stream id as Redis writes them. */
export function isStreamId(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,16}-\d{1,16}$/.test(value);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
