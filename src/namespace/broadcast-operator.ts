import { PacketType, type Packet } from '../protocol/packet';
import { AckTimeoutError } from '../errors';
import type { Adapter, BroadcastFlags, BroadcastOptions, SocketDescription } from '../adapter/adapter';
import type { Instrumentation } from './instrumentation';
import { assertEmittable } from './util';
import type {
  AckEmitArgs,
  AckResult,
  BroadcastAckArgs,
  DefaultEventsMap,
  EventNames,
  EventNamesWithAck,
  EventParams,
  EventsMap,
} from './typed-events';

const NONE: ReadonlySet<string> = new Set();
const NO_FLAGS: BroadcastFlags = Object.freeze({});

/**
 * A target for a broadcast: some rooms (all sockets when none), minus some rooms or sids, with flags. Immutable:
 * each `to`/`except`/`timeout` returns a new operator, so one can be kept and reused (as `io.to('room')` is; a
 * namespace keeps one for its plain `emit`). Its adapter options are built once, so emitting through an operator
 * allocates only the packet, never another operator.
 *
 * `EmitEvents` is the server-to-client events map that `emit` checks, `SocketData` the type of the sockets' `data`
 * that `fetchSockets` describes (Socket.IO's type parameters).
 *
 * @example
 * server.of('/chat').to('room1').except(sid).emit('news', { text: 'hello' });
 */
export class BroadcastOperator<EmitEvents extends EventsMap = DefaultEventsMap, SocketData = Record<string, unknown>> {
  /** The adapter's view of this target, built once per operator. */
  readonly options: BroadcastOptions;
  readonly #nsp: BroadcastHost;

  constructor(nsp: BroadcastHost, rooms = NONE, except = NONE, flags = NO_FLAGS) {
    this.#nsp = nsp;
    this.options = { rooms, except, flags };
  }

  get rooms(): ReadonlySet<string> {
    return this.options.rooms;
  }

  get exceptRooms(): ReadonlySet<string> {
    return this.options.except;
  }

  get flags(): BroadcastFlags {
    return this.options.flags;
  }

