"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ClusterError = exports.DisconnectedError = exports.AckLimitError = exports.AckTimeoutError = exports.UnknownEventError = exports.InternalHandlerError = exports.ThrottledError = exports.ForbiddenError = exports.ValidationError = exports.HandlerError = exports.ConnectError = exports.ProtocolError = exports.UsageError = exports.ConfigurationError = exports.ClassioError = exports.emitOptions = exports.call = exports.disconnect = exports.rooms = exports.closeRoom = exports.leaveRoom = exports.joinRoom = exports.send = exports.emit = exports.currentSession = exports.currentEvent = exports.currentSid = exports.currentSocket = exports.ackArgs = exports.CONNECTION_SOCKET = exports.SerializeInterceptor = exports.Session = exports.Context = exports.Sid = exports.ConnectedSocket = exports.Ack = exports.Payload = exports.createParamDecorator = exports.NspParam = exports.OnUnknown = exports.OnAny = exports.Throttle = exports.UseInterceptors = exports.UseEventGuards = exports.UseGuards = exports.OnError = exports.typedOn = exports.On = exports.Namespace = exports.Server = void 0;
exports.ERROR_CODES = void 0;
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
// Decorator metadata needs the polyfill before any class is decorated, and tsyringe refuses to load without it:
// importing classio first is enough for both.
require("reflect-metadata");
// The server and its options.
var server_1 = require("./server");
Object.defineProperty(exports, "Server", { enumerable: true, get: function () { return server_1.Server; } });
// Namespace classes: the hybrid decorator / base class, the decorators and what they hand to handlers.
var namespace_base_1 = require("./runtime/namespace-base");
Object.defineProperty(exports, "Namespace", { enumerable: true, get: function () { return namespace_base_1.Namespace; } });
var on_1 = require("../decorators/on");
Object.defineProperty(exports, "On", { enumerable: true, get: function () { return on_1.On; } });
Object.defineProperty(exports, "typedOn", { enumerable: true, get: function () { return on_1.typedOn; } });
var on_error_1 = require("../decorators/on-error");
Object.defineProperty(exports, "OnError", { enumerable: true, get: function () { return on_error_1.OnError; } });
var use_guards_1 = require("../decorators/use-guards");
Object.defineProperty(exports, "UseGuards", { enumerable: true, get: function () { return use_guards_1.UseGuards; } });
var use_event_guards_1 = require("../decorators/use-event-guards");
Object.defineProperty(exports, "UseEventGuards", { enumerable: true, get: function () { return use_event_guards_1.UseEventGuards; } });
var use_interceptors_1 = require("../decorators/use-interceptors");
Object.defineProperty(exports, "UseInterceptors", { enumerable: true, get: function () { return use_interceptors_1.UseInterceptors; } });
var throttle_1 = require("../decorators/throttle");
Object.defineProperty(exports, "Throttle", { enumerable: true, get: function () { return throttle_1.Throttle; } });
var on_any_1 = require("../decorators/on-any");
Object.defineProperty(exports, "OnAny", { enumerable: true, get: function () { return on_any_1.OnAny; } });
var on_unknown_1 = require("../decorators/on-unknown");
Object.defineProperty(exports, "OnUnknown", { enumerable: true, get: function () { return on_unknown_1.OnUnknown; } });
var nsp_param_1 = require("../decorators/nsp-param");
Object.defineProperty(exports, "NspParam", { enumerable: true, get: function () { return nsp_param_1.NspParam; } });
var create_param_decorator_1 = require("../decorators/create-param-decorator");
Object.defineProperty(exports, "createParamDecorator", { enumerable: true, get: function () { return create_param_decorator_1.createParamDecorator; } });
var payload_1 = require("../decorators/payload");
Object.defineProperty(exports, "Payload", { enumerable: true, get: function () { return payload_1.Payload; } });
var ack_1 = require("../decorators/ack");
Object.defineProperty(exports, "Ack", { enumerable: true, get: function () { return ack_1.Ack; } });
var connected_socket_1 = require("../decorators/connected-socket");
Object.defineProperty(exports, "ConnectedSocket", { enumerable: true, get: function () { return connected_socket_1.ConnectedSocket; } });
var sid_1 = require("../decorators/sid");
Object.defineProperty(exports, "Sid", { enumerable: true, get: function () { return sid_1.Sid; } });
var context_1 = require("../decorators/context");
Object.defineProperty(exports, "Context", { enumerable: true, get: function () { return context_1.Context; } });
var session_1 = require("../decorators/session");
Object.defineProperty(exports, "Session", { enumerable: true, get: function () { return session_1.Session; } });
var serialize_interceptor_1 = require("./runtime/serialize-interceptor");
Object.defineProperty(exports, "SerializeInterceptor", { enumerable: true, get: function () { return serialize_interceptor_1.SerializeInterceptor; } });
var connection_scope_1 = require("./runtime/connection-scope");
Object.defineProperty(exports, "CONNECTION_SOCKET", { enumerable: true, get: function () { return connection_scope_1.CONNECTION_SOCKET; } });
var dispatch_1 = require("./namespace/dispatch");
Object.defineProperty(exports, "ackArgs", { enumerable: true, get: function () { return dispatch_1.ackArgs; } });
var context_2 = require("./runtime/context");
Object.defineProperty(exports, "currentSocket", { enumerable: true, get: function () { return context_2.currentSocket; } });
Object.defineProperty(exports, "currentSid", { enumerable: true, get: function () { return context_2.currentSid; } });
Object.defineProperty(exports, "currentEvent", { enumerable: true, get: function () { return context_2.currentEvent; } });
Object.defineProperty(exports, "currentSession", { enumerable: true, get: function () { return context_2.currentSession; } });
var helpers_1 = require("./runtime/helpers");
Object.defineProperty(exports, "emit", { enumerable: true, get: function () { return helpers_1.emit; } });
Object.defineProperty(exports, "send", { enumerable: true, get: function () { return helpers_1.send; } });
Object.defineProperty(exports, "joinRoom", { enumerable: true, get: function () { return helpers_1.joinRoom; } });
Object.defineProperty(exports, "leaveRoom", { enumerable: true, get: function () { return helpers_1.leaveRoom; } });
Object.defineProperty(exports, "closeRoom", { enumerable: true, get: function () { return helpers_1.closeRoom; } });
Object.defineProperty(exports, "rooms", { enumerable: true, get: function () { return helpers_1.rooms; } });
Object.defineProperty(exports, "disconnect", { enumerable: true, get: function () { return helpers_1.disconnect; } });
Object.defineProperty(exports, "call", { enumerable: true, get: function () { return helpers_1.call; } });
var emit_options_1 = require("./runtime/emit-options");
Object.defineProperty(exports, "emitOptions", { enumerable: true, get: function () { return emit_options_1.emitOptions; } });
// The error catalogue.
var errors_1 = require("./errors");
Object.defineProperty(exports, "ClassioError", { enumerable: true, get: function () { return errors_1.ClassioError; } });
Object.defineProperty(exports, "ConfigurationError", { enumerable: true, get: function () { return errors_1.ConfigurationError; } });
Object.defineProperty(exports, "UsageError", { enumerable: true, get: function () { return errors_1.UsageError; } });
Object.defineProperty(exports, "ProtocolError", { enumerable: true, get: function () { return errors_1.ProtocolError; } });
Object.defineProperty(exports, "ConnectError", { enumerable: true, get: function () { return errors_1.ConnectError; } });
Object.defineProperty(exports, "HandlerError", { enumerable: true, get: function () { return errors_1.HandlerError; } });
Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function () { return errors_1.ValidationError; } });
Object.defineProperty(exports, "ForbiddenError", { enumerable: true, get: function () { return errors_1.ForbiddenError; } });
Object.defineProperty(exports, "ThrottledError", { enumerable: true, get: function () { return errors_1.ThrottledError; } });
Object.defineProperty(exports, "InternalHandlerError", { enumerable: true, get: function () { return errors_1.InternalHandlerError; } });
Object.defineProperty(exports, "UnknownEventError", { enumerable: true, get: function () { return errors_1.UnknownEventError; } });
Object.defineProperty(exports, "AckTimeoutError", { enumerable: true, get: function () { return errors_1.AckTimeoutError; } });
Object.defineProperty(exports, "AckLimitError", { enumerable: true, get: function () { return errors_1.AckLimitError; } });
Object.defineProperty(exports, "DisconnectedError", { enumerable: true, get: function () { return errors_1.DisconnectedError; } });
Object.defineProperty(exports, "ClusterError", { enumerable: true, get: function () { return errors_1.ClusterError; } });
Object.defineProperty(exports, "ERROR_CODES", { enumerable: true, get: function () { return errors_1.ERROR_CODES; } });
//# sourceMappingURL=index.js.map