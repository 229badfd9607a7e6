import type * as OtelApi from '@opentelemetry/api';
import type { Context, Span, Tracer } from '@opentelemetry/api';
import type { Socket } from '../namespace/socket';
/** The tracer and the API functions classio uses, loaded once. */
export declare class EventTracer {
    #private;
    readonly api: typeof OtelApi;
    readonly tracer: Tracer;
    constructor(api: typeof OtelApi, tracer: Tracer);
    /** The context a socket's spans descend from: the handshake's trace context, else the root. */
    parentOf(socket: Socket): Context;
    /** Starts the span of one event, child of the socket's parent context. */
    startEvent(name: string, socket: Socket, event: string, hasAck: boolean): Span;
    /** Ends a span, marking it failed with the error's code when there is one. */
    end(span: Span, code: string | null, error: unknown): void;
}
/**
 * Wraps one stage so that each call runs in a child span of the active one (the event's). A thenable result ends
 * the span when it settles; a throw or rejection marks it failed. Built once per stage, at registration.
 */
export declare function traceStage<A extends unknown[], R>(tracing: EventTracer, spanName: string, fn: (...args: A) => R): (...args: A) => R;
/**
 * The code an error answers a client's ack with (see `toAckError`): a classio error's own `code`, else
 * `CLASSIO_ERR_HANDLER`. Only the server's code chooses codes, so they are a bounded label.
 */
export declare function codeOf(error: unknown): string;
