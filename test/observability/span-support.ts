import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';

/**
 * Reading classio's spans back in tests: a tracer provider that exports every finished span to memory, and the
 * context manager every OpenTelemetry Node setup registers (child spans find their parent through it).
 */

/** Registers the AsyncLocalStorage context manager for the suite it is called in. */
export function useContextManager(): void {
  const contextManager = new AsyncLocalStorageContextManager();
  before(() => {
    context.setGlobalContextManager(contextManager.enable());
  });
  after(() => {
    context.disable();
  });
}

/** A tracer provider whose finished spans are kept, with the look-ups the tests make. */
export class SpanRecorder {
  readonly exporter = new InMemorySpanExporter();
  readonly tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(this.exporter)] });

  /** Every finished span, in the order they ended. */
  spans(): ReadableSpan[] {
    return this.exporter.getFinishedSpans();
  }

  /** The finished spans called `name`. */
  named(name: string): ReadableSpan[] {
    return this.spans().filter((span) => span.name === name);
  }

  /** The finished spans whose parent is `parent`. */
  childrenOf(parent: ReadableSpan): ReadableSpan[] {
    return this.spans().filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);
  }
}
