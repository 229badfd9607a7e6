"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ErrorEntry = exports.DisconnectState = exports.ConnectState = exports.RouteState = exports.MethodInvoker = void 0;
exports.createRoute = createRoute;
exports.createConnectHook = createConnectHook;
exports.createDisconnectHook = createDisconnectHook;
exports.createErrorHandler = createErrorHandler;
exports.createAnyHandler = createAnyHandler;
const errors_1 = require("../errors");
const util_1 = require("../namespace/util");
const debug_1 = require("../debug");
const context_1 = require("./context");
const guard_context_1 = require("./guard-context");
const interceptor_1 = require("./interceptor");
/**
 * The compiled per-message path. Everything here is built at registration; a message costs one
 * `runInContext`, the stages that exist (a `null` stage is skipped) and one `apply`. Sync results stay sync:
 * a promise appears only when a guard, a payload or the handler itself returns one, and only then does an `async`
 * continuation take over (hono `#dispatch`). The per-message functions are shared module functions that receive
 * their compiled state as an argument, so no closure is allocated per message.
 */
const debug = (0, debug_1.createDebug)('classio:runtime');
/** A compiled method call: where the instance is, how to build the arguments. */
class MethodInvoker {
    constructor(
    /** `Class.method`, for messages. */
    label, fn, instances, 
    /** null: the client arguments are passed as they are (no parameter decorator). */
    slots, 
    /** True when a payload stage may return a promise. */
    isAsync) {
        this.label = label;
        this.fn = fn;
        this.instances = instances;
        this.slots = slots;
        this.isAsync = isAsync;
    }
}
exports.MethodInvoker = MethodInvoker;
/**
 * A compiled event route: throttle, guards (global, class event guards, method), interceptors (global, class,
 * method), then the payloads and the method. Each enhancer stage is null when the route has none, so a route pays
 * one check per absent stage and nothing more.
 */
class RouteState {
    constructor(
    /** The event; `*` for the `@OnUnknown` route, whose arguments start with the event's name. */
    event, invoker, guards, guardNames, interceptors = null, throttle = null) {
        this.event = event;
        this.invoker = invoker;
        this.guards = guards;
        this.guardNames = guardNames;
        this.interceptors = interceptors;
        this.throttle = throttle;
    }
}
exports.RouteState = RouteState;
/**
 * The compiled connect hook: class guards, the connection's instance, then `on_connect`. `scopedGuards` are the
 * `@UseEventGuards` of a connection-scoped namespace: they resolve from the connection's container, so they run
 * once it exists, before `on_connect`.
 */
