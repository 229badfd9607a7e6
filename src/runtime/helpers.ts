import type { Socket } from '../namespace/socket';
import type { ServerNamespace } from '../namespace/server-namespace';
import { UsageError } from '../errors';
import { EmitOptions, splitOptions } from './emit-options';
import { currentContext, requireContext } from './context';

/**
 * The namespace helpers of Flask-SocketIO (`emit`, `send`, `join_room`, ...), written once and used by both the
 * `Namespace` base class (bound to its namespace) and the context-aware free functions (bound to the current
 * event's namespace). `socket` is the current client when called inside a handler of that namespace.
 */

/** Flask's default `call()` timeout: 60 seconds. */
const DEFAULT_CALL_TIMEOUT = 60_000;

function toList(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

/** The namespace an emit goes to: the `namespace` option, else `nsp`. */
function targetNamespace(nsp: ServerNamespace, options: EmitOptions | undefined): ServerNamespace {
  if (options?.namespace === undefined || options.namespace === nsp.name) return nsp;
  return nsp.server.of(options.namespace);
}

/**
 * Emits `event`. Without `to`/`room`/`broadcast` it goes to the current client (inside a handler), else to the
 * whole namespace; `includeSelf: false` and `skipSid` subtract clients from a room or broadcast emit.
 */
export function emitVia(nsp: ServerNamespace, socket: Socket | undefined, event: string, rawArgs: unknown[]): boolean {
  // The common case, a reply to the current client: the arguments go on as they are.
  if (socket !== undefined && (rawArgs.length === 0 || !(rawArgs[rawArgs.length - 1] instanceof EmitOptions))) {
    return socket.emitList(event, rawArgs);
  }
  const [args, options] = splitOptions(rawArgs);
  const target = targetNamespace(nsp, options);
  const rooms = [...toList(options?.to), ...toList(options?.room)];
  const isDirected = rooms.length > 0 || options?.broadcast === true;
  if (!isDirected && socket !== undefined && target === nsp) return socket.emit(event, ...args);
  const except = [...toList(options?.skipSid)];
  if (socket !== undefined && options?.includeSelf === false) except.push(socket.id);
  if (rooms.length === 0 && except.length === 0 && options?.timeout === undefined) return target.emit(event, ...args);
  let operator = rooms.length > 0 ? target.to(rooms) : target.except(except);
  if (rooms.length > 0 && except.length > 0) operator = operator.except(except);
  if (options?.timeout !== undefined) operator = operator.timeout(options.timeout);
  return operator.emit(event, ...args);
}

/** Calls `event` on client `sid` and resolves with its ack (one argument) or its ack arguments (several). */
export async function callVia(nsp: ServerNamespace, sid: string, event: string, rawArgs: unknown[]): Promise<unknown> {
  const [args, options] = splitOptions(rawArgs);
  const target = targetNamespace(nsp, options);
  const answer = await target.call(sid, event, args, options?.timeout ?? DEFAULT_CALL_TIMEOUT);
  return answer.length <= 1 ? answer[0] : answer;
}

/** Puts client `sid` (the current client by default) into `room`. */
export function joinRoomVia(nsp: ServerNamespace, socket: Socket | undefined, room: string, sid?: string): void {
  if (sid === undefined || (socket !== undefined && sid === socket.id)) {
    requireSocket(socket, 'joinRoom').join(room);
  } else {
    nsp.joinRoom(sid, room);
  }
}

/** Takes client `sid` (the current client by default) out of `room`. */
export function leaveRoomVia(nsp: ServerNamespace, socket: Socket | undefined, room: string, sid?: string): void {
  if (sid === undefined || (socket !== undefined && sid === socket.id)) {
    requireSocket(socket, 'leaveRoom').leave(room);
  } else {
    nsp.leaveRoom(sid, room);
  }
}

/** The rooms of client `sid` (the current client by default), its own sid room included. */
export function roomsVia(nsp: ServerNamespace, socket: Socket | undefined, sid?: string): string[] {
  if (sid === undefined) return [...requireSocket(socket, 'rooms').rooms];
  return nsp.roomsOf(sid);
}

/** Disconnects client `sid` (the current client by default) from the namespace. */
export function disconnectVia(nsp: ServerNamespace, socket: Socket | undefined, sid?: string): void {
  if (sid === undefined || (socket !== undefined && sid === socket.id)) {
    requireSocket(socket, 'disconnect').disconnect();
  } else {
    nsp.disconnectSid(sid);
  }
}

function requireSocket(socket: Socket | undefined, caller: string): Socket {
  if (socket === undefined) {
    throw new UsageError(`${caller}() without a sid needs a current client: call it inside an event handler`);
  }
  return socket;
}

/**
 * Context-aware `emit`: to the current client by default; options (wrapped by `emitOptions`) as the last argument.
 * Throws outside a handler.
 */
export function emit(event: string, ...args: unknown[]): boolean {
  const { socket } = requireContext('emit');
  return emitVia(socket.nsp, socket, event, args);
}

/** Context-aware `send`: emits `message`. */
export function send(...args: unknown[]): boolean {
  const { socket } = requireContext('send');
  return emitVia(socket.nsp, socket, 'message', args);
}

/** Context-aware `joinRoom`: the current client, or `sid`, joins `room`. */
export function joinRoom(room: string, sid?: string): void {
  const { socket } = requireContext('joinRoom');
  joinRoomVia(socket.nsp, socket, room, sid);
}

/** Context-aware `leaveRoom`: the current client, or `sid`, leaves `room`. */
export function leaveRoom(room: string, sid?: string): void {
  const { socket } = requireContext('leaveRoom');
  leaveRoomVia(socket.nsp, socket, room, sid);
}

/** Context-aware `closeRoom`: every client of the current namespace leaves `room`. */
export function closeRoom(room: string): void {
  requireContext('closeRoom').socket.nsp.closeRoom(room);
}

/** Context-aware `rooms`: the rooms of the current client, or of `sid`. */
export function rooms(sid?: string): string[] {
  const { socket } = requireContext('rooms');
  return roomsVia(socket.nsp, socket, sid);
}

/** Context-aware `disconnect`: the current client, or `sid`, leaves the namespace. */
export function disconnect(sid?: string): void {
  const { socket } = requireContext('disconnect');
  disconnectVia(socket.nsp, socket, sid);
}

/**
 * Context-aware `call`: emits `event` to client `sid` of the current namespace and resolves with its ack; rejects
 * with `AckTimeoutError` after `emitOptions({ timeout })` (default 60 s).
 */
export function call(sid: string, event: string, ...args: unknown[]): Promise<unknown> {
  const context = currentContext();
  if (context === undefined) return Promise.reject(new UsageError('call() was called outside an event handler'));
  return callVia(context.socket.nsp, sid, event, args);
}
