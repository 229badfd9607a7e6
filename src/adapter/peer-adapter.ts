import type { EngineData } from '../engine/types';
import { ClusterError } from '../errors';
import { createDebug } from '../debug';
import type { Packet } from '../protocol/packet';
import { encodeFor, type AdapterHost, type BroadcastOptions, type SocketDescription } from './adapter';
import { ClusterCount } from './cluster-count';
import { InMemoryAdapter } from './in-memory-adapter';
import { PendingRequests } from './pending-requests';
import type { PeerLink } from './peer-link';
import {
  decodeMessage,
  encodeMessage,
  MessageType,
  requestChannel,
  responseChannel,
  type WireMessage,
  type WireTarget,
} from './wire';

const debug = createDebug('classio:adapter');

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
export class PeerAdapter<Link extends PeerLink = PeerLink> extends InMemoryAdapter {
  readonly #link: Link;
  readonly #options: PeerAdapterOptions;
  readonly #requestChannel: string;
  readonly #responseChannel: string;
  readonly #pending = new PendingRequests();
  #isClosed = false;
  #ready: Promise<void> | undefined;

  constructor(host: AdapterHost, link: Link, options: PeerAdapterOptions) {
    super(host);
    this.#link = link;
    this.#options = options;
    this.#requestChannel = requestChannel(options.channel, host.name);
    this.#responseChannel = responseChannel(options.channel, host.name, link.uid);
    link.retain();
  }

  /** This process's cluster uid. */
  get uid(): string {
    return this.#link.uid;
  }

  /** The link, shared with the server's other namespaces (for health checks and tests). */
  get link(): Link {
    return this.#link;
  }

