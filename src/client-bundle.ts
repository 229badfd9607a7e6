import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { ConfigurationError } from './errors';

/** The bundles of `socket.io-client`'s `dist/` that `serveClient` serves, each with its source map. */
const BUNDLES: readonly string[] = [
  'socket.io.js',
  'socket.io.min.js',
  'socket.io.esm.min.js',
  'socket.io.msgpack.min.js',
];

interface BundleFile {
  readonly body: Buffer;
  readonly etag: string;
  readonly contentType: string;
}

/**
 * The client bundle of the `serveClient` option: the browser builds of the installed `socket.io-client` (an optional
 * peer), served under the server's path (`/socket.io/socket.io.js`, `.min.js`, `.esm.min.js`, `.msgpack.min.js`
 * and their `.map` files) with an ETag computed from the file, answered 304 when the browser's copy is current.
 *
 * The package is resolved when the server is built, so a missing one is a {@link ConfigurationError} at startup,
 * not a 404 in production. Files are read on their first request and kept (about 1.2 MB for all eight).
 */
export class ClientBundle {
  /** The `socket.io-client` version served. */
  readonly version: string;
  readonly #dist: string;
  readonly #path: string;
  readonly #files = new Map<string, BundleFile | null>();

  /** `path` is the server's path, with its trailing slash. */
  constructor(path: string) {
    let packageJson: string;
    try {
      packageJson = require.resolve('socket.io-client/package.json');
    } catch (err) {
      throw new ConfigurationError(
        'option "serveClient" is on, but the package socket.io-client is not installed: ' +
          'run npm install socket.io-client, or set serveClient: false',
        { cause: err },
      );
    }
    this.version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
    this.#dist = join(dirname(packageJson), 'dist');
    this.#path = path;
    for (const name of BUNDLES) {
      this.#files.set(name, null);
      this.#files.set(`${name}.map`, null);
    }
  }

  /**
   * Serves the bundle on `httpServer` (already attached to the engine): bundle requests are answered here, every
   * other request goes on to the listeners it had.
   */
  attach(httpServer: HttpServer): void {
    const previous = httpServer.listeners('request').slice() as ((req: IncomingMessage, res: ServerResponse) => void)[];
    httpServer.removeAllListeners('request');
    httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (this.serve(req, res)) return;
      for (const listener of previous) listener.call(httpServer, req, res);
    });
  }

  /** Answers `req` when it asks for a bundle file; returns whether it did. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '';
    if (!url.startsWith(this.#path)) return false;
    const queryStart = url.indexOf('?');
    const name = url.slice(this.#path.length, queryStart === -1 ? undefined : queryStart);
    if (!this.#files.has(name)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Length': 0 }).end();
      return true;
    }
    let file: BundleFile;
    try {
      file = this.#load(name);
    } catch {
      // The package is there but a file is not (a trimmed install): the file simply does not exist.
      res.writeHead(404, { 'Content-Length': 0 }).end();
      return true;
    }
    const headers = { ETag: file.etag, 'Cache-Control': 'public, max-age=0' };
    if (isCurrent(req.headers['if-none-match'], file.etag)) {
      res.writeHead(304, headers).end();
      return true;
    }
    res.writeHead(200, { ...headers, 'Content-Type': file.contentType, 'Content-Length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
    return true;
  }

  #load(name: string): BundleFile {
    const cached = this.#files.get(name);
    if (cached) return cached;
    const body = readFileSync(join(this.#dist, name));
    const file: BundleFile = {
      body,
      // A strong validator of the content itself: a new client version, or a rebuilt file, gets a new ETag.
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      contentType: name.endsWith('.map') ? 'application/json; charset=utf-8' : 'application/javascript; charset=utf-8',
    };
    this.#files.set(name, file);
    return file;
  }
}

/** Whether an `If-None-Match` header names `etag` (a list, `*`, or weak forms, per RFC 9110 section 13.1.2). */
function isCurrent(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
