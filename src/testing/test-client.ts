import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import type { EngineCloseReason, EngineData } from '../engine/types';
import type { Server } from '../server';
import { DisconnectedError } from '../errors';
import { checkParser, createCustomEncoder, type PacketEncoder, type ParserDecoder } from '../protocol/custom-parser';
import type { Packet as ClassioPacket } from '../protocol/packet';
import { MemoryEngineConnection, type MemoryPeer, type MemoryRequestOptions } from './memory-connection';
import { TestClientNamespace } from './test-client-namespace';
import type { AckResponder, ReceivedPacket, TestClientOptions, TestConnectError } from './types';
import type {
  AckEmitArgs,
  AckParams,
  ArgsWithoutAck,
  DefaultEventsMap,
  EventNames,
  EventNamesWithAck,
  EventParams,
  EventsMap,
} from '../namespace/typed-events';

type NamespaceState = 'connecting' | 'connected' | 'refused' | 'disconnected';

/** Per-namespace bookkeeping, as socket.io-client keeps one Socket per namespace on a Manager. */
interface NamespaceSlot {
  state: NamespaceState;
  sid: string | undefined;
  connectError: TestConnectError | undefined;
  disconnectReason: string | undefined;
  /** Packets emitted while connecting; sent once the CONNECT arrives (socket.io-client buffers the same way). */
  buffer: Packet[];
  /** Settles the pending `connect()` promise. */
  settle: ((accepted: boolean) => void) | undefined;
  /** Pending client-to-server acks by id. */
  acks: Map<number, { resolve: (args: unknown[]) => void; reject: (err: Error) => void }>;
  /** The CONNECT payload, sent again on a reconnect. */
  auth: Record<string, unknown> | undefined;
  /** Connection state recovery, as socket.io-client keeps it: the server's pid and the last offset received. */
  pid: string | undefined;
  lastOffset: string | undefined;
  recovered: boolean;
}

interface Waiter {
  readonly name: string;
  readonly namespace: string;
  readonly resolve: (packet: ReceivedPacket) => void;
}

const encoder = new Encoder();

/** The default parser's encoding: socket.io-parser's own encoder, as socket.io-client uses it. */
function encodeDefault(packet: ClassioPacket): EngineData[] {
  return encoder.encode(packet) as EngineData[];
}

/** Default time {@link TestClient.waitFor} waits before rejecting. */
const DEFAULT_WAIT_MS = 5000;

/**
 * An in-process Socket.IO client for tests (Flask-SocketIO's `SocketIOTestClient`, improved). It speaks to the real
 * server through socket.io-parser's encoder and decoder and the real namespace runtime, over an in-memory
 * {@link MemoryEngineConnection} (an `EngineConnection`): no port, no HTTP, no heartbeat.
 *
 * Server writes are delivered synchronously, so after `emit()` of an event whose handler answers synchronously the
 * answer is already in {@link TestClient.getReceived}. For handlers that await, use {@link TestClient.waitFor} or
 * {@link TestClient.emitWithAck}.
 *
 * @example
 * import { TestClient } from 'classio/testing';
 *
 * const client = new TestClient(server, '/chat', { auth: { token: 'let-me-in' } });
 * await client.ready;                                   // false when refused: see client.connectError()
 * const [answer] = await client.emitWithAck('set_name', 'alice');
 *
 * The type parameters are socket.io-client's, the server's maps seen from the other side: `ListenEvents` what the
 * server sends, `EmitEvents` what the client sends. A typed `Server` gives them (`new TestClient(server)`), or they
 * are named (`new TestClient<ServerToClientEvents, ClientToServerEvents>(server)`); the defaults are untyped.
 */
export class TestClient<
  ListenEvents extends EventsMap = DefaultEventsMap,
  EmitEvents extends EventsMap = DefaultEventsMap,
