import type { EngineData } from '../engine/types';
import type { DisconnectReason } from '../namespace/disconnect-reason';
import type { Instrumentation, StageKind } from '../namespace/instrumentation';
import type { AckCallback, ConnectHook, Route, RouteHandler } from '../namespace/route-table';
import type { Socket } from '../namespace/socket';
import { isThenable } from '../namespace/util';
import { UNKNOWN_EVENT_LABEL, type Labels, type MetricsRecorder } from './metrics';
import { codeOf, REFUSED_CODE, traceConnect, traceStage, type EventTracer } from './tracing';
import type { LogSink } from './structured-log';
import type { OtelSpan as Span } from './peer-types';
import { byteLength, framesLength } from './traffic';

/**
 * The server's {@link Instrumentation}: metrics, traces and structured logs behind the one interface the namespace
 * layer and the runtime call. Each part is `null` when it is off, and a route is wrapped only when metrics or
 * tracing is on. Label objects are built once (per route, per namespace, per transport) and reused.
 */
export class Observer implements Instrumentation {
  readonly #labels = new Map<string, Labels>();

  constructor(
    readonly metrics: MetricsRecorder | null,
    readonly tracing: EventTracer | null,
    readonly log: LogSink | null,
  ) {}

  /** Whether anything is counted (the namespace layer skips the per-packet counters when not). */
  get hasMetrics(): boolean {
    return this.metrics !== null;
  }

  wrapRoute(namespace: string, route: Route): Route {
    if (this.metrics === null && this.tracing === null) return route;
    const probe = new RouteProbe(this, namespace, route);
    const handle: RouteHandler = (socket, args, ack) => observeRoute(probe, socket, args, ack);
    return Object.freeze({ ...route, handle });
  }

  wrapStage<A extends unknown[], R>(kind: StageKind, name: string, fn: (...args: A) => R): (...args: A) => R {
    return this.tracing === null ? fn : traceStage(this.tracing, `${kind} ${name}`, fn);
  }

  wrapConnect(namespace: string, hook: ConnectHook): ConnectHook {
    return this.tracing === null ? hook : traceConnect(this.tracing, namespace, hook);
  }

  eventWithoutRoute(namespace: string, event: string | null): void {
    this.metrics?.eventsReceived.add(this.labels('namespace', namespace, 'event', event ?? UNKNOWN_EVENT_LABEL));
  }

  socketConnected(socket: Socket): void {
    const namespace = socket.nsp.name;
    this.metrics?.connects.add(this.labels('namespace', namespace, 'outcome', 'accepted'));
    this.log?.write('info', 'socket connected', { sid: socket.id, namespace });
  }

  socketRefused(socket: Socket, message: string): void {
    const namespace = socket.nsp.name;
    this.metrics?.connects.add(this.labels('namespace', namespace, 'outcome', 'refused'));
    this.log?.write('info', 'connection refused', { sid: socket.id, namespace, reason: message, code: REFUSED_CODE });
  }

  socketDisconnected(socket: Socket, reason: DisconnectReason, wasConnected: boolean): void {
    if (!wasConnected) return;
    const namespace = socket.nsp.name;
    this.metrics?.disconnects.add(this.labels('namespace', namespace, 'reason', reason));
    if (reason === 'slow consumer') {
      this.log?.write('warn', 'slow consumer disconnected: its send buffer passed maxBufferedBytes', {
        sid: socket.id,
        namespace,
        reason,
      });
    } else {
      this.log?.write('info', 'socket disconnected', { sid: socket.id, namespace, reason });
    }
  }

  bytesIn(transport: string, data: EngineData): void {
    this.metrics?.bytesIn.add(this.labels('transport', transport), byteLength(data));
  }

  bytesOut(transport: string, frames: readonly EngineData[]): void {
    this.metrics?.bytesOut.add(this.labels('transport', transport), framesLength(frames));
  }

  broadcast(namespace: string): void {
    this.metrics?.broadcasts.add(this.labels('namespace', namespace));
  }

  delivered(namespace: string): void {
    this.metrics?.deliveries.add(this.labels('namespace', namespace));
  }

  ackSettled(namespace: string, event: string, isTimedOut: boolean): void {
    const metrics = this.metrics;
    if (metrics === null) return;
    (isTimedOut ? metrics.acksTimedOut : metrics.acksAnswered).add(this.labels('namespace', namespace, 'event', event));
  }

