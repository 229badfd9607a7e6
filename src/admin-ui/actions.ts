import { ForbiddenError, UsageError, ValidationError, toAckError } from '../errors';
import type { Server } from '../server';
import type { Socket } from '../namespace/socket';
import type { BroadcastOperator } from '../namespace/broadcast-operator';
import type { ServerNamespace } from '../namespace/server-namespace';

/** The features the UI shows, as `@socket.io/admin-ui` names them in the `config` event. */
export type Feature =
  'EMIT' | 'JOIN' | 'LEAVE' | 'DISCONNECT' | 'MJOIN' | 'MLEAVE' | 'MDISCONNECT' | 'AGGREGATED_EVENTS' | 'ALL_EVENTS';

/** The actions a UI may ask for, each acting on every matching socket of the cluster (Socket.IO 4's features). */
export const ACTION_FEATURES: readonly Feature[] = [
  'EMIT',
  'JOIN',
  'LEAVE',
  'DISCONNECT',
  'MJOIN',
  'MLEAVE',
  'MDISCONNECT',
];

/** The UI's action events: `emit(nsp, filter, event, ...args)`, `join|leave(nsp, room, filter?)`, `_disconnect(nsp, close, filter?)`. */
const ACTION_EVENTS = ['emit', 'join', 'leave', '_disconnect'] as const;

/**
 * Listens to the UI's actions on one admin socket. `filter` is a room (a socket's own sid room to act on one
 * socket); without it the action applies to the whole namespace. A namespace this server does not have is not
 * created. Bad arguments are ignored, or answered with CLASSIO_ERR_VALIDATION when the UI asked for an ack; in
 * readonly mode every action is answered with CLASSIO_ERR_FORBIDDEN and nothing happens.
 */
export function listenToActions(server: Server, socket: Socket, isReadonly: boolean): void {
  if (isReadonly) {
    for (const event of ACTION_EVENTS) {
      socket.on(event, (...args: unknown[]) =>
        answer(args, new ForbiddenError(`the Admin UI is readonly: "${event}" is refused`)),
      );
    }
    return;
  }
  socket.on('emit', (...args: unknown[]) => {
    const [nsp, filter, event, ...rest] = withoutAck(args);
    const target = targetOf(server, nsp, filter);
    if (target === null || typeof event !== 'string') return answer(args, invalid('emit'));
    try {
      target.emit(event, ...rest);
    } catch (err) {
      // A reserved event name, or an emit that cannot be encoded.
      return answer(args, err instanceof UsageError ? new ValidationError(err.message, undefined) : invalid('emit'));
    }
    return answer(args, null);
  });
  socket.on('join', (...args: unknown[]) => {
    const [nsp, room, filter] = withoutAck(args);
    const target = targetOf(server, nsp, filter);
    if (target === null || typeof room !== 'string') return answer(args, invalid('join'));
    target.socketsJoin(room);
    return answer(args, null);
  });
  socket.on('leave', (...args: unknown[]) => {
    const [nsp, room, filter] = withoutAck(args);
    const target = targetOf(server, nsp, filter);
    if (target === null || typeof room !== 'string') return answer(args, invalid('leave'));
    target.socketsLeave(room);
    return answer(args, null);
  });
  socket.on('_disconnect', (...args: unknown[]) => {
    const [nsp, close, filter] = withoutAck(args);
    const target = targetOf(server, nsp, filter);
    if (target === null || typeof close !== 'boolean') return answer(args, invalid('_disconnect'));
    target.disconnectSockets(close);
    return answer(args, null);
  });
}

/** The namespace, or its sockets in room `filter`; null for a namespace this server does not have or a bad filter. */
function targetOf(server: Server, nsp: unknown, filter: unknown): ServerNamespace | BroadcastOperator | null {
  if (typeof nsp !== 'string') return null;
  const namespace = server.namespaces.get(nsp);
  if (namespace === undefined) return null;
  if (filter === undefined || filter === null || filter === '') return namespace;
  return typeof filter === 'string' ? namespace.in(filter) : null;
}

function invalid(event: string): ValidationError {
  return new ValidationError(`"${event}" from the Admin UI has arguments it does not expect`, undefined);
}

function withoutAck(args: unknown[]): unknown[] {
  return typeof args[args.length - 1] === 'function' ? args.slice(0, -1) : args;
}

/** Answers the UI's ack, when it asked for one: nothing on success, the error body otherwise. */
function answer(args: unknown[], error: Error | null): void {
  const last = args[args.length - 1];
  if (typeof last !== 'function') return;
  const ack = last as (...answer: unknown[]) => void;
  if (error === null) ack();
  else ack(toAckError(error));
}
