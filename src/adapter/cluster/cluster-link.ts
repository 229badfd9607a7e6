import { randomBytes } from 'node:crypto';
import { createDebug } from '../../debug';
import { ClusterError } from '../../errors';
import type { PeerLink, PeerMessageHandler } from '../peer-link';
import {
  checkPrimaryMessage,
  fromBuffer,
  ignoreSendError,
  kindOf,
  toBuffer,
  type CountRequest,
  type PublishMessage,
  type WorkerMessage,
} from './ipc';

const debug = createDebug('classio:adapter');

/** Options of a {@link ClusterLink}. */
export interface ClusterLinkOptions {
  /** How long to wait for the primary's answer to a subscription or a count, in ms. */
  readonly requestsTimeout: number;
  /** Called once when the primary does not answer (no `setupPrimary()` there). Default: one `console.warn` line. */
  readonly onError?: (err: Error) => void;
}

interface Waiter {
  readonly resolve: (value: number) => void;
  readonly reject: (err: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * The {@link PeerLink} of a cluster worker: the named channels live in the primary (`setupPrimary()`), which
 * relays each publish to the workers that subscribe to its channel and counts subscribers. Every message is one IPC
 * send to the primary, and one from it to each receiver: the primary decodes nothing but the envelope.
 *
 * A worker whose primary went away (the IPC channel closed) drops what it publishes, and its counts reject, so
 * cluster requests fail with `CLASSIO_ERR_CLUSTER` and its own clients are still served.
 */
export class ClusterLink implements PeerLink {
  readonly uid = randomBytes(8).toString('hex');
  readonly medium = 'the cluster primary';
  readonly #handlers = new Map<string, PeerMessageHandler>();
  readonly #waiters = new Map<number, Waiter>();
  readonly #options: ClusterLinkOptions;
  readonly #onMessage = (message: unknown) => this.#receive(message);
  #nextId = 1;
  #users = 0;
  #isClosed = false;
  #hasWarned = false;
  #ready: Promise<void> | undefined;

  constructor(options: ClusterLinkOptions) {
    this.#options = options;
    process.on('message', this.#onMessage);
  }

  /** True once {@link close} was called (a closed link is never reused). */
  get isClosed(): boolean {
    return this.#isClosed;
  }

  retain(): void {
    this.#users++;
  }

  release(): Promise<void> {
    if (--this.#users <= 0) this.close();
    return Promise.resolve();
  }

  /** Resolves once the primary confirmed the subscriptions (waits for as long as it takes; warns once). */
  async subscribe(channels: readonly string[], handler: PeerMessageHandler): Promise<void> {
    for (const channel of channels) this.#handlers.set(channel, handler);
    const id = this.#nextId++;
    const acked = this.#wait(id, false);
    this.#send({ classio: 'subscribe', uid: this.uid, id, channels: [...channels] });
    await acked;
  }

  /** Resolves at once: the primary applies it before anything this worker sends later. */
  unsubscribe(channels: readonly string[]): Promise<void> {
    for (const channel of channels) this.#handlers.delete(channel);
    if (!this.#isClosed) this.#send({ classio: 'unsubscribe', uid: this.uid, channels: [...channels] });
    return Promise.resolve();
  }

  publish(channel: string, data: Buffer): void {
    if (!process.connected) {
      debug('cluster link %s: dropped a message for %s (no IPC channel to the primary)', this.uid, channel);
      return;
    }
    const message: PublishMessage = { classio: 'publish', uid: this.uid, channel, data: fromBuffer(data) };
    this.#send(message);
  }

  /** Asks the primary; rejects after `requestsTimeout`, or at once without an IPC channel. */
  countSubscribers(channel: string): Promise<number> {
    if (!process.connected || this.#isClosed) return Promise.reject(new ClusterError('no IPC channel to the primary'));
    const id = this.#nextId++;
    const answered = this.#wait(id, true);
    const request: CountRequest = { classio: 'count', uid: this.uid, id, channel };
    this.#send(request);
    return answered;
  }

  whenReady(): Promise<void> {
    // The primary has answered once: it relays. A subscription that waits on it is what init() awaits anyway.
    this.#ready ??= this.#isClosed ? Promise.resolve() : this.countSubscribers('').then(noop, noop);
    return this.#ready;
  }

  /** Stops listening and tells the primary to forget this link's subscriptions; idempotent. */
  close(): void {
    if (this.#isClosed) return;
    this.#isClosed = true;
    process.off('message', this.#onMessage);
    this.#handlers.clear();
    this.#send({ classio: 'close', uid: this.uid });
    for (const waiter of this.#waiters.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(new ClusterError('the cluster link is closed'));
    }
    this.#waiters.clear();
  }

  /**
   * Waits for the primary's answer `id`. A count gives up after `requestsTimeout` (the request it serves has to
   * end); a subscription keeps waiting, since nothing works without it, and warns once that nobody answers.
   */
  #wait(id: number, isCount: boolean): Promise<number> {
    const timeoutMs = this.#options.requestsTimeout;
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (isCount) {
          this.#waiters.delete(id);
          reject(new ClusterError(`the cluster primary did not answer within ${timeoutMs} ms`));
        }
        this.#warnNoPrimary();
      }, timeoutMs);
      timer.unref();
      this.#waiters.set(id, { resolve, reject, timer });
    });
  }

  #warnNoPrimary(): void {
    if (this.#hasWarned) return;
    this.#hasWarned = true;
    const err = new ClusterError(
      `the cluster primary did not answer within ${this.#options.requestsTimeout} ms: ` +
        `call setupPrimary() from classio/cluster in the primary process before forking`,
    );
    if (this.#options.onError) this.#options.onError(err);
    else console.warn(`classio: ${err.message}`);
  }

  #send(message: WorkerMessage): void {
    if (process.connected) process.send!(message, undefined, undefined, ignoreSendError);
  }

  #receive(raw: unknown): void {
    if (kindOf(raw) === undefined) return;
    const message = checkPrimaryMessage(raw);
    if (message === undefined) {
      debug('cluster link %s: ignored a malformed message from the primary', this.uid);
      return;
    }
    if (message.classio === 'message') {
      const handler = this.#handlers.get(message.channel);
      if (handler !== undefined) handler(toBuffer(message.data));
      return;
    }
    if (message.uid !== this.uid) return;
    const waiter = this.#waiters.get(message.id);
    if (waiter === undefined) return;
    this.#waiters.delete(message.id);
    clearTimeout(waiter.timer);
    waiter.resolve(message.classio === 'count' ? message.count : 0);
  }
}

function noop(): void {}
