import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
/**
 * `GET /metrics` in the Prometheus text format, from the classio server's prom-client registry (the chat turns it
 * on with `CHAT_METRICS=1`, which sets the server option `metrics: { prometheus: true }`). Returns false for any
 * other request, which the static files then answer.
 */
export declare function serveMetrics(registry: Registry | null, req: IncomingMessage, res: ServerResponse): boolean;
