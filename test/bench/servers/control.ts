import * as fs from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { AddressInfo } from 'node:net';
import { IpcChannel } from '../support/ipc';

/** What a peer server reports when asked for its memory (after a full GC when `--expose-gc` is on). */
export interface MemorySample {
  rss: number;
  heapUsed: number;
  /** Bytes V8 has committed for its young generation (new space): sized by allocation rate, not by what is kept. */
  youngGeneration: number;
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
  let youngGeneration = 0;
  for (const space of v8.getHeapSpaceStatistics()) {
    if (space.space_name === 'new_space' || space.space_name === 'new_large_object_space') {
      youngGeneration += space.physical_space_size;
    }
  }
  return { rss: usage.rss, heapUsed: usage.heapUsed, youngGeneration, isAfterGc: gc !== undefined };
}

/**
 * Profiles the measured window only (not start-up, connects or warm-up), through the inspector of this process.
 * V8 samples on its own thread; 200 µs gives enough samples in a few seconds.
 */
class WindowProfiler {
  private readonly session = new Session();

  constructor() {
    this.session.connect();
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.session.post('Profiler.enable', (enableError) => {
        if (enableError) return reject(enableError);
        this.session.post('Profiler.setSamplingInterval', { interval: 200 }, () => {
          this.session.post('Profiler.start', (startError) => (startError ? reject(startError) : resolve()));
        });
      });
    });
  }

  /** Stops and writes the profile into `directory`; resolves with the file. */
  stop(directory: string, name: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.session.post('Profiler.stop', (error, result) => {
        if (error) return reject(error);
        fs.mkdirSync(directory, { recursive: true });
        const file = path.join(
          directory,
          `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.cpuprofile`,
        );
        fs.writeFileSync(file, JSON.stringify(result.profile));
        resolve(file);
      });
    });
  }
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
 * (default 0), prints the port and stops on SIGINT/SIGTERM. With BENCH_PROFILE the runner also has it profile the
 * measured window.
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
  let profiler: WindowProfiler | null = null;
  channel
    .handle('memory', () => sampleMemory())
    .handle('cpu', () => {
      const usage = process.cpuUsage();
      return usage.user + usage.system;
    })
    .handle('heap-snapshot', async (body: { file: string }) => {
      // After a full GC, as the memory sample: what the snapshot shows is what stays.
      await sampleMemory();
      return v8.writeHeapSnapshot(body.file);
    })
    .handle('profile-start', () => {
      profiler ??= new WindowProfiler();
      return profiler.start();
    })
    .handle('profile-stop', (body: { directory: string }) => {
      if (profiler === null) throw new Error('the profiler was not started');
      return profiler.stop(body.directory, name.replace(/\W+/g, '-'));
    })
    .handle('stop', () => {
      setImmediate(() => void stop());
      return true;
    });
  process.once('disconnect', () => void stop());
  channel.notify('ready', { port: peer.port, pid: process.pid });
}
