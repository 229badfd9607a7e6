import type { IncomingHttpHeaders } from 'node:http';

/** Values unique to each request: sharing them would only churn the table. */
const UNIQUE_HEADERS: ReadonlySet<string> = new Set(['sec-websocket-key', 'cookie', 'authorization']);

/**
 * Keeps one copy of the handshake strings that many connections repeat: `host`, `user-agent`, `origin`,
 * `accept-language`, the websocket upgrade's `upgrade`, `connection`, `sec-websocket-version` and
 * `sec-websocket-extensions`, and the URL itself when it carries no token. A session keeps its handshake request for
 * as long as it lives (it is Socket.IO's `socket.handshake.headers`), so without this every idle connection holds
 * its own copy of strings that are equal across thousands of them (about 200 bytes each for the official client,
 * more for a browser's user agent).
 *
 * The table is bounded: when it holds `capacity` strings it starts over, so values seen once (request ids, tokens
 * in the URL) cannot grow it, and the values that repeat are back in it after their next connection.
 */
export class SharedStrings {
  readonly #capacity: number;
  /** Strings longer than this are kept as they are (a long value is rarely repeated). */
  readonly #maxLength: number;
  readonly #table = new Map<string, string>();

  constructor(capacity = 1024, maxLength = 512) {
    this.#capacity = capacity;
    this.#maxLength = maxLength;
  }

  /** How many strings the table holds now. */
  get size(): number {
    return this.#table.size;
  }

  /** The shared copy of `value` (`value` itself the first time it is seen). */
  share(value: string): string {
    if (value.length > this.#maxLength) return value;
    const shared = this.#table.get(value);
    if (shared !== undefined) return shared;
    if (this.#table.size >= this.#capacity) this.#table.clear();
    this.#table.set(value, value);
    return value;
  }

  /** Replaces each string value of `headers` by its shared copy, in place (the values stay equal). */
  shareHeaders(headers: IncomingHttpHeaders): void {
    for (const name in headers) {
      const value = headers[name];
      if (typeof value === 'string' && !UNIQUE_HEADERS.has(name)) headers[name] = this.share(value);
    }
  }
}
