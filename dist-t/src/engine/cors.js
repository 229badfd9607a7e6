"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.applyCors = applyCors;
exports.isOriginListed = isOriginListed;
/**
 * CORS for the polling transport, with the semantics of the `cors` package the reference server uses: the
 * headers are set on the response before anything else runs, so error answers carry them too, and an `OPTIONS`
 * request is answered as a preflight (204) without reaching the engine.
 */
const DEFAULT_METHODS = 'GET,POST';
/**
 * Sets the CORS headers of `req` on `res`. Returns `true` when the request was a preflight and has been answered.
 */
function applyCors(cors, req, res) {
    const allowedOrigin = resolveOrigin(cors.origin ?? '*', req);
    if (allowedOrigin.vary)
        res.setHeader('Vary', 'Origin');
    if (allowedOrigin.value !== null)
        res.setHeader('Access-Control-Allow-Origin', allowedOrigin.value);
    if (cors.credentials === true)
        res.setHeader('Access-Control-Allow-Credentials', 'true');
    if (req.method !== 'OPTIONS')
        return false;
    res.setHeader('Access-Control-Allow-Methods', cors.methods ? cors.methods.join(',') : DEFAULT_METHODS);
    if (cors.allowedHeaders) {
        res.setHeader('Access-Control-Allow-Headers', cors.allowedHeaders.join(','));
    }
    else {
        const requested = req.headers['access-control-request-headers'];
        if (requested) {
            res.setHeader('Access-Control-Allow-Headers', requested);
            res.appendHeader('Vary', 'Access-Control-Request-Headers');
        }
    }
    if (cors.maxAge !== undefined)
        res.setHeader('Access-Control-Max-Age', String(cors.maxAge));
    res.setHeader('Content-Length', '0');
    res.writeHead(204);
    res.end();
    return true;
}
/**
 * The `allowedOrigins` check (engine option): whether a request's `Origin` is listed, by exact string or RegExp,
 * or accepted by the function. A throwing function refuses.
 */
function isOriginListed(allowed, origin, req) {
    if (typeof allowed === 'function') {
        try {
            return allowed(origin, req) === true;
        }
        catch {
            return false;
        }
    }
    for (const entry of allowed) {
        if (typeof entry === 'string' ? entry === origin : entry.test(origin))
            return true;
    }
    return false;
}
function resolveOrigin(origin, req) {
    const requestOrigin = req.headers.origin;
    if (origin === '*')
        return { value: '*', vary: false };
    if (origin === false)
        return { value: null, vary: false };
    if (typeof origin === 'string')
        return { value: origin, vary: true };
    if (typeof origin === 'function') {
        const decision = origin(requestOrigin, req);
        if (typeof decision === 'string')
            return { value: decision, vary: true };
        return { value: decision && requestOrigin ? requestOrigin : null, vary: true };
    }
    const isAllowed = requestOrigin !== undefined && isOriginAllowed(requestOrigin, origin);
    return { value: isAllowed ? requestOrigin : null, vary: true };
}
function isOriginAllowed(requestOrigin, allowed) {
    if (allowed === true)
        return true;
    if (allowed instanceof RegExp)
        return allowed.test(requestOrigin);
    for (const entry of allowed) {
        if (typeof entry === 'string' ? entry === requestOrigin : entry.test(requestOrigin))
            return true;
    }
    return false;
}
//# sourceMappingURL=cors.js.map