class ConnectState {
    constructor(guards, guardNames, instances, onConnect, scopedGuards = null) {
        this.guards = guards;
        this.guardNames = guardNames;
        this.instances = instances;
        this.onConnect = onConnect;
        this.scopedGuards = scopedGuards;
    }
}
exports.ConnectState = ConnectState;
/** The compiled disconnect hook: `on_disconnect`, then disposal of the connection's instance. */
class DisconnectState {
    constructor(instances, onDisconnect) {
        this.instances = instances;
        this.onDisconnect = onDisconnect;
    }
}
exports.DisconnectState = DisconnectState;
/** One `@OnError` method of a chain, with its error-class filter. */
class ErrorEntry {
    constructor(invoker, errorClasses) {
        this.invoker = invoker;
        this.errorClasses = errorClasses;
    }
}
exports.ErrorEntry = ErrorEntry;
/** A shared no-op, given to `@Ack()` parameters when the client asked for no ack. */
function ignoreAck() { }
/** Runs guards from `from` on; returns -1 when all allow, else the index of the refusing guard (or a promise of it). */
function runGuards(guards, context, from) {
    for (let i = from; i < guards.length; i++) {
        const result = guards[i].canActivate(context);
        if ((0, util_1.isThenable)(result))
            return resumeGuards(guards, context, i, result);
        if (!result)
            return i;
    }
    return -1;
}
async function resumeGuards(guards, context, index, pending) {
    if (!(await pending))
        return index;
    return runGuards(guards, context, index + 1);
}
function slotValue(slot, socket, args, ack) {
    switch (slot.kind) {
        case 'arg':
            return args[slot.argIndex];
        case 'payload':
            return slot.payload === null ? args[slot.argIndex] : slot.payload.transform(args[slot.argIndex]);
        case 'socket':
            return socket;
        case 'sid':
            return socket.id;
        case 'ack':
            return ack ?? ignoreAck;
        case 'context':
            return (0, context_1.currentContext)();
        case 'session':
            return socket.data;
        case 'param':
            return socket.nsp.params[slot.name];
        case 'custom':
            return slot.factory(new guard_context_1.GuardContext(socket, (0, context_1.currentContext)()?.event ?? '', args));
    }
}
function requireInstance(invoker, socket) {
    const instance = invoker.instances.instanceFor(socket);
    if (instance === undefined) {
        throw new errors_1.DisconnectedError(`${invoker.label}: the connection of ${socket.id} is closed, its instance is gone`);
    }
    return instance;
}
/** Calls the method with its arguments; returns what it returns (a promise only if something was async). */
function invokeMethod(invoker, socket, args, ack) {
    const instance = invoker.instances.singleton ?? requireInstance(invoker, socket);
    const slots = invoker.slots;
    if (slots === null)
        return invoker.fn.apply(instance, args);
    if (invoker.isAsync)
        return invokeWithAsyncPayloads(invoker, instance, socket, args, ack);
    const values = new Array(slots.length);
    for (let i = 0; i < slots.length; i++)
        values[i] = slotValue(slots[i], socket, args, ack);
    return invoker.fn.apply(instance, values);
}
async function invokeWithAsyncPayloads(invoker, instance, socket, args, ack) {
    const slots = invoker.slots;
    const values = new Array(slots.length);
    for (let i = 0; i < slots.length; i++) {
        const value = slotValue(slots[i], socket, args, ack);
        values[i] = slots[i].payload?.isAsync === true ? await value : value;
    }
    return invoker.fn.apply(instance, values);
}
function refuseEvent(state, socket, index) {
    return new errors_1.ForbiddenError(`guard ${state.guardNames[index]} refused event "${state.event}" in namespace "${socket.nsp.name}"`);
}
function runRoute(state, socket, args, ack) {
    if (state.throttle !== null)
        state.throttle.check(socket, args);
    if (state.guards !== null) {
        const refused = runGuards(state.guards, new guard_context_1.GuardContext(socket, state.event, args), 0);
        if (typeof refused !== 'number')
            return resumeRoute(state, refused, socket, args, ack);
        if (refused !== -1)
            throw refuseEvent(state, socket, refused);
    }
    return state.interceptors === null
        ? invokeMethod(state.invoker, socket, args, ack)
        : intercept(state, socket, args, ack);
}
/** The route past its guards, inside its interceptors: what `next.handle()` of the innermost one runs. */
function invokeRoute(state, socket, args, ack) {
    return invokeMethod(state.invoker, socket, args, ack);
}
function intercept(state, socket, args, ack) {
    return (0, interceptor_1.runIntercepted)(state.interceptors, new guard_context_1.GuardContext(socket, state.event, args), invokeRoute, state, ack);
}
async function resumeRoute(state, pending, socket, args, ack) {
    const refused = await pending;
    if (refused !== -1)
        throw refuseEvent(state, socket, refused);
    return state.interceptors === null
        ? invokeMethod(state.invoker, socket, args, ack)
        : intercept(state, socket, args, ack);
}
/**
 * Builds the route of one event (`isUnknown`: the `@OnUnknown` route, which the table keeps apart). The closure
 * is created here, once; per message it only runs.
 */
function createRoute(state, answersAck, onError, isUnknown = false) {
    const event = state.event;
    // The `@OnUnknown` route gets `[event, ...args]`; its context names the event the client sent.
    const handle = isUnknown
        ? (socket, args, ack) => (0, context_1.runInContext)(new context_1.HandlerContext(socket, args[0], args.slice(1)), runRoute, state, socket, args, ack)
        : (socket, args, ack) => (0, context_1.runInContext)(new context_1.HandlerContext(socket, event, args), runRoute, state, socket, args, ack);
    return Object.freeze({ event, handle, answersAck, onError });
}
function runConnect(state, socket, args) {
    // A recovered client skips the class guards as it skips the middlewares, when `skipMiddlewares` says so.
    if (state.guards !== null && !socket.shouldSkipMiddlewares) {
        const refused = runGuards(state.guards, new guard_context_1.GuardContext(socket, 'connect', args), 0);
        if (typeof refused !== 'number')
            return resumeConnect(state, refused, socket, args);
        if (refused !== -1)
            return refuseConnect(state, socket, refused);
    }
    return openConnection(state, socket, args);
}
async function resumeConnect(state, pending, socket, args) {
    const refused = await pending;
    if (refused !== -1)
        return refuseConnect(state, socket, refused);
    // The client may have left while the guard ran: the namespace will not accept it, so create nothing for it.
    if (socket.disconnected)
        return false;
    return openConnection(state, socket, args);
}
function refuseConnect(state, socket, index) {
    debug('guard %s refused %s in %s', state.guardNames[index], socket.id, socket.nsp.name);
    return false;
}
function openConnection(state, socket, args) {
    state.instances.open(socket);
    if (state.scopedGuards !== null)
        return guardOpenConnection(state, socket, args);
    return startConnection(state, socket, args);
}
/** Runs the connection-scoped guards on the open instance; a refusal disposes of it. */
async function guardOpenConnection(state, socket, args) {
    let refused;
    try {
        refused = await runGuards(state.scopedGuards, new guard_context_1.GuardContext(socket, 'connect', args), 0);
    }
    catch (error) {
        throw failOpenConnection(state, socket, error);
    }
    if (refused !== -1 || socket.disconnected) {
        state.instances.close(socket);
        return false;
    }
    return startConnection(state, socket, args);
}
function startConnection(state, socket, args) {
    if (state.onConnect === null)
        return true;
    let result;
    try {
        result = invokeMethod(state.onConnect, socket, args, null);
    }
    catch (error) {
        throw failOpenConnection(state, socket, error);
    }
    if ((0, util_1.isThenable)(result))
        return settleConnect(state, socket, result);
    if (result === false)
        state.instances.close(socket);
    return result;
}
async function settleConnect(state, socket, pending) {
    try {
        const result = await pending;
        // A client that left meanwhile is never accepted, so no disconnect hook will dispose of its instance.
        if (result === false || socket.disconnected)
            state.instances.close(socket);
        return result;
    }
    catch (error) {
        throw failOpenConnection(state, socket, error);
    }
}
/**
 * `on_connect` threw or rejected: the connection is refused and its instance disposed. An error that is not a
 * `ConnectError` is a failure, handed to the error path first, while a connection-scoped instance still exists for
 * its own `@OnError` handlers; the namespace then sends the refusal it returns.
 */
