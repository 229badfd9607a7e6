import 'reflect-metadata';
import { IsString, MaxLength } from 'class-validator';
import { injectable } from 'tsyringe';
import { Namespace, On, Payload, Server, type Socket } from '../../../src';
import { createChatApp } from '../../../examples/chat/server';
import { portOf, runPeer, type StartedPeer } from './control';

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
 *
 * Usage alone: `node dist/test/bench/servers/classio-server.js [variant]`.
 */

export type ClassioVariant = 'app' | 'app-recovery' | 'socket-on' | 'plain' | 'decorated' | 'dto';

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

function greet(socket: Socket): void {
  socket.emit('my response', GREETING);
}

/** Workload 7's hand-written baseline: a Socket.IO-style listener on each socket. */
function onSocketOnConnection(socket: Socket): void {
  greet(socket);
  socket.on('echo', (payload: unknown, ack: (...args: unknown[]) => void) => ack(payload));
}

/** Builds the classio server of a variant, listening on 127.0.0.1:`port`. */
export async function startClassioPeer(variant: ClassioVariant, port = 0): Promise<StartedPeer> {
  if (variant === 'app' || variant === 'app-recovery') {
    // `app-recovery`: the same app with connectionStateRecovery on (its defaults), for the recovery workload.
    const server = variant === 'app-recovery' ? { connectionStateRecovery: {} } : {};
    const app = createChatApp({ port, host: '127.0.0.1', backgroundIntervalMs: 0, log: () => undefined, server });
    const address = await app.listen();
    return { port: address.port, close: () => app.close() };
  }
  const server = new Server({ cors: { origin: '*' } });
  const test = server.of('/test');
  switch (variant) {
    case 'socket-on':
      test.on('connection', onSocketOnConnection);
      break;
    case 'plain':
      test.on('connection', greet);
      server.on('echo', (payload: unknown) => payload, { namespace: '/test' });
      break;
    case 'decorated':
      server.register(DecoratedEcho);
      break;
    case 'dto':
      server.register(ValidatedEcho);
      break;
    default:
      throw new Error(`unknown classio variant '${String(variant)}' (app, socket-on, plain, decorated, dto)`);
  }
  const httpServer = await server.listen(port, '127.0.0.1');
  return { port: portOf(httpServer), close: () => server.close() };
}

if (require.main === module) {
  const variant = (process.argv[2] ?? 'app') as ClassioVariant;
  void runPeer(`classio ${variant}`, (port) => startClassioPeer(variant, port));
}
