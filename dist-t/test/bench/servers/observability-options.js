"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.observabilityOptions = observabilityOptions;
const api_1 = require("@opentelemetry/api");
const context_async_hooks_1 = require("@opentelemetry/context-async-hooks");
const sdk_metrics_1 = require("@opentelemetry/sdk-metrics");
const sdk_trace_base_1 = require("@opentelemetry/sdk-trace-base");
/**
 * The server options of the observability peers, set up as an application would: an SDK meter provider (its
 * reader never collects during the run, as a 60 s export interval would not) plus a prom-client registry, or an SDK
 * tracer provider with the async context manager and a batch processor whose exporter drops the spans.
 */
class IdleReader extends sdk_metrics_1.MetricReader {
    async onShutdown() { }
    async onForceFlush() { }
}
const DROP_EXPORTER = {
    export: (_spans, done) => done({ code: 0 }),
    shutdown: async () => { },
};
/** The options of a classio bench variant: metrics or tracing on, nothing for the others. */
function observabilityOptions(variant) {
    if (variant === 'metrics') {
        return { metrics: { openTelemetry: new sdk_metrics_1.MeterProvider({ readers: [new IdleReader()] }), prometheus: true } };
    }
    if (variant === 'tracing') {
        api_1.context.setGlobalContextManager(new context_async_hooks_1.AsyncLocalStorageContextManager().enable());
        const tracerProvider = new sdk_trace_base_1.BasicTracerProvider({ spanProcessors: [new sdk_trace_base_1.BatchSpanProcessor(DROP_EXPORTER)] });
        return { tracing: { tracerProvider } };
    }
    return {};
}
//# sourceMappingURL=observability-options.js.map