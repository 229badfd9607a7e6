import { type ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { type AddressInfo, createConnection, createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The Redis the cluster tests use: `REDIS_URL`, or the local default. */
export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** A channel no other test run uses, so parallel runs on one Redis never see each other's messages. */
export function uniqueChannel(prefix = 'classio-test'): string {
  return `${prefix}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Resolves true when something answers PING at `url` within one second. */
export function isRedisReachable(url = REDIS_URL): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/**
 * For a `before` hook: skips the suite, with the reason on the console, when Redis is unreachable; fails instead
 * when `CLASSIO_REQUIRE_REDIS` is set (CI).
 */
export async function requireRedis(context: Mocha.Context): Promise<void> {
  if (await isRedisReachable()) return;
  const reason = `Redis is not reachable at ${REDIS_URL}`;
  if (process.env.CLASSIO_REQUIRE_REDIS) throw new Error(`${reason} and CLASSIO_REQUIRE_REDIS is set`);
  console.log(`    (skipped: ${reason}; set REDIS_URL, or CLASSIO_REQUIRE_REDIS=1 to make this a failure)`);
  context.skip();
}

/** A message a cluster node sends on its own (not an answer). */
export interface NodeEvent {
  type: 'ready' | 'redis' | 'serverSideEmit' | 'connection';
  [key: string]: unknown;
}

/** A failed command, re-thrown in the test with the node's error name, code and message. */
export class NodeCommandError extends Error {
  constructor(
    readonly remoteName: string,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A classio server in a child process (`fixtures/cluster-node.ts`), driven over IPC. Its stderr is kept so that a
 * failing test can show it.
 */
export class ClusterNode {
  readonly events: NodeEvent[] = [];
  stderr = '';
  port = 0;
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly #waiters: { match: (e: NodeEvent) => boolean; resolve: (e: NodeEvent) => void }[] = [];
  #nextId = 1;
  #exited: Promise<void>;

  private constructor(url: string, channel: string, script: string, args: readonly string[]) {
    this.#child = fork(join(__dirname, 'fixtures', script), [url, channel, ...args], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.#child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.#exited = new Promise((resolve) => this.#child.once('exit', () => resolve()));
    this.#child.on(
      'message',
      (
        message: { id?: number; value?: unknown; error?: { name: string; code?: string; message: string } } & NodeEvent,
      ) => {
        if (message.id !== undefined) {
          const pending = this.#pending.get(message.id);
          this.#pending.delete(message.id);
          if (message.error)
            pending?.reject(new NodeCommandError(message.error.name, message.error.code, message.error.message));
          else pending?.resolve(message.value);
          return;
        }
        this.events.push(message);
        for (const waiter of [...this.#waiters]) {
          if (!waiter.match(message)) continue;
          this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      },
    );
  }

  /**
   * Starts a node and resolves once it listens and is subscribed: `fixtures/cluster-node.js` (the pub/sub adapter),
   * or another fixture `script` with extra `args`.
   */
  static async start(
    url: string,
    channel: string,
    script = 'cluster-node.js',
    args: readonly string[] = [],
  ): Promise<ClusterNode> {
    const node = new ClusterNode(url, channel, script, args);
    const exited = node.#exited.then(() => {
      throw new Error(`cluster node exited during startup:\n${node.stderr}`);
    });
    const ready = await Promise.race([node.waitFor((e) => e.type === 'ready'), exited]);
    node.port = ready.port as number;
    return node;
  }

  get pid(): number {
    return this.#child.pid!;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Runs a command in the node and resolves with its result. */
  run<T = unknown>(op: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#child.send({ id, op, ...params });
    });
  }

  /** Resolves with the first event (already received or future) that matches. */
  waitFor(match: (event: NodeEvent) => boolean, since = 0): Promise<NodeEvent> {
    const seen = this.events.slice(since).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }

  /** True while the child process runs. */
  get isAlive(): boolean {
    return this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** Closes the server and waits for the process to exit (killing it if it does not within 2 s). */
  async stop(): Promise<void> {
    if (!this.isAlive) return;
    this.run('close').catch(() => {});
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 2000);
    await this.#exited;
    clearTimeout(timer);
  }

  /** Kills the process at once (a crashed server). */
  async kill(): Promise<void> {
    this.#child.kill('SIGKILL');
    await this.#exited;
  }
}

/** A free TCP port on loopback (bound and released at once). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The redis-server binary the outage test starts (never the shared Redis): REDIS_SERVER_BIN, or found on PATH. */
export const REDIS_SERVER_BIN = process.env.REDIS_SERVER_BIN || findOnPath('redis-server') || '/usr/bin/redis-server';

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * For a `before` hook of a test that starts its own redis-server: skips the suite, with the reason, when the binary is
 * missing; fails instead when `CLASSIO_REQUIRE_REDIS` is set.
 */
export function requireRedisServer(context: Mocha.Context): void {
  if (existsSync(REDIS_SERVER_BIN)) return;
  const reason = `${REDIS_SERVER_BIN} not found (set REDIS_SERVER_BIN)`;
  if (process.env.CLASSIO_REQUIRE_REDIS) throw new Error(`${reason} and CLASSIO_REQUIRE_REDIS is set`);
  console.log(`    (skipped: ${reason})`);
  context.skip();
}

/** A throw-away redis-server on its own port, without persistence, that a test can stop and start again. */
export class ScratchRedis {
  #process: ChildProcess | null = null;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts redis-server and resolves once it answers PING. */
  async start(): Promise<void> {
    const child = spawn(
      REDIS_SERVER_BIN,
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { stdio: 'ignore' },
    );
    this.#process = child;
    const failed = new Promise<never>((_, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code} on port ${this.port}`)));
    });
    failed.catch(() => {});
    // Polling for the listening socket is part of the setup, not of any assertion.
    for (;;) {
      if (await Promise.race([isRedisReachable(this.url), failed])) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stops redis-server (SIGTERM; no persistence, so it exits at once) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.#process;
    this.#process = null;
    if (child === null || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
