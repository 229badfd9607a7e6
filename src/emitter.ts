/**
 * `classio/emitter`: emits to a classio cluster from a process that is not a server. A separate entry, so that such a
 * process loads neither the server nor its peers, and a server never loads ioredis for it.
 */
import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { checkRedisUrl, loadRedis } from './adapter/redis/redis-url';
import {
  broadcastChannel,
  encodeBroadcast,
  encodeSocketIo,
  RequestType,
  socketIoChannels,
} from './adapter/redis/socket-io-wire';
import { encodeMessage, MessageType, requestChannel, type WireMessage } from './adapter/wire';
import { ConfigurationError } from './errors';
import { encodePacket, PacketType } from './protocol/packet';
import { checkParser, createCustomEncoder, type PacketEncoder, type Parser } from './protocol/custom-parser';
import { type EmitOptions, splitOptions } from './runtime/emit-options';
import type { ArgsWithoutAck, DefaultEventsMap, EventNames, EventParams, EventsMap } from './namespace/typed-events';

// The emit options wrapper, so that an emitting process needs nothing from `classio` itself.
export { emitOptions, type EmitOptions, type EmitOptionsInit } from './runtime/emit-options';

/** Options of {@link Emitter}. */
export interface EmitterOptions {
  /** The servers' `messageQueue` URL, `redis://host:port/db`. Required. */
  messageQueue: string;
  /** The servers' `channel` option (in the `socket.io` format, Socket.IO's `key`). Default `classio`, or `socket.io`. */
  channel?: string;
  /**
   * The servers' wire format (`createRedisAdapter`'s `format`): `classio`, or `socket.io` to emit into a cluster
   * of Socket.IO servers on `@socket.io/redis-adapter` (classio servers in that format among them), as
   * `@socket.io/redis-emitter` does. Default `classio`.
   */
  format?: 'classio' | 'socket.io';
  /** Called when a publish fails (Redis unreachable for too long). Default: one `console.warn` line per failure. */
  onError?: (err: Error) => void;
  /**
   * The servers' `parser` option (such as `require('socket.io-msgpack-parser')`): broadcasts are encoded once,
   * here, and the servers write the frames as they are, so the emitter must encode as the clients decode. Default:
   * the built-in socket.io-parser.
   */
  parser?: Parser;
}

const EMPTY: readonly string[] = [];

/**
 * The arguments of an emitter's `emit(event, ...)`: the event's, without an ack callback (an emitter awaits no
 * answer), optionally followed by wrapped options.
 */
export type EmitterEmitArgs<M extends EventsMap, K extends EventNames<M>> =
  [...ArgsWithoutAck<EventParams<M, K>>] | [...ArgsWithoutAck<EventParams<M, K>>, EmitOptions];

/**
 * Emits to the clients of a classio cluster from a process that is not a server (a worker, a cron job, a CLI), the
 * way Flask-SocketIO's `SocketIO(message_queue=...)` does from an external process. It publishes the same messages
 * the servers' Redis adapters exchange, so every server writes the event to its own matching clients.
 *
 * Targets are chained (`of`, `to`/`in`, `except`), each step returning a new immutable operator, or passed last as
 * `emitOptions({ namespace, room, to, skipSid })`, the same wrapped options the namespace helpers take (Flask's
 * `emit(event, data, namespace=..., room=..., skip_sid=...)`). The wrapper is what tells options from a payload:
 * a plain `{ room: 'a' }` as the last argument is sent as data, never taken as a target.
 *
 * Each emit resolves with the number of servers that received it (Redis' PUBLISH reply) and rejects when Redis
 * stays unreachable; a rejection nobody awaits is only reported through `onError`, never left unhandled.
 *
 * `EmitEvents` is the servers' server-to-client events map and `ServerSideEvents` their server-side one (the
 * `Server`'s second and third type parameters), which `emit` and `serverSideEmit` check; the defaults are untyped.
 *
 * @example
 * const emitter = new Emitter({ messageQueue: 'redis://127.0.0.1:6379/0' });
 * await emitter.of('/chat').to('lobby').emit('news', { text: 'deploy at 17:00' });
 * await emitter.emit('news', 'hello', emitOptions({ namespace: '/chat', room: 'lobby', skipSid: 'bots' }));
 * await emitter.close();
 */
export class Emitter<
  EmitEvents extends EventsMap = DefaultEventsMap,
  ServerSideEvents extends EventsMap = DefaultEventsMap,
