/** The Redis the cluster tests use: `REDIS_URL`, or the local default. */
export declare const REDIS_URL: string;
/** A channel no other test run uses, so parallel runs on one Redis never see each other's messages. */
export declare function uniqueChannel(prefix?: string): string;
/** Resolves true when something answers PING at `url` within one second. */
export declare function isRedisReachable(url?: string): Promise<boolean>;
/**
 * For a `before` hook: skips the suite, with the reason on the console, when Redis is unreachable; fails instead
 * when `CLASSIO_REQUIRE_REDIS` is set (CI).
 */
export declare function requireRedis(context: Mocha.Context): Promise<void>;
/** A message a cluster node sends on its own (not an answer). */
export interface NodeEvent {
    type: 'ready' | 'redis' | 'serverSideEmit' | 'connection';
    [key: string]: unknown;
}
/** A failed command, re-thrown in the test with the node's error name, code and message. */
export declare class NodeCommandError extends Error {
    readonly remoteName: string;
    readonly code: string | undefined;
    constructor(remoteName: string, code: string | undefined, message: string);
}
/**
 * A classio server in a child process (`fixtures/cluster-node.ts`), driven over IPC. Its stderr is kept so that a
 * failing test can show it.
 */
export declare class ClusterNode {
    #private;
    readonly events: NodeEvent[];
    stderr: string;
    port: number;
    private constructor();
    /**
     * Starts a node and resolves once it listens and is subscribed: `fixtures/cluster-node.js` (the pub/sub adapter),
     * or another fixture `script` with extra `args`.
     */
    static start(url: string, channel: string, script?: string, args?: readonly string[]): Promise<ClusterNode>;
    get pid(): number;
    get url(): string;
    /** Runs a command in the node and resolves with its result. */
    run<T = unknown>(op: string, params?: Record<string, unknown>): Promise<T>;
    /** Resolves with the first event (already received or future) that matches. */
    waitFor(match: (event: NodeEvent) => boolean, since?: number): Promise<NodeEvent>;
    /** True while the child process runs. */
    get isAlive(): boolean;
    /** Closes the server and waits for the process to exit (killing it if it does not within 2 s). */
    stop(): Promise<void>;
    /** Kills the process at once (a crashed server). */
    kill(): Promise<void>;
}
/** A free TCP port on loopback (bound and released at once). */
export declare function findFreePort(): Promise<number>;
/** The redis-server binary the outage test starts (never the shared Redis): REDIS_SERVER_BIN, or found on PATH. */
export declare const REDIS_SERVER_BIN: string;
/** A throw-away redis-server on its own port, without persistence, that a test can stop and start again. */
export declare class ScratchRedis {
    #private;
    readonly port: number;
    constructor(port: number);
    get url(): string;
    /** Starts redis-server and resolves once it answers PING. */
    start(): Promise<void>;
    /** Stops redis-server (SIGTERM; no persistence, so it exits at once) and waits for it to exit. */
    stop(): Promise<void>;
}
