import { PacketType, type Packet } from '../protocol/packet';
import { decodeEncoded } from '../protocol/decode-encoded';
import { AckLimitError, AckTimeoutError, DisconnectedError, UsageError } from '../errors';
import type { EngineConnection, EngineData } from '../engine/types';
import type {
  AdapterSocket,
  BroadcastOptions,
  RestoredSession,
  SessionToPersist,
  SocketDescription,
} from '../adapter/adapter';
import type { AckCallback } from './route-table';
import type { Client } from './client';
import type { ServerNamespace } from './server-namespace';
import type { DisconnectReason } from './disconnect-reason';
import { createHandshake, handshakeData, type Handshake } from './handshake';
import type { BroadcastFlags } from '../adapter/adapter';
import { v2SocketId } from './v2-semantics';
import { BroadcastOperator, roomSet } from './broadcast-operator';
import { dispatchEvent, runPacketMiddlewares } from './dispatch';
import type { CatchAllListener, DisconnectListener, EventListener, OtherEvent, PacketMiddleware } from './listeners';
import { assertEmittable, createSid, isThenable } from './util';
import { callCatchAll, registeredListeners, withListener, withoutListener } from './catch-all';
import type {
  AckEmitArgs,
  AckResult,
  DefaultEventsMap,
  ErrorFirstAckArgs,
  EventNames,
  EventNamesWithAck,
  EventParams,
  EventsMap,
} from './typed-events';

/** The events a socket emits locally, with the reason it ends (clients may not send them). */
type LocalEvent = 'disconnecting' | 'disconnect';

/** A listener as the socket stores and calls it: with whatever the client sent. */
type Listener = (...args: unknown[]) => unknown;

/**
 * Socket.IO's reasons after which a session is kept for recovery: the transport was lost or the server went away.
 * A deliberate disconnect, by the client or by the server (`disconnect()`, `disconnect(true)`), keeps nothing.
 */
const RECOVERABLE_REASONS: ReadonlySet<DisconnectReason> = new Set<DisconnectReason>([
  'transport error',
  'transport close',
  'ping timeout',
  'server shutting down',
  'forced server close',
]);

/** The recovery state of a socket: its private session id and the offsets of the stored packets it was sent. */
interface RecoveryState {
  readonly pid: string;
  readonly firstOffset: string;
  lastOffset: string;
  /** The adapter target of this socket's private emits, which are stored as broadcasts to its sid room are. */
  readonly target: BroadcastOptions;
}

interface PendingAck {
  readonly callback: (...args: unknown[]) => void;
  /** Error-first callbacks (timeout forms) are told of a timeout or a disconnect; plain ones are dropped. */
  readonly isErrorFirst: boolean;
  readonly timer: NodeJS.Timeout | null;
  /** The event the ack answers, for the ack metrics; undefined for a broadcast's (its operator counts those). */
  readonly event: string | undefined;
}

/**
 * One client's membership of one namespace. A connection (Client) multiplexes several sockets, one per
 * namespace, each with its own sid (socket.io-protocol, "Connection to a namespace").
 *
 * A socket is `connecting` while its middlewares and connect hook run: what the server writes to it then is
 * held back and flushed right after the CONNECT packet, so the client always sees CONNECT first.
 *
 * The type parameters are Socket.IO's: the events the client sends (`ListenEvents`), the events the server sends
 * (`EmitEvents`), the events between the servers of a cluster (`ServerSideEvents`) and the type of `data`. Their
 * defaults are untyped: any event, arguments `unknown` until narrowed.
 */
export class Socket<
  ListenEvents extends EventsMap = DefaultEventsMap,
  EmitEvents extends EventsMap = DefaultEventsMap,
  ServerSideEvents extends EventsMap = DefaultEventsMap,
  SocketData = Record<string, unknown>,
