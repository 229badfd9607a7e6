"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisStore = exports.InMemoryStore = void 0;
/** Sessions in this process's memory: they end with it. The default. */
class InMemoryStore {
    #sessions = new Set();
    doesSessionExist(sessionId) {
        return Promise.resolve(this.#sessions.has(sessionId));
    }
    saveSession(sessionId) {
        this.#sessions.add(sessionId);
    }
}
exports.InMemoryStore = InMemoryStore;
/**
 * Sessions in Redis, shared by every process of a cluster and expiring on their own.
 *
 * @example instrument(server, { auth, store: new RedisStore(new Redis(url)) });
 */
class RedisStore {
    #client;
    #prefix;
    #sessionDuration;
    constructor(client, options = {}) {
        this.#client = client;
        this.#prefix = options.prefix ?? 'socket.io-admin';
        this.#sessionDuration = options.sessionDuration ?? 86400;
    }
    async doesSessionExist(sessionId) {
        return (await this.#client.exists(this.#key(sessionId))) === 1;
    }
    saveSession(sessionId) {
        return this.#client.set(this.#key(sessionId), '1', 'EX', this.#sessionDuration).then(() => undefined);
    }
    #key(sessionId) {
        return `${this.#prefix}#${sessionId}`;
    }
}
exports.RedisStore = RedisStore;
//# sourceMappingURL=stores.js.map