import type { Socket } from '../namespace/socket';
/**
 * Socket.IO-style listeners registered inside a handler (`this.socket.on('typing', ...)` or `socket.onAny(...)` in
 * `on_connect`) are called later, from the dispatch of another message, where no handler context is active; in a
 * singleton namespace `this.socket` and `this.session` would then throw. So a listener registered while a handler of
 * its own socket runs is called in a fresh context of that socket and of the event it receives, as a compiled route
 * is. Any other listener (one of a `connection` listener, for one) is returned as it is and costs nothing more.
 */
type Listener = (...args: unknown[]) => unknown;
/** The server's `ListenerBinder`: binds a listener registered inside a handler of `socket` to its context. */
export declare function bindListenerToContext(socket: Socket, event: string | null, listener: Listener): Listener;
export {};
