"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PendingRequests = void 0;
/**
 * The requests of one adapter that wait for answers from the other processes, by request id. Ids are unique per
 * adapter, and answers come back on the adapter's own response channel, so an id never meets another process's.
 */
class PendingRequests {
    #requests = new Map();
    #nextId = 1;
    /** Starts tracking a request that expires after `timeoutMs`; returns its id (never 0, which means "no answer"). */
    track(timeoutMs, handlers) {
        const id = this.#nextId++;
        const timer = setTimeout(() => {
            this.#requests.delete(id);
            handlers.onTimeout();
        }, timeoutMs);
        // A pending request must not keep a process alive that has nothing else to do.
        timer.unref();
        this.#requests.set(id, { timer, handlers });
        return id;
    }
    /** Routes one answer; an answer for an expired or unknown request is dropped. */
    answer(id, payload, type) {
        const request = this.#requests.get(id);
        if (request === undefined || !request.handlers.onAnswer(payload, type))
            return;
        clearTimeout(request.timer);
        this.#requests.delete(id);
    }
    /** Forgets every request without calling its handlers (the adapter is closing). */
    clear() {
        for (const request of this.#requests.values())
            clearTimeout(request.timer);
        this.#requests.clear();
    }
}
exports.PendingRequests = PendingRequests;
//# sourceMappingURL=pending-requests.js.map