import cluster, { type Worker } from 'node:cluster';
import { createDebug } from '../../debug';
import { ConfigurationError } from '../../errors';
import {
  checkWorkerMessage,
  ignoreSendError,
  kindOf,
  type AckMessage,
  type CountAnswer,
  type PublishMessage,
  type RelayedMessage,
} from './ipc';

const debug = createDebug('classio:adapter');

/** The links (by uid) of each worker that subscribe to one channel. */
type Subscribers = Map<Worker, Set<string>>;

/**
 * The primary's half of the cluster adapter: the channels of the workers' {@link ClusterLink}s. It relays each
 * publish to every worker with another subscriber of its channel, and answers counts. It only reads the envelope
 * of a message: the payload goes on as it came.
 *
 * A worker that dies (or disconnects) leaves the counts at once, so a cluster request started after that waits for
 * the survivors only; one started before waits for an answer that never comes, and fails with `CLASSIO_ERR_CLUSTER`
 * after its `requestsTimeout`.
 */
export class ClusterPrimary {
  readonly #channels = new Map<string, Subscribers>();
  readonly #onMessage = (worker: Worker, message: unknown) => this.#receive(worker, message);
  readonly #onGone = (worker: Worker) => this.#forgetWorker(worker);
  #isClosed = false;

  constructor() {
    cluster.on('message', this.#onMessage);
    cluster.on('disconnect', this.#onGone);
    cluster.on('exit', this.#onGone);
  }

  /** How many links (one per classio server in a worker, usually one per worker) subscribe to `channel`. */
  countSubscribers(channel: string): number {
    let count = 0;
    for (const uids of this.#channels.get(channel)?.values() ?? []) count += uids.size;
    return count;
  }

  /** Stops relaying; the workers' cluster requests then time out. */
  close(): void {
    if (this.#isClosed) return;
    this.#isClosed = true;
    cluster.off('message', this.#onMessage);
    cluster.off('disconnect', this.#onGone);
    cluster.off('exit', this.#onGone);
    this.#channels.clear();
    if (current === this) current = null;
  }

  #receive(worker: Worker, raw: unknown): void {
    const kind = kindOf(raw);
    if (kind === undefined || kind === 'sticky-ready') return;
    const message = checkWorkerMessage(raw);
    if (message === undefined) {
      debug('cluster primary: ignored a malformed %s message from worker %d', kind, worker.id);
      return;
    }
    switch (message.classio) {
      case 'publish':
        this.#relay(worker, message);
        return;
      case 'subscribe': {
        for (const channel of message.channels) this.#add(channel, worker, message.uid);
        const ack: AckMessage = { classio: 'ack', uid: message.uid, id: message.id };
        send(worker, ack);
        return;
      }
      case 'unsubscribe':
        for (const channel of message.channels) this.#remove(channel, worker, message.uid);
        return;
      case 'count': {
        const answer: CountAnswer = {
          classio: 'count',
          uid: message.uid,
          id: message.id,
          count: this.countSubscribers(message.channel),
        };
        send(worker, answer);
        return;
      }
      case 'close':
        for (const channel of [...this.#channels.keys()]) this.#remove(channel, worker, message.uid);
        return;
    }
  }

  #relay(sender: Worker, message: PublishMessage): void {
    const subscribers = this.#channels.get(message.channel);
    if (subscribers === undefined) return;
    // One object for every receiver; the sender's own link is skipped (it would drop its own message anyway).
    const relayed: RelayedMessage = { classio: 'message', channel: message.channel, data: message.data };
    for (const [worker, uids] of subscribers) {
      if (worker === sender && uids.size === 1 && uids.has(message.uid)) continue;
      send(worker, relayed);
    }
  }

  #add(channel: string, worker: Worker, uid: string): void {
    let subscribers = this.#channels.get(channel);
    if (subscribers === undefined) this.#channels.set(channel, (subscribers = new Map<Worker, Set<string>>()));
    let uids = subscribers.get(worker);
    if (uids === undefined) subscribers.set(worker, (uids = new Set()));
    uids.add(uid);
  }

  #remove(channel: string, worker: Worker, uid: string): void {
    const subscribers = this.#channels.get(channel);
    const uids = subscribers?.get(worker);
    if (subscribers === undefined || uids === undefined) return;
    uids.delete(uid);
    if (uids.size === 0) subscribers.delete(worker);
    if (subscribers.size === 0) this.#channels.delete(channel);
  }

  #forgetWorker(worker: Worker): void {
    let removed = 0;
    for (const [channel, subscribers] of this.#channels) {
      if (!subscribers.delete(worker)) continue;
      removed++;
      if (subscribers.size === 0) this.#channels.delete(channel);
    }
    if (removed > 0) debug('cluster primary: worker %d left %d channels', worker.id, removed);
  }
}

function send(worker: Worker, message: object): void {
  if (worker.isConnected()) worker.send(message, undefined, ignoreSendError);
}

let current: ClusterPrimary | null = null;

/**
 * Makes this process, the primary of a Node `cluster`, relay the messages of the workers' cluster adapters
 * (`createClusterAdapter()`). Call it before forking the workers; calling it again returns the same relay.
 * Throws a {@link ConfigurationError} in a worker.
 *
 * @example
 * if (cluster.isPrimary) {
 *   setupPrimary();
 *   for (let i = 0; i < availableParallelism(); i++) cluster.fork();
 * }
 */
export function setupPrimary(): ClusterPrimary {
  if (!cluster.isPrimary) {
    throw new ConfigurationError('setupPrimary() must run in the primary process of a cluster (cluster.isPrimary)');
  }
  current ??= new ClusterPrimary();
  return current;
}
