/**
 * Where the Admin UI's sessions live. A session id is handed to the UI after a successful login (the `session`
 * event) and lets it reconnect without the password; with several processes behind a load balancer, a shared store
 * (Redis) lets a session made on one process log in on another.
 */
export interface AdminSessionStore {
    /** Resolves true when the session exists and has not expired. */
    doesSessionExist(sessionId: string): Promise<boolean>;
    /** Records a new session; failures are the store's to report (the login already succeeded). */
    saveSession(sessionId: string): void | Promise<void>;
}
/** Sessions in this process's memory: they end with it. The default. */
export declare class InMemoryStore implements AdminSessionStore {
    #private;
    doesSessionExist(sessionId: string): Promise<boolean>;
    saveSession(sessionId: string): void;
}
/** The commands {@link RedisStore} uses, as ioredis (and node-redis in legacy mode) spell them. */
export interface RedisStoreClient {
    exists(key: string): Promise<number>;
    set(key: string, value: string, expiryMode: 'EX', seconds: number): Promise<unknown>;
}
/** Options of {@link RedisStore}. */
export interface RedisStoreOptions {
    /** The prefix of the session keys (`<prefix>#<sessionId>`). Default `socket.io-admin`, as the reference's. */
    prefix?: string;
    /** How long a session lives, in seconds. Default 86400 (a day). */
    sessionDuration?: number;
}
/**
 * Sessions in Redis, shared by every process of a cluster and expiring on their own.
 *
 * @example instrument(server, { auth, store: new RedisStore(new Redis(url)) });
 */
export declare class RedisStore implements AdminSessionStore {
    #private;
    constructor(client: RedisStoreClient, options?: RedisStoreOptions);
    doesSessionExist(sessionId: string): Promise<boolean>;
    saveSession(sessionId: string): Promise<void>;
}
