"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ClientBundle = void 0;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const errors_1 = require("./errors");
/** The bundles of `socket.io-client`'s `dist/` that `serveClient` serves, each with its source map. */
const BUNDLES = [
    'socket.io.js',
    'socket.io.min.js',
    'socket.io.esm.min.js',
    'socket.io.msgpack.min.js',
];
/**
 * The client bundle of the `serveClient` option: the browser builds of the installed `socket.io-client` (an optional
 * peer), served under the server's path (`/socket.io/socket.io.js`, `.min.js`, `.esm.min.js`, `.msgpack.min.js`
 * and their `.map` files) with an ETag computed from the file, answered 304 when the browser's copy is current.
 *
 * The package is resolved when the server is built, so a missing one is a {@link ConfigurationError} at startup,
 * not a 404 in production. Files are read on their first request and kept (about 1.2 MB for all eight).
 */
class ClientBundle {
    #dist;
    #path;
    #files = new Map();
    /** `path` is the server's path, with its trailing slash. */
    constructor(path) {
        let packageJson;
        try {
            packageJson = require.resolve('socket.io-client/package.json');
        }
        catch (err) {
            throw new errors_1.ConfigurationError('option "serveClient" is on, but the package socket.io-client is not installed: ' +
                'run npm install socket.io-client, or set serveClient: false', { cause: err });
        }
        this.version = JSON.parse((0, node_fs_1.readFileSync)(packageJson, 'utf8')).version;
        this.#dist = (0, node_path_1.join)((0, node_path_1.dirname)(packageJson), 'dist');
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
    attach(httpServer) {
        const previous = httpServer.listeners('request').slice();
        httpServer.removeAllListeners('request');
        httpServer.on('request', (req, res) => {
            if (this.serve(req, res))
                return;
            for (const listener of previous)
                listener.call(httpServer, req, res);
        });
    }
    /** Answers `req` when it asks for a bundle file; returns whether it did. */
    serve(req, res) {
        const url = req.url ?? '';
        if (!url.startsWith(this.#path))
            return false;
        const queryStart = url.indexOf('?');
        const name = url.slice(this.#path.length, queryStart === -1 ? undefined : queryStart);
        if (!this.#files.has(name))
            return false;
        if (req.method !== 'GET' && req.method !== 'HEAD') {
            res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Length': 0 }).end();
            return true;
        }
        let file;
        try {
            file = this.#load(name);
        }
        catch {
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
    #load(name) {
        const cached = this.#files.get(name);
        if (cached)
            return cached;
        const body = (0, node_fs_1.readFileSync)((0, node_path_1.join)(this.#dist, name));
        const file = {
            body,
            // A strong validator of the content itself: a new client version, or a rebuilt file, gets a new ETag.
            etag: `"${(0, node_crypto_1.createHash)('sha1').update(body).digest('base64url')}"`,
            contentType: name.endsWith('.map') ? 'application/json; charset=utf-8' : 'application/javascript; charset=utf-8',
        };
        this.#files.set(name, file);
        return file;
    }
}
exports.ClientBundle = ClientBundle;
/** Whether an `If-None-Match` header names `etag` (a list, `*`, or weak forms, per RFC 9110 section 13.1.2). */
function isCurrent(ifNoneMatch, etag) {
    if (ifNoneMatch === undefined)
        return false;
    if (ifNoneMatch.trim() === '*')
        return true;
    return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
//# sourceMappingURL=client-bundle.js.map