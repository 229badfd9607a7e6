import type { Socket as NetSocket } from 'node:net';
import type { Socket as ClientSocket } from 'socket.io-client';
/** One server-to-client WebSocket frame as it crossed the wire (RFC 6455 section 5.2; server frames are unmasked). */
export interface WireFrame {
    /** RSV1: the "compressed" bit of permessage-deflate (RFC 7692 section 6). */
    readonly isCompressed: boolean;
    readonly opcode: number;
    /** The payload as sent: compressed bytes when `isCompressed`. */
    readonly payload: Buffer;
}
/** The `ws` WebSocket under an official client on websocket (its transport keeps it as `ws`). */
interface ClientWebSocket {
    readonly extensions: string;
    readonly _socket: NetSocket;
}
/** The client's underlying websocket (the client must be connected over websocket). */
export declare function clientWebSocket(client: ClientSocket): ClientWebSocket;
/**
 * Records the frames a connected official client receives, read from its TCP socket beside `ws` (which still reads
 * everything itself). Start it while the connection is quiet, so that the first bytes begin a frame.
 */
export declare class FrameTap {
    #private;
    readonly frames: WireFrame[];
    /** Bytes received since the tap started, frame headers included. */
    bytes: number;
    constructor(client: ClientSocket);
}
export {};
