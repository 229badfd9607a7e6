import type { Server } from '../../src/server';
/**
 * The Socket.IO v2 JavaScript client (npm `socket.io-client@2`, installed as `socket.io-client-v2`), which speaks
 * Engine.IO v3. It ships no types: this is the part of its API the tests use.
 */
export interface V2Socket {
    readonly id: string;
    readonly connected: boolean;
    readonly io: {
        engine: V2Engine;
    };
    on(event: string, listener: (...args: never[]) => void): this;
    once(event: string, listener: (...args: never[]) => void): this;
    emit(event: string, ...args: unknown[]): this;
    close(): this;
}
export interface V2Engine {
    readonly id: string;
    readonly readyState: string;
    readonly transport: {
        name: string;
    };
    on(event: string, listener: (...args: never[]) => void): this;
    once(event: string, listener: (...args: never[]) => void): this;
}
export interface V2Options {
    transports?: string[];
    query?: Record<string, string>;
    forceNew?: boolean;
    reconnection?: boolean;
}
/** The v2 counterpart of `TransportMode`: the same three ways to reach the server. */
export interface V2Mode {
    readonly name: 'websocket' | 'polling' | 'upgrade';
    readonly transports: string[];
    readonly shouldUpgrade: boolean;
}
export declare const V2_MODES: readonly V2Mode[];
/** Tracks v2 clients so that `afterEach` can close them all. */
export declare class V2ClientPool {
    #private;
    /** Opens a v2 client to `nsp` without waiting. */
    open(server: Server, nsp: string, mode: V2Mode, options?: V2Options): V2Socket;
    /** Opens a v2 client and resolves once it is connected (and upgraded, in upgrade mode). */
    connect(server: Server, nsp: string, mode: V2Mode, options?: V2Options): Promise<V2Socket>;
    /** Closes every client and resolves once their engines are closed. */
    closeAll(): Promise<void>;
}
/** Resolves with the arguments of the next `event` on a v2 client. */
export declare function nextV2Event<T extends unknown[] = unknown[]>(client: V2Socket, event: string): Promise<T>;
/** A v2 acknowledged emit, as a promise of the answer's arguments. */
export declare function emitWithAckV2(client: V2Socket, event: string, ...args: unknown[]): Promise<unknown[]>;
