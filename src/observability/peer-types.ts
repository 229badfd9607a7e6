/**
 * The parts of the optional peers `@opentelemetry/api` and `prom-client` that classio uses, as structural types.
 * The published declarations must never import those packages: a project that has neither installed (they are
 * optional) compiles against classio's `.d.ts` files without `skipLibCheck`, and one that has them passes their own
 * objects (an SDK's `MeterProvider`, `trace.getTracerProvider()`, a `new Registry()`), which fit these shapes
 * (test/observability/peer-types.test.ts compiles that). Each shape lists only what classio calls.
 */

/** Metric attributes and span attributes as classio sets them. */
export type PeerAttributes = Readonly<Record<string, string | number | boolean>>;

// --- OpenTelemetry metrics -------------------------------------------------------------------------------------

/** The options classio passes when it creates an instrument. */
export interface OtelInstrumentOptions {
  readonly description?: string;
  readonly unit?: string;
  readonly advice?: { readonly explicitBucketBoundaries?: number[] };
}

/** An OpenTelemetry `Counter`. */
export interface OtelCounter {
  add(value: number, attributes?: PeerAttributes): void;
}

/** An OpenTelemetry `Histogram`. */
export interface OtelHistogram {
  record(value: number, attributes?: PeerAttributes): void;
}

/** What an observable gauge's callback writes to. */
export interface OtelObservableResult {
  observe(value: number, attributes?: PeerAttributes): void;
}

/** An OpenTelemetry `ObservableGauge`. */
export interface OtelObservableGauge {
  addCallback(callback: (result: OtelObservableResult) => void): void;
}

/** An OpenTelemetry `Meter`: the three kinds of instrument classio records. */
export interface OtelMeter {
  createCounter(name: string, options?: OtelInstrumentOptions): OtelCounter;
  createHistogram(name: string, options?: OtelInstrumentOptions): OtelHistogram;
  createObservableGauge(name: string, options?: OtelInstrumentOptions): OtelObservableGauge;
}

/** An OpenTelemetry `MeterProvider` (the API's global one, or an SDK's). */
export interface MeterProvider {
  getMeter(name: string): OtelMeter;
}

// --- OpenTelemetry traces --------------------------------------------------------------------------------------

/** An OpenTelemetry `Context`: classio only passes it along. */
export interface OtelContext {
  getValue(key: symbol): unknown;
}

/** An OpenTelemetry `SpanContext`. */
export interface OtelSpanContext {
  readonly traceId: string;
  readonly spanId: string;
  readonly traceFlags: number;
  readonly isRemote?: boolean;
}

/** An OpenTelemetry `Span`: what classio sets on the spans it starts. */
export interface OtelSpan {
  setAttribute(key: string, value: string | number | boolean): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  recordException(exception: Error): void;
  end(): void;
}

/** The options classio starts a span with. */
export interface OtelSpanOptions {
  readonly kind?: number;
  readonly attributes?: PeerAttributes;
}

/** An OpenTelemetry `Tracer`. */
export interface OtelTracer {
  startSpan(name: string, options?: OtelSpanOptions, context?: OtelContext): OtelSpan;
}

/** An OpenTelemetry `TracerProvider` (the API's global one, or an SDK's). */
export interface TracerProvider {
  getTracer(name: string): OtelTracer;
}

/** The functions of `@opentelemetry/api` classio calls, loaded at run time when metrics or tracing is on. */
export interface OtelApi {
  readonly ROOT_CONTEXT: OtelContext;
  readonly SpanKind: { readonly SERVER: number };
  readonly SpanStatusCode: { readonly ERROR: number };
  readonly metrics: { getMeterProvider(): MeterProvider };
  readonly trace: {
    getTracerProvider(): TracerProvider;
    setSpan(context: OtelContext, span: OtelSpan): OtelContext;
    getSpanContext(context: OtelContext): OtelSpanContext | undefined;
    setSpanContext(context: OtelContext, spanContext: OtelSpanContext): OtelContext;
  };
  readonly context: {
    active(): OtelContext;
    with<A extends unknown[], R>(context: OtelContext, fn: (...args: A) => R, thisArg?: unknown, ...args: A): R;
  };
  readonly propagation: {
    extract(context: OtelContext, carrier: Readonly<Record<string, string>>): OtelContext;
  };
}

// --- prom-client -----------------------------------------------------------------------------------------------

/**
 * A prom-client `Registry`: what `/metrics` serves (`await registry.metrics()` with `registry.contentType`). Pass
 * your own to `metrics.prometheus`, or read the one classio made from `server.metricsRegistry`.
 */
export interface PrometheusRegistry {
  readonly contentType: string;
  metrics(): Promise<string>;
  registerMetric(metric: never): void;
}

/** A metric's labels, as prom-client takes them. */
export type PromLabels = Readonly<Record<string, string>>;

/** What every prom-client metric classio creates is configured with. */
export interface PromMetricConfig {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
  readonly registers: PrometheusRegistry[];
}

/** A prom-client `Counter`. */
export interface PromCounter {
  inc(labels: PromLabels, value?: number): void;
}

/** A prom-client `Histogram`. */
export interface PromHistogram {
  observe(labels: PromLabels, value: number): void;
}

/** A prom-client `Gauge`, as its `collect()` sees it. */
export interface PromGauge {
  reset(): void;
  set(labels: PromLabels, value: number): void;
}

/** The classes of `prom-client` classio creates, loaded at run time when Prometheus metrics are on. */
export interface PromClientModule {
  readonly Registry: new () => PrometheusRegistry;
  readonly Counter: new (config: PromMetricConfig) => PromCounter;
  readonly Histogram: new (config: PromMetricConfig & { readonly buckets: number[] }) => PromHistogram;
  readonly Gauge: new (config: PromMetricConfig & { collect(this: PromGauge): void }) => PromGauge;
}
