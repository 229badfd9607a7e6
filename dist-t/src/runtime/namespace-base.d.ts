import type { Socket } from '../namespace/socket';
import type { ServerNamespace } from '../namespace/server-namespace';
import type { NamespaceDecoratorOptions, NamespacePath } from '../../decorators/metadata';
import type { DefaultEventsMap, EventNames, EventParams, EventsMap } from '../../decorators/events-map';
import { type HandlerContext } from './context';
import type { EmitOptions } from './emit-options';
/** The arguments of `emit(event, ...)`: the event's arguments, optionally followed by wrapped options. */
export type EmitArgs<S extends EventsMap, K extends EventNames<S>> = [
    ...EventParams<S, K>
] | [...EventParams<S, K>, EmitOptions];
/**
 * Gives an instance of a `Namespace` subclass its namespace (and, for a connection-scoped instance, its socket); other
 * instances are left alone. The runtime calls it at registration and per connection. It is a function and not a
 * method, so that no method a user's subclass declares can ever shadow it.
 */
export declare function attachNamespace(instance: object, nsp: ServerNamespace, socket?: Socket): void;
/**
 * The base class of class-based namespaces (Flask-SocketIO's `flask_socketio.Namespace`). Extending it is optional:
 * any decorated class can be registered, but the base gives the handlers the current client (`this.sid`,
 * `this.session`, `this.event`) and helpers bound to the namespace. `C` and `S` are the client-to-server and
 * server-to-client event maps; with them a wrong event name or payload in `emit` does not compile.
 *
 * The current client comes from the handler's context (AsyncLocalStorage), so it stays right across `await`s even
 * when one singleton instance serves every client.
 */
export declare class NamespaceBase<C extends EventsMap = DefaultEventsMap, S extends EventsMap = DefaultEventsMap> {
    #private;
    /** The path given to the constructor (`new Chat('/chat')`, as Flask's `Namespace('/chat')`), if any. */
    readonly path: string | undefined;
    /** Phantom use of `C` so the two maps stay distinct type parameters. */
    protected readonly clientEvents?: C;
    constructor(path?: string);
    /** The server-side namespace this instance serves. Throws before registration. */
    get nsp(): ServerNamespace;
    /**
     * The parameters of the current client's namespace name, for a dynamic namespace (`{ id: 'acme' }` for
     * `/tenant/acme` of `@Namespace('/tenant/:id')`); empty for a literal namespace.
     */
    get params(): Readonly<Record<string, string>>;
    /** The namespace's path (`/chat`). */
    get namespace(): string;
    /** The current client's socket. Throws outside a handler. */
    get socket(): Socket;
    /** The current client's sid (Flask's `request.sid`). Throws outside a handler. */
    get sid(): string;
    /** The current connection's session object (`socket.data`, Flask's `session`). Throws outside a handler. */
    get session(): Record<string, unknown>;
    /**
     * True when the current client recovered its session (connection state recovery): `on_connect` runs again with
     * the same sid, rooms and session, and the missed packets follow. Throws outside a handler.
     */
    get recovered(): boolean;
    /** The event being handled (Flask's `request.event`), or undefined outside a handler. */
    get event(): string | undefined;
    /** The whole context of the event being handled, or undefined outside a handler. */
    get context(): HandlerContext | undefined;
    /**
     * Emits to the current client, or with `emitOptions({ to, broadcast, includeSelf, skipSid, namespace })` as the
     * last argument to rooms, sids or the whole namespace. Outside a handler it broadcasts to the namespace.
     */
    emit<K extends EventNames<S>>(event: K, ...args: EmitArgs<S, K>): boolean;
    /** Emits `message` (Flask's `send`), with the same targeting as {@link emit}. */
    send(...args: unknown[]): boolean;
    /** Puts the current client, or client `sid`, into `room`. */
    joinRoom(room: string, sid?: string): void;
    /** Takes the current client, or client `sid`, out of `room`. */
    leaveRoom(room: string, sid?: string): void;
    /** Takes every client of the namespace out of `room`. */
    closeRoom(room: string): void;
    /** The rooms of the current client, or of client `sid`. */
    rooms(sid?: string): string[];
    /** Disconnects the current client, or client `sid`, from the namespace. */
    disconnect(sid?: string): void;
    /**
     * Emits `event` to client `sid` and resolves with its ack (the single argument, or all of them when several);
     * rejects with `AckTimeoutError` after `emitOptions({ timeout })` (default 60 s).
     */
    call<K extends EventNames<S>>(sid: string, event: K, ...args: EmitArgs<S, K>): Promise<unknown>;
}
/** The type of the hybrid `Namespace` export: callable as a decorator factory, constructible as the base class. */
export interface NamespaceHybrid {
    /** `@Namespace(path, options)`: declares the class's namespace (see `decorators/namespace.ts`). */
    (path: NamespacePath, options?: NamespaceDecoratorOptions): ClassDecorator;
    /** `class Chat extends Namespace<ClientEvents, ServerEvents>` or `new Chat('/chat')`. */
    new <C extends EventsMap = DefaultEventsMap, S extends EventsMap = DefaultEventsMap>(path?: string): NamespaceBase<C, S>;
    readonly prototype: NamespaceBase<EventsMap, EventsMap>;
}
/**
 * `Namespace` is both the class decorator and the base class, so one import serves
 * `@Namespace('/chat') class Chat extends Namespace {}` (Flask-SocketIO's class and Nest-style decorator together).
 */
export declare const Namespace: NamespaceHybrid;
/** The instance type of {@link Namespace}. */
export type Namespace<C extends EventsMap = DefaultEventsMap, S extends EventsMap = DefaultEventsMap> = NamespaceBase<C, S>;
/** True for the runtime's own base constructors, where the explorer stops walking a class's ancestors. */
export declare function isNamespaceRoot(target: unknown): boolean;
