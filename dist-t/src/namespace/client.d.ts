import { type Packet } from '../protocol/packet';
import { type PacketEncoder, type Parser } from '../protocol/custom-parser';
import type { EngineCloseReason, EngineConnection, EngineData } from '../engine/types';
import type { ServerNamespace } from './server-namespace';
import type { Socket } from './socket';
import type { Instrumentation } from './instrumentation';
/** What a client sees of its server. */
export interface ClientHost {
    /**
     * @internal A registered namespace, or a child of a dynamic one that accepts the name (created then, possibly
     * after an asynchronous test), or undefined: the client then gets CONNECT_ERROR `Invalid namespace`.
     */
    namespace(name: string, auth: Record<string, unknown>): ServerNamespace | undefined | Promise<ServerNamespace | undefined>;
    /** How long a connection may stay without any namespace before it is closed, in ms. */
    readonly connectTimeout: number;
    /** The most binary attachments one packet may announce. */
    readonly maxAttachments: number;
    /** @internal The custom parser (the `parser` option), or null for the default one. */
    readonly parser: Parser | null;
    /** @internal Encodes packets for this server's clients (the default `encodePacket`, or the custom parser's). */
    readonly encode: PacketEncoder;
    /** @internal Reports an error nobody handled; never throws. */
    logError(message: string, err: unknown): void;
    /** @internal Metrics, traces and logs, or null when all are off. */
    readonly instrumentation: Instrumentation | null;
}
/**
 * One Engine.IO connection, multiplexing the client's namespaces (socket.io-protocol, "Connection to a
 * namespace"). It routes the packets its decoder hands it to the socket of their namespace, and closes every
 * socket when the connection goes or sends what is not a sound packet.
 */
export declare class Client {
    #private;
    readonly conn: EngineConnection;
    /** @internal Encodes this client's packets: the server's encoder, kept here for the socket's emits. */
    readonly encode: PacketEncoder;
    constructor(host: ClientHost, conn: EngineConnection);
    /** Whether the client speaks Socket.IO v2 over Engine.IO v3 (`allowEIO3`). */
    get isV2(): boolean;
    /**
     * Writes encoded frames (one Socket.IO packet). The engine drops volatile frames its transport cannot write at
     * once, and sends the frames uncompressed when `shouldCompress` is false.
     */
    write(frames: readonly EngineData[], isVolatile: boolean, shouldCompress?: boolean): void;
    /** Encodes and writes one packet. */
    writePacket(packet: Packet): void;
    /** Closes the whole connection: every namespace of this client ends with `forced close`. */
    close(): void;
    /** The client's socket in namespace `name`, if it joined it. */
    socketOf(name: string): Socket | undefined;
    /** Whether the client is in any namespace. */
    get hasSockets(): boolean;
    /** @internal A socket of this client started connecting to a namespace. */
    attach(socket: Socket): void;
    /** @internal A socket of this client ended. */
    remove(socket: Socket): void;
    /** @internal The first namespace connection clears the connect timeout. */
    onNamespaceConnected(): void;
    /** @internal Decodes one Engine.IO message; its packet comes back through {@link onPacket}. */
    onData(data: EngineData): void;
    /** @internal PacketSink: a sound packet of this connection. */
    onPacket(packet: Packet): void;
    /** @internal PacketSink: a message that is not a sound packet ends the connection, as the reference server does. */
    onParseError(reason: string): void;
    /** @internal The connection ended: every socket ends with the engine's reason. */
    onClose(reason: EngineCloseReason): void;
}
