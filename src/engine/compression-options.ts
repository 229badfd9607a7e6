import type { ZlibOptions } from 'node:zlib';
import { ConfigurationError } from '../errors';
import { checkOptionNames } from '../option-names';

/**
 * The compression options of the engine, with engine.io's names and meanings: `perMessageDeflate` (the websocket
 * extension of RFC 7692, negotiated by `ws`) and `httpCompression` (gzip or deflate of polling answers). Both take
 * `true` for the defaults, `false` for none, or an object spread over the defaults.
 */

/** The zlib settings the engine accepts (those that shape the compressed stream; flush modes are the engine's). */
export type CompressionZlibOptions = Pick<ZlibOptions, 'level' | 'memLevel' | 'windowBits' | 'strategy' | 'chunkSize'>;

/**
 * permessage-deflate, as `ws` takes it (engine.io hands it to `ws` unchanged, with `threshold` defaulting to 1024).
 * With `serverNoContextTakeover`, every message is compressed on its own, so classio compresses a broadcast once
 * and writes the same compressed frame to every recipient; with context takeover (the default, as in `ws`) each
 * connection keeps its own zlib stream and compresses its own copy.
 */
export interface PerMessageDeflateOptions {
  /** Messages smaller than this many bytes are sent uncompressed. Default `1024`. */
  threshold?: number;
  /** zlib settings of the compressing side (`level`, `memLevel`, `windowBits`, `strategy`, `chunkSize`). */
  zlibDeflateOptions?: CompressionZlibOptions;
  /** zlib settings of the decompressing side. */
  zlibInflateOptions?: CompressionZlibOptions;
  /** Asks for a fresh compression context per message (less memory, shared broadcast frames). Default `false`. */
  serverNoContextTakeover?: boolean;
  /** Asks the client for a fresh context per message. Default `false`. */
  clientNoContextTakeover?: boolean;
  /** Largest LZ77 window the server compresses with, 8 to 15 (`server_max_window_bits`). Default: the client's. */
  serverMaxWindowBits?: number;
  /** Largest window the client may compress with, 8 to 15 (`client_max_window_bits`). Default: the client's. */
  clientMaxWindowBits?: number;
  /** Most zlib operations `ws` runs at once. Default `10`. */
  concurrencyLimit?: number;
}

/** HTTP compression of polling answers (engine.io's `httpCompression`): a threshold and zlib settings. */
export interface HttpCompressionOptions extends CompressionZlibOptions {
  /** Answers smaller than this many bytes are sent as they are. Default `1024`. */
  threshold?: number;
}

/** `perMessageDeflate` after defaults: `threshold` is always set. */
export type DeflateSettings = PerMessageDeflateOptions & { readonly threshold: number };
/** `httpCompression` after defaults: `threshold` is always set. */
export type HttpCompressionSettings = HttpCompressionOptions & { readonly threshold: number };

const DEFAULT_THRESHOLD = 1024;

const ZLIB_OPTION_NAMES: readonly string[] = ['level', 'memLevel', 'windowBits', 'strategy', 'chunkSize'];
const DEFLATE_OPTION_NAMES: readonly string[] = [
  'threshold',
  'zlibDeflateOptions',
  'zlibInflateOptions',
  'serverNoContextTakeover',
  'clientNoContextTakeover',
  'serverMaxWindowBits',
  'clientMaxWindowBits',
  'concurrencyLimit',
];

/** Integer ranges zlib accepts for each setting (Node throws later, per connection, on others). */
const ZLIB_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  level: [-1, 9],
  memLevel: [1, 9],
  windowBits: [8, 15],
  strategy: [0, 4],
  chunkSize: [64, 2 ** 31 - 1],
};

/** Resolves and checks `perMessageDeflate`: `false` (the default, as engine.io ≥ 4), `true`, or an object. */
export function resolvePerMessageDeflate(value: unknown): DeflateSettings | false {
  if (value === false) return false;
  if (value === true) return Object.freeze({ threshold: DEFAULT_THRESHOLD });
  const label = 'engine option "perMessageDeflate"';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigurationError(`${label} must be a boolean or an object, got ${describe(value)}`);
  }
  checkOptionNames(value, DEFLATE_OPTION_NAMES, label);
  const options = value as PerMessageDeflateOptions;
  checkThreshold(options.threshold, label);
  for (const name of ['serverNoContextTakeover', 'clientNoContextTakeover'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'boolean') {
      throw new ConfigurationError(`${label}: "${name}" must be a boolean, got ${describe(options[name])}`);
    }
  }
  for (const name of ['serverMaxWindowBits', 'clientMaxWindowBits'] as const) {
    checkInteger(options[name], 8, 15, `${label}: "${name}"`);
  }
  checkInteger(options.concurrencyLimit, 1, 2 ** 31 - 1, `${label}: "concurrencyLimit"`);
  const zlibDeflateOptions = checkZlib(options.zlibDeflateOptions, `${label}: "zlibDeflateOptions"`);
  const zlibInflateOptions = checkZlib(options.zlibInflateOptions, `${label}: "zlibInflateOptions"`);
  return Object.freeze({
    ...options,
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
    ...(zlibDeflateOptions && { zlibDeflateOptions }),
    ...(zlibInflateOptions && { zlibInflateOptions }),
  });
}

/** Resolves and checks `httpCompression`: `true` (the default, as engine.io), `false`, or an object. */
export function resolveHttpCompression(value: unknown): HttpCompressionSettings | false {
  if (value === false) return false;
  if (value === true) return Object.freeze({ threshold: DEFAULT_THRESHOLD });
  const label = 'engine option "httpCompression"';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigurationError(`${label} must be a boolean or an object, got ${describe(value)}`);
  }
  checkOptionNames(value, ['threshold', ...ZLIB_OPTION_NAMES], label);
  const options = value as HttpCompressionOptions;
  checkThreshold(options.threshold, label);
  checkZlibValues(options, label);
  return Object.freeze({ ...options, threshold: options.threshold ?? DEFAULT_THRESHOLD });
}

function checkZlib(value: unknown, label: string): CompressionZlibOptions | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigurationError(`${label} must be an object of zlib options, got ${describe(value)}`);
  }
  checkOptionNames(value, ZLIB_OPTION_NAMES, label);
  checkZlibValues(value, label);
  return Object.freeze({ ...(value as CompressionZlibOptions) });
}

function checkZlibValues(options: CompressionZlibOptions, label: string): void {
  for (const name of ZLIB_OPTION_NAMES) {
    const [min, max] = ZLIB_RANGES[name];
    checkInteger((options as Record<string, unknown>)[name], min, max, `${label}: "${name}"`);
  }
}

function checkThreshold(value: unknown, label: string): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
    throw new ConfigurationError(
      `${label}: "threshold" must be a non-negative number of bytes, got ${describe(value)}`,
    );
  }
}

function checkInteger(value: unknown, min: number, max: number, label: string): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError(`${label} must be an integer from ${min} to ${max}, got ${describe(value)}`);
  }
}

/** A short description of a wrong value for a message (never the value of a secret: options hold none). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return typeof value === 'symbol' ? value.toString() : `${value as number | boolean | bigint | undefined}`;
}
