import { type Socket } from 'node:net';
import WebSocket from 'ws';
import { type OpenPacket, type RawResponse } from './raw-engine-client';
/** Sends one HTTP request to `path` on the local server at `port` and reads the whole answer; never rejects on a reset socket. */
export declare function requestOnPort(port: number, method: string, path: string, body?: string | Buffer, headers?: Record<string, string>): Promise<RawResponse>;
/** A raw websocket Engine.IO client. Frames are recorded as strings (text) and Buffers (binary). */
export declare class RawWebSocket {
    #private;
    readonly frames: (string | Buffer)[];
    readonly ws: WebSocket;
    /** Resolves with the close code once the server (or we) closed the socket. */
    readonly closed: Promise<number>;
    /** Resolves with the HTTP status when the upgrade is refused. */
    readonly refused: Promise<{
        status: number;
        body: string;
    }>;
    /** Answers pings automatically unless set to false (a client that stopped answering). */
    shouldAnswerPings: boolean;
    constructor(port: number, query?: string, headers?: Record<string, string>);
    /** Connects over websocket and waits for the open packet. */
    static open(port: number, query?: string, headers?: Record<string, string>): Promise<RawWebSocket>;
    /** Opens a session and joins namespace `nsp` (default `/`); resolves once the CONNECT answer arrived. */
    static connect(port: number, nsp?: string, auth?: object): Promise<RawWebSocket>;
    get isOpen(): boolean;
    /** The session id from the open packet. */
    get sid(): string;
    send(frame: string | Buffer): void;
    /** Resolves with the first recorded frame matching `predicate` (already received or to come). */
    next(predicate: (frame: string | Buffer) => boolean, timeoutMs?: number): Promise<string | Buffer>;
    close(): void;
}
/** A raw HTTP long-polling Engine.IO client: a `RawPollingClient` that joins namespaces and splits payloads. */
export declare class RawPolling {
    #private;
    private constructor();
    get sid(): string;
    get open(): OpenPacket;
    /** Performs the handshake (GET without sid). */
    static open(port: number, query?: string, headers?: Record<string, string>): Promise<RawPolling>;
    /** Opens a session and joins namespace `nsp`. */
    static connect(port: number, nsp?: string): Promise<RawPolling>;
    /** The session's path and query (`/socket.io/?...&sid=`), for requests the test builds itself. */
    get path(): string;
    /** POSTs a raw body (a v4 payload: packets joined by \x1e). */
    post(body: string | Buffer, headers?: Record<string, string>): Promise<RawResponse>;
    /** GETs once and splits the payload into packets; a refused GET rejects with its status and body. */
    poll(): Promise<string[]>;
    /** GETs until the server closes the session: resolves with what the last poll said (close packet or error). */
    pollUntilClosed(maxPolls?: number): Promise<{
        status: number;
        packets: string[];
    }>;
}
/**
 * A websocket client that joins `/` and then stops reading: its TCP receive window fills, the server's socket
 * buffers grow, and only the server's `maxBufferedBytes` bound can end it. Spoken over a bare TCP socket so that
 * reading can really stop (a `ws` client always reads).
 */
export declare function openStalledWebSocket(port: number, query?: string): Promise<{
    sid: string;
    socket: Socket;
}>;
