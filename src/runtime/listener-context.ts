import type { Socket } from '../namespace/socket';
import { currentContext, HandlerContext, runInContext } from './context';

/**
 * Socket.IO-style listeners registered inside a handler (`this.socket.on('typing', ...)` or `socket.onAny(...)` in
 * `on_connect`) are called later, from the dispatch of another message, where no handler context is active; in a
 * singleton namespace `this.socket` and `this.session` would then throw. So a listener registered while a handler of
 * its own socket runs is called in a fresh context of that socket and of the event it receives, as a compiled route
 * is. Any other listener (one of a `connection` listener, for one) is returned as it is and costs nothing more.
 */

type Listener = (...args: unknown[]) => unknown;

/** The server's `ListenerBinder`: binds a listener registered inside a handler of `socket` to its context. */
export function bindListenerToContext(socket: Socket, event: string | null, listener: Listener): Listener {
  if (currentContext()?.socket !== socket) return listener;
  if (event === null) {
    return (...args: unknown[]) =>
      runInContext(
        new HandlerContext(socket, args[0] as string, args.slice(1)),
        applyListener,
        listener,
        args,
        undefined,
        undefined,
      );
  }
  return (...args: unknown[]) =>
    runInContext(
      new HandlerContext(socket, event, withoutAck(args)),
      applyListener,
      listener,
      args,
      undefined,
      undefined,
    );
}

function applyListener(listener: Listener, args: unknown[]): unknown {
  return listener(...args);
}

/** A client cannot send a function, so a function last is the ack the dispatcher appended: not an argument. */
function withoutAck(args: unknown[]): unknown[] {
  return args.length > 0 && typeof args[args.length - 1] === 'function' ? args.slice(0, -1) : args;
}
