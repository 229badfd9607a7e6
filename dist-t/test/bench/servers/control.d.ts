import type { Server as HttpServer } from 'node:http';
/** What a peer server reports when asked for its memory (after a full GC when `--expose-gc` is on). */
export interface MemorySample {
    rss: number;
    heapUsed: number;
    isAfterGc: boolean;
}
/** A started peer: its port and how to stop it. */
export interface StartedPeer {
    port: number;
    close(): Promise<void>;
}
/** The port an http server listens on. */
export declare function portOf(server: HttpServer): number;
/**
 * Runs a peer server under the bench runner's control, or alone.
 *
 * Under the runner (an IPC channel exists) the server reports its port, answers `memory` and `cpu` requests, and
 * exits on `stop` or as soon as the runner goes away, so no server outlives a run. Alone it listens on `PORT`
 * (default 0), prints the port and stops on SIGINT/SIGTERM. With BENCH_PROFILE the runner also has it profile the
 * measured window.
 */
export declare function runPeer(name: string, start: (port: number) => Promise<StartedPeer>): Promise<void>;
