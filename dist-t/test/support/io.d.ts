import { type Socket as ClientSocket, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import { Server, type ServerOptions } from '../../src/server';
/**
 * The three ways an official client reaches the server. Every protocol-facing suite runs once per mode (the
 * transport contract, as hono's router suites run once per router).
 */
export interface TransportMode {
    readonly name: 'websocket' | 'polling' | 'upgrade';
    readonly options: Partial<ManagerOptions & SocketOptions>;
    /** True when the test must see the client move from polling to websocket. */
    readonly shouldUpgrade: boolean;
}
export declare const TRANSPORT_MODES: readonly TransportMode[];
/** Starts a classio server on 127.0.0.1, port 0. */
export declare function startServer(options?: ServerOptions): Promise<Server>;
/** Tracks clients so that `afterEach` can close them all. */
export declare class ClientPool {
    #private;
    /**
     * Connects an official client to `nsp` and resolves once it is connected and, in upgrade mode, once the
     * transport is websocket (so that every assertion after it runs over the upgraded connection).
     */
    connect(server: Server, nsp: string, mode: TransportMode, options?: Partial<ManagerOptions & SocketOptions>): Promise<ClientSocket>;
    /** Opens a client without waiting (for refused connections). */
    open(server: Server, nsp: string, mode: TransportMode, options?: Partial<ManagerOptions & SocketOptions>): ClientSocket;
    /**
     * Closes every client and resolves once their engines are closed (or after `CLOSE_SETTLE_MS`), so that the server
     * is still there while they finish. engine.io-client cannot close between an upgrade probe's pong and the switch:
     * it waits for the upgrade, its polling transport paused. If `afterEach` closed the server then, the probe would
     * fail without `upgrading` ever being reset, and the client would wait forever while its 45 s ping timer holds the
     * process: the leak check found it after about one run in twelve of the upgrade-mode connect tests.
     */
    closeAll(): Promise<void>;
}
/**
 * Resolves once the engine of `client` is closed, or after `CLOSE_SETTLE_MS`. Await it after `disconnect()` and
 * before closing the server (see {@link ClientPool.closeAll} for why).
 */
export declare function whenEngineClosed(client: ClientSocket): Promise<void>;
/** Resolves once the client's engine runs on websocket. */
export declare function waitForUpgrade(client: ClientSocket): Promise<void>;
/** Resolves with the arguments of the next `event` on `client`. */
export declare function nextEvent<T extends unknown[] = unknown[]>(client: ClientSocket, event: string): Promise<T>;
/** Collects every `event` a client receives. */
export declare function collect(client: ClientSocket, event: string): unknown[][];
/** Resolves after `ms` milliseconds (to let a packet that must NOT arrive have its chance). */
export declare function delay(ms: number): Promise<void>;
/** Resolves once `predicate` holds, polling every 5 ms; rejects after `timeoutMs` with `what`. */
export declare function until(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
