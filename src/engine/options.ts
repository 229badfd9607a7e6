import type { IncomingMessage } from 'node:http';
import { ConfigurationError } from '../errors';
import { checkOptionNames, CORS_PACKAGE_OPTIONS, SOCKET_IO_OPTIONS } from '../option-names';
import {
  resolveHttpCompression,
  resolvePerMessageDeflate,
  type DeflateSettings,
  type HttpCompressionOptions,
  type HttpCompressionSettings,
  type PerMessageDeflateOptions,
} from './compression-options';
import { resolveCookie, type CookieOptions, type CookieSettings } from './cookie';
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
export type CorsOrigin =
  | boolean
  | string
  | RegExp
  | ReadonlyArray<string | RegExp>
  | ((origin: string | undefined, req: IncomingMessage) => boolean | string);

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
export const ENGINE_DEFAULTS: EngineSettings = Object.freeze({
  path: '/engine.io/',
  pingInterval: 25000,
  pingTimeout: 20000,
  upgradeTimeout: 10000,
  maxHttpBufferSize: 1e6,
  maxBufferedBytes: 10 * 1024 * 1024,
  transports: Object.freeze(['polling', 'websocket'] as TransportName[]),
  allowUpgrades: true,
  allowEIO3: false,
  cors: false,
  allowRequest: null,
  allowedOrigins: null,
  perMessageDeflate: false,
  httpCompression: resolveHttpCompression(true),
  cookie: false,
  generateId: null,
});

const KNOWN_TRANSPORTS: readonly string[] = ['polling', 'websocket'];

/** The names of the engine's options, the keys of {@link ENGINE_DEFAULTS}. */
export const ENGINE_OPTION_NAMES: readonly string[] = Object.freeze(Object.keys(ENGINE_DEFAULTS));

/** The names of the `cors` options. */
const CORS_OPTION_NAMES: readonly string[] = ['origin', 'credentials', 'methods', 'allowedHeaders', 'maxAge'];

/**
 * Applies the defaults and checks every invariant once; throws {@link ConfigurationError}. An option name the engine
 * does not know is refused (see `checkOptionNames`); the Socket.IO server passes only the engine's own options.
 */
export function resolveEngineSettings(options: EngineServerOptions = {}): EngineSettings {
  checkOptionNames(options, ENGINE_OPTION_NAMES, 'new EngineServer()', SOCKET_IO_OPTIONS);
  const merged: EngineSettings = { ...ENGINE_DEFAULTS };
  for (const key of ENGINE_OPTION_NAMES as (keyof EngineSettings)[]) {
    const value = options[key];
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  if (typeof merged.path !== 'string' || !merged.path.startsWith('/')) {
    throw new ConfigurationError(`engine option "path" must be a string starting with "/", got ${String(merged.path)}`);
  }
  const path = merged.path.endsWith('/') ? merged.path : `${merged.path}/`;
  for (const name of [
    'pingInterval',
    'pingTimeout',
    'upgradeTimeout',
    'maxHttpBufferSize',
    'maxBufferedBytes',
  ] as const) {
    const value = merged[name];
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new ConfigurationError(`engine option "${name}" must be a positive finite number, got ${String(value)}`);
    }
  }
  const transports = merged.transports;
  // Checked through `merged`: narrowing `transports` itself to `any[]` would make its elements `any`.
  if (!Array.isArray(merged.transports) || transports.length === 0) {
    throw new ConfigurationError('engine option "transports" must be a non-empty array of "polling" and "websocket"');
  }
  for (const name of transports) {
    if (!KNOWN_TRANSPORTS.includes(name)) {
      throw new ConfigurationError(
        `engine option "transports" has unknown transport "${String(name)}"; expected "polling" or "websocket"`,
      );
    }
  }
  if (new Set(transports).size !== transports.length) {
    throw new ConfigurationError('engine option "transports" lists a transport twice');
  }
  for (const name of ['allowUpgrades', 'allowEIO3'] as const) {
    if (typeof merged[name] !== 'boolean') throw new ConfigurationError(`engine option "${name}" must be a boolean`);
  }
  checkAllowRequest(merged.allowRequest);
  const origins = merged.allowedOrigins;
  if (
    origins !== null &&
    typeof origins !== 'function' &&
    !(Array.isArray(origins) && origins.every((o) => typeof o === 'string' || o instanceof RegExp))
  ) {
    throw new ConfigurationError(
      'engine option "allowedOrigins" must be an array of strings and RegExps, a function, or null',
    );
  }
  const cors = merged.cors === false ? false : checkCors(merged.cors);
  if (merged.generateId !== null && typeof merged.generateId !== 'function') {
    throw new ConfigurationError(
      'engine option "generateId" must be a function (req) => string | Promise<string>, or null',
    );
  }
  return Object.freeze({
    ...merged,
    path,
    transports: Object.freeze([...transports]),
    cors,
    perMessageDeflate: resolvePerMessageDeflate(merged.perMessageDeflate),
    httpCompression: resolveHttpCompression(merged.httpCompression),
    cookie: resolveCookie(merged.cookie),
  });
}

/** Checks an `allowRequest` option (the Socket.IO server checks the user's before wrapping it). */
export function checkAllowRequest(allowRequest: unknown): void {
  if (allowRequest === null) return;
  if (typeof allowRequest !== 'function') {
    throw new ConfigurationError('engine option "allowRequest" must be a function (req) => boolean | Promise<boolean>');
  }
  if (allowRequest.length > 1) {
    // Engine.IO's allowRequest answers through a callback, `(req, callback)`. Nothing would call it back here, and
    // the undefined it returns would refuse every handshake.
    throw new ConfigurationError(
      'engine option "allowRequest" takes (req) and returns a boolean or a promise of one; ' +
        "Engine.IO's callback form (req, callback) is not supported",
    );
  }
}

function checkCors(cors: CorsOptions): CorsOptions {
  if (cors === null || typeof cors !== 'object') {
    throw new ConfigurationError('engine option "cors" must be an object or false');
  }
  checkOptionNames(cors, CORS_OPTION_NAMES, 'engine option "cors"', CORS_PACKAGE_OPTIONS);
  const { origin } = cors;
  const isOriginValid =
    origin === undefined ||
    typeof origin === 'boolean' ||
    typeof origin === 'string' ||
    typeof origin === 'function' ||
    origin instanceof RegExp ||
    (Array.isArray(origin) && origin.every((o) => typeof o === 'string' || o instanceof RegExp));
  if (!isOriginValid) {
    throw new ConfigurationError(
      'engine option "cors.origin" must be a boolean, string, RegExp, array of them, or function',
    );
  }
  if (cors.maxAge !== undefined && (typeof cors.maxAge !== 'number' || !(cors.maxAge >= 0))) {
    throw new ConfigurationError('engine option "cors.maxAge" must be a non-negative number of seconds');
  }
  for (const name of ['methods', 'allowedHeaders'] as const) {
    const list = cors[name];
    if (list !== undefined && (!Array.isArray(list) || !list.every((s) => typeof s === 'string'))) {
      throw new ConfigurationError(`engine option "cors.${name}" must be an array of strings`);
    }
  }
  return Object.freeze({ ...cors });
}
