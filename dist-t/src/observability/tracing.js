"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventTracer = void 0;
exports.traceStage = traceStage;
exports.codeOf = codeOf;
const errors_1 = require("../errors");
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
class EventTracer {
    /** The parent context of each socket's spans, read from its handshake once. */
    #parents = new WeakMap();
    constructor(api, tracer) {
        this.api = api;
        this.tracer = tracer;
    }
    /** The context a socket's spans descend from: the handshake's trace context, else the root. */
    parentOf(socket) {
        let parent = this.#parents.get(socket);
        if (parent === undefined) {
            parent = this.#extract(socket);
            this.#parents.set(socket, parent);
        }
        return parent;
    }
    /** Starts the span of one event, child of the socket's parent context. */
    startEvent(name, socket, event, hasAck) {
        return this.tracer.startSpan(name, {
            kind: this.api.SpanKind.SERVER,
            attributes: {
                'messaging.system': 'socket.io',
                'classio.namespace': socket.nsp.name,
                'classio.event': event,
                'classio.sid': socket.id,
                'classio.transport': socket.conn.transportName,
                'classio.ack': hasAck,
            },
        }, this.parentOf(socket));
    }
    /** Ends a span, marking it failed with the error's code when there is one. */
    end(span, code, error) {
        if (code !== null) {
            span.setAttribute('classio.error.code', code);
            span.setStatus({ code: this.api.SpanStatusCode.ERROR, message: code });
            if (error instanceof Error)
                span.recordException(error);
        }
        span.end();
    }
    /**
     * Reads the trace context a client passed in its handshake: `auth.traceparent` (and `auth.tracestate`) first, as a
     * browser cannot set headers on a websocket, then the request headers. A registered propagator reads it first
     * (it may know more formats); without one, classio reads W3C `traceparent` itself.
     */
    #extract(socket) {
        const { api } = this;
        const auth = socket.handshake.auth;
        const headers = socket.handshake.headers;
        const carrier = {};
        const traceparent = typeof auth.traceparent === 'string' ? auth.traceparent : headers.traceparent;
        if (typeof traceparent !== 'string')
            return api.ROOT_CONTEXT;
        carrier.traceparent = traceparent;
        const tracestate = typeof auth.tracestate === 'string' ? auth.tracestate : headers.tracestate;
        if (typeof tracestate === 'string')
            carrier.tracestate = tracestate;
        const extracted = api.propagation.extract(api.ROOT_CONTEXT, carrier);
        if (api.trace.getSpanContext(extracted) !== undefined)
            return extracted;
        const match = TRACEPARENT.exec(traceparent.trim().toLowerCase());
        if (match === null || match[1] === INVALID_TRACE_ID || match[2] === INVALID_SPAN_ID)
            return api.ROOT_CONTEXT;
        return api.trace.setSpanContext(api.ROOT_CONTEXT, {
            traceId: match[1],
            spanId: match[2],
            traceFlags: parseInt(match[3], 16) & 1,
            isRemote: true,
        });
    }
}
exports.EventTracer = EventTracer;
/**
 * Wraps one stage so that each call runs in a child span of the active one (the event's). A thenable result ends
 * the span when it settles; a throw or rejection marks it failed. Built once per stage, at registration.
 */
function traceStage(tracing, spanName, fn) {
    const { api, tracer } = tracing;
    return function tracedStage(...args) {
        const span = tracer.startSpan(spanName);
        const context = api.trace.setSpan(api.context.active(), span);
        let result;
        try {
            result = api.context.with(context, fn, this, ...args);
        }
        catch (error) {
            tracing.end(span, codeOf(error), error);
            throw error;
        }
        if (result !== null && typeof result?.then === 'function') {
            result.then(() => span.end(), (error) => tracing.end(span, codeOf(error), error));
        }
        else {
            span.end();
        }
        return result;
    };
}
/**
 * The code an error answers a client's ack with (see `toAckError`): a classio error's own `code`, else
 * `CLASSIO_ERR_HANDLER`. Only the server's code chooses codes, so they are a bounded label.
 */
function codeOf(error) {
    return error instanceof errors_1.ClassioError ? error.code : 'CLASSIO_ERR_HANDLER';
}
//# sourceMappingURL=tracing.js.map