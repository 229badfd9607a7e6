import { ConfigurationError } from '../errors';
import { MetricsRecorder, type GaugeReader } from './metrics';
import { Observer } from './observer';
import { LOG_LEVELS, LogSink, type Logger, type LogLevel } from './structured-log';
import { EventTracer } from './tracing';
import type { MeterProvider, OtelApi, PromClientModule, PrometheusRegistry, TracerProvider } from './peer-types';

export type { MeterProvider, PrometheusRegistry, TracerProvider } from './peer-types';

/** The instrumentation scope classio's meter and tracer are named after. */
const SCOPE_NAME = 'classio';

/**
 * The `metrics` option. `true` is `{ openTelemetry: true }`.
 *
 * @example new Server({ metrics: { prometheus: true } }) // then server.metricsRegistry.metrics() for /metrics
 */
export interface MetricsOptions {
  /**
   * Record through the OpenTelemetry metrics API (the optional peer `@opentelemetry/api`): `true` uses the global
   * meter provider (the one the application's SDK registered), or pass a `MeterProvider`. Default: true when
   * `prometheus` is not set, else false.
   */
  openTelemetry?: boolean | MeterProvider;
  /**
   * Record in a prom-client registry (the optional peer `prom-client`): `true` creates one for this server
   * (`server.metricsRegistry`), or pass your own `Registry`. Default false.
   */
  prometheus?: boolean | PrometheusRegistry;
}

/** The `tracing` option. `true` is `{}`: the global tracer provider. */
export interface TracingOptions {
  /** The provider to get classio's tracer from. Default: the global one (`trace.getTracerProvider()`). */
  tracerProvider?: TracerProvider;
}

/** What the server reads to set observability up. */
export interface ObservabilitySettings {
  readonly metrics: boolean | MetricsOptions | undefined;
  readonly tracing: boolean | TracingOptions | undefined;
  readonly logger: Logger | false | undefined;
  readonly logLevel: LogLevel | undefined;
}

/** What the server reads of itself for the gauges. */
export interface GaugeSources {
  readonly connections: GaugeReader;
  readonly sockets: GaugeReader;
}

/** The pieces the server keeps. */
export interface Observability {
  /** The instrumentation the layers call, or null when everything is off. */
  readonly observer: Observer | null;
  /** Where log records go, or null for `logger: false` / `logLevel: 'silent'`. */
  readonly log: LogSink | null;
  /** The prom-client registry, when Prometheus metrics are on. */
  readonly registry: PrometheusRegistry | null;
}

/** Loads an optional peer, or says what to install. */
export type LoadPeer = (name: '@opentelemetry/api' | 'prom-client') => unknown;

/**
 * Checks the observability options (wrong types throw `ConfigurationError`, code `CLASSIO_ERR_CONFIG`), loads the
 * optional peers they need, and builds the observer. Runs once, in the `Server` constructor.
 */
export function setUpObservability(
  settings: ObservabilitySettings,
  defaultLogger: Logger,
  gauges: GaugeSources,
  loadPeer: LoadPeer = requirePeer,
): Observability {
  const level = settings.logLevel ?? 'warn';
  if (!LOG_LEVELS.includes(level)) {
    throw new ConfigurationError(`logLevel must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(level)}`);
  }
  const logger = settings.logger ?? defaultLogger;
  if (logger !== false && (logger === null || typeof logger !== 'object' || typeof logger.error !== 'function')) {
    throw new ConfigurationError('logger must be false or an object with an error() method (console, a pino logger)');
  }
  const log = logger === false || level === 'silent' ? null : new LogSink(logger, level);

  const metrics = checkMetrics(settings.metrics);
  const tracing = checkTracing(settings.tracing);
  let meterApi: OtelApi | null = null;
  if ((metrics !== null && metrics.openTelemetry !== false) || tracing !== null) {
    meterApi = loadPeer('@opentelemetry/api') as OtelApi;
  }
  let registry: PrometheusRegistry | null = null;
  let prom: PromClientModule | null = null;
  if (metrics !== null && metrics.prometheus !== undefined && metrics.prometheus !== false) {
    prom = loadPeer('prom-client') as PromClientModule;
    registry = metrics.prometheus === true ? new prom.Registry() : metrics.prometheus;
  }
  let recorder: MetricsRecorder | null = null;
  if (metrics !== null) {
    const useOtel = metrics.openTelemetry ?? registry === null;
    const provider = useOtel === false ? null : useOtel === true ? meterApi!.metrics.getMeterProvider() : useOtel;
    recorder = new MetricsRecorder({ meter: provider?.getMeter(SCOPE_NAME) ?? null, registry, prom }, gauges);
  }
  let tracer: EventTracer | null = null;
  if (tracing !== null) {
    const provider = tracing.tracerProvider ?? meterApi!.trace.getTracerProvider();
    tracer = new EventTracer(meterApi!, provider.getTracer(SCOPE_NAME));
  }
  const observer = recorder === null && tracer === null && log === null ? null : new Observer(recorder, tracer, log);
  return { observer, log, registry };
}

function checkMetrics(value: boolean | MetricsOptions | undefined): MetricsOptions | null {
  if (value === undefined || value === false) return null;
  if (value === true) return { openTelemetry: true };
  if (value === null || typeof value !== 'object') {
    throw new ConfigurationError(`metrics must be a boolean or { openTelemetry?, prometheus? }, got ${String(value)}`);
  }
  for (const name of Object.keys(value)) {
    if (name !== 'openTelemetry' && name !== 'prometheus') {
      throw new ConfigurationError(`metrics: unknown option "${name}"; the options are openTelemetry, prometheus`);
    }
  }
  const { openTelemetry, prometheus } = value;
  if (openTelemetry !== undefined && typeof openTelemetry !== 'boolean' && !hasMethod(openTelemetry, 'getMeter')) {
    throw new ConfigurationError('metrics.openTelemetry must be a boolean or a MeterProvider (with getMeter())');
  }
  if (prometheus !== undefined && typeof prometheus !== 'boolean' && !hasMethod(prometheus, 'registerMetric')) {
    throw new ConfigurationError('metrics.prometheus must be a boolean or a prom-client Registry');
  }
  return value;
}

function checkTracing(value: boolean | TracingOptions | undefined): TracingOptions | null {
  if (value === undefined || value === false) return null;
  if (value === true) return {};
  if (value === null || typeof value !== 'object') {
    throw new ConfigurationError(`tracing must be a boolean or { tracerProvider? }, got ${String(value)}`);
  }
  for (const name of Object.keys(value)) {
    if (name !== 'tracerProvider') {
      throw new ConfigurationError(`tracing: unknown option "${name}"; the only option is tracerProvider`);
    }
  }
  if (value.tracerProvider !== undefined && !hasMethod(value.tracerProvider, 'getTracer')) {
    throw new ConfigurationError('tracing.tracerProvider must be a TracerProvider (with getTracer())');
  }
  return value;
}

function hasMethod(value: unknown, name: string): boolean {
  return value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>)[name] === 'function';
}

function requirePeer(name: '@opentelemetry/api' | 'prom-client'): unknown {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional peer, loaded only when asked for
    return require(name);
  } catch (error) {
    throw new ConfigurationError(
      `${name === 'prom-client' ? 'metrics.prometheus' : 'metrics and tracing'} need the optional peer dependency ` +
        `${name}, which is not installed: npm install ${name}`,
      { cause: error },
    );
  }
}
