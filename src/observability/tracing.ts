import type { ConnectHook } from '../namespace/route-table';
import type { Socket } from '../namespace/socket';
import { isThenable } from '../namespace/util';
import { ClassioError } from '../errors';
import type { OtelApi, OtelContext as Context, OtelSpan as Span, OtelTracer as Tracer } from './peer-types';

/**
 * Traces through the OpenTelemetry API: a span per handled event, child spans for its stages, and the connection's
 * parent taken from the handshake. Child spans find their parent through the active context, so they need the
 * context manager every OpenTelemetry Node setup registers (`AsyncLocalStorageContextManager`).
 */

/** W3C Trace Context `traceparent`: version 00, 32 hex trace id, 16 hex span id, 2 hex flags. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const INVALID_TRACE_ID = '0'.repeat(32);
const INVALID_SPAN_ID = '0'.repeat(16);

/** The tracer and the API functions classio uses, loaded once. */
export class EventTracer {
  /** The parent context of each socket's spans, read from its handshake once. */
  readonly #parents = new WeakMap<Socket, Context>();

  constructor(
    readonly api: OtelApi,
    readonly tracer: Tracer,
  ) {}

  /** The context a socket's spans descend from: the handshake's trace context, else the root. */
  parentOf(socket: Socket): Context {
    let parent = this.#parents.get(socket);
    if (parent === undefined) {
      parent = this.#extract(socket);
      this.#parents.set(socket, parent);
    }
    return parent;
  }

  /** Starts the span of one event, child of the socket's parent context. */
  startEvent(name: string, socket: Socket, event: string, hasAck: boolean): Span {
    return this.#start(name, socket, event, hasAck);
  }

  /** Starts the span of a connection to a namespace (its connect guards and `on_connect`). */
  startConnect(name: string, socket: Socket): Span {
    return this.#start(name, socket, 'connect', null);
  }

  #start(name: string, socket: Socket, event: string, hasAck: boolean | null): Span {
    const attributes: Record<string, string | boolean> = {
      'messaging.system': 'socket.io',
      'classio.namespace': socket.nsp.name,
      'classio.event': event,
      'classio.sid': socket.id,
      'classio.transport': socket.conn.transportName,
    };
    if (hasAck !== null) attributes['classio.ack'] = hasAck;
    return this.tracer.startSpan(name, { kind: this.api.SpanKind.SERVER, attributes }, this.parentOf(socket));
  }

  /** Ends a span, marking it failed with the error's code when there is one. */
  end(span: Span, code: string | null, error: unknown): void {
    if (code !== null) {
      span.setAttribute('classio.error.code', code);
      span.setStatus({ code: this.api.SpanStatusCode.ERROR, message: code });
      if (error instanceof Error) span.recordException(error);
    }
    span.end();
  }

  /**
   * Reads the trace context a client passed in its handshake: `auth.traceparent` (and `auth.tracestate`) first, as a
   * browser cannot set headers on a websocket, then the request headers. A registered propagator reads it first
   * (it may know more formats); without one, classio reads W3C `traceparent` itself.
   */
  #extract(socket: Socket): Context {
    const { api } = this;
    const auth = socket.handshake.auth;
    const headers = socket.handshake.headers;
    const carrier: Record<string, string> = {};
    const traceparent = typeof auth.traceparent === 'string' ? auth.traceparent : headers.traceparent;
    if (typeof traceparent !== 'string') return api.ROOT_CONTEXT;
    carrier.traceparent = traceparent;
    const tracestate = typeof auth.tracestate === 'string' ? auth.tracestate : headers.tracestate;
    if (typeof tracestate === 'string') carrier.tracestate = tracestate;
    const extracted = api.propagation.extract(api.ROOT_CONTEXT, carrier);
    if (api.trace.getSpanContext(extracted) !== undefined) return extracted;
    const match = TRACEPARENT.exec(traceparent.trim().toLowerCase());
    if (match === null || match[1] === INVALID_TRACE_ID || match[2] === INVALID_SPAN_ID) return api.ROOT_CONTEXT;
    return api.trace.setSpanContext(api.ROOT_CONTEXT, {
      traceId: match[1],
      spanId: match[2],
      traceFlags: parseInt(match[3], 16) & 1,
      isRemote: true,
    });
  }
}

/**
 * Wraps one stage so that each call runs in a child span of the active one (the event's). A thenable result ends
 * the span when it settles; a throw or rejection marks it failed. Built once per stage, at registration.
 */
export function traceStage<A extends unknown[], R>(
  tracing: EventTracer,
  spanName: string,
  fn: (...args: A) => R,
): (...args: A) => R {
  const { api, tracer } = tracing;
  return function tracedStage(this: unknown, ...args: A): R {
    const span = tracer.startSpan(spanName);
    const context = api.trace.setSpan(api.context.active(), span);
    let result: R;
    try {
      result = api.context.with(context, fn, this, ...args);
    } catch (error) {
      tracing.end(span, codeOf(error), error);
      throw error;
    }
    if (result !== null && typeof (result as { then?: unknown })?.then === 'function') {
      (result as PromiseLike<unknown>).then(
        () => span.end(),
        (error: unknown) => tracing.end(span, codeOf(error), error),
      );
    } else {
      span.end();
    }
    return result;
  };
}

/**
 * Runs a connect hook in the connection's span, `<namespace> connect`, child of the handshake's trace context: the
 * connect guards' spans are its children. A refusal (the hook answers false, or throws a `ConnectError`) marks it
 * failed with `CLASSIO_ERR_CONNECT`. Built once per installed hook.
 */
export function traceConnect(tracing: EventTracer, namespace: string, hook: ConnectHook): ConnectHook {
  const { api } = tracing;
  const spanName = `${namespace} connect`;
  const settle = (span: Span, value: unknown): void =>
    value === false ? tracing.end(span, REFUSED_CODE, undefined) : tracing.end(span, null, undefined);
  return (socket) => {
    const span = tracing.startConnect(spanName, socket);
    let result: unknown;
    try {
      result = api.context.with(api.trace.setSpan(tracing.parentOf(socket), span), hook, undefined, socket);
    } catch (error) {
      tracing.end(span, codeOf(error), error);
      throw error;
    }
    if (!isThenable(result)) {
      settle(span, result);
      return result;
    }
    return Promise.resolve(result).then(
      (value) => {
        settle(span, value);
        return value;
      },
      (error: unknown) => {
        tracing.end(span, codeOf(error), error);
        throw error;
      },
    );
  };
}

/** The code of a refused connect (`ConnectError`'s), on its span and its log record. */
export const REFUSED_CODE = 'CLASSIO_ERR_CONNECT';

/**
 * The code an error answers a client's ack with (see `toAckError`): a classio error's own `code`, else
 * `CLASSIO_ERR_HANDLER`. Only the server's code chooses codes, so they are a bounded label.
 */
export function codeOf(error: unknown): string {
  return error instanceof ClassioError ? error.code : 'CLASSIO_ERR_HANDLER';
}