> {
  readonly #redis: Redis;
  readonly #channel: string;
  /** @internal True in the `socket.io` format. */
  readonly isSocketIoFormat: boolean;
  readonly #uid = randomBytes(8).toString('hex');
  readonly #onError: (err: Error) => void;
  readonly #root: EmitterOperator<EmitEvents, ServerSideEvents>;
  /** @internal How broadcasts are encoded: the servers' parser. */
  readonly encode: PacketEncoder;

  constructor(options: EmitterOptions) {
    checkRedisUrl(options.messageQueue, 'messageQueue');
    const parser = options.parser ?? null;
    checkParser(parser);
    this.encode = parser === null ? encodePacket : createCustomEncoder(parser);
    const format = options.format ?? 'classio';
    if (format !== 'classio' && format !== 'socket.io') {
      throw new ConfigurationError(`format must be 'classio' or 'socket.io', got ${JSON.stringify(format)}`);
    }
    this.isSocketIoFormat = format === 'socket.io';
    const channel = options.channel ?? format;
    if (typeof channel !== 'string' || channel === '') {
      throw new ConfigurationError(`channel must be a non-empty string, got ${JSON.stringify(channel)}`);
    }
    this.#channel = channel;
    this.#onError = options.onError ?? ((err) => console.warn(`classio emitter: ${err.message}`));
    // The offline queue stays on: a script that emits right after `new Emitter()` has its messages sent once
    // connected, and `close()` waits for them.
    this.#redis = new (loadRedis())(options.messageQueue);
    // Connection errors repeat on every reconnect attempt; the failed publishes are what gets reported.
    this.#redis.on('error', () => {});
    this.#root = new EmitterOperator(this, '/', EMPTY, EMPTY);
  }

  /** Targets namespace `name`. */
  of(name: string): EmitterOperator<EmitEvents, ServerSideEvents> {
    return new EmitterOperator(this, name.startsWith('/') ? name : `/${name}`, EMPTY, EMPTY);
  }

  /** Targets room(s) of namespace `/`. */
  to(room: string | readonly string[]): EmitterOperator<EmitEvents, ServerSideEvents> {
    return this.#root.to(room);
  }

  /** Same as {@link to}. */
  in(room: string | readonly string[]): EmitterOperator<EmitEvents, ServerSideEvents> {
    return this.#root.to(room);
  }

  /** Excludes room(s) of namespace `/`. */
  except(room: string | readonly string[]): EmitterOperator<EmitEvents, ServerSideEvents> {
    return this.#root.except(room);
  }

  /**
   * Emits `event` to every client of namespace `/`, or to the target of a trailing `emitOptions({ namespace,
   * room, to, skipSid })`.
   */
  emit<K extends EventNames<EmitEvents>>(event: K, ...args: EmitterEmitArgs<EmitEvents, K>): Promise<number> {
    return this.#root.emit(event, ...args);
  }

  /** Sends a `message` event to every client of namespace `/`. */
  send(...args: unknown[]): Promise<number> {
    return this.#root.send(...args);
  }

  /** Publishes once Redis is reachable and waits for the messages still queued, then disconnects. */
  async close(): Promise<void> {
    try {
      await this.#redis.quit();
    } catch {
      this.#redis.disconnect();
    }
  }

  /**
   * @internal Publishes one message of the `socket.io` format for namespace `nsp`: a broadcast of `data` to
   * `target`, or (`data` undefined) the request `fields`.
   */
  publishSocketIo(
    nsp: string,
    target: { rooms: string[]; except: string[] },
    data: unknown[] | undefined,
    fields: Record<string, unknown> = {},
  ): Promise<number> {
    const channels = socketIoChannels(this.#channel, nsp, this.#uid);
    const result =
      data === undefined
        ? this.#redis.publish(channels.request, encodeSocketIo({ uid: this.#uid, opts: target, ...fields }))
        : this.#redis.publish(
            broadcastChannel(channels, target.rooms),
            encodeBroadcast(this.#uid, nsp, data, target, {}),
          );
    result.catch((err: Error) => this.#onError(err));
    return result;
  }

  /** @internal Publishes one cluster message for namespace `nsp`. */
  publish(nsp: string, message: (uid: string) => WireMessage): Promise<number> {
    const result = this.#redis.publish(requestChannel(this.#channel, nsp), encodeMessage(message(this.#uid)));
    result.catch((err: Error) => this.#onError(err));
    return result;
  }
}

/**
 * An immutable target of an {@link Emitter}: a namespace, rooms and excluded rooms. Every method that narrows the
 * target returns a new operator. The type parameters are its emitter's.
 */
export class EmitterOperator<
  EmitEvents extends EventsMap = DefaultEventsMap,
  ServerSideEvents extends EventsMap = DefaultEventsMap,
> {
  readonly #emitter: Emitter;
  readonly #nsp: string;
  readonly #rooms: readonly string[];
  readonly #except: readonly string[];

  constructor(emitter: Emitter, nsp: string, rooms: readonly string[], except: readonly string[]) {
    this.#emitter = emitter;
    this.#nsp = nsp;
    this.#rooms = rooms;
    this.#except = except;
  }

  /** Adds room(s) to the target (a client in any of them receives the event once). */
  to(room: string | readonly string[]): EmitterOperator<EmitEvents, ServerSideEvents> {
    return new EmitterOperator(this.#emitter, this.#nsp, union(this.#rooms, room), this.#except);
  }

  /** Same as {@link to}. */
  in(room: string | readonly string[]): EmitterOperator<EmitEvents, ServerSideEvents> {
    return this.to(room);
  }

  /** Excludes the clients in room(s). */
  except(room: string | readonly string[]): EmitterOperator<EmitEvents, ServerSideEvents> {
    return new EmitterOperator(this.#emitter, this.#nsp, this.#rooms, union(this.#except, room));
  }

  /**
   * Emits `event` with `args` (JSON values and Buffers) to the target, narrowed by a trailing
   * `emitOptions({ namespace, room, to, skipSid })` if there is one.
   */
  emit<K extends EventNames<EmitEvents>>(event: K, ...args: EmitterEmitArgs<EmitEvents, K>): Promise<number> {
    return this.#emit(event, args);
  }

  #emit(event: string, args: unknown[]): Promise<number> {
    if (typeof event !== 'string') {
      return Promise.reject(new ConfigurationError(`event name must be a string, got ${typeof event}`));
    }
    const [data, options] = splitOptions(args);
    if (options !== undefined) return this.#narrow(options).#emit(event, data);
    if (this.#emitter.isSocketIoFormat)
      return this.#emitter.publishSocketIo(this.#nsp, this.#wireRooms(), [event, ...data]);
    const frames = this.#emitter.encode({ type: PacketType.EVENT, nsp: this.#nsp, data: [event, ...data] });
    return this.#emitter.publish(this.#nsp, (uid) => [
      uid,
      MessageType.BROADCAST,
      frames,
      [[...this.#rooms], [...this.#except]],
      false,
    ]);
  }

  /** Applies wrapped options; `broadcast`, `includeSelf` and `timeout` mean nothing outside a server and are ignored. */
  #narrow(options: EmitOptions): EmitterOperator<EmitEvents, ServerSideEvents> {
    let operator: EmitterOperator<EmitEvents, ServerSideEvents> =
      options.namespace === undefined ? this : this.#inNamespace(options.namespace);
    if (options.to !== undefined) operator = operator.to(options.to);
    if (options.room !== undefined) operator = operator.to(options.room);
    if (options.skipSid !== undefined) operator = operator.except(options.skipSid);
    return operator;
  }

  /** The same rooms and exceptions in namespace `name` (a missing leading `/` is added). */
  #inNamespace(name: string): EmitterOperator<EmitEvents, ServerSideEvents> {
    const nsp = name.startsWith('/') ? name : `/${name}`;
    return new EmitterOperator(this.#emitter, nsp, this.#rooms, this.#except);
  }

  /** Sends a `message` event. */
  send(...args: unknown[]): Promise<number> {
    return this.#emit('message', args);
  }

  /** Makes the targeted clients join `rooms`, on every server. */
  socketsJoin(rooms: string | readonly string[]): Promise<number> {
    if (this.#emitter.isSocketIoFormat) return this.#request({ type: RequestType.REMOTE_JOIN, rooms: toList(rooms) });
    return this.#emitter.publish(this.#nsp, (uid) => [uid, MessageType.SOCKETS_JOIN, this.#target(), toList(rooms)]);
  }

  /** Makes the targeted clients leave `rooms`, on every server. */
  socketsLeave(rooms: string | readonly string[]): Promise<number> {
    if (this.#emitter.isSocketIoFormat) return this.#request({ type: RequestType.REMOTE_LEAVE, rooms: toList(rooms) });
    return this.#emitter.publish(this.#nsp, (uid) => [uid, MessageType.SOCKETS_LEAVE, this.#target(), toList(rooms)]);
  }

  /** Disconnects the targeted clients (their whole connection when `close`), on every server. */
  disconnectSockets(close = false): Promise<number> {
    if (this.#emitter.isSocketIoFormat) return this.#request({ type: RequestType.REMOTE_DISCONNECT, close });
    return this.#emitter.publish(this.#nsp, (uid) => [uid, MessageType.DISCONNECT_SOCKETS, this.#target(), close]);
  }

  /** Delivers a server-side event to every server's `serverSideEmit` listeners of the namespace (no ack). */
  serverSideEmit<K extends EventNames<ServerSideEvents>>(
    ...args: [event: K, ...args: ArgsWithoutAck<EventParams<ServerSideEvents, K>>]
  ): Promise<number> {
    if (this.#emitter.isSocketIoFormat) return this.#request({ type: RequestType.SERVER_SIDE_EMIT, data: args });
    return this.#emitter.publish(this.#nsp, (uid) => [uid, MessageType.SERVER_SIDE_EMIT, 0, args]);
  }

  #request(fields: Record<string, unknown>): Promise<number> {
    return this.#emitter.publishSocketIo(this.#nsp, this.#wireRooms(), undefined, fields);
  }

  #wireRooms(): { rooms: string[]; except: string[] } {
    return { rooms: [...this.#rooms], except: [...this.#except] };
  }

  #target(): [string[], string[]] {
    return [[...this.#rooms], [...this.#except]];
  }
}

function toList(rooms: string | readonly string[]): string[] {
  return typeof rooms === 'string' ? [rooms] : [...rooms];
}

function union(current: readonly string[], added: string | readonly string[]): readonly string[] {
  const merged = new Set(current);
  for (const room of toList(added)) merged.add(room);
  return [...merged];
}
