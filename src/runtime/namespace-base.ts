import type { Socket } from '../namespace/socket';
import type { ServerNamespace } from '../namespace/server-namespace';
import { ConfigurationError, UsageError } from '../errors';
import { Namespace as namespaceDecorator } from '../../decorators/namespace';
import type { NamespaceDecoratorOptions, NamespacePath } from '../../decorators/metadata';
import type {
  AckResult,
  ArgsWithoutAck,
  DefaultEventsMap,
  EventNames,
  EventParams,
  EventsMap,
} from '../namespace/typed-events';
import { currentContext, type HandlerContext } from './context';
import type { EmitOptions } from './emit-options';
import { callVia, disconnectVia, emitVia, joinRoomVia, leaveRoomVia, roomsVia } from './helpers';

/** The arguments of `emit(event, ...)`: the event's arguments, optionally followed by wrapped options. */
export type EmitArgs<S extends EventsMap, K extends EventNames<S>> =
  [...EventParams<S, K>] | [...EventParams<S, K>, EmitOptions];

/**
 * The arguments of `call(sid, event, ...)`: the event's arguments without its ack callback (`call` brings its own),
 * optionally followed by wrapped options.
 */
export type CallArgs<S extends EventsMap, K extends EventNames<S>> =
  [...ArgsWithoutAck<EventParams<S, K>>] | [...ArgsWithoutAck<EventParams<S, K>>, EmitOptions];

/** Writes an instance's private namespace and socket; assigned by the class's static block, which alone can. */
let setAttachment: (instance: object, nsp: ServerNamespace, socket: Socket | undefined) => void;

/**
 * Gives an instance of a `Namespace` subclass its namespace (and, for a connection-scoped instance, its socket); other
 * instances are left alone. The runtime calls it at registration and per connection. It is a function and not a
 * method, so that no method a user's subclass declares can ever shadow it.
 */
export function attachNamespace(instance: object, nsp: ServerNamespace, socket?: Socket): void {
  if (instance instanceof NamespaceBase) setAttachment(instance, nsp, socket);
}

/**
 * The base class of class-based namespaces (Flask-SocketIO's `flask_socketio.Namespace`). Extending it is optional:
 * any decorated class can be registered, but the base gives the handlers the current client (`this.sid`,
 * `this.session`, `this.event`) and helpers bound to the namespace. The type parameters are those of the namespace's
 * `Server` and `Socket` (Socket.IO's): `C` and `S` are the client-to-server and server-to-client event maps, with
 * which a wrong event name or payload in `emit` or `call` does not compile; `SS` the events between the servers of a
 * cluster; `D` the type of the session (`this.session`, `socket.data`).
 *
 * The current client comes from the handler's context (AsyncLocalStorage), so it stays right across `await`s even
 * when one singleton instance serves every client.
 */
export class NamespaceBase<
  C extends EventsMap = DefaultEventsMap,
  S extends EventsMap = DefaultEventsMap,
  SS extends EventsMap = DefaultEventsMap,
  D = Record<string, unknown>,
