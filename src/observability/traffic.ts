import type { EngineData } from '../engine/types';
import type { TrafficProbe } from '../namespace/instrumentation';

/** Several traffic probes as one (the metrics and the Admin UI both counting), each called in turn. */
class TrafficFanOut implements TrafficProbe {
  constructor(private readonly probes: readonly TrafficProbe[]) {}

  bytesIn(transport: string, data: EngineData): void {
    for (const probe of this.probes) probe.bytesIn(transport, data);
  }

  bytesOut(transport: string, frames: readonly EngineData[]): void {
    for (const probe of this.probes) probe.bytesOut(transport, frames);
  }
}

/** The probe a connection calls: null for none, the probe itself for one, a fan-out for more. */
export function combineTrafficProbes(probes: readonly TrafficProbe[]): TrafficProbe | null {
  if (probes.length === 0) return null;
  return probes.length === 1 ? probes[0] : new TrafficFanOut([...probes]);
}

/** The bytes of one Engine.IO message (a string counts as its UTF-8 encoding). */
export function byteLength(data: EngineData): number {
  return typeof data === 'string' ? Buffer.byteLength(data) : data.length;
}

/** The bytes of the frames of one packet. */
export function framesLength(frames: readonly EngineData[]): number {
  let total = 0;
  for (const frame of frames) total += byteLength(frame);
  return total;
}
