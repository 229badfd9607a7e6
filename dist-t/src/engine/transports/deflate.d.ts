import { type ZlibOptions } from 'node:zlib';
import type { DeflateSettings } from '../compression-options';
import type { EngineData } from '../types';
/**
 * What one websocket connection negotiated of permessage-deflate (RFC 7692), read from the extension header the
 * server answered with. `shared` is set when the server compresses without context takeover: each message is then
 * compressed on its own, so the same compressed frame is valid on every connection that negotiated the same
 * window, and classio builds it once per broadcast. Without it, `ws` compresses on the connection's own stream.
 */
export interface MessageDeflate {
    /** Messages of fewer bytes go uncompressed. */
    readonly threshold: number;
    /** The compressor shared by the connections with this window, or `null` for `ws`'s own per-connection stream. */
    readonly shared: SharedDeflater | null;
}
/**
 * Compresses messages on their own (no context takeover) and keeps the last frame built: a broadcast hands the same
 * encoded string to every recipient, so it is compressed once and the one frame is written N times.
 */
export declare class SharedDeflater {
    #private;
    constructor(zlibOptions: ZlibOptions, windowBits: number);
    /** The compressed WebSocket frame of one Engine.IO message, as the list `sendFrame` writes. */
    frameOf(data: EngineData): Buffer[];
}
/**
 * The server's permessage-deflate: turns the extension header of each accepted websocket into its
 * {@link MessageDeflate}. One shared compressor per window size, created on first use.
 */
export declare class DeflateNegotiator {
    #private;
    constructor(settings: DeflateSettings);
    /** The `ws` options object: the user's, as engine.io passes them. */
    get wsOptions(): DeflateSettings;
    /**
     * The deflate of a connection whose handshake answered `header` (the value of `Sec-WebSocket-Extensions`), or
     * `null` when permessage-deflate was not negotiated.
     */
    negotiated(header: string | undefined): MessageDeflate | null;
}
