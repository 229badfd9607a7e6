/**
 * Request/reply over a Node IPC channel (a child's `process` or the parent's `ChildProcess`). The bench's three
 * processes (runner, server, load generator) talk only through this: few small messages, never per workload
 * message.
 */

/** What both sides of an IPC channel offer. */
export interface IpcEndpoint {
  send?(message: unknown): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

/** A message on the channel: a request has an id and a type; a reply names the request it answers. */
interface Envelope {
  id?: number;
  type?: string;
  replyTo?: number;
  error?: string;
  body?: unknown;
}

/** A request handler as stored: the body is whatever the other side sent. */
type Handler = (body: unknown) => unknown;

/** One side of a request/reply channel. */
export class IpcChannel {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private readonly handlers = new Map<string, Handler>();

  constructor(private readonly endpoint: IpcEndpoint) {
    endpoint.on('message', (message) => this.receive(message as Envelope));
  }

  /** Answers requests of `type` with `handler`'s (awaited) value; `B` is what the requesting side sends. */
  handle<B>(type: string, handler: (body: B) => unknown): this {
    this.handlers.set(type, handler as Handler);
    return this;
  }

  /** Sends a request and resolves with the other side's answer; rejects after `timeoutMs`. */
  request<T>(type: string, body?: unknown, timeoutMs = 30_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`IPC request '${type}' got no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
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
  notify(type: string, body?: unknown): void {
    this.post({ type, body });
  }

  /** Rejects every request still waiting (the other side went away). */
  failPending(error: Error): void {
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
  }

  private post(message: Envelope): void {
    if (this.endpoint.send === undefined)
      throw new Error('no IPC channel (the process was not started by the bench runner)');
    this.endpoint.send(message);
  }

  private receive(message: Envelope): void {
    if (message.replyTo !== undefined) {
      const entry = this.pending.get(message.replyTo);
      if (entry === undefined) return;
      this.pending.delete(message.replyTo);
      if (message.error !== undefined) entry.reject(new Error(message.error));
      else entry.resolve(message.body);
      return;
    }
    const handler = message.type === undefined ? undefined : this.handlers.get(message.type);
    if (handler === undefined) return;
    const id = message.id;
    Promise.resolve()
      .then(() => handler(message.body))
      .then(
        (body) => {
          if (id !== undefined) this.post({ replyTo: id, body });
        },
        (error: unknown) => {
          if (id !== undefined)
            this.post({ replyTo: id, error: error instanceof Error ? error.message : String(error) });
        },
      );
  }
}