> implements MemoryPeer {
  /** The namespace used when a method is called without one. */
  readonly namespace: string;
  #conn: MemoryEngineConnection;
  /** Only its in-process entry is used, whatever the server's type parameters. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as for the constructor's parameter
  readonly #server: Server<EmitEvents, ListenEvents, any, any>;
  readonly #request: MemoryRequestOptions;
  readonly #decoder: ParserDecoder;
  readonly #encode: PacketEncoder;
  readonly #slots = new Map<string, NamespaceSlot>();
  /** What the server sent, held untyped: the public methods give it the events map's types. */
  readonly #received: ReceivedPacket[] = [];
  readonly #waiters: Waiter[] = [];
  readonly #onAck: AckResponder | undefined;
  #nextAckId = 0;
  /** Settles once the first namespace's CONNECT is answered: true when accepted. */
  readonly ready: Promise<boolean>;

  /**
   * Opens an in-memory connection to `server` and starts connecting to `namespace` at once; `await client.ready`
   * for the answer. `server.close()` shuts the connection down with the server's other sessions.
   */
  constructor(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any server-side map and data type will do
    server: Server<EmitEvents, ListenEvents, any, any>,
    namespace = '/',
    options: TestClientOptions<ListenEvents> = {},
  ) {
    this.namespace = namespace;
    this.#onAck = options.onAck;
    this.#server = server;
    this.#request = { headers: options.headers, query: options.query, remoteAddress: options.remoteAddress };
    this.#conn = new MemoryEngineConnection(this, this.#request);
    if (options.parser !== undefined) checkParser(options.parser);
    const parser = options.parser ?? server.parser;
    this.#encode = parser === null ? encodeDefault : createCustomEncoder(parser);
    this.#decoder = parser === null ? new Decoder() : new parser.Decoder();
    this.#decoder.on('decoded', (packet: ClassioPacket) => this.#onPacket(packet));
    server.acceptConnection(this.#conn);
    this.ready = this.connect(namespace, { auth: options.auth });
  }

  /** The engine-level session id. */
  get engineId(): string {
    return this.#conn.id;
  }

  /**
   * Connects a namespace on this client (Socket.IO multiplexes namespaces over one connection). Resolves `true`
   * when accepted, `false` when refused (see {@link connectError}).
   */
  connect(namespace = this.namespace, options: { auth?: Record<string, unknown> } = {}): Promise<boolean> {
    const current = this.#slots.get(namespace);
    if (current?.state === 'connected') return Promise.resolve(true);
    const slot: NamespaceSlot = {
      state: 'connecting',
      sid: undefined,
      connectError: undefined,
      disconnectReason: undefined,
      buffer: [],
      settle: undefined,
      acks: new Map(),
      auth: options.auth,
      pid: current?.pid,
      lastOffset: current?.lastOffset,
      recovered: false,
    };
    this.#slots.set(namespace, slot);
    const settled = new Promise<boolean>((resolve) => {
      slot.settle = resolve;
    });
    const packet: Packet = { type: PacketType.CONNECT, nsp: namespace };
    // As socket.io-client 4.8 does, a client that got a pid asks to recover with it and its last offset.
    const auth = slot.pid === undefined ? options.auth : { pid: slot.pid, offset: slot.lastOffset, ...options.auth };
    if (auth !== undefined) packet.data = auth;
    this.#write(packet);
    return settled;
  }

  /**
   * Simulates a lost transport (a network drop, not a disconnect): the server sees `transport close` and, with
   * `connectionStateRecovery` on, keeps the session. Every namespace of this client is disconnected with reason
   * `transport close`; {@link reconnect} comes back.
   */
  dropTransport(): void {
    this.#conn.hangUp();
    this.#closeAll('transport close');
  }

  /**
   * Opens a new connection after {@link dropTransport} (or a server-side close) and connects again every namespace
   * that lost its transport, with its auth and, as socket.io-client does, its pid and last offset: with recovery
   * on, the server restores the session (see {@link recovered}). Resolves as {@link ready} does, for the default
   * namespace.
   */
  reconnect(): Promise<boolean> {
    if (this.#conn.readyState === 'open') this.dropTransport();
    this.#conn = new MemoryEngineConnection(this, this.#request);
    this.#server.acceptConnection(this.#conn);
    let main: Promise<boolean> = Promise.resolve(false);
    for (const [namespace, slot] of [...this.#slots]) {
      if (slot.state !== 'disconnected' || slot.disconnectReason !== 'transport close') continue;
      const connected = this.connect(namespace, { auth: slot.auth });
      if (namespace === this.namespace) main = connected;
    }
    return main;
  }

  /** Whether the namespace's last connect recovered its session (socket.io-client's `socket.recovered`). */
  recovered(namespace = this.namespace): boolean {
    return this.#slots.get(namespace)?.recovered ?? false;
  }

  /** Leaves a namespace (client-side DISCONNECT); the engine connection stays open for the others. */
  disconnect(namespace = this.namespace): void {
    const slot = this.#slots.get(namespace);
    if (slot === undefined || (slot.state !== 'connected' && slot.state !== 'connecting')) return;
    this.#write({ type: PacketType.DISCONNECT, nsp: namespace });
    this.#markDisconnected(namespace, slot, 'io client disconnect');
  }

  /** Closes the whole connection, as a closed browser tab does (the server sees `transport close`). */
  close(): void {
    this.#conn.hangUp();
    this.#closeAll('io client disconnect');
  }

  /** Whether the namespace's CONNECT was accepted and it has not disconnected since. */
  isConnected(namespace = this.namespace): boolean {
    return this.#slots.get(namespace)?.state === 'connected';
  }

  /** The namespace's sid, once connected. */
  id(namespace = this.namespace): string | undefined {
    return this.#slots.get(namespace)?.sid;
  }

  /** The refusal of the namespace's last CONNECT, if it was refused. */
  connectError(namespace = this.namespace): TestConnectError | undefined {
    return this.#slots.get(namespace)?.connectError;
  }

  /** Why the namespace was disconnected (`io server disconnect`, `io client disconnect`, `transport close`). */
  disconnectReason(namespace = this.namespace): string | undefined {
    return this.#slots.get(namespace)?.disconnectReason;
  }

  /** Emits an event on the default namespace (without an ack: see {@link emitWithAck}). */
  emit<K extends EventNames<EmitEvents>>(event: K, ...args: ArgsWithoutAck<EventParams<EmitEvents, K>>): this {
    this.#emitOn(this.namespace, event, args, undefined);
    return this;
  }

  /** Emits an event on the default namespace and resolves with the arguments of the server's ack. */
  emitWithAck<K extends EventNamesWithAck<EmitEvents>>(
    event: K,
    ...args: AckEmitArgs<EmitEvents, K>
  ): Promise<AckParams<EmitEvents, K>> {
    return this.#emitWithAckOn(this.namespace, event, args) as Promise<AckParams<EmitEvents, K>>;
  }

  /** A view of another namespace of this client, with the same events maps unless others are named. */
  of<L extends EventsMap = ListenEvents, E extends EventsMap = EmitEvents>(
    namespace: string,
  ): TestClientNamespace<L, E> {
    // The same client: the other namespace's maps are the caller's word for its events.
    return new TestClientNamespace(this as unknown as TestClient<L, E>, namespace);
  }

  /** Emits on a given namespace (what {@link of} uses). */
  emitTo<K extends EventNames<EmitEvents>>(
    namespace: string,
    event: K,
    ...args: ArgsWithoutAck<EventParams<EmitEvents, K>>
  ): this {
    this.#emitOn(namespace, event, args, undefined);
    return this;
  }

  /** Emits on a given namespace and resolves with the ack's arguments. */
  emitWithAckTo<K extends EventNamesWithAck<EmitEvents>>(
    namespace: string,
    event: K,
    ...args: AckEmitArgs<EmitEvents, K>
  ): Promise<AckParams<EmitEvents, K>> {
    return this.#emitWithAckOn(namespace, event, args) as Promise<AckParams<EmitEvents, K>>;
  }

  /** Returns the events received on a namespace since the last call, and forgets them. */
  getReceived(namespace = this.namespace): ReceivedPacket<ListenEvents>[] {
    const taken: ReceivedPacket[] = [];
    for (let i = 0; i < this.#received.length;) {
      if (this.#received[i].namespace === namespace) taken.push(...this.#received.splice(i, 1));
      else i++;
    }
    return taken as ReceivedPacket<ListenEvents>[];
  }

  /**
   * Resolves with the next `event` on the namespace, taking it from the received list (already received or still
   * to come). Rejects after `timeout` ms (default 5000) with a message naming what was awaited.
   */
  waitFor<K extends EventNames<ListenEvents>>(
    event: K,
    options: { namespace?: string; timeout?: number } = {},
  ): Promise<ReceivedPacket<ListenEvents, K>> {
    // The packet found or awaited is named `event`: the map's event `K`, typed as the map says.
    return this.#waitFor(event, options) as Promise<unknown> as Promise<ReceivedPacket<ListenEvents, K>>;
  }

  #waitFor(event: string, options: { namespace?: string; timeout?: number }): Promise<ReceivedPacket> {
    const namespace = options.namespace ?? this.namespace;
    const index = this.#received.findIndex((p) => p.name === event && p.namespace === namespace);
    if (index !== -1) return Promise.resolve(this.#received.splice(index, 1)[0]);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        name: event,
        namespace,
        resolve: (packet) => {
          clearTimeout(timer);
          resolve(packet);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        reject(
          new Error(
            `test client: no "${event}" on namespace ${namespace} within ${options.timeout ?? DEFAULT_WAIT_MS} ms`,
          ),
        );
      }, options.timeout ?? DEFAULT_WAIT_MS);
      this.#waiters.push(waiter);
    });
  }

  /** @internal MemoryPeer: one message from the server. */
  receive(data: EngineData): void {
    try {
      this.#decoder.add(data);
    } catch (err) {
      // A packet the official client could not decode either: fail loudly in the test rather than hide it.
      process.nextTick(() => {
        throw err;
      });
    }
  }

  /** @internal MemoryPeer: the server closed the connection. */
  closed(reason: EngineCloseReason): void {
    // socket.io-client reports a server-side close of the connection as `io server disconnect`, and a server that
    // went away as `transport close`.
    this.#closeAll(reason === 'forced close' ? 'io server disconnect' : 'transport close');
  }

  #emitOn(namespace: string, event: string, args: unknown[], id: number | undefined): void {
    const slot = this.#slots.get(namespace);
    if (slot === undefined || slot.state === 'refused' || slot.state === 'disconnected') {
      throw new DisconnectedError(`test client: namespace ${namespace} is not connected (emit "${event}")`);
    }
    const packet: Packet = { type: PacketType.EVENT, nsp: namespace, data: [event, ...args] };
    if (id !== undefined) packet.id = id;
    if (slot.state === 'connecting') slot.buffer.push(packet);
    else this.#write(packet);
  }

  #emitWithAckOn(namespace: string, event: string, args: unknown[]): Promise<unknown[]> {
    const slot = this.#slots.get(namespace);
    const id = this.#nextAckId++;
    return new Promise((resolve, reject) => {
      slot?.acks.set(id, { resolve, reject });
      try {
        this.#emitOn(namespace, event, args, id);
      } catch (err) {
        slot?.acks.delete(id);
        reject(err);
      }
    });
  }

  #write(packet: Packet): void {
    for (const frame of this.#encode(packet)) this.#conn.deliver(frame);
  }

  #onPacket(packet: Packet): void {
    const slot = this.#slots.get(packet.nsp);
    if (slot === undefined) return;
    switch (packet.type) {
      case PacketType.CONNECT: {
        const body = packet.data as { sid?: string; pid?: string } | undefined;
        slot.state = 'connected';
        slot.sid = body?.sid;
        slot.recovered = body?.pid !== undefined && body.pid === slot.pid;
        slot.pid = body?.pid;
        this.#flushBuffer(slot);
        slot.settle?.(true);
        slot.settle = undefined;
        break;
      }
      case PacketType.CONNECT_ERROR: {
        const body = packet.data as { message?: string; data?: unknown } | undefined;
        slot.connectError =
          body?.data === undefined
            ? { message: String(body?.message ?? '') }
            : { message: String(body?.message ?? ''), data: body.data };
        this.#markDisconnected(packet.nsp, slot, 'connect_error', 'refused');
        break;
      }
      case PacketType.DISCONNECT:
        this.#markDisconnected(packet.nsp, slot, 'io server disconnect');
        break;
      case PacketType.EVENT:
      case PacketType.BINARY_EVENT:
        // As socket.io-client does, a namespace that is not connected drops events.
        if (slot.state === 'connected') this.#onEvent(packet, slot);
        break;
      case PacketType.ACK:
      case PacketType.BINARY_ACK: {
        const pending = packet.id === undefined ? undefined : slot.acks.get(packet.id);
        if (pending === undefined) return;
        slot.acks.delete(packet.id as number);
        pending.resolve(packet.data as unknown[]);
        break;
      }
    }
  }

  #onEvent(packet: Packet, slot: NamespaceSlot): void {
    const [name, ...args] = packet.data as [string, ...unknown[]];
    // With recovery on, a stored packet's last argument is its offset: kept, and left in `args` as socket.io-client
    // leaves it for its listeners.
    const last = args.length === 0 ? undefined : args[args.length - 1];
    if (slot.pid !== undefined && typeof last === 'string') slot.lastOffset = last;
    const received: ReceivedPacket = { name, args, namespace: packet.nsp };
    if (packet.id !== undefined) {
      const id = packet.id;
      let isAnswered = false;
      Object.defineProperty(received, 'ack', {
        enumerable: false,
        value: (...answer: unknown[]) => {
          if (isAnswered || !this.isConnected(packet.nsp)) return;
          isAnswered = true;
          this.#write({ type: PacketType.ACK, nsp: packet.nsp, id, data: answer });
        },
      });
      if (this.#onAck !== undefined) this.#answerLater(received);
    }
    const waiter = this.#waiters.findIndex((w) => w.name === name && w.namespace === packet.nsp);
    if (waiter !== -1) this.#waiters.splice(waiter, 1)[0].resolve(received);
    else this.#received.push(received);
  }

  /**
   * Automatic ack answers leave the server's current call stack first: a real client cannot answer inside the
   * server's write, and answering there would re-enter the server's dispatch.
   */
  #answerLater(received: ReceivedPacket): void {
    const responder = this.#onAck as AckResponder;
    queueMicrotask(() => {
      void Promise.resolve(responder(received)).then((answer) => {
        if (answer !== undefined) received.ack?.(...answer);
      });
    });
  }

  #flushBuffer(slot: NamespaceSlot): void {
    const buffered = slot.buffer;
    slot.buffer = [];
    if (buffered.length === 0) return;
    // Sent after the server finishes writing the CONNECT, as a client that received it over a wire would.
    queueMicrotask(() => {
      for (const packet of buffered) this.#write(packet);
    });
  }

  #markDisconnected(
    namespace: string,
    slot: NamespaceSlot,
    reason: string,
    state: NamespaceState = 'disconnected',
  ): void {
    slot.state = state;
    slot.disconnectReason = reason;
    slot.buffer = [];
    slot.settle?.(false);
    slot.settle = undefined;
    const acks = [...slot.acks.values()];
    slot.acks.clear();
    for (const pending of acks) {
      pending.reject(
        new DisconnectedError(`test client: namespace ${namespace} disconnected (${reason}) before the ack`),
      );
    }
  }

  #closeAll(reason: string): void {
    for (const [namespace, slot] of this.#slots) {
      if (slot.state === 'connected' || slot.state === 'connecting') this.#markDisconnected(namespace, slot, reason);
    }
  }
}
