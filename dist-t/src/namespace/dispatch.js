"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AckArguments = void 0;
exports.ackArgs = ackArgs;
exports.dispatchEvent = dispatchEvent;
exports.handleError = handleError;
const errors_1 = require("../errors");
const debug_1 = require("../debug");
const util_1 = require("./util");
const debug = (0, debug_1.createDebug)('classio:namespace');
/**
 * Several values for one ack answer. A handler's return value answers the ack as one argument; returning
 * `ackArgs(a, b)` answers it with two (Flask's tuple return).
 */
class AckArguments {
    constructor(values) {
        this.values = values;
    }
}
exports.AckArguments = AckArguments;
/**
 * Answers a client's ack with several arguments.
 *
 * @example
 * on_ack(...args: unknown[]) { return ackArgs(...args); } // the client's ack receives the same arguments
 */
function ackArgs(...values) {
    return new AckArguments(values);
}
/**
 * The per-message path after decoding: one route lookup, then the compiled handler. A synchronous result answers
 * the ack at once; only a thenable result pays for promise callbacks. Errors (thrown or rejected) go to the error
 * handler and never escape: a client that asked for an ack always gets an answer.
 */
function dispatchEvent(scope, socket, event, args, ack) {
    const middlewares = socket.packetMiddlewares;
    if (middlewares !== null) {
        new PacketMiddlewareRun(scope, socket, middlewares, [event, ...args], ack).next();
        return;
    }
    deliverEvent(scope, socket, event, args, ack);
}
/**
 * One packet going through the socket's `socket.use` middlewares (Socket.IO's per-packet middleware): each gets
 * the packet `[event, ...args]`, which it may change, and `next`; `next()` goes on, `next(err)` or a throw stops
 * the packet and sends `err` down the error path, which answers the ack. Only sockets that have middlewares pay
 * for this object and its `next` function.
 */
class PacketMiddlewareRun {
    #index = 0;
    constructor(scope, socket, middlewares, packet, ack) {
        this.scope = scope;
        this.socket = socket;
        this.middlewares = middlewares;
        this.packet = packet;
        this.ack = ack;
    }
    next() {
        if (this.socket.disconnected)
            return;
        if (this.#index === this.middlewares.length) {
            const [event, ...args] = this.packet;
            deliverEvent(this.scope, this.socket, String(event), args, this.ack);
            return;
        }
        const middleware = this.middlewares[this.#index++];
        let isCalled = false;
        const next = (err) => {
            if (isCalled)
                return;
            isCalled = true;
            if (err !== undefined && err !== null)
                this.#fail(err);
            else
                this.next();
        };
        try {
            const result = middleware(this.packet, next);
            if ((0, util_1.isThenable)(result)) {
                result.then(undefined, (err) => {
                    if (!isCalled) {
                        isCalled = true;
                        this.#fail(err);
                    }
                });
            }
        }
        catch (err) {
            if (!isCalled) {
                isCalled = true;
                this.#fail(err);
            }
        }
    }
    #fail(err) {
        const [event, ...args] = this.packet;
        handleError(this.scope, null, this.socket, String(event), args, this.ack, err);
    }
}
function deliverEvent(scope, socket, event, args, ack) {
    if (scope.anyHandler !== null)
        callAnyHandler(scope, scope.anyHandler, socket, event, args);
    const anyListeners = socket.anyListeners;
    if (anyListeners !== null)
        callAnyListeners(scope, anyListeners, event, args);
    const route = scope.routes.get(event);
    if (route !== undefined) {
        runRoute(scope, route, socket, event, args, ack);
        return;
    }
    const listeners = socket.listenersOf(event);
    const probe = scope.metricsProbe;
    if (listeners !== undefined && listeners.length > 0) {
        if (probe !== null)
            probe.eventWithoutRoute(scope.name, event);
        runListeners(scope, listeners, socket, event, args, ack);
        return;
    }
    if (scope.unknownRoute !== null) {
        runRoute(scope, scope.unknownRoute, socket, event, [event, ...args], ack);
        return;
    }
    // Counted under one label: the name is whatever the client sent.
    if (probe !== null)
        probe.eventWithoutRoute(scope.name, null);
    debug('no handler for event %s in namespace %s', event, scope.name);
    // Without an ack the event is dropped, as Socket.IO drops it. With one, the client is told, so that it does not wait
    // forever; nothing is logged (any client can send any name).
    if (ack !== null) {
        ack((0, errors_1.toAckError)(new errors_1.UnknownEventError(`no handler for event "${event}" in namespace ${scope.name}`)));
    }
}
function runRoute(scope, route, socket, event, args, ack) {
    let result;
    try {
        result = route.handle(socket, args, ack);
    }
    catch (err) {
        handleError(scope, route.onError, socket, event, args, ack, err);
        return;
    }
    const shouldAnswer = ack !== null && !route.answersAck;
    if ((0, util_1.isThenable)(result)) {
        scope.handlersInFlight++;
        result.then((value) => {
            scope.handlersInFlight--;
            if (shouldAnswer)
                answerAck(ack, value);
        }, (err) => {
            scope.handlersInFlight--;
            handleError(scope, route.onError, socket, event, args, ack, err);
        });
    }
    else if (shouldAnswer) {
        answerAck(ack, result);
    }
}
/** Socket.IO-style listeners receive the arguments, then the ack callback when the client asked for one. */
function runListeners(scope, listeners, socket, event, args, ack) {
    const callArgs = ack === null ? args : [...args, ack];
    for (const listener of listeners.length === 1 ? listeners : [...listeners]) {
        try {
            const result = listener(...callArgs);
            if ((0, util_1.isThenable)(result))
                result.then(undefined, (err) => handleError(scope, null, socket, event, args, ack, err));
        }
        catch (err) {
            handleError(scope, null, socket, event, args, ack, err);
        }
    }
}
function callAnyHandler(scope, handler, socket, event, args) {
    try {
        const result = handler(socket, event, args);
        if ((0, util_1.isThenable)(result))
            result.then(undefined, (err) => handleError(scope, null, socket, event, args, null, err));
    }
    catch (err) {
        handleError(scope, null, socket, event, args, null, err);
    }
}
function callAnyListeners(scope, listeners, event, args) {
    for (const listener of listeners) {
        try {
            const result = listener(event, ...args);
            if ((0, util_1.isThenable)(result)) {
                result.then(undefined, (err) => scope.logError(`catch-all listener of ${scope.name} failed on "${event}"`, err));
            }
        }
        catch (err) {
            scope.logError(`catch-all listener of ${scope.name} threw on "${event}"`, err);
        }
    }
}
/**
 * The error path: the route's error handler, else the namespace's, else the server's default. Its return value
 * answers the ack; when it returns nothing, throws, or there is none, the ack gets the standard error body
 * (`{ error: { code, message, data? } }`) and the error is logged unless a handler took it.
 */
