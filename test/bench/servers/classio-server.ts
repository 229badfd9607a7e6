import 'reflect-metadata';
import { IsString, MaxLength } from 'class-validator';
import { injectable } from 'tsyringe';
import {
  Namespace,
  On,
  OnAny,
  Payload,
  Server,
  Throttle,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type Socket,
} from '../../../src';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { createChatApp } from '../../../examples/chat/server';
import { instrument, type AdminUi } from '../../../src/admin-ui';
import { portOf, runPeer, type StartedPeer } from './control';
import { observabilityOptions } from './observability-options';

/**
 * The classio peers.
 *
 * - `app` (the default): the example chat app itself (examples/chat, decorated class namespaces, DTO payloads),
 *   with the background task off, logging silenced and its event-log interceptor off: what issue 7 compares with
 *   Socket.IO.
 * - `app-recovery`: the same app with `connectionStateRecovery: {}` (the recovery workload).
 * - `socket-on`, `plain`, `decorated`, `dto`: workload 7, one handler (`echo` returns its payload, which answers
 *   the client's ack) written four ways on `/test`: a Socket.IO-style `socket.on` listener (the hand-written
 *   baseline), a plain function registered with `server.on`, a decorated class method, and a decorated class
 *   method whose payload is a validated DTO.
 * - `intercepted`, `throttled`: the `decorated` method with one pass-through interceptor, or with a `@Throttle`
 *   whose limit is never reached (issue 12: the cost of each enhancer per message).
 *
 * - `msgpack`: the msgpack-echo workload's server, the `socket-on` listeners with socket.io-msgpack-parser.
 * - `catch-all`, `dynamic`, `deflate`, `admin-ui`: the `decorated` method with one feature on (the features
 *   workload): an empty `@OnAny` method beside it; its class on a dynamic namespace (`/^\/test$/`); the engine's
 *   perMessageDeflate on; the Admin UI's `instrument` (auth off, development mode, no UI connected).
 * - `metrics`, `tracing`: the `decorated` handler with metrics on (OpenTelemetry SDK meter and prom-client) or
 *   tracing on (OpenTelemetry SDK tracer, spans discarded), for the cost of observability per message.
 *
 * Usage alone: `node dist/test/bench/servers/classio-server.js [variant]`.
 */

export type ClassioVariant =
  | 'app'
  | 'app-recovery'
  | 'socket-on'
  | 'plain'
  | 'decorated'
  | 'dto'
  | 'msgpack'
  | 'metrics'
  | 'tracing'
  | 'intercepted'
  | 'throttled'
  | 'catch-all'
  | 'dynamic'
  | 'deflate'
  | 'admin-ui';

const VARIANTS: readonly ClassioVariant[] = [
  'app',
  'app-recovery',
  'socket-on',
  'plain',
  'decorated',
  'dto',
  'msgpack',
  'metrics',
  'tracing',
  'intercepted',
  'throttled',
  'catch-all',
  'dynamic',
  'deflate',
  'admin-ui',
];

const GREETING = { data: 'Connected', count: 0 };

/** The payload of `echo`, validated in the `dto` variant. */
export class EchoPayload {
  @IsString()
  @MaxLength(1000)
  data!: string;
}

/** Workload 7, decorated method without a DTO: the payload arrives as the client sent it. */
@Namespace('/test')
@injectable()
export class DecoratedEcho extends Namespace {
  on_connect(): void {
    this.emit('my response', GREETING);
  }

  @On('echo')
  echo(payload: unknown): unknown {
    return payload;
  }
}

/** Workload 7, decorated method with a validated DTO. */
@Namespace('/test')
@injectable()
export class ValidatedEcho extends Namespace {
  on_connect(): void {
    this.emit('my response', GREETING);
  }

  @On('echo')
  echo(@Payload() payload: EchoPayload): EchoPayload {
    return payload;
  }
}

/** A pass-through interceptor: what one interceptor costs around a synchronous handler. */
class PassThrough {
  intercept(_context: ExecutionContext, next: CallHandler): Promise<unknown> {
    return next.handle();
  }
}

/** Workload 12, the decorated method inside one interceptor. */
@Namespace('/test')
@injectable()
export class InterceptedEcho extends Namespace {
  on_connect(): void {
    this.emit('my response', GREETING);
  }

  @On('echo')
  @UseInterceptors(PassThrough)
  echo(payload: unknown): unknown {
    return payload;
  }
}

