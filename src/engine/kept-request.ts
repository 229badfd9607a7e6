import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { HandshakeRequest } from './types';

/** Separates the fields of a kept request: neither a URL nor a header name or value can hold a line feed. */
const SEPARATOR = '\n';

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
 * What a session keeps of its handshake request (see {@link HandshakeRequest}): one string, the method, the URL
 * and the raw header lines joined by line feeds, instead of the request's headers object and a string for each
 * name and value. An idle connection keeps it for `socket.handshake`, which most applications read at connect time
 * only, if at all: the headers object is built when first asked for, with Node's rules for repeated headers, and
 * kept from then on.
 */
export class KeptRequest implements HandshakeRequest {
  readonly secure: boolean;
  /** `method \n url \n name \n value \n name \n value ...` */
  readonly #packed: string;
  #headers: IncomingHttpHeaders | null = null;

  constructor(request: IncomingMessage) {
    this.secure = (request.socket as { encrypted?: boolean }).encrypted === true;
    const fields = [request.method ?? 'GET', request.url ?? '/'];
    const raw = request.rawHeaders;
    for (let i = 0; i < raw.length; i++) fields.push(raw[i]);
    this.#packed = fields.join(SEPARATOR);
  }

  get method(): string {
    return this.#packed.slice(0, this.#packed.indexOf(SEPARATOR));
  }

  get url(): string {
    const start = this.#packed.indexOf(SEPARATOR) + 1;
    const end = this.#packed.indexOf(SEPARATOR, start);
    return this.#packed.slice(start, end === -1 ? undefined : end);
  }

  get headers(): IncomingHttpHeaders {
    return (this.#headers ??= headersOf(this.#rawHeaders()));
  }

  /** Whether the request carried a header (`name` in lower case), without building the headers object. */
  hasHeader(name: string): boolean {
    if (this.#headers !== null) return this.#headers[name] !== undefined;
    const raw = this.#rawHeaders();
    for (let i = 0; i < raw.length; i += 2) if (raw[i].toLowerCase() === name) return true;
    return false;
  }

  #rawHeaders(): string[] {
    return this.#packed.split(SEPARATOR).slice(2);
  }
}

/** The headers object Node builds from raw header lines (`IncomingMessage#headers`). */
function headersOf(raw: readonly string[]): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    const value = raw[i + 1];
    const existing = headers[name];
    if (existing === undefined) {
      headers[name] = name === 'set-cookie' ? [value] : value;
    } else if (name === 'set-cookie') {
      (existing as string[]).push(value);
    } else if (!SINGLE_VALUED.has(name)) {
      headers[name] = `${existing as string}${name === 'cookie' ? '; ' : ', '}${value}`;
    }
  }
  return headers;
}
