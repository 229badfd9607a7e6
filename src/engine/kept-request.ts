import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { HandshakeRequest } from './types';

/** Separates the raw header lines of a kept request: no header name or value can hold a line feed. */
const SEPARATOR = '\n';
/** Node's default `maxHeadersCount`. */
const DEFAULT_MAX_HEADER_PAIRS = 2000;

/** Headers of which Node keeps the first value only (`IncomingMessage#headers`: a second one is dropped). */
const SINGLE_VALUED: ReadonlySet<string> = new Set([
  'age',
  'authorization',
  'content-length',
  'content-type',
  'etag',
  'expires',
  'from',
  'host',
  'if-modified-since',
  'if-unmodified-since',
  'last-modified',
  'location',
  'max-forwards',
  'proxy-authorization',
  'referer',
  'retry-after',
  'server',
  'user-agent',
]);

/**
 * What a session keeps of its handshake request (see {@link HandshakeRequest}): the method, the URL and one string,
 * the raw header lines joined by line feeds, instead of the request's headers object and a string for each name and
 * value. An idle connection keeps it for `socket.handshake`, which most applications read at connect time only, if
 * at all: the headers object is built when first asked for, with Node's rules for repeated headers
 * (`joinDuplicateHeaders` and `maxHeadersCount` included), and kept from then on. It is built from the raw header
 * lines, so a change made to `req.headers` before the session opened (in `allowRequest`, say) is not seen.
 */
export class KeptRequest implements HandshakeRequest {
  readonly method: string;
  readonly url: string;
  readonly secure: boolean;
  /** `name \n value \n name \n value ...`; empty when `#headers` was taken from the request as it was. */
  readonly #rawHeaders: string;
  readonly #joinsDuplicates: boolean;
  #headers: IncomingHttpHeaders | null = null;

  constructor(request: IncomingMessage) {
    this.method = request.method ?? 'GET';
    this.url = request.url ?? '/';
    this.secure = (request.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
    this.#joinsDuplicates = (request as { joinDuplicateHeaders?: boolean }).joinDuplicateHeaders === true;
    const raw = rawHeaderLines(request);
    if (raw === null || raw.some((line) => line.includes(SEPARATOR))) {
      // Node's parser lets no line feed through, so only a request built by hand gets here: keep its headers.
      this.#rawHeaders = '';
      this.#headers = request.headers;
    } else {
      this.#rawHeaders = raw.join(SEPARATOR);
    }
  }

  get headers(): IncomingHttpHeaders {
    return (this.#headers ??= headersOf(this.#rawHeaders.split(SEPARATOR), this.#joinsDuplicates));
  }

  /** Whether the request carried a header (`name` in lower case), without building the headers object. */
  hasHeader(name: string): boolean {
    if (this.#headers !== null) return Object.hasOwn(this.#headers, name);
    const raw = this.#rawHeaders.split(SEPARATOR);
    for (let i = 0; i < raw.length; i += 2) if (raw[i].toLowerCase() === name) return true;
    return false;
  }
}

/** The raw header lines Node builds `headers` from: at most `maxHeadersCount` pairs (2,000 by default), as Node. */
function rawHeaderLines(request: IncomingMessage): readonly string[] | null {
  const value: unknown = request.rawHeaders;
  if (!Array.isArray(value)) return null;
  const raw = value as readonly string[];
  const limit = (request.socket as { server?: { maxHeadersCount?: number | null } } | undefined)?.server
    ?.maxHeadersCount;
  const pairs = typeof limit === 'number' && limit > 0 ? limit : DEFAULT_MAX_HEADER_PAIRS;
  return raw.length > 2 * pairs ? raw.slice(0, 2 * pairs) : raw;
}

/** The headers object Node builds from raw header lines (`IncomingMessage#headers`, `_addHeaderLine`). */
function headersOf(raw: readonly string[], joinsDuplicates: boolean): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    const value = raw[i + 1];
    // Own keys only: a header named like an Object.prototype member (`constructor`) is a header like any other.
    const existing = Object.hasOwn(headers, name) ? headers[name] : undefined;
    if (name === 'set-cookie') {
      if (existing === undefined) headers[name] = [value];
      else (existing as string[]).push(value);
    } else if (existing === undefined) {
      headers[name] = value;
    } else if (joinsDuplicates || !SINGLE_VALUED.has(name)) {
      headers[name] = `${existing as string}${name === 'cookie' ? '; ' : ', '}${value}`;
    }
  }
  return headers;
}
