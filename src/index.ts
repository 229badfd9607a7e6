/**
 * classio: class-based Socket.IO namespaces on a lean Engine.IO v4 / Socket.IO v5 server.
 *
 * @example
 * import { Server, Namespace, On } from 'classio';
 *
 * @Namespace('/test')
 * class Chat extends Namespace {
 *   @On('my event') myEvent(data: { data: string }) { this.emit('my response', data); }
 * }
 * const server = new Server().register(Chat);
 * await server.listen(5000);
 */
import 'reflect-metadata';

export { Server, type ServerOptions, type CloseOptions, type Logger } from './server';
export * from './runtime';
export * from './errors';
export { ackArgs, AckArguments } from './namespace/dispatch';
export { ServerNamespace, type Middleware } from './namespace/server-namespace';
export { Socket, type TimedSocketEmitter } from './namespace/socket';
export { Client } from './namespace/client';
export { BroadcastOperator } from './namespace/broadcast-operator';
export type { Handshake } from './namespace/handshake';
export type { DisconnectReason } from './namespace/disconnect-reason';
export type { AckCallback, ErrorHandler, Route, RouteTable } from './namespace/route-table';
export type { Adapter, AdapterFactory, AdapterHost, BroadcastOptions, SocketDescription } from './adapter/adapter';
export { InMemoryAdapter } from './adapter/in-memory-adapter';
export { createRedisAdapter, RedisAdapter, type CreateRedisAdapterOptions } from './adapter/redis';
export { Emitter, EmitterOperator, type EmitterOptions } from './emitter';
export { EngineServer } from './engine/server';
export type { EngineServerOptions, CorsOptions } from './engine/options';
export type { EngineConnection, EngineCloseReason, HandshakeRequest, TransportName } from './engine/types';
