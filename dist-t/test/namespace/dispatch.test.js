"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const dispatch_1 = require("../../src/namespace/dispatch");
/**
 * Dispatch works from the scope it is given (STYLE.md, layers): these tests hand it a plain object, with no server
 * and no namespace behind it, so reaching through `socket.nsp.server` would fail them.
 */
/** A socket without listeners: dispatch only asks it for its Socket.IO-style listeners. */
const socket = { anyListeners: null, packetMiddlewares: null, listenersOf: () => undefined };
function scopeWith(options) {
    const logged = [];
    return {
        name: '/scope',
        routes: new Map((options.routes ?? []).map((route) => [route.event, route])),
        onError: options.onError ?? null,
        anyHandler: null,
        unknownRoute: null,
        defaultErrorHandler: options.defaultErrorHandler ?? null,
        handlersInFlight: 0,
        metricsProbe: null,
        logged,
        logError(message) {
            logged.push(message);
        },
    };
}
function route(event, handle) {
    return { event, handle, answersAck: false, onError: null };
}
describe('dispatchEvent', () => {
    it('runs the route of the scope and answers the ack with its result', () => {
        const answers = [];
        const scope = scopeWith({ routes: [route('sum', (_socket, args) => args.reduce((a, b) => a + b))] });
        (0, dispatch_1.dispatchEvent)(scope, socket, 'sum', [1, 2, 3], (...args) => answers.push(args));
        (0, chai_1.expect)(answers).to.deep.equal([[6]]);
    });
    it("hands a failure to the scope's namespace error handler, then to its server-wide one", () => {
        const seen = [];
        const failing = route('fail', () => {
            throw new Error('boom');
        });
        const answers = [];
        (0, dispatch_1.dispatchEvent)(scopeWith({
            routes: [failing],
            onError: (err) => {
                seen.push(`namespace: ${err.message}`);
                return 'handled';
            },
        }), socket, 'fail', [], (...args) => answers.push(args));
        (0, dispatch_1.dispatchEvent)(scopeWith({ routes: [failing], defaultErrorHandler: (err) => seen.push(`server: ${err.message}`) }), socket, 'fail', [], null);
        (0, chai_1.expect)(seen).to.deep.equal(['namespace: boom', 'server: boom']);
        (0, chai_1.expect)(answers).to.deep.equal([['handled']]);
    });
    it("reports an error nobody handles through the scope's logger and answers the ack with the error body", () => {
        const scope = scopeWith({
            routes: [
                route('fail', () => {
                    throw new Error('boom');
                }),
            ],
        });
        const answers = [];
        (0, dispatch_1.dispatchEvent)(scope, socket, 'fail', [], (...args) => answers.push(args));
        (0, chai_1.expect)(scope.logged).to.deep.equal(['handler of "fail" in /scope failed']);
        (0, chai_1.expect)(answers).to.deep.equal([[{ error: { code: 'CLASSIO_ERR_HANDLER', message: 'server error' } }]]);
    });
    it('counts an asynchronous handler in the scope until it settles', async () => {
        let finish = () => { };
        const scope = scopeWith({ routes: [route('slow', () => new Promise((resolve) => (finish = resolve)))] });
        (0, dispatch_1.dispatchEvent)(scope, socket, 'slow', [], null);
        (0, chai_1.expect)(scope.handlersInFlight).to.equal(1);
        finish();
        await new Promise((resolve) => setImmediate(resolve));
        (0, chai_1.expect)(scope.handlersInFlight).to.equal(0);
    });
});
//# sourceMappingURL=dispatch.test.js.map