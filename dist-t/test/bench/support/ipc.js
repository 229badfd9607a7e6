"use strict";
/**
 * Request/reply over a Node IPC channel (a child's `process` or the parent's `ChildProcess`). The bench's three
 * processes (runner, server, load generator) talk only through this: few small messages, never per workload
 * message.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.IpcChannel = void 0;
/** One side of a request/reply channel. */
class IpcChannel {
    constructor(endpoint) {
        this.endpoint = endpoint;
        this.nextId = 1;
        this.pending = new Map();
        this.handlers = new Map();
        endpoint.on('message', (message) => this.receive(message));
    }
    /** Answers requests of `type` with `handler`'s (awaited) value; `B` is what the requesting side sends. */
    handle(type, handler) {
        this.handlers.set(type, handler);
        return this;
    }
    /** Sends a request and resolves with the other side's answer; rejects after `timeoutMs`. */
    request(type, body, timeoutMs = 30_000) {
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.pending.delete(id);
                reject(new Error(`IPC request '${type}' got no answer within ${timeoutMs} ms`));
            }, timeoutMs);
            this.pending.set(id, {
                resolve: (value) => {
                    clearTimeout(timer);
                    resolve(value);
                },
                reject: (error) => {
                    clearTimeout(timer);
                    reject(error);
                },
            });
            this.post({ id, type, body });
        });
    }
    /** Sends a message that expects no answer. */
    notify(type, body) {
        this.post({ type, body });
    }
    /** Rejects every request still waiting (the other side went away). */
    failPending(error) {
        for (const entry of this.pending.values())
            entry.reject(error);
        this.pending.clear();
    }
    post(message) {
        if (this.endpoint.send === undefined)
            throw new Error('no IPC channel (the process was not started by the bench runner)');
        this.endpoint.send(message);
    }
    receive(message) {
        if (message.replyTo !== undefined) {
            const entry = this.pending.get(message.replyTo);
            if (entry === undefined)
                return;
            this.pending.delete(message.replyTo);
            if (message.error !== undefined)
                entry.reject(new Error(message.error));
            else
                entry.resolve(message.body);
            return;
        }
        const handler = message.type === undefined ? undefined : this.handlers.get(message.type);
        if (handler === undefined)
            return;
        const id = message.id;
        Promise.resolve()
            .then(() => handler(message.body))
            .then((body) => {
            if (id !== undefined)
                this.post({ replyTo: id, body });
        }, (error) => {
            if (id !== undefined)
                this.post({ replyTo: id, error: error instanceof Error ? error.message : String(error) });
        });
    }
}
exports.IpcChannel = IpcChannel;
//# sourceMappingURL=ipc.js.map