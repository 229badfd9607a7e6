import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
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

const SERVERS = path.join(__dirname, '..', 'servers');

/** A variant of test/bench/servers/classio-server.ts. */
function classioPeer(name: PeerName, variant: string): PeerSpec {
  return { name, script: path.join(SERVERS, 'classio-server.js'), args: [variant], isClassio: true };
}

/** A variant of test/bench/servers/socketio-server.ts. */
function socketIoPeer(name: PeerName, variant: string): PeerSpec {
  return { name, script: path.join(SERVERS, 'socketio-server.js'), args: [variant], isClassio: false };
}

/** Every peer the suites can name. */
export const PEERS: Readonly<Record<PeerName, PeerSpec>> = {
  classio: classioPeer('classio', 'app'),
  'socket.io': socketIoPeer('socket.io', 'plain'),
  'bare-ws': { name: 'bare-ws', script: path.join(SERVERS, 'bare-ws-server.js'), args: [], isClassio: false },
  'classio-socket-on': classioPeer('classio-socket-on', 'socket-on'),
  'classio-plain': classioPeer('classio-plain', 'plain'),
  'classio-decorated': classioPeer('classio-decorated', 'decorated'),
  'classio-dto': classioPeer('classio-dto', 'dto'),
  'classio-msgpack': classioPeer('classio-msgpack', 'msgpack'),
  'socket.io-msgpack': socketIoPeer('socket.io-msgpack', 'msgpack'),
  'classio-metrics': classioPeer('classio-metrics', 'metrics'),
  'classio-tracing': classioPeer('classio-tracing', 'tracing'),
  'classio-intercepted': classioPeer('classio-intercepted', 'intercepted'),
  'classio-throttled': classioPeer('classio-throttled', 'throttled'),
  'classio-recovery': classioPeer('classio-recovery', 'app-recovery'),
  'socket.io-recovery': socketIoPeer('socket.io-recovery', 'recovery'),
  'classio-catch-all': classioPeer('classio-catch-all', 'catch-all'),
  'classio-dynamic': classioPeer('classio-dynamic', 'dynamic'),
  'classio-deflate': classioPeer('classio-deflate', 'deflate'),
  'classio-admin-ui': classioPeer('classio-admin-ui', 'admin-ui'),
  'socket.io-catch-all': socketIoPeer('socket.io-catch-all', 'catch-all'),
  'socket.io-dynamic': socketIoPeer('socket.io-dynamic', 'dynamic'),
  'socket.io-deflate': socketIoPeer('socket.io-deflate', 'deflate'),
  'socket.io-admin-ui': socketIoPeer('socket.io-admin-ui', 'admin-ui'),
};

/** The twin of a classio peer that runs the compared ref's compiled server with the same arguments. */
export function refPeer(base: PeerName, compared: ComparedRef): PeerSpec {
  const spec = PEERS[base];
  const script = path.join(compared.directory, 'dist', 'test', 'bench', 'servers', path.basename(spec.script));
  return { ...spec, name: `${base}@ref`, script };
}

/** The cores: server on 0, load generator on 1. */
export const SERVER_CORE = 0;
export const LOAD_CORE = 1;

let isTasksetAvailable: boolean | undefined;

/** Whether `taskset` exists and may set affinities here. */
export function canPin(): boolean {
  if (isTasksetAvailable === undefined) {
    const probe = spawnSync('taskset', ['-c', String(LOAD_CORE), process.execPath, '-e', '0'], { stdio: 'ignore' });
    isTasksetAvailable = probe.status === 0;
  }
  return isTasksetAvailable;
}

/** Spawns `node <nodeArgs>` with an IPC channel, pinned to `core` when pinning is on and possible. */
export function spawnNode(core: number, nodeArgs: readonly string[], shouldPin: boolean): ChildProcess {
  const stdio: ['ignore', 'inherit', 'inherit', 'ipc'] = ['ignore', 'inherit', 'inherit', 'ipc'];
  if (shouldPin && canPin()) {
    return spawn('taskset', ['-c', String(core), process.execPath, ...nodeArgs], { stdio });
  }
  return spawn(process.execPath, [...nodeArgs], { stdio });
}

/** Resolves when the child has exited; kills it (by its own pid) if it has not within `graceMs`. */
export function waitForExit(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A peer server started by the runner. */
export interface RunningPeer {
  readonly port: number;
  readonly channel: IpcChannel;
  /** Asks the server to close and waits for its exit (killing it after a grace period). */
  stop(): Promise<void>;
}

/** Starts a peer server pinned to the server core and waits for its port. */
export async function startPeer(spec: PeerSpec, options: BenchOptions): Promise<RunningPeer> {
  const child = spawnNode(SERVER_CORE, ['--expose-gc', spec.script, ...spec.args], options.shouldPin);
  const channel = new IpcChannel(child);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${spec.name} server did not start within 20 s`));
    }, 20_000);
    channel.handle('ready', (body: { port: number }) => {
      clearTimeout(timer);
      resolve(body.port);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${spec.name} server exited before listening (code ${code}, signal ${signal})`));
    });
  });
  child.on('exit', () => channel.failPending(new Error(`${spec.name} server exited`)));
  return {
    port,
    channel,
    stop: async () => {
      if (child.connected) channel.notify('stop');
      await waitForExit(child, 10_000);
    },
  };
}
