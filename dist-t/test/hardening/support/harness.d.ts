import type { Socket as ClientSocket } from 'socket.io-client';
import type { Server, ServerOptions } from '../../../src/server';
import type { Socket } from '../../../src/namespace/socket';
import { ClientPool, type TransportMode } from '../../support/io';
/** The two raw transports an offender uses; the bystander uses the official client over the same one. */
export declare const RAW_TRANSPORTS: readonly ["websocket", "polling"];
export type RawTransport = (typeof RAW_TRANSPORTS)[number];
export declare function modeOf(transport: RawTransport): TransportMode;
/**
 * A server, a bystander and a record of how every Engine.IO session ended. The bystander is an official client
 * connected to `/` for the whole test: `assertBystanderHealthy()` proves it received every tick sent to it, in
 * order, and that its acks are still answered, i.e. nothing the offender did reached it.
 */
export declare class Harness {
    #private;
    readonly pool: ClientPool;
    /** How each engine session ended, by session id. */
    readonly closeReasons: Map<string, string>;
    /** Why each namespace socket ended, by engine session id (the last one of that session). */
    readonly socketReasons: Map<string, string>;
    /** Errors that escaped to the process during the test. */
    readonly escaped: unknown[];
    /** Errors reported through the server's logger. */
    readonly logged: unknown[];
    server: Server;
    bystander: ClientSocket;
    bystanderSocket: Socket;
    static start(transport: RawTransport | TransportMode, options?: ServerOptions): Promise<Harness>;
    /** Sends the bystander its next tick. */
    tick(): void;
    /** Asserts the bystander is still connected, got every tick in order, and gets ack answers. */
    assertBystanderHealthy(): Promise<void>;
    /** Waits until the engine session `sid` ended and returns its reason. */
    closeReasonOf(sid: string): Promise<string>;
    /** Waits until a namespace socket of session `sid` ended and returns its reason. */
    socketReasonOf(sid: string): Promise<string>;
    /** The engine session id of the only session that is not the bystander's. */
    offenderSid(): string;
    stop(): Promise<void>;
    assertNothingEscaped(): void;
}