function failOpenConnection(state, socket, error) {
    const refusal = error instanceof errors_1.ConnectError ? error : socket.nsp.failConnect(socket, error);
    state.instances.close(socket);
    return refusal;
}
/** Builds the connect hook, or null when there is nothing to run at connect. */
function createConnectHook(state) {
    if (state.guards === null && state.onConnect === null && !state.instances.isPerConnection)
        return null;
    return (socket) => {
        const args = [socket.handshake.auth];
        return (0, context_1.runInContext)(new context_1.HandlerContext(socket, 'connect', args), runConnect, state, socket, args, undefined);
    };
}
function runDisconnect(state, socket, args) {
    if (state.onDisconnect === null) {
        state.instances.close(socket);
        return undefined;
    }
    let result;
    try {
        result = invokeMethod(state.onDisconnect, socket, args, null);
    }
    catch (error) {
        state.instances.close(socket);
        throw error;
    }
    if ((0, util_1.isThenable)(result))
        return settleDisconnect(state, socket, result);
    state.instances.close(socket);
    return result;
}
async function settleDisconnect(state, socket, pending) {
    try {
        return await pending;
    }
    finally {
        state.instances.close(socket);
    }
}
/** Builds the disconnect hook, or null when there is nothing to run at disconnect. */
function createDisconnectHook(state) {
    if (state.onDisconnect === null && !state.instances.isPerConnection)
        return null;
    return (socket, reason) => {
        const args = [reason];
        return (0, context_1.runInContext)(new context_1.HandlerContext(socket, 'disconnect', args), runDisconnect, state, socket, args, undefined);
    };
}
/**
 * Offers the error to the entries whose filter covers it, in order (see {@link offerInTurn}): an entry whose filter
 * does not cover it passes it on, as a handler that rethrows it does. When none takes it, it is thrown again, and the
 * namespace layer tries the next handlers, or logs it and answers the ack with it. A continuation after an async
 * handler keeps the handler's context through the storage, so `currentContext()` still names this event.
 */
function runErrorChain(entries, error, socket, from) {
    return (0, util_1.offerInTurn)(entries.length, error, (i) => {
        const entry = entries[i];
        if (entry.errorClasses !== null && !entry.errorClasses.some((errorClass) => error instanceof errorClass)) {
            throw error;
        }
        const instance = entry.invoker.instances.instanceFor(socket);
        // The connection closed while its handler was pending: nobody is left to handle the error here.
        if (instance === undefined)
            throw error;
        return entry.invoker.fn.call(instance, error, (0, context_1.currentContext)());
    }, from);
}
/** Builds an error handler from `@OnError` methods, tried in order; null for an empty chain. */
function createErrorHandler(entries) {
    if (entries.length === 0)
        return null;
    return (error, socket, event, args) => (0, context_1.runInContext)(new context_1.HandlerContext(socket, event, args), runErrorChain, entries, error, socket, 0);
}
function invokeAny(invoker, socket, event, args) {
    return invokeMethod(invoker, socket, [event, ...args], null);
}
/** Builds the `@OnAny` catch-all: the method, called with `(event, ...args)` in the event's context. */
function createAnyHandler(invoker) {
    return (socket, event, args) => (0, context_1.runInContext)(new context_1.HandlerContext(socket, event, args), invokeAny, invoker, socket, event, args);
}
//# sourceMappingURL=compile-route.js.map