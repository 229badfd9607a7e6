import type { ZlibOptions } from 'node:zlib';
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
export type DeflateSettings = PerMessageDeflateOptions & {
    readonly threshold: number;
};
/** `httpCompression` after defaults: `threshold` is always set. */
export type HttpCompressionSettings = HttpCompressionOptions & {
    readonly threshold: number;
};
/** Resolves and checks `perMessageDeflate`: `false` (the default, as engine.io ≥ 4), `true`, or an object. */
export declare function resolvePerMessageDeflate(value: unknown): DeflateSettings | false;
/** Resolves and checks `httpCompression`: `true` (the default, as engine.io), `false`, or an object. */
export declare function resolveHttpCompression(value: unknown): HttpCompressionSettings | false;
/** A short description of a wrong value for a message (never the value of a secret: options hold none). */
export declare function describe(value: unknown): string;
