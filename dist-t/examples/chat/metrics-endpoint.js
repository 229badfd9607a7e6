"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.serveMetrics = serveMetrics;
/**
 * `GET /metrics` in the Prometheus text format, from the classio server's prom-client registry (the chat turns it
 * on with `CHAT_METRICS=1`, which sets the server option `metrics: { prometheus: true }`). Returns false for any
 * other request, which the static files then answer.
 */
function serveMetrics(registry, req, res) {
    if (registry === null || req.method !== 'GET' || (req.url ?? '/').split('?')[0] !== '/metrics')
        return false;
    registry.metrics().then((text) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(text), () => res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Cannot collect metrics\n'));
    return true;
}
//# sourceMappingURL=metrics-endpoint.js.map