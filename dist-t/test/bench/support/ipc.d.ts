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
/** One side of a request/reply channel. */
export declare class IpcChannel {
    private readonly endpoint;
    private nextId;
    private readonly pending;
    private readonly handlers;
    constructor(endpoint: IpcEndpoint);
    /** Answers requests of `type` with `handler`'s (awaited) value; `B` is what the requesting side sends. */
    handle<B>(type: string, handler: (body: B) => unknown): this;
    /** Sends a request and resolves with the other side's answer; rejects after `timeoutMs`. */
    request<T>(type: string, body?: unknown, timeoutMs?: number): Promise<T>;
    /** Sends a message that expects no answer. */
    notify(type: string, body?: unknown): void;
    /** Rejects every request still waiting (the other side went away). */
    failPending(error: Error): void;
    private post;
    private receive;
}
