import { type IncomingHttpHeaders, type Server as HttpServer } from 'node:http';
import WebSocket from 'ws';
/**
 * A tiny raw Engine.IO client for protocol tests: it sends and receives wire literals (`4hello`, `2probe`,
 * `4a\x1ebAQID`) over HTTP long-polling and websocket, and decodes nothing beyond what a test asserts on.
 * The hostile-input clients of the hardening suites build on it in `raw-hostile-client.ts`.
 */
/** An HTTP answer, body as text (and as the bytes received, for an encoded body). */
export interface RawResponse {
    status: number;
    headers: IncomingHttpHeaders;
    body: string;
    rawBody?: Buffer;
}
/** The fields of an open packet. */
export interface OpenPacket {
    sid: string;
    upgrades: string[];
    pingInterval: number;
    pingTimeout: number;
    maxPayload: number;
}
/** `http://127.0.0.1:<port>`. */
export declare function baseUrlOfPort(port: number): string;
/** `http://127.0.0.1:<port>` of a listening server. */
export declare function baseUrlOf(server: HttpServer): string;
/** `ws://.../path?EIO=4&transport=websocket` plus `query`. */
export declare function webSocketUrlOf(baseUrl: string, path: string, query?: string): string;
/** What one raw HTTP request sends, and how it treats a reset connection. */
export interface RawRequestOptions {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /**
     * Resolve instead of rejecting when the connection breaks: with what was read if the answer was cut short, or
     * with status 0 if the request failed (a server that refuses a large body may reset the socket before the body
     * is written). Hostile-input tests assert on those outcomes; protocol tests want the failure. Default false.
     */
    shouldResolveOnReset?: boolean;
}
/** One HTTP request without keep-alive (so closing the server never waits for an idle socket). */
export declare function httpRequest(url: string, options?: RawRequestOptions): Promise<RawResponse>;
/** Parses `0{...}`. */
export declare function parseOpenPacket(literal: string): OpenPacket;
/** How `RawPollingClient.connect` opens its session. */
export interface RawPollingOptions {
    /** The engine's path. Default `/engine.io/`. */
    path?: string;
    /** Appended to the handshake URL only (for example `&foo=bar`). Default none. */
    query?: string;
    /** Headers of the handshake request. Default none. */
    headers?: Record<string, string>;
    /** Passed to every request of the session, see `RawRequestOptions`. Default false. */
    shouldResolveOnReset?: boolean;
}
/** A polling session driven by hand: `poll()` is a GET, `push()` a POST, both with the session's sid. */
export declare class RawPollingClient {
    #private;
    readonly sid: string;
    readonly open: OpenPacket;
    private constructor();
    /** Performs the handshake GET (`?EIO=4&transport=polling`) against `baseUrl + path`. */
    static connect(baseUrl: string, options?: RawPollingOptions): Promise<RawPollingClient>;
    /** The session's path and query (`/engine.io/?...&sid=`), with extra query parameters appended. */
    path(extra?: string): string;
    /** The session URL (`...&sid=`), with extra query parameters appended. */
    url(extra?: string): string;
    /** GET: resolves with the payload the server answers. */
    poll(headers?: Record<string, string>): Promise<RawResponse>;
    /** POST of a raw payload (for example `4a\x1e4b`). */
    push(payload: string | Buffer, headers?: Record<string, string>): Promise<RawResponse>;
}
/** One received websocket frame: text as a string, binary as a Buffer. */
export type RawFrame = string | Buffer;
/** A websocket connection that queues frames, so a test can `await next()` in order. */
export declare class RawWebSocketClient {
    #private;
    readonly ws: WebSocket;
    /** Resolves with the close code once the connection is closed (by either side). */
    readonly closed: Promise<number>;
    private constructor();
    /** Opens `ws://.../path?EIO=4&transport=websocket` (plus `query`) and waits until the socket is open. */
    static connect(baseUrl: string, query?: string, path?: string): Promise<RawWebSocketClient>;
    /** Connects and reads the open packet. */
    static handshake(baseUrl: string, path?: string): Promise<{
        client: RawWebSocketClient;
        open: OpenPacket;
    }>;
    /** The next frame (already received, or the next to arrive). */
    next(): Promise<RawFrame>;
    /** The next frame that is not a ping (`2`). */
    nextNonPing(): Promise<RawFrame>;
    /** Sends a text literal or a binary frame. */
    send(frame: RawFrame): void;
    close(): void;
}
/** Resolves on the next `event` of an emitter, with the listener's arguments. */
export declare function once<T extends unknown[] = unknown[]>(emitter: {
    once(event: string, listener: (...args: unknown[]) => void): unknown;
}, event: string): Promise<T>;
