import type { IncomingMessage } from 'node:http';
import { type DeflateSettings, type HttpCompressionOptions, type HttpCompressionSettings, type PerMessageDeflateOptions } from './compression-options';
import { type CookieOptions, type CookieSettings } from './cookie';
import type { TransportName } from './types';
/**
 * Makes the id of a new session (engine.io's `generateId`), instead of the engine's 20 random URL-safe characters.
 * The id must be 1 to 128 characters of `A-Z a-z 0-9 - _ . ~` (it travels in URLs and cookies) and unique among
 * the open sessions; a handshake whose id is not, or whose `generateId` throws or rejects, is refused with
 * Engine.IO error 3 (`Bad request`, context `ID_GENERATION_ERROR`), and nobody else is disturbed.
 */
export type GenerateId = (req: IncomingMessage) => string | Promise<string>;
/**
 * Decides whether a request may open a session; called once per handshake, after the transport, sid and method
 * checks and before the protocol version check (the reference order). Return (or resolve) `true` to accept and
 * `false` to refuse; a refusal answers Engine.IO error 4 `Forbidden` (HTTP 403). Throwing or rejecting also
 * refuses, and the error's message becomes the `message` of the JSON body.
 */
export type AllowRequest = (req: IncomingMessage) => boolean | Promise<boolean>;
/**
 * Which origins may use the polling transport from a browser:
 * - `true` reflects the request's `Origin`; `false` sends no CORS headers;
 * - `'*'` allows every origin; any other string is the single allowed origin;
 * - an array or a RegExp (or an array mixing strings and RegExps) reflects the origin when it matches;
 * - a function decides per request: return `true` (reflect), `false` (refuse) or the origin string to send.
 */
export type CorsOrigin = boolean | string | RegExp | ReadonlyArray<string | RegExp> | ((origin: string | undefined, req: IncomingMessage) => boolean | string);
/** CORS for the HTTP long-polling transport (the `cors` package's option names). */
export interface CorsOptions {
    /** Allowed origins. Default `'*'` once a `cors` object is given. */
    origin?: CorsOrigin;
    /** Sends `Access-Control-Allow-Credentials: true`. Default `false`. */
    credentials?: boolean;
    /** Methods announced in a preflight answer. Default `['GET', 'POST']`. */
    methods?: readonly string[];
    /** Headers announced in a preflight answer. Default: reflects `Access-Control-Request-Headers`. */
    allowedHeaders?: readonly string[];
    /** `Access-Control-Max-Age` of a preflight answer, in seconds. Default: not sent. */
    maxAge?: number;
}
/** Options of {@link EngineServer}; every one has a default. */
export interface EngineServerOptions {
    /** Path the engine answers under; a trailing `/` is added when missing. Default `'/engine.io/'`. */
    path?: string;
    /** Milliseconds between two server pings. Default `25000`. */
    pingInterval?: number;
    /** Milliseconds the client has to answer a ping before the session closes with `ping timeout`. Default `20000`. */
    pingTimeout?: number;
    /** Milliseconds a polling session has to complete an upgrade to websocket. Default `10000`. */
    upgradeTimeout?: number;
    /**
     * Largest message (websocket frame) or polling POST body, in bytes. A larger one closes that session with
     * `message too large` (polling answers HTTP 413). Announced to clients as `maxPayload`. Default `1e6`.
     */
    maxHttpBufferSize?: number;
    /**
     * Most bytes a session may have waiting to reach its client (the session's write buffer plus what the websocket
     * has queued but not yet written). A client that stops reading while the server keeps sending goes past it and
     * its session closes with `slow consumer`, which bounds the memory one client can hold. Default 10 MiB.
     */
    maxBufferedBytes?: number;
    /** Enabled transports. Default `['polling', 'websocket']`. */
    transports?: readonly TransportName[];
    /** Whether a polling session may upgrade to websocket. Default `true`. */
    allowUpgrades?: boolean;
    /**
     * Admits Engine.IO v3 clients (`EIO=3`: the Socket.IO v2 clients), with their framing, client-driven heartbeat
     * and namespace semantics. Default `false` (such a handshake gets error 5, as in engine.io).
     */
    allowEIO3?: boolean;
    /** CORS for polling requests (`false` sends none). Default `false`. */
    cors?: CorsOptions | false;
    /** Accepts or refuses a handshake (see {@link AllowRequest}). Default `null` (accept all). */
    allowRequest?: AllowRequest | null;
    /**
     * Origins allowed to talk to the engine at all, over polling and websocket alike: a request whose `Origin`
     * header is not listed (exact string, or RegExp match), or that the function refuses, is answered Engine.IO
     * error 4 `Forbidden` (HTTP 403). This is what stops cross-site websocket hijacking: CORS does not apply to
     * websocket upgrades, so without it any page can open a websocket carrying the user's cookies. Requests without
     * an `Origin` (non-browser clients) pass. Default `null` (no check).
     */
    allowedOrigins?: ReadonlyArray<string | RegExp> | ((origin: string, req: IncomingMessage) => boolean) | null;
    /**
     * permessage-deflate over websocket (RFC 7692, see {@link PerMessageDeflateOptions}): `true` for
     * `{ threshold: 1024 }`, or `ws`'s options. Messages under `threshold` bytes, and emits flagged `compress(false)`,
     * go uncompressed. Default `false` (as engine.io ≥ 4: each connection's zlib contexts cost memory).
     */
    perMessageDeflate?: boolean | PerMessageDeflateOptions;
    /**
     * gzip or deflate of polling answers, chosen by the request's `Accept-Encoding`, for answers of at least
     * `threshold` bytes (see {@link HttpCompressionOptions}). Default `true` (`{ threshold: 1024 }`, as engine.io).
     */
    httpCompression?: boolean | HttpCompressionOptions;
    /** The session cookie set by the handshake (see {@link CookieOptions}). Default `false` (none). */
    cookie?: boolean | CookieOptions;
    /** Makes session ids (see {@link GenerateId}). Default `null` (20 random URL-safe characters). */
    generateId?: GenerateId | null;
}
/** The options after defaults are applied; what the rest of the engine reads. */
export interface EngineSettings {
    readonly path: string;
    readonly pingInterval: number;
    readonly pingTimeout: number;
    readonly upgradeTimeout: number;
    readonly maxHttpBufferSize: number;
    readonly maxBufferedBytes: number;
    readonly transports: readonly TransportName[];
    readonly allowUpgrades: boolean;
    readonly allowEIO3: boolean;
    readonly cors: CorsOptions | false;
    readonly allowRequest: AllowRequest | null;
    readonly allowedOrigins: ReadonlyArray<string | RegExp> | ((origin: string, req: IncomingMessage) => boolean) | null;
    readonly perMessageDeflate: DeflateSettings | false;
    readonly httpCompression: HttpCompressionSettings | false;
    readonly cookie: CookieSettings | false;
    readonly generateId: GenerateId | null;
}
/** The complete defaults object the user's options are spread over. */
export declare const ENGINE_DEFAULTS: EngineSettings;
/** The names of the engine's options, the keys of {@link ENGINE_DEFAULTS}. */
export declare const ENGINE_OPTION_NAMES: readonly string[];
/**
 * Applies the defaults and checks every invariant once; throws {@link ConfigurationError}. An option name the engine
 * does not know is refused (see `checkOptionNames`); the Socket.IO server passes only the engine's own options.
 */
export declare function resolveEngineSettings(options?: EngineServerOptions): EngineSettings;
/** Checks an `allowRequest` option (the Socket.IO server checks the user's before wrapping it). */
export declare function checkAllowRequest(allowRequest: unknown): void;