  /** Targets the sockets in a room (or rooms); calls add up. */
  to(room: string | readonly string[]): BroadcastOperator<EmitEvents, SocketData> {
    return new BroadcastOperator(this.#nsp, union(this.rooms, room), this.exceptRooms, this.flags);
  }

  in(room: string | readonly string[]): BroadcastOperator<EmitEvents, SocketData> {
    return this.to(room);
  }

  /** Leaves out the sockets of a room (or rooms); a sid works, as every socket is in its own sid room. */
  except(room: string | readonly string[]): BroadcastOperator<EmitEvents, SocketData> {
    return new BroadcastOperator(this.#nsp, this.rooms, union(this.exceptRooms, room), this.flags);
  }

  /** Sets how long an acknowledged broadcast waits for the answers. */
  timeout(ms: number): BroadcastOperator<EmitEvents, SocketData> {
    return new BroadcastOperator(this.#nsp, this.rooms, this.exceptRooms, { ...this.flags, timeout: ms });
  }

  /** Only the clients of this process (with a cluster adapter). */
  get local(): BroadcastOperator<EmitEvents, SocketData> {
    return new BroadcastOperator(this.#nsp, this.rooms, this.exceptRooms, { ...this.flags, local: true });
  }

  /**
   * Drops the packet for each client whose transport cannot write it at once: a polling client with no GET
   * waiting, a websocket with bytes still queued behind the network.
   */
  get volatile(): BroadcastOperator<EmitEvents, SocketData> {
    return new BroadcastOperator(this.#nsp, this.rooms, this.exceptRooms, { ...this.flags, volatile: true });
  }

  /**
   * `compress(false)` sends the packet uncompressed even where permessage-deflate or HTTP compression would
   * compress it (a payload that is already compressed, or too small to gain). Default `true`.
   */
  compress(shouldCompress: boolean): BroadcastOperator<EmitEvents, SocketData> {
    return new BroadcastOperator(this.#nsp, this.rooms, this.exceptRooms, { ...this.flags, compress: shouldCompress });
  }

  /**
   * Emits to every targeted socket. With a function as the last argument, every recipient is asked for an ack
   * and the function receives `(err, answers)` once all answered or the timeout passed (`err` is then an
   * `AckTimeoutError` and `answers` holds those that came).
   */
  emit<K extends EventNames<EmitEvents>>(event: K, ...args: BroadcastAckArgs<EventParams<EmitEvents, K>>): boolean {
    return this.emitList(event, args);
  }

  /**
   * @internal `emit` with the arguments as an array the operator takes over (it becomes the packet's data), so
   * that the namespace's shortcuts pass their rest arguments on without spreading them again.
   */
  emitList(event: string, args: unknown[]): boolean {
    assertEmittable(event);
    // Reading index -1 of an empty array is a slow named-property lookup: check the length first.
    const last = args.length === 0 ? undefined : args[args.length - 1];
    if (typeof last === 'function') {
      args.pop();
      this.#emitWithAck(event, args, last as (err: Error | null, answers: unknown[]) => void);
      return true;
    }
    args.unshift(event);
    const packet: Packet = { type: PacketType.EVENT, nsp: this.#nsp.name, data: args };
    this.#nsp.metricsProbe?.broadcast(this.#nsp.name);
    this.#nsp.adapter.broadcast(packet, this.options);
    return true;
  }

  /**
   * Emits and resolves with every recipient's answer (each one's single argument, or all of them when several);
   * rejects with `AckTimeoutError` if some did not answer in time.
   */
  emitWithAck<K extends EventNamesWithAck<EmitEvents>>(
    event: K,
    ...args: AckEmitArgs<EmitEvents, K>
  ): Promise<AckResult<EmitEvents, K>[]> {
    return new Promise((resolve, reject) => {
      this.emitList(event, [
        ...args,
        (err: Error | null, answers: AckResult<EmitEvents, K>[]) => (err ? reject(err) : resolve(answers)),
      ]);
    });
  }

  /** Emits the unnamed event `message`. */
  send(...args: unknown[]): boolean {
    return this.emitList('message', args);
  }

  /** Makes the targeted sockets join rooms (across the cluster). */
  socketsJoin(rooms: string | readonly string[]): void {
    this.#nsp.metricsProbe?.adapterCommand(this.#nsp.name, 'socketsJoin');
    this.#nsp.adapter.addSockets(this.options, typeof rooms === 'string' ? [rooms] : rooms);
  }

  /** Makes the targeted sockets leave rooms (across the cluster). */
  socketsLeave(rooms: string | readonly string[]): void {
    this.#nsp.metricsProbe?.adapterCommand(this.#nsp.name, 'socketsLeave');
    this.#nsp.adapter.delSockets(this.options, typeof rooms === 'string' ? [rooms] : rooms);
  }

  /** Disconnects the targeted sockets, or closes their whole connections when `close`. */
  disconnectSockets(close = false): void {
    this.#nsp.metricsProbe?.adapterCommand(this.#nsp.name, 'disconnectSockets');
    this.#nsp.adapter.disconnectSockets(this.options, close);
  }

  /** Describes the targeted sockets (across the cluster). */
  fetchSockets(): Promise<SocketDescription<SocketData>[]> {
    // The adapter describes any socket; `SocketData` is the application's word for what their `data` holds.
    const pending = this.#nsp.adapter.fetchSockets(this.options) as Promise<SocketDescription<SocketData>[]>;
    const probe = this.#nsp.metricsProbe;
    return probe === null ? pending : probe.adapterRequest(this.#nsp.name, 'fetchSockets', pending);
  }

  /** The sids of the targeted sockets (across the cluster). */
  async allSockets(): Promise<Set<string>> {
    if (this.exceptRooms.size === 0) {
      const pending = this.#nsp.adapter.sockets(this.rooms);
      const probe = this.#nsp.metricsProbe;
      return probe === null ? pending : probe.adapterRequest(this.#nsp.name, 'allSockets', pending);
    }
    return new Set((await this.fetchSockets()).map((socket) => socket.id));
  }

  /**
   * @internal Broadcasts asking for acks and calls `callback(err, answers)` once, with each recipient's ack
   * arguments as received, when all answered or the timeout passed.
   */
  collectAcks(event: string, args: unknown[], callback: (err: Error | null, answers: unknown[][]) => void): void {
    const answers: unknown[][] = [];
    let expected = -1;
    let isDone = false;
    const timeoutMs = this.flags.timeout;
    const probe = this.#nsp.metricsProbe;
    const finish = (err: Error | null) => {
      if (isDone) return;
      isDone = true;
      if (timer !== null) clearTimeout(timer);
      if (err !== null) probe?.ackSettled(this.#nsp.name, event, true);
      callback(err, answers);
    };
    const timer =
      timeoutMs === undefined
        ? null
        : setTimeout(
            () =>
              finish(
                new AckTimeoutError(`broadcast of "${event}" in ${this.#nsp.name} timed out after ${timeoutMs} ms`),
              ),
            timeoutMs,
          );
    const packet: Packet = { type: PacketType.EVENT, nsp: this.#nsp.name, data: [event, ...args] };
    probe?.broadcast(this.#nsp.name);
    this.#nsp.adapter.broadcastWithAck(
      packet,
      this.options,
      (count) => {
        expected = count;
        if (answers.length >= expected) finish(null);
      },
      (answer) => {
        probe?.ackSettled(this.#nsp.name, event, false);
        answers.push(answer);
        if (expected !== -1 && answers.length >= expected) finish(null);
      },
    );
  }

  #emitWithAck(event: string, args: unknown[], callback: (err: Error | null, answers: unknown[]) => void): void {
    this.collectAcks(event, args, (err, answers) =>
      callback(
        err,
        answers.map((answer) => (answer.length > 1 ? answer : answer[0])),
      ),
    );
  }
}

/** What an operator uses of its namespace: a `ServerNamespace`, whatever its type parameters. */
export interface BroadcastHost {
  readonly name: string;
  readonly adapter: Adapter;
  /** @internal The namespace's metrics probe, or null (see `ServerNamespace.metricsProbe`). */
  readonly metricsProbe: Instrumentation | null;
}

/**
 * A set of rooms (or sids) for the operator's constructor, and for a socket's recovery target. Filled by `add()`
 * (see `union`), which keeps its table small: on Node 24 `new Set([sid])` takes 232 bytes against 152.
 */
export function roomSet(rooms: string | readonly string[]): ReadonlySet<string> {
  return union(NONE, rooms);
}

function union(set: ReadonlySet<string>, more: string | readonly string[]): ReadonlySet<string> {
  const result = new Set(set);
  if (typeof more === 'string') result.add(more);
  else for (const room of more) result.add(room);
  return result;
}
