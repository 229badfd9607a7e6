"use strict";
var _a;
Object.defineProperty(exports, "__esModule", { value: true });
exports.runIntercepted = runIntercepted;
/**
 * One step of an interceptor chain: calling `handle()` on it runs interceptor `index + 1`, or the handler past
 * the last one. A class with fields, so that running a chain allocates these objects and no closures.
 */
class InterceptorStep {
    constructor(interceptors, index, context, call, state, ack) {
        this.interceptors = interceptors;
        this.index = index;
        this.context = context;
        this.call = call;
        this.state = state;
        this.ack = ack;
    }
    handle() {
        try {
            const next = this.index + 1;
            if (next < this.interceptors.length)
                return Promise.resolve(this.#run(next));
            return Promise.resolve(this.call(this.state, this.context.socket, this.context.args, this.ack));
        }
        catch (error) {
            return Promise.reject(error);
        }
    }
    #run(index) {
        const step = new _a(this.interceptors, index, this.context, this.call, this.state, this.ack);
        return this.interceptors[index].intercept(this.context, step);
    }
    /** Runs the outermost interceptor. */
    static start(interceptors, context, call, state, ack) {
        return interceptors[0].intercept(context, new _a(interceptors, 0, context, call, state, ack));
    }
}
_a = InterceptorStep;
/** Runs `call` inside `interceptors`, outermost first; returns what the outermost one returns. */
function runIntercepted(interceptors, context, call, state, ack) {
    return InterceptorStep.start(interceptors, context, call, state, ack);
}
//# sourceMappingURL=interceptor.js.map