import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsOptions } from './options';
/**
 * Sets the CORS headers of `req` on `res`. Returns `true` when the request was a preflight and has been answered.
 */
export declare function applyCors(cors: CorsOptions, req: IncomingMessage, res: ServerResponse): boolean;
/**
 * The `allowedOrigins` check (engine option): whether a request's `Origin` is listed, by exact string or RegExp,
 * or accepted by the function. A throwing function refuses.
 */
export declare function isOriginListed(allowed: ReadonlyArray<string | RegExp> | ((origin: string, req: IncomingMessage) => boolean), origin: string, req: IncomingMessage): boolean;
