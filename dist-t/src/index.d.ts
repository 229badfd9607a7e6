/**
 * classio: class-based Socket.IO namespaces on a lean Engine.IO v4 / Socket.IO v5 server.
 *
 * This is the `classio` entry: the server API that applications are written against, as the README documents
 * it. The in-process test client is `classio/testing`, the Redis adapter `classio/redis` and the external-process
 * emitter `classio/emitter`, so that a process that does not use them never loads them (or ioredis).
 *
 * @example
 * import 'reflect-metadata';
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
export { Namespace } from './runtime/namespace-base';
export { On, typedOn } from '../decorators/on';
export { OnError } from '../decorators/on-error';
export { UseGuards } from '../decorators/use-guards';
export { UseEventGuards } from '../decorators/use-event-guards';
export { UseInterceptors } from '../decorators/use-interceptors';
export { Throttle } from '../decorators/throttle';
export { OnAny } from '../decorators/on-any';
export { OnUnknown } from '../decorators/on-unknown';
export { NspParam } from '../decorators/nsp-param';
export { createParamDecorator } from '../decorators/create-param-decorator';
export { Payload } from '../decorators/payload';
export { Ack } from '../decorators/ack';
export { ConnectedSocket } from '../decorators/connected-socket';
export { Sid } from '../decorators/sid';
export { Context } from '../decorators/context';
export { Session } from '../decorators/session';
export type { EventsMap } from '../decorators/events-map';
export type { NamespaceDecoratorOptions, PayloadOptions, ThrottleOptions, NamespacePath, InterceptorToken, GuardToken, } from '../decorators/metadata';
export type { Guard, GuardContext, GuardContext as ExecutionContext } from './runtime/guard-context';
export type { Interceptor, CallHandler } from './runtime/interceptor';
export { SerializeInterceptor } from './runtime/serialize-interceptor';
export { CONNECTION_SOCKET } from './runtime/connection-scope';
export { ackArgs, type AckArguments } from './namespace/dispatch';
export type { PropertyViolation } from './runtime/payload-validator';
export type { HandlerContext, HandlerContext as ErrorContext } from './runtime/context';
export { currentSocket, currentSid, currentEvent, currentSession } from './runtime/context';
export { emit, send, joinRoom, leaveRoom, closeRoom, rooms, disconnect, call } from './runtime/helpers';
export { emitOptions, type EmitOptions, type EmitOptionsInit } from './runtime/emit-options';
export type { ServerNamespace, Middleware } from './namespace/server-namespace';
export type { ParentNamespace } from './namespace/parent-namespace';
export type { PacketMiddleware } from './namespace/listeners';
export type { Socket } from './namespace/socket';
export type { BroadcastOperator } from './namespace/broadcast-operator';
export type { Handshake } from './namespace/handshake';
export type { DisconnectReason } from './namespace/disconnect-reason';
export type { AckCallback, ErrorHandler } from './namespace/route-table';
export type { Adapter, AdapterFactory, AdapterHost, AdapterSocket, BroadcastOptions, SocketDescription, } from './adapter/adapter';
export { ClassioError, ConfigurationError, UsageError, ProtocolError, ConnectError, HandlerError, ValidationError, ForbiddenError, ThrottledError, InternalHandlerError, UnknownEventError, AckTimeoutError, AckLimitError, DisconnectedError, ClusterError, ERROR_CODES, } from './errors';