> {
  /** The path given to the constructor (`new Chat('/chat')`, as Flask's `Namespace('/chat')`), if any. */
  readonly path: string | undefined;
  #nsp: ServerNamespace | undefined;
  /** Set for `scope: 'connection'` instances: the one client they serve. */
  #socket: Socket | undefined;
  /** Phantom use of `C` so the two maps stay distinct type parameters. */
  declare protected readonly clientEvents?: C;

  constructor(path?: string) {
    this.path = path;
  }

  static {
    setAttachment = (instance, nsp, socket) => {
      const target = instance as NamespaceBase;
      target.#nsp = nsp;
      target.#socket = socket;
    };
  }

  /** The server-side namespace this instance serves. Throws before registration. */
  get nsp(): ServerNamespace<C, S, SS, D> {
    // The runtime attaches every namespace alike; the type parameters are this class's word for its events.
    return this.#untypedNsp() as unknown as ServerNamespace<C, S, SS, D>;
  }

  #untypedNsp(): ServerNamespace {
    const socket = this.#currentSocket();
    if (socket !== undefined) return socket.nsp;
    if (this.#nsp === undefined) {
      throw new UsageError(`${this.constructor.name} is not registered yet: call server.register() first`);
    }
    return this.#nsp;
  }

  /**
   * The parameters of the current client's namespace name, for a dynamic namespace (`{ id: 'acme' }` for
   * `/tenant/acme` of `@Namespace('/tenant/:id')`); empty for a literal namespace.
   */
  get params(): Readonly<Record<string, string>> {
    return this.#untypedNsp().params;
  }

  /** The namespace's path (`/chat`). */
  get namespace(): string {
    return this.#nsp?.name ?? this.path ?? '';
  }

  /** The current client's socket. Throws outside a handler. */
  get socket(): Socket<C, S, SS, D> {
    return this.#requireSocket() as unknown as Socket<C, S, SS, D>;
  }

  #requireSocket(): Socket {
    const socket = this.#currentSocket();
    if (socket === undefined) throw new UsageError('there is no current client outside an event handler');
    return socket;
  }

  /** The current client's sid (Flask's `request.sid`). Throws outside a handler. */
  get sid(): string {
    return this.#requireSocket().id;
  }

  /** The current connection's session object (`socket.data`, Flask's `session`). Throws outside a handler. */
  get session(): D {
    return this.socket.data;
  }

  /**
   * True when the current client recovered its session (connection state recovery): `on_connect` runs again with
   * the same sid, rooms and session, and the missed packets follow. Throws outside a handler.
   */
  get recovered(): boolean {
    return this.#requireSocket().recovered;
  }

  /** The event being handled (Flask's `request.event`), or undefined outside a handler. */
  get event(): string | undefined {
    return currentContext()?.event;
  }

  /** The whole context of the event being handled, or undefined outside a handler. */
  get context(): HandlerContext | undefined {
    return currentContext();
  }

  /**
   * Emits to the current client, or with `emitOptions({ to, broadcast, includeSelf, skipSid, namespace })` as the
   * last argument to rooms, sids or the whole namespace. Outside a handler it broadcasts to the namespace.
   */
  emit<K extends EventNames<S>>(event: K, ...args: EmitArgs<S, K>): boolean {
    return emitVia(this.#untypedNsp(), this.#currentSocket(), event, args);
  }

  /** Emits `message` (Flask's `send`), with the same targeting as {@link emit}. */
  send(...args: unknown[]): boolean {
    return emitVia(this.#untypedNsp(), this.#currentSocket(), 'message', args);
  }

  /** Puts the current client, or client `sid`, into `room`. */
  joinRoom(room: string, sid?: string): void {
    joinRoomVia(this.#untypedNsp(), this.#currentSocket(), room, sid);
  }

  /** Takes the current client, or client `sid`, out of `room`. */
  leaveRoom(room: string, sid?: string): void {
    leaveRoomVia(this.#untypedNsp(), this.#currentSocket(), room, sid);
  }

  /** Takes every client of the namespace out of `room`. */
  closeRoom(room: string): void {
    this.#untypedNsp().closeRoom(room);
  }

  /** The rooms of the current client, or of client `sid`. */
  rooms(sid?: string): string[] {
    return roomsVia(this.#untypedNsp(), this.#currentSocket(), sid);
  }

  /** Disconnects the current client, or client `sid`, from the namespace. */
  disconnect(sid?: string): void {
    disconnectVia(this.#untypedNsp(), this.#currentSocket(), sid);
  }

  /**
   * Emits `event` to client `sid` and resolves with its ack (the single argument, or all of them when several);
   * rejects with `AckTimeoutError` after `emitOptions({ timeout })` (default 60 s). With a typed map, the event's ack
   * callback gives the answer's type (`unknown` for an event that declares none).
   */
  call<K extends EventNames<S>>(sid: string, event: K, ...args: CallArgs<S, K>): Promise<AckResult<S, K>> {
    return callVia(this.#untypedNsp(), sid, event, args) as Promise<AckResult<S, K>>;
  }

  #currentSocket(): Socket | undefined {
    return currentContext()?.socket ?? this.#socket;
  }
}

/** The type of the hybrid `Namespace` export: callable as a decorator factory, constructible as the base class. */
export interface NamespaceHybrid {
  /** `@Namespace(path, options)`: declares the class's namespace (see `decorators/namespace.ts`). */
  (path: NamespacePath, options?: NamespaceDecoratorOptions): ClassDecorator;
  /** `class Chat extends Namespace<ClientEvents, ServerEvents>` or `new Chat('/chat')`. */
  new <
    C extends EventsMap = DefaultEventsMap,
    S extends EventsMap = DefaultEventsMap,
    SS extends EventsMap = DefaultEventsMap,
    D = Record<string, unknown>,
  >(
    path?: string,
  ): NamespaceBase<C, S, SS, D>;
  readonly prototype: NamespaceBase<EventsMap, EventsMap, EventsMap, unknown>;
}

function createHybrid(this: unknown, path?: NamespacePath, options?: NamespaceDecoratorOptions): unknown {
  if (new.target === undefined) {
    if (typeof path !== 'string' && !(path instanceof RegExp) && typeof path !== 'function') {
      throw new ConfigurationError('@Namespace(path) needs the namespace path, e.g. "/chat"');
    }
    return namespaceDecorator(path, options);
  }
  // Constructed (directly or through `super()` of a subclass): build a real NamespaceBase whose prototype is the
  // subclass's, so private fields exist and `instanceof` works for both names.
  return Reflect.construct(NamespaceBase, [path], new.target);
}
createHybrid.prototype = NamespaceBase.prototype;
Object.setPrototypeOf(createHybrid, NamespaceBase);
Object.defineProperty(createHybrid, 'name', { value: 'Namespace' });

/**
 * `Namespace` is both the class decorator and the base class, so one import serves
 * `@Namespace('/chat') class Chat extends Namespace {}` (Flask-SocketIO's class and Nest-style decorator together).
 */
export const Namespace = createHybrid as unknown as NamespaceHybrid;
/** The instance type of {@link Namespace}. */
export type Namespace<
  C extends EventsMap = DefaultEventsMap,
  S extends EventsMap = DefaultEventsMap,
  SS extends EventsMap = DefaultEventsMap,
  D = Record<string, unknown>,
> = NamespaceBase<C, S, SS, D>;

/** True for the runtime's own base constructors, where the explorer stops walking a class's ancestors. */
export function isNamespaceRoot(target: unknown): boolean {
  return target === createHybrid || target === NamespaceBase || target === Function.prototype || target === Object;
}
