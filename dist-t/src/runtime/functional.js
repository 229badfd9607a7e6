"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compileFunctional = compileFunctional;
const errors_1 = require("../errors");
const context_1 = require("./context");
const util_1 = require("../namespace/util");
const compile_route_1 = require("./compile-route");
const connection_scope_1 = require("./connection-scope");
/** What `this` is in a functional handler compiled inside global enhancers (nothing: it takes no `this`). */
const FUNCTIONAL_THIS = Object.freeze({});
function applyHandler(handler, args) {
    return handler(...args);
}
/** Builds the route of a functional handler for `event` (not `connect` / `disconnect`: see `compileFunctional`). */
function createFunctionalRoute(event, handler, globals) {
    if (typeof event !== 'string' || event.length === 0) {
        throw new errors_1.ConfigurationError('server.on(event, handler): the event must be a non-empty string');
    }
    if (typeof handler !== 'function') {
        throw new errors_1.ConfigurationError(`server.on("${event}", handler): the handler must be a function`);
    }
    if (util_1.UNROUTABLE_EVENTS.has(event)) {
        throw new errors_1.ConfigurationError(`server.on("${event}"): "${event}" is reserved by Socket.IO and no client can send it; ` +
            'listen to it with socket.on() in a "connection" listener');
    }
    if (globals !== undefined && (globals.guards.length > 0 || globals.interceptors.length > 0)) {
        // With global enhancers the handler is compiled as a class method is, inside them.
        const invoker = new compile_route_1.MethodInvoker(`server.on("${event}")`, handler, new connection_scope_1.InstanceSource(FUNCTIONAL_THIS, null, null), null, false);
        const state = new compile_route_1.RouteState(event, invoker, globals.guards.length > 0 ? globals.guards : null, globals.guardNames, globals.interceptors.length > 0 ? globals.interceptors : null);
        return (0, compile_route_1.createRoute)(state, false, null);
    }
    const handle = (socket, args) => (0, context_1.runInContext)(new context_1.HandlerContext(socket, event, args), applyHandler, handler, args, undefined, undefined);
    return Object.freeze({ event, handle, answersAck: false, onError: null });
}
/**
 * Builds a one-entry route table for a functional handler: a route, or for `connect` (called with the auth
 * payload; `false` or a throw refuses) and `disconnect` (called with the reason) the lifecycle hook.
 */
function compileFunctional(event, handler, globals) {
    if (event === 'connect') {
        return Object.freeze({
            routes: new Map(),
            connect: (socket) => {
                const args = [socket.handshake.auth];
                return (0, context_1.runInContext)(new context_1.HandlerContext(socket, event, args), applyHandler, handler, args, undefined, undefined);
            },
            disconnect: null,
            onError: null,
        });
    }
    if (event === 'disconnect') {
        return Object.freeze({
            routes: new Map(),
            connect: null,
            disconnect: (socket, reason) => {
                const args = [reason];
                return (0, context_1.runInContext)(new context_1.HandlerContext(socket, event, args), applyHandler, handler, args, undefined, undefined);
            },
            onError: null,
        });
    }
    const route = createFunctionalRoute(event, handler, globals);
    return Object.freeze({ routes: new Map([[event, route]]), connect: null, disconnect: null, onError: null });
}
//# sourceMappingURL=functional.js.map