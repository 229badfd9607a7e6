import type { Socket } from '../namespace/socket';
import type { ServerNamespace } from '../namespace/server-namespace';
/**
 * Emits `event`. Without `to`/`room`/`broadcast` it goes to the current client (inside a handler), else to the
 * whole namespace; `includeSelf: false` and `skipSid` subtract clients from a room or broadcast emit.
 */
export declare function emitVia(nsp: ServerNamespace, socket: Socket | undefined, event: string, rawArgs: unknown[]): boolean;
/** Calls `event` on client `sid` and resolves with its ack (one argument) or its ack arguments (several). */
export declare function callVia(nsp: ServerNamespace, sid: string, event: string, rawArgs: unknown[]): Promise<unknown>;
/** Puts client `sid` (the current client by default) into `room`. */
export declare function joinRoomVia(nsp: ServerNamespace, socket: Socket | undefined, room: string, sid?: string): void;
/** Takes client `sid` (the current client by default) out of `room`. */
export declare function leaveRoomVia(nsp: ServerNamespace, socket: Socket | undefined, room: string, sid?: string): void;
/** The rooms of client `sid` (the current client by default), its own sid room included. */
export declare function roomsVia(nsp: ServerNamespace, socket: Socket | undefined, sid?: string): string[];
/** Disconnects client `sid` (the current client by default) from the namespace. */
export declare function disconnectVia(nsp: ServerNamespace, socket: Socket | undefined, sid?: string): void;
/**
 * Context-aware `emit`: to the current client by default; options (wrapped by `emitOptions`) as the last argument.
 * Throws outside a handler.
 */
export declare function emit(event: string, ...args: unknown[]): boolean;
/** Context-aware `send`: emits `message`. */
export declare function send(...args: unknown[]): boolean;
/** Context-aware `joinRoom`: the current client, or `sid`, joins `room`. */
export declare function joinRoom(room: string, sid?: string): void;
/** Context-aware `leaveRoom`: the current client, or `sid`, leaves `room`. */
export declare function leaveRoom(room: string, sid?: string): void;
/** Context-aware `closeRoom`: every client of the current namespace leaves `room`. */
export declare function closeRoom(room: string): void;
/** Context-aware `rooms`: the rooms of the current client, or of `sid`. */
export declare function rooms(sid?: string): string[];
/** Context-aware `disconnect`: the current client, or `sid`, leaves the namespace. */
export declare function disconnect(sid?: string): void;
/**
 * Context-aware `call`: emits `event` to client `sid` of the current namespace and resolves with its ack; rejects
 * with `AckTimeoutError` after `emitOptions({ timeout })` (default 60 s).
 */
export declare function call(sid: string, event: string, ...args: unknown[]): Promise<unknown>;
