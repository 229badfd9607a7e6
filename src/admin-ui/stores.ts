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
export class InMemoryStore implements AdminSessionStore {
  readonly #sessions = new Set<string>();

  doesSessionExist(sessionId: string): Promise<boolean> {
    return Promise.resolve(this.#sessions.has(sessionId));
  }

  saveSession(sessionId: string): void {
    this.#sessions.add(sessionId);
  }
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
export class RedisStore implements AdminSessionStore {
  readonly #client: RedisStoreClient;
  readonly #prefix: string;
  readonly #sessionDuration: number;

  constructor(client: RedisStoreClient, options: RedisStoreOptions = {}) {
    this.#client = client;
    this.#prefix = options.prefix ?? 'socket.io-admin';
    this.#sessionDuration = options.sessionDuration ?? 86400;
  }

  async doesSessionExist(sessionId: string): Promise<boolean> {
    return (await this.#client.exists(this.#key(sessionId))) === 1;
  }

  saveSession(sessionId: string): Promise<void> {
    return this.#client.set(this.#key(sessionId), '1', 'EX', this.#sessionDuration).then(() => undefined);
  }

  #key(sessionId: string): string {
    return `${this.#prefix}#${sessionId}`;
  }
}
