import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file the example serves, with its content type. */
export interface PublicFile {
  readonly path: string;
  readonly contentType: string;
}

/**
 * The page lives next to the sources (`examples/chat/public`); the compiled server runs from
 * `dist/examples/chat`, which tsc does not copy HTML into, so look in both places.
 */
const PUBLIC_DIR = [join(__dirname, 'public'), join(__dirname, '..', '..', '..', 'examples', 'chat', 'public')].find(
  (dir) => existsSync(join(dir, 'index.html')),
);

/**
 * The official Socket.IO browser client, from the installed socket.io-client package (no CDN). Its package
 * `exports` do not list the minified bundle, so resolve the package directory and join the path.
 */
const CLIENT_DIR = join(dirname(require.resolve('socket.io-client/package.json')), 'dist');

const FILES = new Map<string, () => PublicFile | undefined>([
  ['/', () => publicFile('index.html', 'text/html; charset=utf-8')],
  ['/index.html', () => publicFile('index.html', 'text/html; charset=utf-8')],
  ['/app.js', () => publicFile('app.js', 'text/javascript; charset=utf-8')],
  [
    '/vendor/socket.io.min.js',
    () => ({ path: join(CLIENT_DIR, 'socket.io.min.js'), contentType: 'text/javascript; charset=utf-8' }),
  ],
  [
    '/vendor/socket.io.min.js.map',
    () => ({ path: join(CLIENT_DIR, 'socket.io.min.js.map'), contentType: 'application/json' }),
  ],
]);

function publicFile(name: string, contentType: string): PublicFile | undefined {
  return PUBLIC_DIR === undefined ? undefined : { path: join(PUBLIC_DIR, name), contentType };
}

/** The file served at `pathname`, or undefined (404). Only the fixed list above is served: no path traversal. */
export function resolvePublicFile(pathname: string): PublicFile | undefined {
  return FILES.get(pathname)?.();
}
