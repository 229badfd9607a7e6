import type { CallHandler, ExecutionContext, Interceptor } from '../../src';
/** The app's settings, injected into the namespaces and the guard of one app (each app has its own container). */
export declare class ChatSettings {
    /** The token `/private` accepts in the handshake's auth. */
    readonly token: string;
    /** Where log lines go. */
    readonly log: (line: string) => void;
    constructor(
    /** The token `/private` accepts in the handshake's auth. */
    token: string, 
    /** Where log lines go. */
    log: (line: string) => void);
}
/**
 * The server-wide background task of Flask-SocketIO's example: started by the first connection, it calls `tick`
 * with 1, 2, 3, ... every `intervalMs` until stopped. An interval of 0 disables it.
 */
export declare class BackgroundTicker {
    #private;
    readonly intervalMs: number;
    constructor(intervalMs: number, tick: (count: number) => void);
    get isRunning(): boolean;
    /** Starts the task unless it runs already (or is disabled). */
    start(): void;
    /** Stops the task for good (the app is closing). */
    stop(): void;
}
/**
 * The app's global interceptor (`server.useGlobalInterceptors`): logs each event's namespace, name and handling
 * time, on every namespace, without any handler saying so. The sid stays out of the line: the log tells what the
 * server did, not who did it.
 */
export declare class EventLogInterceptor implements Interceptor {
    private readonly log;
    constructor(log: (line: string) => void);
    intercept(context: ExecutionContext, next: CallHandler): Promise<unknown>;
}