  adapterRequest<T>(namespace: string, kind: string, pending: Promise<T>): Promise<T> {
    const metrics = this.metrics;
    if (metrics === null) return pending;
    const start = performance.now();
    const settle = (outcome: 'ok' | 'error') => {
      metrics.adapterRequests.add(this.labels('namespace', namespace, 'kind', kind, 'outcome', outcome));
      metrics.adapterDuration.record(this.labels('namespace', namespace, 'kind', kind), secondsSince(start));
    };
    pending.then(
      () => settle('ok'),
      () => settle('error'),
    );
    return pending;
  }

  adapterCommand(namespace: string, kind: string): void {
    this.metrics?.adapterRequests.add(this.labels('namespace', namespace, 'kind', kind, 'outcome', 'sent'));
  }

  /** The message queue became unreachable (the first error of an outage). */
  clusterFault(err: unknown): void {
    this.metrics?.clusterOutages.add(NO_LABELS);
    this.log?.write('error', 'message queue unreachable', {}, err);
  }

  /**
   * One shared labels object per set of values. Every value comes from the server's code (see `metrics.ts`), so the
   * cache is as bounded as the series.
   */
  labels(...pairs: string[]): Labels {
    const key = pairs.join('\u0000');
    let labels = this.#labels.get(key);
    if (labels === undefined) {
      const fields: Record<string, string> = {};
      for (let i = 0; i < pairs.length; i += 2) fields[pairs[i]] = pairs[i + 1];
      labels = Object.freeze(fields);
      this.#labels.set(key, labels);
    }
    return labels;
  }
}

/** What the wrapper of one route needs, built when the route is installed. */
class RouteProbe {
  readonly event: string;
  readonly inner: RouteHandler;
  readonly labels: Labels;
  /** `<namespace> <event>`, the span's name. */
  readonly spanName: string;
  readonly metrics: MetricsRecorder | null;
  readonly tracing: EventTracer | null;
  readonly #observer: Observer;
  readonly #namespace: string;

  constructor(observer: Observer, namespace: string, route: Route) {
    this.#observer = observer;
    this.#namespace = namespace;
    this.event = route.event;
    this.inner = route.handle;
    this.labels = observer.labels('namespace', namespace, 'event', route.event);
    this.spanName = `${namespace} ${route.event}`;
    this.metrics = observer.metrics;
    this.tracing = observer.tracing;
  }

  errorLabels(code: string): Labels {
    return this.#observer.labels('namespace', this.#namespace, 'event', this.event, 'code', code);
  }
}

/**
 * The wrapped handler: counts, times and traces the compiled one. A synchronous result stays synchronous; a
 * thenable one is followed to record its outcome (the one allocation this adds, and only for async handlers).
 */
function observeRoute(probe: RouteProbe, socket: Socket, args: unknown[], ack: AckCallback | null): unknown {
  probe.metrics?.eventsReceived.add(probe.labels);
  const tracing = probe.tracing;
  const span = tracing === null ? null : tracing.startEvent(probe.spanName, socket, probe.event, ack !== null);
  const start = performance.now();
  let result: unknown;
  try {
    if (span === null) result = probe.inner(socket, args, ack);
    else {
      const { api } = tracing!;
      const context = api.trace.setSpan(tracing!.parentOf(socket), span);
      result = api.context.with(context, probe.inner, undefined, socket, args, ack);
    }
  } catch (error) {
    settleRoute(probe, span, start, error, true);
    throw error;
  }
  if (!isThenable(result)) {
    settleRoute(probe, span, start, undefined, false);
    return result;
  }
  return Promise.resolve(result).then(
    (value) => {
      settleRoute(probe, span, start, undefined, false);
      return value;
    },
    (error: unknown) => {
      settleRoute(probe, span, start, error, true);
      throw error;
    },
  );
}

function settleRoute(probe: RouteProbe, span: Span | null, start: number, error: unknown, isFailed: boolean): void {
  const code = isFailed ? codeOf(error) : null;
  const metrics = probe.metrics;
  if (metrics !== null) {
    metrics.handlerDuration.record(probe.labels, secondsSince(start));
    if (code !== null) metrics.handlerErrors.add(probe.errorLabels(code));
  }
  if (span !== null) probe.tracing!.end(span, code, error);
}

function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}

const NO_LABELS: Labels = Object.freeze({});
