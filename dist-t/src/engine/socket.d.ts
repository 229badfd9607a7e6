import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Packet } from 'engine.io-parser';
import type { EngineSettings } from './options';
import { type Transport, type TransportOwner } from './transport';
import type { EngineCloseReason, EngineConnection, EngineData, HandshakeRequest, SendOptions, TransportName } from './types';
/** What a session needs from its server: the settings, and a way to unregister itself when it closes. */
export interface SessionHost {
    readonly settings: EngineSettings;
    release(socket: EngineSocket): void;
}
/**
 * One Engine.IO session (engine.io-protocol v4), implementing {@link EngineConnection} for the layers above.
 *
 * It owns the write buffer (flushed once per tick, or as soon as a polling GET arrives), the server-driven
 * heartbeat (a ping every `pingInterval`; no pong within `pingTimeout` closes with `ping timeout`) and the upgrade
 * from polling to websocket. `close` is emitted exactly once, after which the session is unregistered.
 */
export declare class EngineSocket extends EventEmitter implements EngineConnection, TransportOwner {
    #private;
    readonly id: string;
    readonly request: HandshakeRequest;
    readonly remoteAddress: string;
    /**
     * The Engine.IO protocol version of the session: 4, or 3 for a client `allowEIO3` admitted. In v3 the client
     * pings and the server answers, and the session ends when no packet came for `pingInterval + pingTimeout`.
     */
    readonly protocol: 3 | 4;
    constructor(id: string, host: SessionHost, transport: Transport, request: IncomingMessage);
    get transportName(): TransportName;
    /** The current transport (engine-internal: the server hands it the session's polling requests). */
    get transport(): Transport;
    get readyState(): EngineConnection['readyState'];
    /** Whether an upgrade to websocket is in progress. */
    get isUpgrading(): boolean;
    /** Whether the session has been upgraded to websocket. */
    get isUpgraded(): boolean;
    send(data: EngineData, options?: SendOptions): void;
    sendAll(data: readonly EngineData[], options?: SendOptions): void;
    close(): void;
    /** @internal Ends the session at once with `reason` (server shutdown); the transport is closed without waiting. */
    closeNow(reason: EngineCloseReason): void;
    /**
     * @internal Offers a websocket transport for an upgrade (engine.io-protocol v4, "Upgrade"): the client probes it with
     * `2probe`, the server answers `3probe` and ends the pending poll with a noop, and `5` switches transports.
     */
    offerUpgrade(transport: Transport): void;
    /** @internal TransportOwner. */
    onTransportMessage(transport: Transport, data: EngineData): void;
    /** @internal TransportOwner. */
    onTransportPacket(transport: Transport, packet: Packet): void;
    /** @internal TransportOwner. */
    onTransportDrain(transport: Transport): void;
    /** @internal TransportOwner. */
    onTransportError(transport: Transport, reason: EngineCloseReason, description: unknown): void;
    /** @internal TransportOwner. */
    onTransportClose(transport: Transport): void;
}
