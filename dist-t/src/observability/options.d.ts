import type { MeterProvider, TracerProvider } from '@opentelemetry/api';
import type * as PromClient from 'prom-client';
import { type GaugeReader } from './metrics';
import { Observer } from './observer';
import { LogSink, type Logger, type LogLevel } from './structured-log';
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
    prometheus?: boolean | PromClient.Registry;
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
    readonly registry: PromClient.Registry | null;
}
/** Loads an optional peer, or says what to install. */
export type LoadPeer = (name: '@opentelemetry/api' | 'prom-client') => unknown;
/**
 * Checks the observability options (wrong types throw `ConfigurationError`, code `CLASSIO_ERR_CONFIG`), loads the
 * optional peers they need, and builds the observer. Runs once, in the `Server` constructor.
 */
export declare function setUpObservability(settings: ObservabilitySettings, defaultLogger: Logger, gauges: GaugeSources, loadPeer?: LoadPeer): Observability;
