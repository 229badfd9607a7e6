import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsOptions, CorsOrigin } from './options';

/**
 * CORS for the polling transport, with the semantics of the `cors` package the reference server uses: the
 * headers are set on the response before anything else runs, so error answers carry them too, and an `OPTIONS`
 * request is answered as a preflight (204) without reaching the engine.
 */

const DEFAULT_METHODS = 'GET,POST';

/**
 * Sets the CORS headers of `req` on `res`. Returns `true` when the request was a preflight and has been answered.
 */
export function applyCors(cors: CorsOptions, req: IncomingMessage, res: ServerResponse): boolean {
  const allowedOrigin = resolveOrigin(cors.origin ?? '*', req);
  if (allowedOrigin.vary) res.setHeader('Vary', 'Origin');
  if (allowedOrigin.value !== null) res.setHeader('Access-Control-Allow-Origin', allowedOrigin.value);
  if (cors.credentials === true) res.setHeader('Access-Control-Allow-Credentials', 'true');
  if (req.method !== 'OPTIONS') return false;

  res.setHeader('Access-Control-Allow-Methods', cors.methods ? cors.methods.join(',') : DEFAULT_METHODS);
  if (cors.allowedHeaders) {
    res.setHeader('Access-Control-Allow-Headers', cors.allowedHeaders.join(','));
  } else {
    const requested = req.headers['access-control-request-headers'];
    if (requested) {
      res.setHeader('Access-Control-Allow-Headers', requested);
      res.appendHeader('Vary', 'Access-Control-Request-Headers');
    }
  }
  if (cors.maxAge !== undefined) res.setHeader('Access-Control-Max-Age', String(cors.maxAge));
  res.setHeader('Content-Length', '0');
  res.writeHead(204);
  res.end();
  return true;
}

/**
 * The `allowedOrigins` check (engine option): whether a request's `Origin` is listed, by exact string or RegExp,
 * or accepted by the function. A throwing function refuses.
 */
export function isOriginListed(
  allowed: ReadonlyArray<string | RegExp> | ((origin: string, req: IncomingMessage) => boolean),
  origin: string,
  req: IncomingMessage,
): boolean {
  if (typeof allowed === 'function') {
    try {
      return allowed(origin, req) === true;
    } catch {
      return false;
    }
  }
  for (const entry of allowed) {
    if (typeof entry === 'string' ? entry === origin : entry.test(origin)) return true;
  }
  return false;
}

interface ResolvedOrigin {
  /** The `Access-Control-Allow-Origin` value, or `null` to send none (origin refused). */
  value: string | null;
  /** Whether the answer depends on the request's origin (`Vary: Origin`). */
  vary: boolean;
}

function resolveOrigin(origin: CorsOrigin, req: IncomingMessage): ResolvedOrigin {
  const requestOrigin = req.headers.origin;
  if (origin === '*') return { value: '*', vary: false };
  if (origin === false) return { value: null, vary: false };
  if (typeof origin === 'string') return { value: origin, vary: true };
  if (typeof origin === 'function') {
    const decision = origin(requestOrigin, req);
    if (typeof decision === 'string') return { value: decision, vary: true };
    return { value: decision && requestOrigin ? requestOrigin : null, vary: true };
  }
  const isAllowed = requestOrigin !== undefined && isOriginAllowed(requestOrigin, origin);
  return { value: isAllowed ? requestOrigin : null, vary: true };
}

function isOriginAllowed(requestOrigin: string, allowed: true | RegExp | ReadonlyArray<string | RegExp>): boolean {
  if (allowed === true) return true;
  if (allowed instanceof RegExp) return allowed.test(requestOrigin);
  for (const entry of allowed) {
    if (typeof entry === 'string' ? entry === requestOrigin : entry.test(requestOrigin)) return true;
  }
  return false;
}
