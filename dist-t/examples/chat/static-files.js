"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolvePublicFile = resolvePublicFile;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
/**
 * The page lives next to the sources (`examples/chat/public`); the compiled server runs from
 * `dist/examples/chat`, which tsc does not copy HTML into, so look in both places.
 */
const PUBLIC_DIR = [(0, node_path_1.join)(__dirname, 'public'), (0, node_path_1.join)(__dirname, '..', '..', '..', 'examples', 'chat', 'public')].find((dir) => (0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'index.html')));
/**
 * The official Socket.IO browser client, from the installed socket.io-client package (no CDN). Its package
 * `exports` do not list the minified bundle, so resolve the package directory and join the path.
 */
const CLIENT_DIR = (0, node_path_1.join)((0, node_path_1.dirname)(require.resolve('socket.io-client/package.json')), 'dist');
const FILES = new Map([
    ['/', () => publicFile('index.html', 'text/html; charset=utf-8')],
    ['/index.html', () => publicFile('index.html', 'text/html; charset=utf-8')],
    ['/app.js', () => publicFile('app.js', 'text/javascript; charset=utf-8')],
    [
        '/vendor/socket.io.min.js',
        () => ({ path: (0, node_path_1.join)(CLIENT_DIR, 'socket.io.min.js'), contentType: 'text/javascript; charset=utf-8' }),
    ],
    [
        '/vendor/socket.io.min.js.map',
        () => ({ path: (0, node_path_1.join)(CLIENT_DIR, 'socket.io.min.js.map'), contentType: 'application/json' }),
    ],
]);
function publicFile(name, contentType) {
    return PUBLIC_DIR === undefined ? undefined : { path: (0, node_path_1.join)(PUBLIC_DIR, name), contentType };
}
/** The file served at `pathname`, or undefined (404). Only the fixed list above is served: no path traversal. */
function resolvePublicFile(pathname) {
    return FILES.get(pathname)?.();
}
//# sourceMappingURL=static-files.js.map