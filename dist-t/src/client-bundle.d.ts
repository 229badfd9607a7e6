import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
/**
 * The client bundle of the `serveClient` option: the browser builds of the installed `socket.io-client` (an optional
 * peer), served under the server's path (`/socket.io/socket.io.js`, `.min.js`, `.esm.min.js`, `.msgpack.min.js`
 * and their `.map` files) with an ETag computed from the file, answered 304 when the browser's copy is current.
 *
 * The package is resolved when the server is built, so a missing one is a {@link ConfigurationError} at startup,
 * not a 404 in production. Files are read on their first request and kept (about 1.2 MB for all eight).
 */
export declare class ClientBundle {
    #private;
    /** The `socket.io-client` version served. */
    readonly version: string;
    /** `path` is the server's path, with its trailing slash. */
    constructor(path: string);
    /**
     * Serves the bundle on `httpServer` (already attached to the engine): bundle requests are answered here, every
     * other request goes on to the listeners it had.
     */
    attach(httpServer: HttpServer): void;
    /** Answers `req` when it asks for a bundle file; returns whether it did. */
    serve(req: IncomingMessage, res: ServerResponse): boolean;
}
