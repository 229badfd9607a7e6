import type { Server } from '../server';
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
export declare class EventCounter {
    #private;
    /** Adds `count` to `type` (a constant string; `subType` only for rare events) in the current second. */
    add(type: string, count?: number, subType?: string): void;
    /** Everything counted since the last call. */
    take(): AggregatedEvent[];
}
/**
 * Counts the engine's connections, closes and received packets for the dashboard. The listeners are created once
 * per `instrument()` and shared by every connection; a received packet costs one more listener call and a count.
 * Packets and bytes sent are not counted: the engine reports no event per write, and one would cost every write.
 */
export declare function countEngineEvents(server: Server, counter: EventCounter): void;
/** The `server_stats` event, as the UI's dashboard and Servers page read it. */
export interface ServerStats {
    serverId: string;
    hostname: string;
    pid: number;
    uptime: number;
    clientsCount: number;
    pollingClientsCount: number;
    aggregatedEvents: AggregatedEvent[];
    namespaces: {
        name: string;
        socketsCount: number;
    }[];
}
/** Builds this process's stats, taking the counts gathered since the last call. */
export declare function collectStats(server: Server, serverId: string, counter: EventCounter): ServerStats;
/** The reference's default server id: the hostname, and the pid in a cluster worker. */
export declare function defaultServerId(): string;
