import { hostname } from 'node:os';
import cluster from 'node:cluster';
import type { Server } from '../server';
import type { ServerNamespace } from '../namespace/server-namespace';
import type { EngineCloseReason, EngineConnection, EngineData } from '../engine/types';
import { byteLength, framesLength } from '../observability/traffic';

/** One count of the UI's dashboard charts: how many `type` (`subType`, e.g. a close reason) happened in a second. */
export interface AggregatedEvent {
  timestamp: number;
  type: string;
  subType?: string;
  count: number;
}

/**
 * Counts engine events per second until the next `server_stats` takes them. The current second's counts are
 * plain map entries keyed by a constant string, so that counting a received packet allocates nothing.
 */
export class EventCounter {
  #second = 0;
  #counts = new Map<string, number>();
  readonly #done: AggregatedEvent[] = [];

  /** Adds `count` to `type` (a constant string; `subType` only for rare events) in the current second. */
  add(type: string, count = 1, subType?: string): void {
    const now = Date.now();
    const second = now - (now % 1000);
    if (second !== this.#second) {
      this.#close();
      this.#second = second;
    }
    const key = subType === undefined ? type : `${type}\u0000${subType}`;
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + count);
  }

  /** Everything counted since the last call. */
  take(): AggregatedEvent[] {
    this.#close();
    return this.#done.splice(0);
  }

  #close(): void {
    for (const [key, count] of this.#counts) {
      const at = key.indexOf('\u0000');
      this.#done.push(
        at === -1
          ? { timestamp: this.#second, type: key, count }
          : { timestamp: this.#second, type: key.slice(0, at), subType: key.slice(at + 1), count },
      );
    }
    this.#counts.clear();
  }
}

/**
 * Counts the engine's connections and closes, and the packets and bytes each connection receives and sends, for the
 * dashboard's charts (`rawConnection`, `rawDisconnection`, `packetsIn`, `bytesIn`, `packetsOut`, `bytesOut`: the
 * types the official UI reads). The bytes come from the server's traffic probe, which every connection opened from
 * now on calls once per message received and per packet written: that is all production mode adds per message.
 */
export function countEngineEvents(server: Server, counter: EventCounter): void {
  server.addTrafficProbe({
    bytesIn(_transport: string, data: EngineData): void {
      counter.add('packetsIn');
      counter.add('bytesIn', byteLength(data));
    },
    bytesOut(_transport: string, frames: readonly EngineData[]): void {
      counter.add('packetsOut');
      counter.add('bytesOut', framesLength(frames));
    },
  });
  const onClose = (reason: EngineCloseReason): void => counter.add('rawDisconnection', 1, reason);
  server.engine.on('connection', (conn: EngineConnection) => {
    counter.add('rawConnection');
    conn.on('close', onClose);
  });
}

/** The `server_stats` event, as the UI's dashboard and Servers page read it. */
export interface ServerStats {
  serverId: string;
  hostname: string;
  pid: number;
  uptime: number;
  clientsCount: number;
  pollingClientsCount: number;
  aggregatedEvents: AggregatedEvent[];
  namespaces: { name: string; socketsCount: number }[];
}

/** Builds this process's stats, taking the counts gathered since the last call. */
export function collectStats(server: Server, serverId: string, counter: EventCounter): ServerStats {
  let pollingClientsCount = 0;
  for (const conn of server.engine.clients.values()) if (conn.transportName === 'polling') pollingClientsCount++;
  const namespaces: { name: string; socketsCount: number }[] = [];
  for (const nsp of server.namespaces.values() as Iterable<ServerNamespace>) {
    namespaces.push({ name: nsp.name, socketsCount: nsp.sockets.size });
  }
  return {
    serverId,
    hostname: hostname(),
    pid: process.pid,
    uptime: process.uptime(),
    clientsCount: server.engine.clientsCount,
    pollingClientsCount,
    aggregatedEvents: counter.take(),
    namespaces,
  };
}

/** The reference's default server id: the hostname, and the pid in a cluster worker. */
export function defaultServerId(): string {
  return cluster.isWorker ? `${hostname()}#${process.pid}` : hostname();
}
