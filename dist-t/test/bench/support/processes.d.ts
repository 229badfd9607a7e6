import { type ChildProcess } from 'node:child_process';
import { IpcChannel } from './ipc';
import type { ComparedRef } from './compare';
import type { AnyPeerName, BenchOptions, PeerName } from './suite';
/**
 * The peers and how the runner starts them: each server and each load generator is a child process pinned with
 * `taskset` (server on core 0, load on core 1), so they never compete for one core and the runner, which only
 * relays a few IPC messages, stays out of the way.
 */
/** How to start one peer server. */
export interface PeerSpec {
    readonly name: AnyPeerName;
    /** The compiled server file. */
    readonly script: string;
    readonly args: readonly string[];
    /** Whether BENCH_PROFILE applies to it. */
    readonly isClassio: boolean;
}
/** Every peer the suites can name. */
export declare const PEERS: Readonly<Record<PeerName, PeerSpec>>;
/** The twin of a classio peer that runs the compared ref's compiled server with the same arguments. */
export declare function refPeer(base: PeerName, compared: ComparedRef): PeerSpec;
/** The cores: server on 0, load generator on 1. */
export declare const SERVER_CORE = 0;
export declare const LOAD_CORE = 1;
/** Whether `taskset` exists and may set affinities here. */
export declare function canPin(): boolean;
/** Spawns `node <nodeArgs>` with an IPC channel, pinned to `core` when pinning is on and possible. */
export declare function spawnNode(core: number, nodeArgs: readonly string[], shouldPin: boolean): ChildProcess;
/** Resolves when the child has exited; kills it (by its own pid) if it has not within `graceMs`. */
export declare function waitForExit(child: ChildProcess, graceMs: number): Promise<void>;
/** A peer server started by the runner. */
export interface RunningPeer {
    readonly port: number;
    readonly channel: IpcChannel;
    /** Asks the server to close and waits for its exit (killing it after a grace period). */
    stop(): Promise<void>;
}
/** Starts a peer server pinned to the server core and waits for its port. */
export declare function startPeer(spec: PeerSpec, options: BenchOptions): Promise<RunningPeer>;
