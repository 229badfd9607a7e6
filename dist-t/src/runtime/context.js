"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HandlerContext = void 0;
exports.runInContext = runInContext;
exports.currentContext = currentContext;
exports.requireContext = requireContext;
exports.currentSocket = currentSocket;
exports.currentSid = currentSid;
exports.currentEvent = currentEvent;
exports.currentSession = currentSession;
const node_async_hooks_1 = require("node:async_hooks");
const errors_1 = require("../errors");
/**
 * The request context of Flask without threading it by hand: every compiled handler, guard, error handler and
 * lifecycle hook runs inside `runInContext(context, fn, ...)` (an AsyncLocalStorage run), so the current socket,
 * event and session are reachable from anywhere below it, across `await`s and timers started there.
 */
/** What the context carries for one event (or the connect / disconnect hooks). */
class HandlerContext {
    constructor(
    /** The client's socket in this namespace. */
    socket, 
    /** The event name (`'connect'` / `'disconnect'` for the lifecycle hooks). */
    event, 
    /** The raw client arguments (without the ack callback); `[auth]` for connect, `[reason]` for disconnect. */
    args) {
        this.socket = socket;
        this.event = event;
        this.args = args;
    }
    /** The client's session id in this namespace. */
    get sid() {
        return this.socket.id;
    }
    /** The per-connection session object (`socket.data`). */
    get session() {
        return this.socket.data;
    }
    /** True when the client recovered its session (connection state recovery): same sid, rooms and session. */
    get recovered() {
        return this.socket.recovered;
    }
}
exports.HandlerContext = HandlerContext;
/** The storage behind every context-aware function. Runtime-internal; users read it through the functions below. */
const contextStorage = new node_async_hooks_1.AsyncLocalStorage();
/**
 * The context whose handler is running synchronously right now. While a handler's synchronous part runs, it is the
 * storage's store too, and reading a variable is cheaper than a storage lookup (a handler reads its context several
 * times: `this.emit`, `this.session`, ...). Continuations (after an `await`, in a timer) only ever run from an empty
 * stack, where this is undefined, so they read the storage, which carried the context to them. One difference
 * from the storage alone: a function bound to another async context (`AsyncResource.bind`) and called
 * synchronously inside a handler sees the handler's context.
 */
let activeContext;
/** Runs `fn(a, b, c, d)` inside `context`: what every compiled handler, guard and hook goes through. */
function runInContext(context, fn, a, b, c, d) {
    const previous = activeContext;
    activeContext = context;
    try {
        return contextStorage.run(context, fn, a, b, c, d);
    }
    finally {
        activeContext = previous;
    }
}
/** The context of the event being handled, or undefined outside a handler. */
function currentContext() {
    return activeContext ?? contextStorage.getStore();
}
/** The context of the event being handled; throws a `UsageError` outside a handler. */
function requireContext(caller) {
    const context = currentContext();
    if (context === undefined) {
        throw new errors_1.UsageError(`${caller}() was called outside an event handler, so there is no current client`);
    }
    return context;
}
/** The current client's socket. Throws outside a handler. */
function currentSocket() {
    return requireContext('currentSocket').socket;
}
/** The current client's sid in this namespace (Flask's `request.sid`). Throws outside a handler. */
function currentSid() {
    return requireContext('currentSid').socket.id;
}
/** The event being handled (Flask's `request.event`). Throws outside a handler. */
function currentEvent() {
    return requireContext('currentEvent').event;
}
/** The current connection's session object (`socket.data`, Flask's `session`). Throws outside a handler. */
function currentSession() {
    return requireContext('currentSession').socket.data;
}
//# sourceMappingURL=context.js.map