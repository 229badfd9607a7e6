import { IpcChannel } from './ipc';
import type { MemorySample } from '../servers/control';
import type { BenchOptions, LoadContext, PeerName, Suite } from './suite';

/**
 * The load-generator process. The runner starts it pinned to the load core, sends one `run` request naming a
 * workload file and a peer's port, and gets the metrics back. Everything the workload asks of the server (memory,
 * CPU) goes through the runner, which owns both children.
 */

interface RunRequest {
  file: string;
  /** The suite's id: a file may export several (`suites`), as the scale curve does, one per size. */
  id: string;
  port: number;
  peer: PeerName;
  options: BenchOptions;
}

const channel = new IpcChannel(process);

/** CPU time of this process in microseconds. */
function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

channel.handle('run', async (request: RunRequest) => {
  const exported = (await import(request.file)) as { suite?: Suite; suites?: readonly Suite[] };
  const suite = exported.suites?.find((candidate) => candidate.id === request.id) ?? exported.suite;
  if (suite === undefined) throw new Error(`${request.file} exports no suite '${request.id}'`);
  let serverCpuAtStart = 0;
  let clientCpuAtStart = 0;
  let startedAt = 0;
  const cpu = { serverCpu: NaN, clientCpu: NaN };
  const context: LoadContext = {
    port: request.port,
    peer: request.peer,
    options: request.options,
    serverMemory: () => channel.request<MemorySample>('server-memory'),
    serverCpuMicros: () => channel.request<number>('server-cpu'),
    beginMeasure: async () => {
      serverCpuAtStart = await channel.request<number>('measure-begin');
      clientCpuAtStart = cpuMicros();
      startedAt = performance.now();
    },
    endMeasure: async () => {
      const clientCpu = cpuMicros() - clientCpuAtStart;
      const serverCpu = (await channel.request<number>('measure-end')) - serverCpuAtStart;
      const elapsedMicros = (performance.now() - startedAt) * 1000;
      cpu.serverCpu = (100 * serverCpu) / elapsedMicros;
      cpu.clientCpu = (100 * clientCpu) / elapsedMicros;
    },
  };
  const metrics = await suite.run(context);
  return { ...metrics, ...cpu };
});

// The runner owns this process: when it goes, so does the load.
process.once('disconnect', () => process.exit(0));
channel.notify('ready');
