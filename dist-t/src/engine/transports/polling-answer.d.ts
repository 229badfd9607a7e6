import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { HttpCompressionSettings } from '../compression-options';
/**
 * What the polling transport needs from its server to answer: HTTP compression (`httpCompression`) and the
 * `initial_headers` / `headers` engine events, which may add headers to every answer.
 */
export interface PollingHost {
    readonly httpCompression: HttpCompressionSettings | false;
    /** Adds the session cookie and the headers of the `initial_headers` and `headers` listeners. */
    addHeaders(headers: OutgoingHttpHeaders, req: IncomingMessage): void;
}
type Encoding = 'gzip' | 'deflate';
/**
 * Answers a poll (or a POST) with `body`. Past the `httpCompression` threshold, and when the request accepts it,
 * the body is gzip- or deflate-encoded first (zlib runs off the event loop: only one GET is pending per session,
 * so the wait reorders nothing). `isCompressible` is false when every message of the answer asked not to be
 * compressed (engine.io compresses an answer when one of its packets allows it).
 */
export declare function writeAnswer(host: PollingHost | null, req: IncomingMessage | null, res: ServerResponse, contentType: string, body: string, isCompressible: boolean): void;
/**
 * The encoding an `Accept-Encoding` header asks for: the listed one of highest quality among gzip and deflate
 * (gzip on a tie, as the reference), `*` standing for both; `q=0` refuses.
 */
export declare function chooseEncoding(header: string | string[] | undefined): Encoding | null;
export {};
