"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.setUpObservability = setUpObservability;
const errors_1 = require("../errors");
const metrics_1 = require("./metrics");
const observer_1 = require("./observer");
const structured_log_1 = require("./structured-log");
const tracing_1 = require("./tracing");
/** The instrumentation scope classio's meter and tracer are named after. */
const SCOPE_NAME = 'classio';
/**
 * Checks the observability options (wrong types throw `ConfigurationError`, code `CLASSIO_ERR_CONFIG`), loads the
 * optional peers they need, and builds the observer. Runs once, in the `Server` constructor.
 */
function setUpObservability(settings, defaultLogger, gauges, loadPeer = requirePeer) {
    const level = settings.logLevel ?? 'warn';
    if (!structured_log_1.LOG_LEVELS.includes(level)) {
        throw new errors_1.ConfigurationError(`logLevel must be one of ${structured_log_1.LOG_LEVELS.join(', ')}, got ${JSON.stringify(level)}`);
    }
    const logger = settings.logger ?? defaultLogger;
    if (logger !== false && (logger === null || typeof logger !== 'object' || typeof logger.error !== 'function')) {
        throw new errors_1.ConfigurationError('logger must be false or an object with an error() method (console, a pino logger)');
    }
    const log = logger === false || level === 'silent' ? null : new structured_log_1.LogSink(logger, level);
    const metrics = checkMetrics(settings.metrics);
    const tracing = checkTracing(settings.tracing);
    let meterApi = null;
    if ((metrics !== null && metrics.openTelemetry !== false) || tracing !== null) {
        meterApi = loadPeer('@opentelemetry/api');
    }
    let registry = null;
    let prom = null;
    if (metrics !== null && metrics.prometheus !== undefined && metrics.prometheus !== false) {
        prom = loadPeer('prom-client');
        registry = metrics.prometheus === true ? new prom.Registry() : metrics.prometheus;
    }
    let recorder = null;
    if (metrics !== null) {
        const useOtel = metrics.openTelemetry ?? registry === null;
        const provider = useOtel === false ? null : useOtel === true ? meterApi.metrics.getMeterProvider() : useOtel;
        recorder = new metrics_1.MetricsRecorder({ meter: provider?.getMeter(SCOPE_NAME) ?? null, registry, prom }, gauges);
    }
    let tracer = null;
    if (tracing !== null) {
        const provider = tracing.tracerProvider ?? meterApi.trace.getTracerProvider();
        tracer = new tracing_1.EventTracer(meterApi, provider.getTracer(SCOPE_NAME));
    }
    const observer = recorder === null && tracer === null && log === null ? null : new observer_1.Observer(recorder, tracer, log);
    return { observer, log, registry };
}
function checkMetrics(value) {
    if (value === undefined || value === false)
        return null;
    if (value === true)
        return { openTelemetry: true };
    if (value === null || typeof value !== 'object') {
        throw new errors_1.ConfigurationError(`metrics must be a boolean or { openTelemetry?, prometheus? }, got ${String(value)}`);
    }
    for (const name of Object.keys(value)) {
        if (name !== 'openTelemetry' && name !== 'prometheus') {
            throw new errors_1.ConfigurationError(`metrics: unknown option "${name}"; the options are openTelemetry, prometheus`);
        }
    }
    const { openTelemetry, prometheus } = value;
    if (openTelemetry !== undefined && typeof openTelemetry !== 'boolean' && !hasMethod(openTelemetry, 'getMeter')) {
        throw new errors_1.ConfigurationError('metrics.openTelemetry must be a boolean or a MeterProvider (with getMeter())');
    }
    if (prometheus !== undefined && typeof prometheus !== 'boolean' && !hasMethod(prometheus, 'registerMetric')) {
        throw new errors_1.ConfigurationError('metrics.prometheus must be a boolean or a prom-client Registry');
    }
    return value;
}
function checkTracing(value) {
    if (value === undefined || value === false)
        return null;
    if (value === true)
        return {};
    if (value === null || typeof value !== 'object') {
        throw new errors_1.ConfigurationError(`tracing must be a boolean or { tracerProvider? }, got ${String(value)}`);
    }
    for (const name of Object.keys(value)) {
        if (name !== 'tracerProvider') {
            throw new errors_1.ConfigurationError(`tracing: unknown option "${name}"; the only option is tracerProvider`);
        }
    }
    if (value.tracerProvider !== undefined && !hasMethod(value.tracerProvider, 'getTracer')) {
        throw new errors_1.ConfigurationError('tracing.tracerProvider must be a TracerProvider (with getTracer())');
    }
    return value;
}
function hasMethod(value, name) {
    return value !== null && typeof value === 'object' && typeof value[name] === 'function';
}
function requirePeer(name) {
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional peer, loaded only when asked for
        return require(name);
    }
    catch (error) {
        throw new errors_1.ConfigurationError(`${name === 'prom-client' ? 'metrics.prometheus' : 'metrics and tracing'} need the optional peer dependency ` +
            `${name}, which is not installed: npm install ${name}`, { cause: error });
    }
}
//# sourceMappingURL=options.js.map