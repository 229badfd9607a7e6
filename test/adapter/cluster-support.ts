import cluster, { type Worker } from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { recordEvents, type RecordingClient } from '../support/recording-client';
import { listenSticky, setupPrimary, type ClusterPrimary, type StickyBalancer } from '../../src/cluster';

/**
 * The cluster adapter tests' cluster: the mocha process is the primary (`setupPrimary()` and `listenSticky()`),
 * and each worker runs `fixtures/cluster-worker.ts`, driven over its IPC channel.
 */

/** A message a worker sends on its own (not an answer). */
export interface WorkerEvent {
  type: 'ready' | 'serverSideEmit';
  [key: string]: unknown;
}

/** A failed command, re-thrown in the test with the worker's error name, code and message. */
export class WorkerCommandError extends Error {
  constructor(
    readonly remoteName: string,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

type Answer = { test?: number; value?: unknown; error?: { name: string; code?: string; message: string } };

/** One forked worker. */
export class TestWorker {
  readonly events: WorkerEvent[] = [];
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly #waiters: { match: (e: WorkerEvent) => boolean; resolve: (e: WorkerEvent) => void }[] = [];
  readonly exited: Promise<void>;
  #nextId = 1;

  constructor(readonly worker: Worker) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (message: Answer & WorkerEvent) => {
      if (typeof message !== 'object' || message === null || 'classio' in message) return;
      if (message.test !== undefined) {
        const pending = this.#pending.get(message.test);
        this.#pending.delete(message.test);
        if (message.error) {
          pending?.reject(new WorkerCommandError(message.error.name, message.error.code, message.error.message));
        } else pending?.resolve(message.value);
        return;
      }
      this.events.push(message);
      for (const waiter of [...this.#waiters]) {
        if (!waiter.match(message)) continue;
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    });
  }

  get id(): number {
    return this.worker.id;
  }

  /** Runs a command in the worker and resolves with its result. */
  run<T = unknown>(op: string, params: Record<string, unknown> = {}): Promise<T> {
    const test = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(test, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.send({ test, op, ...params });
    });
  }

  /** Resolves with the first event (already received or future) that matches. */
  waitFor(match: (event: WorkerEvent) => boolean, since = 0): Promise<WorkerEvent> {
    const seen = this.events.slice(since).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }

  /** Kills the worker at once (a crashed process) and waits for its exit. */
  async kill(): Promise<void> {
    this.worker.process.kill('SIGKILL');
    await this.exited;
  }
}

/** Options of {@link TestCluster.start}. */
export interface TestClusterOptions {
  workers: number;
  /** Route by this cookie (tests pick the worker of each client with it); by address when absent. */
  cookie?: string;
  requestsTimeout?: number;
}

/** A primary (this process), its sticky balancer and its workers. */
export class TestCluster {
  readonly channel = `classio-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  readonly workers: TestWorker[] = [];
  /** A cookie value that the balancer routes to each worker, by worker id (see {@link cookieFor}). */
  readonly #cookies = new Map<number, string>();
  #probes = 0;

  private constructor(
    readonly primary: ClusterPrimary,
    readonly balancer: StickyBalancer,
    readonly options: TestClusterOptions,
  ) {}

  static async start(options: TestClusterOptions): Promise<TestCluster> {
    const primary = setupPrimary();
    const balancer = await listenSticky({ port: 0, cookie: options.cookie });
    const testCluster = new TestCluster(primary, balancer, options);
    try {
      for (let i = 0; i < options.workers; i++) await testCluster.fork();
    } catch (err) {
      await testCluster.stop();
      throw err;
    }
    return testCluster;
  }

  get url(): string {
    return `http://127.0.0.1:${this.balancer.port}`;
  }

  /** Forks one more worker and resolves once it accepts connections. */
  async fork(): Promise<TestWorker> {
    cluster.setupPrimary({ exec: join(__dirname, 'fixtures', 'cluster-worker.js'), args: [] });
    const worker = new TestWorker(
      cluster.fork({
        CLUSTER_CHANNEL: this.channel,
        CLUSTER_REQUESTS_TIMEOUT: String(this.options.requestsTimeout ?? 5000),
      }),
    );
    const exited = worker.exited.then(() => {
      throw new Error(`worker ${worker.id} exited during startup`);
    });
    await Promise.race([worker.waitFor((e) => e.type === 'ready'), exited]);
    this.workers.push(worker);
    return worker;
  }

  /**
   * A cookie value the balancer routes to `worker`, found by connecting with candidate values (the hash is the
   * balancer's business, not the test's).
   */
  async cookieFor(worker: TestWorker): Promise<string> {
    const known = this.#cookies.get(worker.id);
    if (known !== undefined) return known;
    for (let tries = 0; tries < 64; tries++) {
      const value = `probe-${this.#probes++}`;
      const client = await connectClient(this.url, {
        transport: 'websocket',
        cookie: `${this.options.cookie}=${value}`,
      });
      client.socket.disconnect();
      if (!this.#cookies.has(client.worker)) this.#cookies.set(client.worker, value);
      if (client.worker === worker.id) return value;
    }
    throw new Error(`no cookie value reaches worker ${worker.id}`);
  }

  /** Forgets the cookie values found so far (after the workers changed). */
  forgetCookies(): void {
    this.#cookies.clear();
  }

  /** Connects a client to `worker` through the balancer (cookie routing). */
  async connect(worker: TestWorker, transport: Transport = 'websocket'): Promise<Client> {
    const cookie = `${this.options.cookie}=${await this.cookieFor(worker)}`;
    return connectClient(this.url, { transport, cookie });
  }

  /** Kills every worker, closes the balancer and the relay. */
  async stop(): Promise<void> {
    await Promise.all(this.workers.map((worker) => (worker.worker.isDead() ? Promise.resolve() : worker.kill())));
    await this.balancer.close();
    this.primary.close();
  }
}

export type Transport = 'websocket' | 'polling' | 'upgrade';

/** A socket.io-client socket that records every event it receives, and the worker that greeted it. */
export interface Client extends RecordingClient {
  readonly worker: number;
}

/**
 * Connects the official client: `websocket` or `polling` alone, or `upgrade` (polling first, then the upgrade,
 * which resolves only once the client runs on websocket). `question` is answered with its value plus one.
 */
export async function connectClient(url: string, options: { transport: Transport; cookie?: string }): Promise<Client> {
  const transports = options.transport === 'upgrade' ? ['polling', 'websocket'] : [options.transport];
  const socket = io(url, {
    transports,
    forceNew: true,
    reconnection: false,
    extraHeaders: options.cookie === undefined ? {} : { cookie: options.cookie },
  });
  const record = recordEvents(socket);
  socket.on('question', (value: number, ack: (answer: number) => void) => ack(value + 1));
  const failed = new Promise<never>((_, reject) => socket.once('connect_error', reject));
  const [welcome] = (await Promise.race([record.next('welcome'), failed])) as [{ worker: number }];
  if (options.transport === 'upgrade' && socket.io.engine.transport.name !== 'websocket') {
    await new Promise((resolve) => socket.io.engine.once('upgrade', resolve));
  }
  return { socket, id: socket.id!, worker: welcome.worker, ...record };
}
