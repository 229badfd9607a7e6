import { createDebug } from '../../debug';
import { ClusterError } from '../../errors';
import type { Packet } from '../../protocol/packet';
import type { AdapterHost, BroadcastOptions, SocketDescription } from '../adapter';
import { ClusterCount } from '../cluster-count';
import { InMemoryAdapter } from '../in-memory-adapter';
import { PendingRequests } from '../pending-requests';
import type { RedisLink } from './redis-link';
import {
  broadcastChannel,
  decodeBroadcast,
  encodeBroadcast,
  decodeRequest,
  encodeSocketIo,
  eventData,
  fromWireRooms,
  RequestType,
  socketIoChannels,
  toPacket,
  toRoomSet,
  toWirePacket,
  toWireRooms,
  type SocketIoChannels,
  type SocketIoRequest,
} from './socket-io-wire';

const debug = createDebug('classio:adapter');

/** Options of a {@link SocketIoRedisAdapter}. */
export interface SocketIoRedisAdapterOptions {
  /** The key prefix of the channels (Socket.IO's `key` option). */
  readonly key: string;
  /** How long cluster requests wait for the other servers, in milliseconds. */
  readonly requestsTimeout: number;
}

/** Things this format cannot carry, each logged once per process rather than on every message. */
const warned = new Set<string>();

function warnOnce(topic: string, message: string): void {
  if (warned.has(topic)) return;
  warned.add(topic);
  console.warn(`classio: ${message} (logged once)`);
}

/**
 * The Redis adapter in `@socket.io/redis-adapter`'s wire format (see `socket-io-wire.ts`), so that classio servers
 * join a cluster of Socket.IO 4.8 servers on `@socket.io/redis-adapter` 8.x, and take the messages of its emitters.
 *
 * Its own class over the {@link RedisLink}, rather than a second codec inside `PeerAdapter`: the two formats do not
 * split along the same lines. This one publishes each broadcast as a packet (the receiver encodes it for its
 * clients, where classio's format carries the encoded frames), on one channel per room, and takes answers on a
 * channel shared by every server, matched by a string request id; an ack or a `serverSideEmit` answer carries one
 * value; a `socketsJoin` reaches its own publisher back (Socket.IO servers apply their own requests when Redis
 * delivers them). Keeping it apart leaves classio's format exactly as it was.
 *
 * Local delivery is the in-memory adapter's. Operations are applied here and published for the other servers;
 * requests (`fetchSockets`, `allSockets`, `serverSideEmit` with an ack) wait for as many answers as PUBSUB NUMSUB
 * counts subscribers of the request channel, minus this server, or reject with a {@link ClusterError} after
 * `requestsTimeout`.
 */
export class SocketIoRedisAdapter extends InMemoryAdapter {
  readonly #link: RedisLink;
  readonly #options: SocketIoRedisAdapterOptions;
  readonly #channels: SocketIoChannels;
  readonly #pending = new PendingRequests();
  /** Request ids are `${uid}:${n}`: unique across the cluster, as answers arrive on a channel every server reads. */
  readonly #idPrefix: string;
  #isClosed = false;
  #ready: Promise<void> | undefined;

  constructor(host: AdapterHost, link: RedisLink, options: SocketIoRedisAdapterOptions) {
    super(host);
    this.#link = link;
    this.#options = options;
    this.#channels = socketIoChannels(options.key, host.name, link.uid);
    this.#idPrefix = `${link.uid}:`;
    link.retain();
  }

  /** This process's cluster uid. */
  get uid(): string {
    return this.#link.uid;
  }

  /** The link, shared with the server's other namespaces (for health checks and tests). */
  get link(): RedisLink {
    return this.#link;
  }

