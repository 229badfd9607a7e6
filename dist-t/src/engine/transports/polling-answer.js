"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.writeAnswer = writeAnswer;
exports.chooseEncoding = chooseEncoding;
const node_zlib_1 = require("node:zlib");
const debug_1 = require("../../debug");
const debug = (0, debug_1.createDebug)('classio:engine');
/**
 * Answers a poll (or a POST) with `body`. Past the `httpCompression` threshold, and when the request accepts it,
 * the body is gzip- or deflate-encoded first (zlib runs off the event loop: only one GET is pending per session,
 * so the wait reorders nothing). `isCompressible` is false when every message of the answer asked not to be
 * compressed (engine.io compresses an answer when one of its packets allows it).
 */
function writeAnswer(host, req, res, contentType, body, isCompressible) {
    if (res.headersSent) {
        if (!res.writableEnded)
            res.end();
        return;
    }
    const headers = { 'Content-Type': contentType, 'Cache-Control': 'no-store' };
    if (host !== null && req !== null)
        host.addHeaders(headers, req);
    const compression = host?.httpCompression ?? false;
    const encoding = compression !== false && isCompressible && req !== null && Buffer.byteLength(body) >= compression.threshold
        ? chooseEncoding(req.headers['accept-encoding'])
        : null;
    if (encoding === null) {
        headers['Content-Length'] = Buffer.byteLength(body);
        res.writeHead(200, headers);
        res.end(body);
        return;
    }
    const compress = encoding === 'gzip' ? node_zlib_1.gzip : node_zlib_1.deflate;
    compress(body, compression, (err, encoded) => {
        if (res.destroyed || res.writableEnded)
            return;
        if (err !== null) {
            // zlib failing on a string it was given is a bug of Node or of the options: answer uncompressed.
            debug('%s of a poll answer failed: %s', encoding, err.message);
            headers['Content-Length'] = Buffer.byteLength(body);
            res.writeHead(200, headers);
            res.end(body);
            return;
        }
        headers['Content-Encoding'] = encoding;
        headers['Content-Length'] = encoded.length;
        res.writeHead(200, headers);
        res.end(encoded);
    });
}
/**
 * The encoding an `Accept-Encoding` header asks for: the listed one of highest quality among gzip and deflate
 * (gzip on a tie, as the reference), `*` standing for both; `q=0` refuses.
 */
function chooseEncoding(header) {
    if (header === undefined)
        return null;
    let gzipQuality = -1;
    let deflateQuality = -1;
    let anyQuality = -1;
    for (const item of (Array.isArray(header) ? header.join(',') : header).split(',')) {
        const [name, ...params] = item.split(';');
        let quality = 1;
        for (const param of params) {
            const [key, value] = param.split('=');
            if (key.trim() === 'q')
                quality = Number(value);
        }
        if (!(quality >= 0))
            continue;
        const coding = name.trim().toLowerCase();
        if (coding === 'gzip' || coding === 'x-gzip')
            gzipQuality = quality;
        else if (coding === 'deflate')
            deflateQuality = quality;
        else if (coding === '*')
            anyQuality = quality;
    }
    if (gzipQuality === -1)
        gzipQuality = anyQuality;
    if (deflateQuality === -1)
        deflateQuality = anyQuality;
    if (gzipQuality <= 0 && deflateQuality <= 0)
        return null;
    return gzipQuality >= deflateQuality ? 'gzip' : 'deflate';
}
//# sourceMappingURL=polling-answer.js.map