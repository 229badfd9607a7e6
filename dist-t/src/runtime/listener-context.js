"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bindListenerToContext = bindListenerToContext;
const context_1 = require("./context");
/** The server's `ListenerBinder`: binds a listener registered inside a handler of `socket` to its context. */
function bindListenerToContext(socket, event, listener) {
    if ((0, context_1.currentContext)()?.socket !== socket)
        return listener;
    if (event === null) {
        return (...args) => (0, context_1.runInContext)(new context_1.HandlerContext(socket, args[0], args.slice(1)), applyListener, listener, args, undefined, undefined);
    }
    return (...args) => (0, context_1.runInContext)(new context_1.HandlerContext(socket, event, withoutAck(args)), applyListener, listener, args, undefined, undefined);
}
function applyListener(listener, args) {
    return listener(...args);
}
/** A client cannot send a function, so a function last is the ack the dispatcher appended: not an argument. */
function withoutAck(args) {
    return args.length > 0 && typeof args[args.length - 1] === 'function' ? args.slice(0, -1) : args;
}
//# sourceMappingURL=listener-context.js.map