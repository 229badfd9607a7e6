import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IpcChannel } from '../support/ipc';

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

const gc = (globalThis as { gc?: () => void }).gc;

/** Collects garbage until RSS and heap settle a little (one pass leaves weak and finalizable objects behind). */
async function sampleMemory(): Promise<MemorySample> {
  if (gc !== undefined) {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const usage = process.memoryUsage();
  return { rss: usage.rss, heapUsed: usage.heapUsed, isAfterGc: gc !== undefined };
}

/** The port an http server listens on. */
export function portOf(server: HttpServer): number {
  return (server.address() as AddressInfo).port;
}

/**
 * Runs a peer server under the bench runner's control, or alone.
 *
 * Under the runner (an IPC channel exists) the server reports its port, answers `memory` and `cpu` requests, and
 * exits on `stop` or as soon as the runner goes away, so no server outlives a run. Alone it listens on `PORT`
 * (default 0), prints the port and stops on SIGINT/SIGTERM.
 */
export async function runPeer(name: string, start: (port: number) => Promise<StartedPeer>): Promise<void> {
  const port = Number(process.env.PORT ?? 0);
  const peer = await start(port);
  let isStopping = false;
  const stop = async (): Promise<void> => {
    if (isStopping) return;
    isStopping = true;
    // A close that hangs (a client that never acknowledges) must not keep the process: exit regardless.
    const timer = setTimeout(() => process.exit(0), 3_000);
    timer.unref();
    await peer.close().catch(() => undefined);
    process.exit(0);
  };
  if (process.send === undefined) {
    console.log(`${name} bench peer listening on 127.0.0.1:${peer.port}`);
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    return;
  }
  const channel = new IpcChannel(process);
  channel
    .handle('memory', () => sampleMemory())
    .handle('cpu', () => {
      const usage = process.cpuUsage();
      return usage.user + usage.system;
    })
    .handle('stop', () => {
      setImmediate(() => void stop());
      return true;
    });
  process.once('disconnect', () => void stop());
  channel.notify('ready', { port: peer.port, pid: process.pid });
}