/** Workload 12, the decorated method with a throttle that never refuses (the counting is the cost). */
@Namespace('/test')
@injectable()
export class ThrottledEcho extends Namespace {
  on_connect(): void {
    this.emit('my response', GREETING);
  }

  @On('echo')
  @Throttle({ limit: Number.MAX_SAFE_INTEGER, windowMs: 1000 })
  echo(payload: unknown): unknown {
    return payload;
  }
}

function ignore(): void {}

/** The features workload, catch-all on: the decorated method beside an `@OnAny` method that does nothing. */
@Namespace('/test')
@injectable()
export class CatchAllEcho extends Namespace {
  on_connect(): void {
    this.emit('my response', GREETING);
  }

  @OnAny()
  observe(): void {
    ignore();
  }

  @On('echo')
  echo(payload: unknown): unknown {
    return payload;
  }
}

/** The features workload, dynamic namespaces: the decorated method on a pattern that `/test` matches. */
@Namespace(/^\/test$/)
@injectable()
export class DynamicEcho extends Namespace {
  on_connect(): void {
    this.emit('my response', GREETING);
  }

  @On('echo')
  echo(payload: unknown): unknown {
    return payload;
  }
}

function greet(socket: Socket): void {
  socket.emit('my response', GREETING);
}

/**
 * Workload 7's hand-written baseline: Socket.IO-style listeners on each socket, `echo` (answers the ack with the
 * payload) and, for the msgpack-echo workload, `ack` (answers with its arguments, as the Socket.IO peer's does).
 */
function onSocketOnConnection(socket: Socket): void {
  greet(socket);
  socket.on('echo', (payload: unknown, ack: (...args: unknown[]) => void) => ack(payload));
  socket.on('ack', (...args: unknown[]) => {
    const ack = args.pop();
    if (typeof ack === 'function') (ack as (...answer: unknown[]) => void)(...args);
  });
}

/** Builds the classio server of a variant, listening on 127.0.0.1:`port`. */
export async function startClassioPeer(variant: ClassioVariant, port = 0): Promise<StartedPeer> {
  if (variant === 'app' || variant === 'app-recovery') {
    // `app-recovery`: the same app with connectionStateRecovery on (its defaults), for the recovery workload.
    const server = variant === 'app-recovery' ? { connectionStateRecovery: {} } : {};
    // eventLog off: the example's global EventLogInterceptor would put every handler behind an (async) interceptor,
    // and this peer measures the plain framework path (the enhancers workload measures interceptors).
    const app = createChatApp({
      port,
      host: '127.0.0.1',
      backgroundIntervalMs: 0,
      log: () => undefined,
      eventLog: false,
      server,
    });
    const address = await app.listen();
    return { port: address.port, close: () => app.close() };
  }
  // The msgpack variant is the socket-on baseline with socket.io-msgpack-parser (the msgpack-echo workload).
  const server = new Server({
    cors: { origin: '*' },
    parser: variant === 'msgpack' ? msgpackParser : undefined,
    ...(variant === 'deflate' ? { perMessageDeflate: true } : {}),
    ...observabilityOptions(variant),
  });
  let adminUi: AdminUi | null = null;
  switch (variant) {
    case 'socket-on':
    case 'msgpack':
      server.of('/test').on('connection', onSocketOnConnection);
      break;
    case 'plain':
      server.of('/test').on('connection', greet);
      server.on('echo', (payload: unknown) => payload, { namespace: '/test' });
      break;
    case 'decorated':
    case 'metrics':
    case 'tracing':
    case 'deflate':
      server.register(DecoratedEcho);
      break;
    case 'admin-ui':
      server.register(DecoratedEcho);
      adminUi = instrument(server, { auth: false, mode: 'development' });
      break;
    case 'catch-all':
      server.register(CatchAllEcho);
      break;
    case 'dynamic':
      server.register(DynamicEcho);
      break;
    case 'dto':
      server.register(ValidatedEcho);
      break;
    case 'intercepted':
      server.register(InterceptedEcho);
      break;
    case 'throttled':
      server.register(ThrottledEcho);
      break;
    default:
      throw new Error(`unknown classio variant '${String(variant)}' (${VARIANTS.join(', ')})`);
  }
  const httpServer = await server.listen(port, '127.0.0.1');
  return {
    port: portOf(httpServer),
    close: async () => {
      adminUi?.close();
      await server.close();
    },
  };
}

if (require.main === module) {
  const variant = (process.argv[2] ?? 'app') as ClassioVariant;
  void runPeer(`classio ${variant}`, (port) => startClassioPeer(variant, port));
}
