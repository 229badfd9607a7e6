import type { Socket } from './socket';
import type { DisconnectReason } from './disconnect-reason';
/**
 * The listener types of the Socket.IO-style API (`socket.on`, `socket.onAny`, `nsp.on`, `server.on`). What a
 * client sends is whatever it sent: a listener's arguments are `unknown` until it narrows them. A listener may
 * still declare their types (`(room: string) => ...`), as Socket.IO's untyped listeners may; nothing checks them at
 * run time, so validate them, or use a class handler with a `@Payload()` DTO.
 *
 * Each type is the type of a method (`{ listener(...): unknown }['listener']`), because TypeScript compares method
 * parameters bivariantly: that lets a listener declare narrower parameters, while an arrow function without
 * annotations gets `unknown` ones.
 */
/**
 * The event name `E`, unless it is one of the names `R` that have a listener type of their own: for those the
 * overload that takes any other event does not apply, so a wrong listener for them does not compile.
 */
export type OtherEvent<E extends string, R extends string> = E extends R ? never : E;
/** `socket.on(event, listener)`: the client's arguments, then the ack callback when the client asked for one. */
export type EventListener = {
    listener(...args: unknown[]): unknown;
}['listener'];
/** `socket.onAny(listener)`: the event's name, then its arguments. */
export type CatchAllListener = {
    listener(event: string, ...args: unknown[]): unknown;
}['listener'];
/** `socket.on('disconnecting' | 'disconnect', listener)`: why the socket ends. */
export type DisconnectListener = {
    listener(reason: DisconnectReason): unknown;
}['listener'];
/** `nsp.on('connection', listener)` and `server.on('connection', listener)`: a socket finished connecting. */
export type ConnectionListener = (socket: Socket) => unknown;
/**
 * `nsp.on(event, listener)` for any other event: a server-side emit of another process of the cluster
 * (`serverSideEmit`), with its arguments, then a reply callback when the sender awaits answers.
 */
export type ServerSideListener = {
    listener(...args: unknown[]): unknown;
}['listener'];
/**
 * `socket.use(middleware)`: called with each incoming packet of the socket as `[event, ...args]` (which it may
 * change) before any handler; `next()` goes on, `next(err)` stops the packet and answers its ack with `err`.
 */
export type PacketMiddleware = (packet: unknown[], next: (err?: unknown) => void) => unknown;
