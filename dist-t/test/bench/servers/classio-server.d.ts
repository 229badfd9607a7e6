import 'reflect-metadata';
import { Namespace } from '../../../src';
import { type StartedPeer } from './control';
/**
 * The classio peers.
 *
 * - `app` (the default): the example chat app itself (examples/chat, decorated class namespaces, DTO payloads),
 *   with the background task off and logging silenced: what issue 7 compares with Socket.IO.
 * - `app-recovery`: the same app with `connectionStateRecovery: {}` (the recovery workload).
 * - `socket-on`, `plain`, `decorated`, `dto`: workload 7, one handler (`echo` returns its payload, which answers
 *   the client's ack) written four ways on `/test`: a Socket.IO-style `socket.on` listener (the hand-written
 *   baseline), a plain function registered with `server.on`, a decorated class method, and a decorated class
 *   method whose payload is a validated DTO.
 * - `intercepted`, `throttled`: the `decorated` method with one pass-through interceptor, or with a `@Throttle`
 *   whose limit is never reached (issue 12: the cost of each enhancer per message).
 *
 * - `msgpack`: the msgpack-echo workload's server, `ack` echoed with socket.io-msgpack-parser.
 * - `metrics`, `tracing`: the `decorated` handler with metrics on (OpenTelemetry SDK meter and prom-client) or
 *   tracing on (OpenTelemetry SDK tracer, spans discarded), for the cost of observability per message.
 *
 * Usage alone: `node dist/test/bench/servers/classio-server.js [variant]`.
 */
export type ClassioVariant = 'app' | 'app-recovery' | 'socket-on' | 'plain' | 'decorated' | 'dto' | 'msgpack' | 'metrics' | 'tracing' | 'intercepted' | 'throttled';
/** The payload of `echo`, validated in the `dto` variant. */
export declare class EchoPayload {
    data: string;
}
/** Workload 7, decorated method without a DTO: the payload arrives as the client sent it. */
export declare class DecoratedEcho extends Namespace {
    on_connect(): void;
    echo(payload: unknown): unknown;
}
/** Workload 7, decorated method with a validated DTO. */
export declare class ValidatedEcho extends Namespace {
    on_connect(): void;
    echo(payload: EchoPayload): EchoPayload;
}
/** Workload 12, the decorated method inside one interceptor. */
export declare class InterceptedEcho extends Namespace {
    on_connect(): void;
    echo(payload: unknown): unknown;
}
/** Workload 12, the decorated method with a throttle that never refuses (the counting is the cost). */
export declare class ThrottledEcho extends Namespace {
    on_connect(): void;
    echo(payload: unknown): unknown;
}
/** Builds the classio server of a variant, listening on 127.0.0.1:`port`. */
export declare function startClassioPeer(variant: ClassioVariant, port?: number): Promise<StartedPeer>;
