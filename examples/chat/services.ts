import type { CallHandler, ExecutionContext, Interceptor } from '../../src';
import { AsyncResource } from 'node:async_hooks';

/** The app's settings, injected into the namespaces and the guard of one app (each app has its own container). */
export class ChatSettings {
  constructor(
    /** The token `/private` accepts in the handshake's auth. */
    readonly token: string,
    /** Where log lines go. */
    readonly log: (line: string) => void,
  ) {}
}

/**
 * The server-wide background task of Flask-SocketIO's example: started by the first connection, it calls `tick`
 * with 1, 2, 3, ... every `intervalMs` until stopped. An interval of 0 disables it.
 */
export class BackgroundTicker {
  readonly intervalMs: number;
  readonly #tick: (count: number) => void;
  #timer: NodeJS.Timeout | null = null;
  #count = 0;
  #isStopped = false;
  /**
   * Created outside any handler: the timer is started inside this scope so that it does not capture (and keep
   * alive) the async context of the connect handler that happened to start it.
   */
  readonly #scope = new AsyncResource('classio-chat-background');

  constructor(intervalMs: number, tick: (count: number) => void) {
    this.intervalMs = intervalMs;
    this.#tick = tick;
  }

  get isRunning(): boolean {
    return this.#timer !== null;
  }

  /** Starts the task unless it runs already (or is disabled). */
  start(): void {
    if (this.#timer !== null || this.#isStopped || this.intervalMs <= 0) return;
    this.#scope.runInAsyncScope(() => {
      this.#timer = setInterval(() => this.#tick(++this.#count), this.intervalMs);
    });
  }

  /** Stops the task for good (the app is closing). */
  stop(): void {
    this.#isStopped = true;
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }
}

/**
 * The app's global interceptor (`server.useGlobalInterceptors`): logs each event's namespace, name and handling
 * time, on every namespace, without any handler saying so. The sid stays out of the line: the log tells what the
 * server did, not who did it.
 */
export class EventLogInterceptor implements Interceptor {
  constructor(private readonly log: (line: string) => void) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<unknown> {
    const start = performance.now();
    try {
      return await next.handle();
    } finally {
      this.log(
        `event "${context.event}" on ${context.namespace} handled in ${(performance.now() - start).toFixed(2)} ms`,
      );
    }
  }
}