> implements AdapterSocket {
  /** The socket's sid in this namespace (not the Engine.IO session id). */
  readonly id: string;
  readonly nsp: ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData>;
  readonly client: Client;
  readonly handshake: Handshake;
  /**
   * True when this socket is a recovered one (connection state recovery): the same id, rooms and `data` as before
   * its client's transport was lost, and the packets it missed delivered right after the CONNECT.
   */
  readonly recovered: boolean;

  /** Set when connection state recovery is on (and the adapter supports it), null otherwise. */
  readonly #recovery: RecoveryState | null;
  #data: SocketData | null = null;
  #state: 'connecting' | 'connected' | 'disconnected' = 'connecting';
  #heldBack: (readonly EngineData[])[] | null = null;
  #acks: Map<number, PendingAck> | null = null;
  #nextAckId = 0;
  #listeners: Map<string, EventListener[]> | null = null;
  #anyListeners: CatchAllListener[] | null = null;
  /** `onAnyOutgoing` listeners; null while there are none, so that a write pays one check. */
  #anyOutgoing: CatchAllListener[] | null = null;
  #packetMiddlewares: PacketMiddleware[] | null = null;
  /** The registered listener behind each call the binder made for one, so that `off` finds it. */
  #bound: WeakMap<Listener, Listener> | null = null;
  /** The flags of the next emit (`volatile`, `compress(false)`); the emit clears them. */
  #nextFlags = 0;

  constructor(
    nsp: ServerNamespace<ListenEvents, EmitEvents, ServerSideEvents, SocketData>,
    client: Client,
    auth: Record<string, unknown>,
    restored?: RestoredSession,
  ) {
    this.nsp = nsp;
    this.client = client;
    this.handshake = createHandshake(client.conn, auth);
    this.recovered = restored !== undefined;
    if (restored !== undefined) {
      this.id = restored.sid;
      this.#data = restored.data as SocketData;
      this.#recovery = {
        pid: restored.pid,
        firstOffset: restored.firstOffset,
        lastOffset: restored.lastOffset,
        target: { rooms: roomSet(restored.sid), except: NO_ROOMS, flags: NO_FLAGS },
      };
      return;
    }
    this.id = client.isV2 ? v2SocketId(nsp.name, client.conn.id) : createSid();
    const offset = nsp.recovery === null ? undefined : nsp.adapter.currentOffset?.();
    this.#recovery =
      offset === undefined
        ? null
        : {
            pid: createSid(),
            firstOffset: offset,
            lastOffset: offset,
            target: { rooms: roomSet(this.id), except: NO_ROOMS, flags: NO_FLAGS },
          };
  }

  /** The private session id with which the client can recover this socket, or null when recovery is off. */
  get pid(): string | null {
    return this.#recovery?.pid ?? null;
  }

  /** @internal Whether a recovered client skips the middlewares and the class guards (`skipMiddlewares`). */
  get shouldSkipMiddlewares(): boolean {
    return this.recovered && this.nsp.recovery?.skipMiddlewares === true;
  }

  /**
   * The per-connection session (Flask's `session`): arbitrary data that lives as long as this socket and is
   * shared by all its events. Created on first use, so that idle connections that never use it do not pay for it.
   */
  get data(): SocketData {
    // The default type is a record; a declared SocketData type is the user's promise of what it holds.
    return (this.#data ??= {} as SocketData);
  }

  set data(value: SocketData) {
    this.#data = value;
  }

  /** True once the CONNECT packet has been sent, until the socket disconnects. */
  get connected(): boolean {
    return this.#state === 'connected';
  }

  get disconnected(): boolean {
    return this.#state === 'disconnected';
  }

  /** The underlying Engine.IO connection (shared with the client's other namespaces). */
  get conn(): EngineConnection {
    return this.client.conn;
  }

  /** The rooms this socket is in, its own sid room included. */
  get rooms(): ReadonlySet<string> {
    return this.nsp.adapter.socketRooms(this.id) ?? NO_ROOMS;
  }

  /**
   * Flags the next emit volatile (Socket.IO's `socket.volatile.emit()`): it is dropped unless the transport can
   * write it at once (a polling client with a GET waiting, a websocket with nothing queued behind the network).
   * Carried over by the next `to`/`in`/`except`/`broadcast`.
   */
  get volatile(): this {
    this.#nextFlags |= FLAG_VOLATILE;
    return this;
  }

  /** `compress(false)` sends the next emit uncompressed (Socket.IO's `socket.compress(false).emit()`). */
  compress(shouldCompress: boolean): this {
    if (shouldCompress) this.#nextFlags &= ~FLAG_UNCOMPRESSED;
    else this.#nextFlags |= FLAG_UNCOMPRESSED;
    return this;
  }

  /**
   * Emits an event to this client. When the last argument is a function, it receives the client's ack answer.
   *
   * @example socket.emit('my response', { data: 'hi' });
   */
  emit<K extends EventNames<EmitEvents>>(event: K, ...args: EventParams<EmitEvents, K>): boolean {
    return this.emitList(event, args);
  }

  /**
   * @internal `emit` with the arguments as an array the socket takes over (it becomes the packet's data), so the
   * runtime's helpers pass their rest arguments on without spreading them again.
   */
  emitList(event: string, args: unknown[]): boolean {
    assertEmittable(event);
    // Reading index -1 of an empty array is a slow named-property lookup: check the length first.
    const last = args.length === 0 ? undefined : args[args.length - 1];
    let id: number | undefined;
    if (typeof last === 'function') {
      args.pop();
      id = this.registerAck(last as (...a: unknown[]) => void, undefined, false, event);
    }
    if (this.#anyOutgoing !== null) this.#notifyOutgoing(event, args);
    args.unshift(event);
    const packet: Packet = { type: PacketType.EVENT, nsp: this.nsp.name, id, data: args };
    // With recovery on, a private emit without an ack is stored as a broadcast to the sid room (as in Socket.IO),
    // so that it gets an offset and a client that loses its transport receives it on recovery.
    if (this.#recovery !== null && id === undefined) this.nsp.adapter.broadcast(packet, this.#recovery.target);
    else this.#writeFlagged(this.client.encode(packet));
    return true;
  }

  /**
   * Emits an event and resolves with the client's answer (its first argument, or all of them when there are
   * several). Without a timeout it waits as long as the socket is connected.
   */
  emitWithAck<K extends EventNamesWithAck<EmitEvents>>(
    event: K,
    ...args: AckEmitArgs<EmitEvents, K>
  ): Promise<AckResult<EmitEvents, K>> {
    return this.#emitWithAck(event, args, 0) as Promise<AckResult<EmitEvents, K>>;
  }

  /** Sets a timeout for the next acknowledged emit: `socket.timeout(5000).emitWithAck('ping')`. */
  timeout(ms: number): TimedSocketEmitter<EmitEvents> {
    return {
      emit: (event: string, ...args: unknown[]) => {
        const callback = args.pop();
        if (typeof callback !== 'function')
          throw new UsageError('timeout(ms).emit() needs an ack callback as last argument');
        assertEmittable(event);
        const id = this.registerAck(callback as (...a: unknown[]) => void, ms, true, event);
        if (this.#anyOutgoing !== null) this.#notifyOutgoing(event, args);
        this.#writeFlagged(
          this.client.encode({ type: PacketType.EVENT, nsp: this.nsp.name, id, data: [event, ...args] }),
        );
        return true;
      },
      emitWithAck: (event: string, ...args: unknown[]) => this.#emitWithAck(event, args, ms),
    } as TimedSocketEmitter<EmitEvents>;
  }

  /** Emits the unnamed event `message` (Socket.IO's and Flask's `send`). */
  send(...args: unknown[]): this {
    this.emitList('message', args);
    return this;
  }

  /** Joins one or more rooms. */
  join(rooms: string | readonly string[]): void {
    if (this.#state === 'disconnected') return;
    this.nsp.adapter.addAll(this.id, typeof rooms === 'string' ? [rooms] : rooms);
  }

  /** Leaves a room. */
  leave(room: string): void {
    this.nsp.adapter.del(this.id, room);
  }

  // Each of these builds one operator, already excluding this socket.

  /** Broadcasts to a room (or rooms), excluding this socket. */
  to(room: string | readonly string[]): BroadcastOperator<EmitEvents, SocketData> {
    return new BroadcastOperator(this.nsp, roomSet(room), roomSet(this.id), this.#takeFlags());
  }

  in(room: string | readonly string[]): BroadcastOperator<EmitEvents, SocketData> {
    return this.to(room);
  }

  /** Broadcasts to the whole namespace, excluding this socket and the sockets of a room (or rooms). */
  except(room: string | readonly string[]): BroadcastOperator<EmitEvents, SocketData> {
    return new BroadcastOperator(
      this.nsp,
      undefined,
      roomSet(typeof room === 'string' ? [this.id, room] : [this.id, ...room]),
      this.#takeFlags(),
    );
  }

  /** Broadcasts to the whole namespace, excluding this socket. */
  get broadcast(): BroadcastOperator<EmitEvents, SocketData> {
    return new BroadcastOperator(this.nsp, undefined, roomSet(this.id), this.#takeFlags());
  }

  /**
   * Disconnects this socket from its namespace (the client sees `io server disconnect`), or closes the whole
   * connection when `close` is true (every namespace of the client).
   */
  disconnect(close = false): this {
    if (this.#state === 'disconnected') return this;
    if (close) {
      this.client.close();
      return this;
    }
    this.client.writePacket({ type: PacketType.DISCONNECT, nsp: this.nsp.name });
    this.onClose('server namespace disconnect');
    return this;
  }

  /**
   * @internal The server is closing: the client receives DISCONNECT (`io server disconnect`) and the server side
   * sees the reason `server shutting down`.
   */
  shutDown(): void {
    if (this.#state === 'disconnected') return;
    if (this.#state === 'connected') this.client.writePacket({ type: PacketType.DISCONNECT, nsp: this.nsp.name });
    this.onClose('server shutting down');
  }

  /**
   * Listens to an event from the client, Socket.IO style. Used when the namespace has no compiled route for the
   * event; `disconnecting` and `disconnect` are emitted locally with the reason. The client's arguments are
   * `unknown` until the listener narrows them (see {@link EventListener}). A listener registered inside a handler of
   * this socket (`this.socket.on(...)` in `on_connect`) runs in this socket's handler context, so `this.socket`,
   * `this.session` and the context functions work in it as in the handler.
   *
   * @example socket.on('join', (room) => { if (typeof room === 'string') socket.join(room); });
   */
  on(event: LocalEvent, listener: DisconnectListener): this;
  on<E extends EventNames<ListenEvents>>(event: OtherEvent<E, LocalEvent>, listener: ListenEvents[E]): this;
  on(event: string, listener: EventListener | DisconnectListener): this {
    return this.#addListener(event, listener as Listener);
  }

  #addListener(event: string, listener: Listener): this {
    // Stored as any other: a disconnect listener is only ever called with the reason (see #emitLocal).
    const call = this.#bind(event, listener);
    this.#listeners ??= new Map();
    const list = this.#listeners.get(event);
    if (list === undefined) this.#listeners.set(event, [call]);
    else list.push(call);
    return this;
  }

  /** Like {@link on}, for the next time only. */
  once(event: LocalEvent, listener: DisconnectListener): this;
  once<E extends EventNames<ListenEvents>>(event: OtherEvent<E, LocalEvent>, listener: ListenEvents[E]): this;
  once(event: string, listener: EventListener | DisconnectListener): this {
    const once: EventListener = listener;
    const wrapper = (...args: unknown[]) => {
      this.#removeListener(event, wrapper);
      return once(...args);
    };
    return this.#addListener(event, wrapper);
  }

  /** Removes a listener added with {@link on}, or every listener of the event. */
  off(event: LocalEvent, listener?: DisconnectListener): this;
  off<E extends EventNames<ListenEvents>>(event: OtherEvent<E, LocalEvent>, listener?: ListenEvents[E]): this;
  off(event: string, listener?: EventListener | DisconnectListener): this {
    return this.#removeListener(event, listener as Listener | undefined);
  }

  #removeListener(event: string, listener: Listener | undefined): this {
    const list = this.#listeners?.get(event);
    if (list === undefined) return this;
    if (listener === undefined) this.#listeners!.delete(event);
    else {
      const at = list.findIndex((call) => call === listener || this.#bound?.get(call) === listener);
      if (at !== -1) list.splice(at, 1);
    }
    return this;
  }

  /** Listens to every incoming event: `listener(event, ...args)`, the arguments `unknown` as for {@link on}; in a
   * handler's context as {@link on} says. */
  onAny(listener: CatchAllListener): this {
    this.#anyListeners = withListener(this.#anyListeners, this.#bind(null, listener as Listener), false);
    return this;
  }

  /** Like {@link onAny}, called before the catch-all listeners already registered. */
  prependAny(listener: CatchAllListener): this {
    this.#anyListeners = withListener(this.#anyListeners, this.#bind(null, listener as Listener), true);
    return this;
  }

  /** Removes a listener added with {@link onAny} or {@link prependAny}, or every one of them without an argument. */
  offAny(listener?: CatchAllListener): this {
    this.#anyListeners = withoutListener(this.#anyListeners, listener, (call) => this.#originalOf(call));
    return this;
  }

  /** The incoming catch-all listeners, in calling order (a copy). */
  listenersAny(): CatchAllListener[] {
    return registeredListeners(this.#anyListeners, (call) => this.#originalOf(call));
  }

  /**
   * Listens to every event sent to this client: `listener(event, ...args)`, called before the packet is written.
   * It sees this socket's own emits and every broadcast that reaches it (from this process, another one of the
   * cluster or an emitter), but not ack answers. A broadcast is encoded once for all its recipients, so a listener
   * of a broadcast receives the arguments as the client will (decoded from the frames: dates as strings, binary
   * as Buffers).
   *
   * @example socket.onAnyOutgoing((event, ...args) => log.debug({ sid: socket.id, event }, 'sent'));
   */
  onAnyOutgoing(listener: CatchAllListener): this {
    this.#anyOutgoing = withListener(this.#anyOutgoing, this.#bind(null, listener as Listener), false);
    return this;
  }

  /** Like {@link onAnyOutgoing}, called before the outgoing listeners already registered. */
  prependAnyOutgoing(listener: CatchAllListener): this {
    this.#anyOutgoing = withListener(this.#anyOutgoing, this.#bind(null, listener as Listener), true);
    return this;
  }

  /** Removes a listener added with {@link onAnyOutgoing} or {@link prependAnyOutgoing}, or all without an argument. */
  offAnyOutgoing(listener?: CatchAllListener): this {
    this.#anyOutgoing = withoutListener(this.#anyOutgoing, listener, (call) => this.#originalOf(call));
    return this;
  }

  /** The outgoing catch-all listeners, in calling order (a copy). */
  listenersAnyOutgoing(): CatchAllListener[] {
    return registeredListeners(this.#anyOutgoing, (call) => this.#originalOf(call));
  }

  /**
   * Adds a per-packet middleware (Socket.IO's `socket.use`): it sees every incoming event as `[event, ...args]`
   * before any handler and calls `next()` to go on, or `next(err)` to drop the packet: `err` then reaches the error
   * handler and answers the client's ack (a classio `HandlerError` with its code, anything else as `server error`).
   *
   * @example socket.use(([event], next) => next(event === 'admin' ? new ForbiddenError('no') : undefined));
   */
  use(middleware: PacketMiddleware): this {
    (this.#packetMiddlewares ??= []).push(middleware);
    return this;
  }

  /** @internal Socket.IO-style listeners of an event, or undefined. */
  listenersOf(event: string): readonly EventListener[] | undefined {
    return this.#listeners?.get(event);
  }

  /** @internal The catch-all listeners, or null. */
  get anyListeners(): readonly CatchAllListener[] | null {
    return this.#anyListeners;
  }

  /**
   * AdapterSocket: writes encoded frames (a broadcast, or an event another layer encoded), holding them back while
   * the socket is still connecting (a volatile packet cannot be written at once then, so it is dropped). Outgoing
   * catch-all listeners see the event first.
   */
  writeEncoded(frames: readonly EngineData[], isVolatile = false, shouldCompress = true): void {
    const probe = this.nsp.metricsProbe;
    if (probe !== null) probe.delivered(this.nsp.name);
    if (this.#anyOutgoing !== null) this.#notifyOutgoingFrames(frames);
    this.#write(frames, isVolatile, shouldCompress);
  }

  #write(frames: readonly EngineData[], isVolatile: boolean, shouldCompress: boolean): void {
    if (this.#state === 'connected') this.client.write(frames, isVolatile, shouldCompress);
    else if (this.#state === 'connecting' && !isVolatile) (this.#heldBack ??= []).push(frames);
  }

  /** Writes the frames of this socket's own emit with the flags set for it, and clears them. */
  #writeFlagged(frames: readonly EngineData[]): void {
    const flags = this.#nextFlags;
    if (flags === 0) {
      this.#write(frames, false, true);
      return;
    }
    this.#nextFlags = 0;
    this.#write(frames, (flags & FLAG_VOLATILE) !== 0, (flags & FLAG_UNCOMPRESSED) === 0);
  }

  /** The broadcast flags of the next emit, for an operator made from this socket, and clears them. */
  #takeFlags(): BroadcastFlags | undefined {
    const flags = this.#nextFlags;
    this.#nextFlags = 0;
    return flags === 0 ? undefined : OPERATOR_FLAGS[flags];
  }

  /** AdapterSocket: writes a stored packet and remembers its offset as the last one this socket was sent. */
  writeStored(frames: readonly EngineData[], offset: string, shouldCompress = true): void {
    if (this.#recovery !== null) this.#recovery.lastOffset = offset;
    this.writeEncoded(frames, false, shouldCompress);
  }

  /**
   * AdapterSocket: registers a server-to-client ack. With a timeout the callback is error-first (`AckTimeoutError`,
   * or `DisconnectedError` when the socket goes first); `isErrorFirst` alone asks for the same without a timer.
   * Throws `AckLimitError` when the socket already awaits `maxPendingAcks` answers (nothing is registered).
   * `event` names the emitted event for the ack metrics.
   */
  registerAck(
    callback: (...args: unknown[]) => void,
    timeoutMs?: number,
    isErrorFirst = timeoutMs !== undefined,
    event?: string,
  ): number {
    const acks = (this.#acks ??= new Map());
    const limit = this.nsp.server.maxPendingAcks;
    if (acks.size >= limit) {
      throw new AckLimitError(`socket ${this.id} of ${this.nsp.name} already awaits ${limit} acks (maxPendingAcks)`);
    }
    const id = this.#nextAckId++;
    const timer =
      timeoutMs !== undefined
        ? setTimeout(() => {
            acks.delete(id);
            if (event !== undefined) this.nsp.metricsProbe?.ackSettled(this.nsp.name, event, true);
            callback(
              new AckTimeoutError(`ack of socket ${this.id} in ${this.nsp.name} timed out after ${timeoutMs} ms`),
            );
          }, timeoutMs)
        : null;
    acks.set(id, { callback, isErrorFirst, timer, event });
    return id;
  }

  /** @internal How many server-to-client acks this socket awaits. */
  get pendingAckCount(): number {
    return this.#acks?.size ?? 0;
  }

  /** AdapterSocket: a description that can cross processes. */
  describe(): SocketDescription {
    return { id: this.id, rooms: [...this.rooms], data: this.data, handshake: handshakeData(this.handshake) };
  }

  /** @internal Called by the namespace once the connect hook accepted: sends CONNECT, then what was held back. */
  onConnected(): void {
    this.#state = 'connected';
    const recovery = this.#recovery;
    // The CONNECT carries the private session id when recovery is on: socket.io-client sends it back to recover.
    // A v2 client's CONNECT has no payload: it computes its id itself.
    const data = this.client.isV2
      ? undefined
      : recovery === null
        ? { sid: this.id }
        : { sid: this.id, pid: recovery.pid };
    this.client.writePacket({ type: PacketType.CONNECT, nsp: this.nsp.name, data });
    const held = this.#heldBack;
    this.#heldBack = null;
    if (held !== null) for (const frames of held) this.client.write(frames, false);
  }

  /** @internal Routes a decoded packet addressed to this socket's namespace. */
  onPacket(packet: Packet): void {
    switch (packet.type) {
      case PacketType.EVENT:
      case PacketType.BINARY_EVENT:
        this.#onEvent(packet);
        break;
      case PacketType.ACK:
      case PacketType.BINARY_ACK:
        this.#onAck(packet);
        break;
      case PacketType.DISCONNECT:
        this.onClose('client namespace disconnect');
        break;
      default:
        // CONNECT for a namespace already joined, or CONNECT_ERROR (server-to-client only): ignored.
        break;
    }
  }

  /** @internal Ends the socket once: leaves its rooms, runs the disconnect hook and listeners, fails pending acks. */
  onClose(reason: DisconnectReason): void {
    if (this.#state === 'disconnected') return;
    const wasConnected = this.#state === 'connected';
    this.#state = 'disconnected';
    this.#heldBack = null;
    // The type parameters type the public API only: the layers below hold every socket alike.
    this.client.remove(this as unknown as Socket);
    if (wasConnected) this.#emitLocal('disconnecting', reason);
    if (wasConnected && this.#recovery !== null && RECOVERABLE_REASONS.has(reason)) this.#persist();
    this.nsp.remove(this as unknown as Socket, reason, wasConnected);
    this.#failPendingAcks();
    if (wasConnected) this.#emitLocal('disconnect', reason);
  }

  /** AdapterSocket: the session this socket would leave now, or null when recovery is off. */
  sessionState(): SessionToPersist | null {
    const recovery = this.#recovery;
    if (recovery === null) return null;
    return {
      sid: this.id,
      pid: recovery.pid,
      rooms: [...this.rooms],
      data: this.#data ?? {},
      firstOffset: recovery.firstOffset,
      lastOffset: recovery.lastOffset,
    };
  }

  /** Hands the session to the adapter, with the rooms it is still in (the disconnect hook has not left them yet). */
  #persist(): void {
    const state = this.sessionState();
    if (state === null) return;
    try {
      this.nsp.adapter.persistSession?.(state);
    } catch (err) {
      this.nsp.server.logError(`saving the session of ${this.id} in ${this.nsp.name} failed`, err);
    }
  }

  #onEvent(packet: Packet): void {
    // The decoded array is this packet's own: the event name comes off its front and the rest are the arguments.
    const args = packet.data as unknown[];
    const event = args.shift() as string;
    const ack = packet.id === undefined ? null : this.#createAck(packet.id);
    const middlewares = this.#packetMiddlewares;
    if (middlewares === null) dispatchEvent(this.nsp, this as unknown as Socket, event, args, ack);
    else runPacketMiddlewares(this.nsp, this as unknown as Socket, middlewares, event, args, ack);
  }

  #onAck(packet: Packet): void {
    const id = packet.id;
    if (id === undefined || this.#acks === null) return;
    const pending = this.#acks.get(id);
    if (pending === undefined) return;
    this.#acks.delete(id);
    if (pending.timer !== null) clearTimeout(pending.timer);
    if (pending.event !== undefined) this.nsp.metricsProbe?.ackSettled(this.nsp.name, pending.event, false);
    const args = packet.data as unknown[];
    if (pending.isErrorFirst) pending.callback(null, ...args);
    else pending.callback(...args);
  }

  #createAck(id: number): AckCallback {
    let isSent = false;
    return (...args: unknown[]) => {
      if (isSent || this.#state === 'disconnected') return;
      isSent = true;
      this.client.writePacket({ type: PacketType.ACK, nsp: this.nsp.name, id, data: args });
    };
  }

  #emitWithAck(event: string, args: unknown[], timeoutMs: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.#state === 'disconnected') {
        reject(new DisconnectedError(`socket ${this.id} of ${this.nsp.name} is disconnected`));
        return;
      }
      assertEmittable(event);
      const id = this.registerAck(
        (err: unknown, ...answer: unknown[]) => {
          // An error-first ack fails only with an AckTimeoutError or a DisconnectedError (see registerAck).
          const error = err as Error | null;
          if (error) reject(error);
          else resolve(answer.length > 1 ? answer : answer[0]);
        },
        timeoutMs > 0 ? timeoutMs : undefined,
        true,
        event,
      );
      if (this.#anyOutgoing !== null) this.#notifyOutgoing(event, args);
      this.#writeFlagged(
        this.client.encode({ type: PacketType.EVENT, nsp: this.nsp.name, id, data: [event, ...args] }),
      );
    });
  }

  #failPendingAcks(): void {
    const acks = this.#acks;
    if (acks === null) return;
    this.#acks = null;
    for (const pending of acks.values()) {
      if (pending.timer !== null) clearTimeout(pending.timer);
      if (pending.isErrorFirst)
        pending.callback(new DisconnectedError(`socket ${this.id} of ${this.nsp.name} disconnected before answering`));
    }
  }

  #notifyOutgoing(event: string, args: readonly unknown[]): void {
    callCatchAll(this.#anyOutgoing!, event, args, `outgoing catch-all listener of ${this.nsp.name}`, (message, err) =>
      this.nsp.server.logError(message, err),
    );
  }

  #notifyOutgoingFrames(frames: readonly EngineData[]): void {
    const packet = decodeEncoded(frames);
    if (packet === null || !Array.isArray(packet.data)) return;
    const [event, ...args] = packet.data as unknown[];
    if (typeof event === 'string') this.#notifyOutgoing(event, args);
  }

  /** The listener as registered, behind what the binder made of it. */
  #originalOf(call: CatchAllListener): CatchAllListener {
    return (this.#bound?.get(call as Listener) as CatchAllListener | undefined) ?? call;
  }

  /** What the socket calls for `listener`: the server's binder decides (see `ListenerBinder`). */
  #bind(event: string | null, listener: Listener): Listener {
    const binder = this.nsp.server.listenerBinder;
    const call = binder === null ? listener : binder(this as unknown as Socket, event, listener);
    if (call !== listener) (this.#bound ??= new WeakMap()).set(call, listener);
    return call;
  }

  #emitLocal(event: 'disconnecting' | 'disconnect', reason: DisconnectReason): void {
    const list = this.#listeners?.get(event);
    if (list === undefined) return;
    for (const listener of [...list]) {
      try {
        const result = listener(reason);
        if (isThenable(result)) {
          result.then(undefined, (err: unknown) =>
            this.nsp.server.logError(`"${event}" listener of ${this.nsp.name} failed`, err),
          );
        }
      } catch (err) {
        this.nsp.server.logError(`"${event}" listener of ${this.nsp.name} threw`, err);
      }
    }
  }
}

/** The acknowledged emit of `socket.timeout(ms)`, for the server-to-client events map `E`. */
export interface TimedSocketEmitter<E extends EventsMap = DefaultEventsMap> {
  /** The callback (last argument) is error-first: `(err, ...answer)`. */
  emit<K extends EventNamesWithAck<E>>(event: K, ...args: ErrorFirstAckArgs<EventParams<E, K>>): boolean;
  /** Resolves with the answer (see {@link Socket.emitWithAck}), rejects with `AckTimeoutError` after the timeout. */
  emitWithAck<K extends EventNamesWithAck<E>>(event: K, ...args: AckEmitArgs<E, K>): Promise<AckResult<E, K>>;
}

const NO_ROOMS: ReadonlySet<string> = new Set();

const FLAG_VOLATILE = 1;
const FLAG_UNCOMPRESSED = 2;
/** The operator flags of each combination of the socket's flags (index: the flag bits). */
const OPERATOR_FLAGS: readonly BroadcastFlags[] = [
  Object.freeze({}),
  Object.freeze({ volatile: true }),
  Object.freeze({ compress: false }),
  Object.freeze({ volatile: true, compress: false }),
];
const NO_FLAGS = Object.freeze({});