function handleError(scope, routeHandler, socket, event, args, ack, err) {
    const handler = routeHandler ?? scope.onError ?? scope.defaultErrorHandler;
    if (handler === null) {
        scope.logError(`handler of "${event}" in ${scope.name} failed`, err, {
            sid: socket.id,
            namespace: scope.name,
            event,
        });
        if (ack !== null)
            ack((0, errors_1.toAckError)(err));
        return;
    }
    let result;
    try {
        result = handler(err, socket, event, args);
    }
    catch (handlerErr) {
        failErrorHandler(scope, handler, socket, event, args, ack, err, handlerErr);
        return;
    }
    if ((0, util_1.isThenable)(result)) {
        result.then((value) => answerError(ack, value, err), (handlerErr) => failErrorHandler(scope, handler, socket, event, args, ack, err, handlerErr));
    }
    else {
        answerError(ack, result, err);
    }
}
function answerError(ack, value, err) {
    if (ack === null)
        return;
    if (value === undefined)
        ack((0, errors_1.toAckError)(err));
    else
        answerAck(ack, value);
}
/**
 * An error handler threw. Rethrowing the very error it was given means "not mine" (an `@OnError` narrowed to
 * other error classes): the server's default handler gets its turn. Anything else is a failure of the handler.
 */
function failErrorHandler(scope, handler, socket, event, args, ack, err, handlerErr) {
    const fallback = scope.defaultErrorHandler;
    if (handlerErr === err && fallback !== null && fallback !== handler) {
        handleError(scope, fallback, socket, event, args, ack, err);
        return;
    }
    scope.logError(`error handler of ${scope.name} threw while handling "${event}"`, handlerErr, {
        sid: socket.id,
        namespace: scope.name,
        event,
    });
    if (ack !== null)
        ack((0, errors_1.toAckError)(err));
}
/** Sends a handler's value as the ack answer: none for undefined, spread for {@link AckArguments}. */
function answerAck(ack, value) {
    if (value === undefined)
        ack();
    else if (value instanceof AckArguments)
        ack(...value.values);
    else
        ack(value);
}
//# sourceMappingURL=dispatch.js.map