  /** Resolves once subscribed and able to publish; calling it again returns the same promise. */
  override init(): Promise<void> {
    const channels = this.#channels;
    this.#ready ??= Promise.all([
      this.#link.subscribePattern(channels.broadcastPattern, (channel, data) => this.#onBroadcast(channel, data)),
      this.#link.subscribe([channels.request], (data) => this.#onRequest(data)),
      this.#link.subscribe([channels.response, channels.ownResponse], (data) => this.#onResponse(data)),
      this.#link.whenReady(),
    ]).then(() => undefined);
    return this.#ready;
  }

  override async close(): Promise<void> {
    if (this.#isClosed) return;
    this.#isClosed = true;
    this.#pending.clear();
    const channels = this.#channels;
    await Promise.all([
      this.#link.unsubscribePattern(channels.broadcastPattern),
      this.#link.unsubscribe([channels.request, channels.response, channels.ownResponse]),
    ]);
    await this.#link.release();
  }

  override broadcast(packet: Packet, opts: BroadcastOptions): void {
    super.broadcast(packet, opts);
    if (opts.flags.local === true) return;
    const flags: { volatile?: boolean; compress?: boolean } = {};
    if (opts.flags.volatile === true) flags.volatile = true;
    if (opts.flags.compress === false) flags.compress = false;
    const target = toWireRooms(opts);
    // A broadcast to one room goes to that room's channel: servers without the room skip it before decoding.
    this.#link.publish(
      broadcastChannel(this.#channels, target.rooms),
      encodeBroadcast(this.uid, this.host.name, packet.data, target, flags),
    );
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
    // As in PeerAdapter: one count, for the whole cluster, once every other server reported its recipients.
    const count = new ClusterCount(onCount);
    const timeout = opts.flags.timeout ?? this.#options.requestsTimeout;
    const id = this.#pending.track(timeout, {
      onTimeout: () => {},
      onAnswer: (payload) => {
        const answer = payload as SocketIoRequest;
        if (answer.type === RequestType.BROADCAST_CLIENT_COUNT) {
          if (typeof answer.clientCount !== 'number') return false;
          count.addRemote(answer.clientCount);
        } else if (answer.type === RequestType.BROADCAST_ACK) {
          // Socket.IO passes on the first argument of a client's ack only.
          onAck([answer.packet]);
        }
        return false;
      },
    });
    this.#link.publish(
      this.#channels.request,
      encodeSocketIo({
        uid: this.uid,
        requestId: this.#idPrefix + id,
        type: RequestType.BROADCAST,
        packet: toWirePacket(this.host.name, packet.data),
        opts: { ...toWireRooms(opts), flags: { timeout } },
      }),
    );
    super.broadcastWithAck(packet, opts, (local) => count.setLocal(local), onAck);
    count.expectFrom(this.#link.countSubscribers(this.#channels.request));
  }

  override async sockets(rooms: ReadonlySet<string>): Promise<Set<string>> {
    const local = await super.sockets(rooms);
    const answers = await this.#request('allSockets', { type: RequestType.SOCKETS, rooms: [...rooms] });
    for (const answer of answers) {
      if (!Array.isArray(answer.sockets)) continue;
      for (const sid of answer.sockets) if (typeof sid === 'string') local.add(sid);
    }
    return local;
  }

  override async fetchSockets(opts: BroadcastOptions): Promise<SocketDescription[]> {
    const local = await super.fetchSockets(opts);
    if (opts.flags.local === true) return local;
    const answers = await this.#request('fetchSockets', { type: RequestType.REMOTE_FETCH, opts: toWireRooms(opts) });
    for (const answer of answers) {
      if (!Array.isArray(answer.sockets)) continue;
      for (const socket of answer.sockets as SocketDescription[]) {
        if (typeof socket !== 'object' || socket === null || typeof socket.id !== 'string') continue;
        local.push({
          id: socket.id,
          rooms: Array.isArray(socket.rooms) ? socket.rooms : [],
          data: socket.data,
          handshake: socket.handshake,
        });
      }
    }
    return local;
  }

  override addSockets(opts: BroadcastOptions, rooms: readonly string[]): void {
    super.addSockets(opts, rooms);
    if (opts.flags.local !== true) this.#command({ type: RequestType.REMOTE_JOIN, opts: toWireRooms(opts), rooms });
  }

  override delSockets(opts: BroadcastOptions, rooms: readonly string[]): void {
    super.delSockets(opts, rooms);
    if (opts.flags.local !== true) this.#command({ type: RequestType.REMOTE_LEAVE, opts: toWireRooms(opts), rooms });
  }

  override disconnectSockets(opts: BroadcastOptions, close: boolean): void {
    super.disconnectSockets(opts, close);
    if (opts.flags.local !== true) {
      this.#command({ type: RequestType.REMOTE_DISCONNECT, opts: toWireRooms(opts), close });
    }
  }

  /**
   * Sends `args` to the other servers' `serverSideEmit` listeners. With a function last, it is an ack
   * `(err, answers)`, called once every other server answered (one array per server, holding the one value a
   * Socket.IO server answers with), or with a {@link ClusterError} after `requestsTimeout`.
   */
  override serverSideEmit(args: unknown[]): void {
    const last = args.length === 0 ? undefined : args[args.length - 1];
    if (typeof last !== 'function') {
      this.#command({ type: RequestType.SERVER_SIDE_EMIT, data: args });
      return;
    }
    const ack = last as (err: Error | null, answers: unknown[][]) => void;
    this.#request('serverSideEmit', { type: RequestType.SERVER_SIDE_EMIT, data: args.slice(0, -1) }).then(
      (answers) =>
        ack(
          null,
          answers.map((answer) => [answer.data]),
        ),
      (err: Error) => ack(err, []),
    );
  }

  /** Publishes a request that wants no answer. */
  #command(fields: Record<string, unknown>): void {
    this.#link.publish(this.#channels.request, encodeSocketIo({ uid: this.uid, ...fields }));
  }

  /** Publishes a request and collects one answer per other server. */
  #request(operation: string, fields: Record<string, unknown>): Promise<SocketIoRequest[]> {
    const label = `${operation} on namespace '${this.host.name}'`;
    if (this.#isClosed) return Promise.reject(new ClusterError(`${label}: the adapter is closed`));
    return this.#pending.collect<SocketIoRequest>(
      label,
      this.#link.medium,
      () => this.#link.countSubscribers(this.#channels.request),
      this.#options.requestsTimeout,
      (id) => this.#command({ requestId: this.#idPrefix + id, ...fields }),
    );
  }

  /** Answers request `request`: on the requester's own response channel when it names itself. */
  #answer(request: SocketIoRequest, fields: Record<string, unknown>): void {
    const channel =
      typeof request.uid === 'string' ? `${this.#channels.response}${request.uid}#` : this.#channels.response;
    this.#link.publish(channel, encodeSocketIo({ requestId: request.requestId, ...fields }));
  }

  #onBroadcast(channel: string, data: Buffer): void {
    if (this.#isClosed) return;
    // The room of a one-room broadcast is in its channel's name: skip the decoding when no local socket is in it.
    const room = channel.slice(this.#channels.broadcast.length, -1);
    if (room !== '' && !this.rooms.has(room)) return;
    const message = decodeBroadcast(data);
    if (message === undefined) {
      debug('namespace %s: ignored a broadcast that is not in the Socket.IO format', this.host.name);
      return;
    }
    if (message.uid === this.uid || message.nsp !== this.host.name) return;
    try {
      super.broadcast(toPacket(this.host.name, message.data), message.opts);
    } catch (err) {
      debug('namespace %s: failed to deliver a Socket.IO broadcast: %O', this.host.name, err);
    }
  }

  #onRequest(data: Buffer): void {
    if (this.#isClosed) return;
    const request = decodeRequest(data);
    if (request === undefined) {
      debug('namespace %s: ignored a request that is not in the Socket.IO format', this.host.name);
      return;
    }
    if (request.uid === this.uid) return;
    try {
      this.#dispatch(request);
    } catch (err) {
      // A malformed request from a peer must not take this server down.
      debug('namespace %s: failed to apply Socket.IO request %s: %O', this.host.name, request.type, err);
    }
  }

  #dispatch(request: SocketIoRequest): void {
    switch (request.type) {
      case RequestType.SOCKETS: {
        const rooms = toRoomSet(request.rooms);
        if (rooms === undefined) return;
        void super.sockets(rooms).then((sids) => this.#answer(request, { sockets: [...sids] }));
        return;
      }
      case RequestType.ALL_ROOMS:
        this.#answer(request, { rooms: [...this.rooms.keys()] });
        return;
      case RequestType.REMOTE_JOIN:
      case RequestType.REMOTE_LEAVE:
      case RequestType.REMOTE_DISCONNECT:
        this.#applyRemote(request);
        return;
      case RequestType.REMOTE_FETCH: {
        const target = fromWireRooms(request.opts);
        if (target === undefined) return;
        void super.fetchSockets({ ...target, flags: {} }).then((sockets) => this.#answer(request, { sockets }));
        return;
      }
      case RequestType.SERVER_SIDE_EMIT: {
        if (!Array.isArray(request.data)) return;
        const reply = request.requestId === undefined ? null : this.#serverSideReply(request);
        this.host.onServerSideEmit(request.data, reply);
        return;
      }
      case RequestType.BROADCAST: {
        const packet = request.packet as { data?: unknown } | null;
        const target = fromWireRooms(request.opts);
        const data = typeof packet === 'object' && packet !== null ? eventData(packet) : undefined;
        if (target === undefined || data === undefined) return;
        super.broadcastWithAck(
          toPacket(this.host.name, data),
          { ...target, flags: {} },
          (clientCount) => this.#answer(request, { type: RequestType.BROADCAST_CLIENT_COUNT, clientCount }),
          (args) => {
            if (args.length > 1) {
              warnOnce(
                'ack',
                'a client acked a Socket.IO-format broadcast with several values; only the first crosses',
              );
            }
            this.#answer(request, { type: RequestType.BROADCAST_ACK, packet: args[0] });
          },
        );
        return;
      }
      default:
        debug('namespace %s: ignored Socket.IO request type %s', this.host.name, request.type);
    }
  }

  /** `socketsJoin`, `socketsLeave`, `disconnectSockets`, or their one-socket form (`sid` and `room`) with an answer. */
  #applyRemote(request: SocketIoRequest): void {
    if (request.opts === undefined) {
      const socket = typeof request.sid === 'string' ? this.host.socket(request.sid) : undefined;
      if (socket === undefined) return;
      if (request.type === RequestType.REMOTE_DISCONNECT) socket.disconnect(request.close === true);
      else if (typeof request.room !== 'string') return;
      else if (request.type === RequestType.REMOTE_JOIN) socket.join(request.room);
      else socket.leave(request.room);
      this.#answer(request, {});
      return;
    }
    const target = fromWireRooms(request.opts);
    if (target === undefined) return;
    const opts = { ...target, flags: {} };
    if (request.type === RequestType.REMOTE_DISCONNECT) {
      super.disconnectSockets(opts, request.close === true);
      return;
    }
    const rooms = toRoomSet(request.rooms);
    if (rooms === undefined) return;
    if (request.type === RequestType.REMOTE_JOIN) super.addSockets(opts, [...rooms]);
    else super.delSockets(opts, [...rooms]);
  }

  /** The reply function handed to a `serverSideEmit` listener: Socket.IO takes one answer, with one value. */
  #serverSideReply(request: SocketIoRequest): (...args: unknown[]) => void {
    let isAnswered = false;
    return (...args: unknown[]) => {
      if (isAnswered) return;
      isAnswered = true;
      if (args.length > 1) warnOnce('reply', 'a serverSideEmit answer to a Socket.IO-format server carries one value');
      // Socket.IO servers publish these answers on the shared channel; either reaches the requester.
      this.#answer(request, { type: RequestType.SERVER_SIDE_EMIT, data: args[0] });
    };
  }

  #onResponse(data: Buffer): void {
    if (this.#isClosed) return;
    const response = decodeRequest(data);
    const requestId = response?.requestId;
    // Every server reads the shared response channel: most answers there are for someone else.
    if (typeof requestId !== 'string' || !requestId.startsWith(this.#idPrefix)) return;
    const id = Number(requestId.slice(this.#idPrefix.length));
    if (Number.isInteger(id)) this.#pending.answer(id, response, -1);
  }
}