  /**
   * Resolves once subscribed and able to publish (waits for the medium if it is not reachable yet). Calling it again
   * returns the same promise, so a caller can wait for a namespace the server already started.
   */
  override init(): Promise<void> {
    this.#ready ??= Promise.all([
      this.#link.subscribe([this.#requestChannel, this.#responseChannel], (data) => this.#onMessage(data)),
      this.#link.whenReady(),
    ]).then(() => undefined);
    return this.#ready;
  }

  override async close(): Promise<void> {
    if (this.#isClosed) return;
    this.#isClosed = true;
    this.#pending.clear();
    await this.#link.unsubscribe([this.#requestChannel, this.#responseChannel]);
    await this.#link.release();
  }

  override broadcast(packet: Packet, opts: BroadcastOptions): void {
    const frames = encodeFor(this.host, packet);
    const isVolatile = opts.flags.volatile === true;
    this.#writeLocal(frames, opts, isVolatile);
    if (opts.flags.local === true) return;
    this.#publish([this.uid, MessageType.BROADCAST, frames, toTarget(opts), isVolatile]);
  }

  override broadcastWithAck(
    packet: Packet,
    opts: BroadcastOptions,
    onCount: (count: number) => void,
    onAck: (args: unknown[]) => void,
  ): void {
    if (opts.flags.local === true) {
      super.broadcastWithAck(packet, opts, onCount, onAck);
      return;
    }
    // `onCount` is called once, with the recipients of the whole cluster.
    const count = new ClusterCount(onCount);
    // The answers are routed for as long as the caller waits for them; later ones are dropped here.
    const id = this.#pending.track(opts.flags.timeout ?? this.#options.requestsTimeout, {
      onTimeout: () => {},
      onAnswer: (payload, type) => {
        if (type === MessageType.BROADCAST_CLIENT_COUNT) {
          count.addRemote(payload as number);
        } else {
          onAck(payload as unknown[]);
        }
        return false;
      },
    });
    const isVolatile = opts.flags.volatile === true;
    this.#publish([this.uid, MessageType.BROADCAST_WITH_ACK, id, packet, toTarget(opts), isVolatile]);
    super.broadcastWithAck(packet, opts, (local) => count.setLocal(local), onAck);
    count.expectFrom(this.#link.countSubscribers(this.#requestChannel));
  }

  override async sockets(rooms: ReadonlySet<string>): Promise<Set<string>> {
    const local = await super.sockets(rooms);
    const answers = await this.#request<string[]>('allSockets', (id) => [
      this.uid,
      MessageType.SOCKETS,
      id,
      [...rooms],
    ]);
    for (const sids of answers) for (const sid of sids) local.add(sid);
    return local;
  }

  override async fetchSockets(opts: BroadcastOptions): Promise<SocketDescription[]> {
    const local = await super.fetchSockets(opts);
    if (opts.flags.local === true) return local;
    const answers = await this.#request<SocketDescription[]>('fetchSockets', (id) => [
      this.uid,
      MessageType.FETCH_SOCKETS,
      id,
      toTarget(opts),
    ]);
    for (const sockets of answers) local.push(...sockets);
    return local;
  }

  override addSockets(opts: BroadcastOptions, rooms: readonly string[]): void {
    super.addSockets(opts, rooms);
    if (opts.flags.local !== true) this.#publish([this.uid, MessageType.SOCKETS_JOIN, toTarget(opts), [...rooms]]);
  }

  override delSockets(opts: BroadcastOptions, rooms: readonly string[]): void {
    super.delSockets(opts, rooms);
    if (opts.flags.local !== true) this.#publish([this.uid, MessageType.SOCKETS_LEAVE, toTarget(opts), [...rooms]]);
  }

  override disconnectSockets(opts: BroadcastOptions, close: boolean): void {
    super.disconnectSockets(opts, close);
    if (opts.flags.local !== true) this.#publish([this.uid, MessageType.DISCONNECT_SOCKETS, toTarget(opts), close]);
  }

  /**
   * Sends `args` to the other servers' `serverSideEmit` listeners. When the last argument is a function, it is an
   * ack `(err: Error | null, answers: unknown[][])` called once every other server answered (answers in arrival
   * order, one array of arguments per server), or with a {@link ClusterError} after `requestsTimeout`.
   */
  override serverSideEmit(args: unknown[]): void {
    // Reading index -1 of an empty array is a slow named-property lookup: check the length first.
    const last = args.length === 0 ? undefined : args[args.length - 1];
    if (typeof last !== 'function') {
      this.#publish([this.uid, MessageType.SERVER_SIDE_EMIT, 0, args]);
      return;
    }
    const ack = last as (err: Error | null, answers: unknown[][]) => void;
    const data = args.slice(0, -1);
    this.#request<unknown[]>('serverSideEmit', (id) => [this.uid, MessageType.SERVER_SIDE_EMIT, id, data]).then(
      (answers) => ack(null, answers),
      (err: Error) => ack(err, []),
    );
  }

  /** Publishes `message` and collects one answer per other server. */
  #request<T>(operation: string, build: (id: number) => WireMessage): Promise<T[]> {
    const label = `${operation} on namespace '${this.host.name}'`;
    if (this.#isClosed) return Promise.reject(new ClusterError(`${label}: the adapter is closed`));
    return this.#pending.collect<T>(
      label,
      this.#link.medium,
      () => this.#link.countSubscribers(this.#requestChannel),
      this.#options.requestsTimeout,
      (id) => this.#publish(build(id)),
    );
  }

  #publish(message: WireMessage): void {
    // A closed adapter serves its local sockets only (a subclass may close it to leave a cluster it must not join).
    if (this.#isClosed) return;
    this.#link.publish(this.#requestChannel, encodeMessage(message));
  }

  #answer(requester: string, message: WireMessage): void {
    this.#link.publish(responseChannel(this.#options.channel, this.host.name, requester), encodeMessage(message));
  }

  #writeLocal(frames: readonly EngineData[], opts: BroadcastOptions, isVolatile: boolean): void {
    // compress(false) holds for this process's clients as on the in-memory adapter; the wire format carries no
    // such flag, so the other processes deliver with their defaults.
    const shouldCompress = opts.flags.compress !== false;
    this.forEachSocket(opts, (socket) => socket.writeEncoded(frames, isVolatile, shouldCompress));
  }

  #onMessage(data: Buffer): void {
    const message = decodeMessage(data);
    if (message === undefined) {
      debug('namespace %s: ignored a message that is not in the cluster format', this.host.name);
      return;
    }
    if (message[0] === this.uid || this.#isClosed) return;
    try {
      this.#dispatch(message);
    } catch (err) {
      // A malformed message from a peer must not take this server down.
      debug('namespace %s: failed to apply cluster message %d: %O', this.host.name, message[1], err);
    }
  }

  #dispatch(message: WireMessage): void {
    const uid = this.uid;
    switch (message[1]) {
      case MessageType.BROADCAST: {
        this.#writeLocal(message[2], fromTarget(message[3]), message[4]);
        return;
      }
      case MessageType.BROADCAST_WITH_ACK: {
        const [requester, , id, packet, target, isVolatile] = message;
        super.broadcastWithAck(
          packet,
          fromTarget(target, isVolatile),
          (count) => this.#answer(requester, [uid, MessageType.BROADCAST_CLIENT_COUNT, id, count]),
          (args) => this.#answer(requester, [uid, MessageType.BROADCAST_ACK, id, args]),
        );
        return;
      }
      case MessageType.SOCKETS_JOIN:
        super.addSockets(fromTarget(message[2]), message[3]);
        return;
      case MessageType.SOCKETS_LEAVE:
        super.delSockets(fromTarget(message[2]), message[3]);
        return;
      case MessageType.DISCONNECT_SOCKETS:
        super.disconnectSockets(fromTarget(message[2]), message[3]);
        return;
      case MessageType.FETCH_SOCKETS: {
        const [requester, , id, target] = message;
        void super
          .fetchSockets(fromTarget(target))
          .then((sockets) => this.#answer(requester, [uid, MessageType.FETCH_SOCKETS_RESPONSE, id, sockets]));
        return;
      }
      case MessageType.SOCKETS: {
        const [requester, , id, rooms] = message;
        void super
          .sockets(new Set(rooms))
          .then((sids) => this.#answer(requester, [uid, MessageType.SOCKETS_RESPONSE, id, [...sids]]));
        return;
      }
      case MessageType.SERVER_SIDE_EMIT: {
        const [requester, , id, args] = message;
        const reply =
          id === 0
            ? null
            : (...answer: unknown[]) =>
                this.#answer(requester, [uid, MessageType.SERVER_SIDE_EMIT_RESPONSE, id, answer]);
        this.host.onServerSideEmit(args, reply);
        return;
      }
      case MessageType.BROADCAST_CLIENT_COUNT:
      case MessageType.BROADCAST_ACK:
      case MessageType.FETCH_SOCKETS_RESPONSE:
      case MessageType.SOCKETS_RESPONSE:
      case MessageType.SERVER_SIDE_EMIT_RESPONSE: {
        this.#pending.answer(message[2], message[3], message[1]);
        return;
      }
      default:
        debug('namespace %s: ignored unknown cluster message type %d', this.host.name, (message as unknown[])[1]);
    }
  }
}

/** The wire form of a broadcast's target. */
export function toTarget(opts: BroadcastOptions): WireTarget {
  return [[...opts.rooms], [...opts.except]];
}

/** A broadcast's target from its wire form. */
export function fromTarget(target: WireTarget, isVolatile = false): BroadcastOptions {
  return { rooms: new Set(target[0]), except: new Set(target[1]), flags: isVolatile ? { volatile: true } : {} };
}
