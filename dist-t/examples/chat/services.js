"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventLogInterceptor = exports.BackgroundTicker = exports.ChatSettings = void 0;
const node_async_hooks_1 = require("node:async_hooks");
/** The app's settings, injected into the namespaces and the guard of one app (each app has its own container). */
class ChatSettings {
    constructor(
    /** The token `/private` accepts in the handshake's auth. */
    token, 
    /** Where log lines go. */
    log) {
        this.token = token;
        this.log = log;
    }
}
exports.ChatSettings = ChatSettings;
/**
 * The server-wide background task of Flask-SocketIO's example: started by the first connection, it calls `tick`
 * with 1, 2, 3, ... every `intervalMs` until stopped. An interval of 0 disables it.
 */
class BackgroundTicker {
    #tick;
    #timer = null;
    #count = 0;
    #isStopped = false;
    /**
     * Created outside any handler: the timer is started inside this scope so that it does not capture (and keep
     * alive) the async context of the connect handler that happened to start it.
     */
    #scope = new node_async_hooks_1.AsyncResource('classio-chat-background');
    constructor(intervalMs, tick) {
        this.intervalMs = intervalMs;
        this.#tick = tick;
    }
    get isRunning() {
        return this.#timer !== null;
    }
    /** Starts the task unless it runs already (or is disabled). */
    start() {
        if (this.#timer !== null || this.#isStopped || this.intervalMs <= 0)
            return;
        this.#scope.runInAsyncScope(() => {
            this.#timer = setInterval(() => this.#tick(++this.#count), this.intervalMs);
        });
    }
    /** Stops the task for good (the app is closing). */
    stop() {
        this.#isStopped = true;
        if (this.#timer !== null)
            clearInterval(this.#timer);
        this.#timer = null;
    }
}
exports.BackgroundTicker = BackgroundTicker;
/**
 * The app's global interceptor (`server.useGlobalInterceptors`): logs each event's namespace, name and handling
 * time, on every namespace, without any handler saying so. The sid stays out of the line: the log tells what the
 * server did, not who did it.
 */
class EventLogInterceptor {
    constructor(log) {
        this.log = log;
    }
    async intercept(context, next) {
        const start = performance.now();
        try {
            return await next.handle();
        }
        finally {
            this.log(`event "${context.event}" on ${context.namespace} handled in ${(performance.now() - start).toFixed(2)} ms`);
        }
    }
}
exports.EventLogInterceptor = EventLogInterceptor;
//# sourceMappingURL=services.js.map