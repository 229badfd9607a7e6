import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { ServerOptions } from '../../../src';

/**
 * The server options of the observability peers, set up as an application would: an SDK meter provider (its
 * reader never collects during the run, as a 60 s export interval would not) plus a prom-client registry, or an SDK
 * tracer provider with the async context manager and a batch processor whose exporter drops the spans.
 */

class IdleReader extends MetricReader {
  protected override async onShutdown(): Promise<void> {}
  protected override async onForceFlush(): Promise<void> {}
}

const DROP_EXPORTER: SpanExporter = {
  export: (_spans, done) => done({ code: 0 }),
  shutdown: async () => {},
};

/** The options of a classio bench variant: metrics or tracing on, nothing for the others. */
export function observabilityOptions(variant: string): ServerOptions {
  if (variant === 'metrics') {
    return { metrics: { openTelemetry: new MeterProvider({ readers: [new IdleReader()] }), prometheus: true } };
  }
  if (variant === 'tracing') {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    const tracerProvider = new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(DROP_EXPORTER)] });
    return { tracing: { tracerProvider } };
  }
  return {};
}
