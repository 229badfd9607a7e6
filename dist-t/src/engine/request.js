"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseQuery = parseQuery;
exports.isOriginInvalid = isOriginInvalid;
exports.checkProtocol = checkProtocol;
exports.forbidden = forbidden;
exports.writeRefusal = writeRefusal;
exports.writeUpgradeRefusal = writeUpgradeRefusal;
const node_http_1 = require("node:http");
const errors_1 = require("../errors");
const symbols_1 = require("./symbols");
/** Characters allowed in a header value (RFC 7230 field-value); an Origin with others is a bad request. */
const INVALID_HEADER_CHAR = /[^\t\x20-\x7e\x80-\xff]/;
/** Parses the query once per request and keeps it on the request (the upgrade callback reads it again). */
function parseQuery(req) {
    const cached = req[symbols_1.kQuery];
    if (cached !== undefined)
        return cached;
    const url = req.url ?? '';
    const start = url.indexOf('?');
    const params = new URLSearchParams(start === -1 ? '' : url.slice(start + 1));
    const query = { EIO: params.get('EIO'), transport: params.get('transport'), sid: params.get('sid') };
    req[symbols_1.kQuery] = query;
    return query;
}
/** Whether an Origin header holds characters a header may not (the reference answers code 3). */
function isOriginInvalid(origin) {
    return origin !== undefined && INVALID_HEADER_CHAR.test(origin);
}
/** Protocol v4, and v3 when `allowEIO3`: a missing or any other `EIO` is error 5 (as in the reference). */
function checkProtocol(query, allowEIO3) {
    return query.EIO === '4' || (allowEIO3 && query.EIO === '3') ? null : new errors_1.ProtocolError(5, { protocol: query.EIO });
}
/** The refusal of an `allowRequest` that threw or rejected: code 4, with the error's message when it has one. */
function forbidden(err) {
    const message = err instanceof Error && err.message ? err.message : undefined;
    return new errors_1.ProtocolError(4, { error: err }, message);
}
/** Answers a refused HTTP request as the reference does: status 400 (403 for code 4) and `{code, message}`. */
function writeRefusal(res, error) {
    if (res.headersSent) {
        if (!res.writableEnded)
            res.end();
        return;
    }
    const body = JSON.stringify({ code: error.engineCode, message: error.message });
    res.writeHead(error.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
}
/**
 * Refuses an upgrade on the raw socket. The reference always writes `400 Bad Request` with the message as text;
 * this sends the same status and JSON body an HTTP request would get, which says more and breaks no client.
 */
function writeUpgradeRefusal(socket, error) {
    if (!socket.writable) {
        socket.destroy();
        return;
    }
    const body = JSON.stringify({ code: error.engineCode, message: error.message });
    socket.end(`HTTP/1.1 ${error.status} ${node_http_1.STATUS_CODES[error.status]}\r\n` +
        'Connection: close\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
//# sourceMappingURL=request.js.map