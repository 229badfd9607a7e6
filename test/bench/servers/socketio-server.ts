import { createServer } from 'node:http';
import { instrument } from '@socket.io/admin-ui';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import * as msgpackParser from 'socket.io-msgpack-parser';
import type { DefaultEventsMap } from 'socket.io/dist/typed-events';
import { portOf, runPeer } from './control';

/**
 * The Socket.IO 4.8 peer: the example chat's `/test` namespace written the way a Socket.IO user writes it, with
 * plain `socket.on` handlers. It is the hand-written baseline every classio figure is compared with.
 */

interface ChatData {
  count: number;
}

type ChatSocket = Socket<DefaultEventsMap, DefaultEventsMap, Record<string, never>, ChatData>;

/**
 * The variants, one feature on each (the plain peer has none):
 * - `msgpack`: socket.io-msgpack-parser (the msgpack-echo workload);
 * - `recovery`: connectionStateRecovery with its defaults (the recovery workload);
 * - `deflate`: perMessageDeflate on (its defaults: 1 KB threshold), for clients that offer it;
 * - `catch-all`: an empty `socket.onAny` listener on every socket;
 * - `dynamic`: `/test` served by a dynamic namespace, `io.of(/^\/test$/)`;
 * - `admin-ui`: `@socket.io/admin-ui`'s `instrument` (auth off, development mode, no UI connected).
 */
export type SocketIoVariant = 'plain' | 'msgpack' | 'recovery' | 'deflate' | 'catch-all' | 'dynamic' | 'admin-ui';

const VARIANTS: readonly SocketIoVariant[] = [
  'plain',
  'msgpack',
  'recovery',
  'deflate',
  'catch-all',
  'dynamic',
  'admin-ui',
];

function optionsOf(variant: SocketIoVariant): Partial<ServerOptions> {
  switch (variant) {
    case 'msgpack':
      return { parser: msgpackParser };
    case 'recovery':
      return { connectionStateRecovery: {} };
    case 'deflate':
      return { perMessageDeflate: true };
    default:
      return {};
  }
}

function ignore(): void {}

/** Starts the peer on 127.0.0.1:`port` (0 for any free port). */
export async function startSocketIoPeer(
  port = 0,
  variant: SocketIoVariant = 'plain',
): Promise<{ port: number; close(): Promise<void> }> {
  const httpServer = createServer();
  const io = new Server(httpServer, { serveClient: false, cors: { origin: '*' }, ...optionsOf(variant) });
  if (variant === 'admin-ui') instrument(io, { auth: false, mode: 'development' });
  const test = variant === 'dynamic' ? io.of(/^\/test$/) : io.of('/test');

  test.on('connection', (socket: ChatSocket) => {
    if (variant === 'catch-all') socket.onAny(ignore);
    socket.data.count = 0;
    socket.emit('my response', { data: 'Connected', count: 0 });

    socket.on('my ping', () => {
      socket.emit('my pong');
    });
    socket.on('my event', (message: { data: unknown }) => {
      socket.data.count++;
      socket.emit('my response', { data: message.data, count: socket.data.count });
    });
    socket.on('my broadcast event', (message: { data: unknown }) => {
      socket.data.count++;
      test.emit('my response', { data: message.data, count: socket.data.count });
    });
    socket.on('join', (message: { room: string }) => {
      void socket.join(message.room); // the in-memory adapter joins at once: there is no promise to wait for
      socket.data.count++;
      socket.emit('my response', { data: 'In rooms: ' + [...socket.rooms].join(', '), count: socket.data.count });
    });
    socket.on('leave', (message: { room: string }) => {
      void socket.leave(message.room); // as join: synchronous with the in-memory adapter
      socket.data.count++;
      socket.emit('my response', { data: 'In rooms: ' + [...socket.rooms].join(', '), count: socket.data.count });
    });
    socket.on('close_room', (message: { room: string }) => {
      socket.data.count++;
      test.to(message.room).emit('my response', { data: `Room ${message.room} is closing.`, count: socket.data.count });
      test.in(message.room).socketsLeave(message.room);
    });
    socket.on('my_room_event', (message: { room: string; data: unknown }) => {
      socket.data.count++;
      test.to(message.room).emit('my response', { data: message.data, count: socket.data.count });
    });
    socket.on('ack', (...args: unknown[]) => {
      const ack = args.pop();
      if (typeof ack === 'function') (ack as (...answer: unknown[]) => void)(...args);
    });
    // Workload 7's request, for the per-feature workload: the ack answers with the payload.
    socket.on('echo', (payload: unknown, ack: (answer: unknown) => void) => ack(payload));
  });

  await new Promise<void>((resolve) => httpServer.listen(port, '127.0.0.1', resolve));
  return {
    port: portOf(httpServer),
    // Socket.IO 4.8's close resolves once the HTTP server has closed too (and never rejects).
    close: () => io.close(),
  };
}

if (require.main === module) {
  const variant = (process.argv[2] ?? 'plain') as SocketIoVariant;
  if (!VARIANTS.includes(variant)) throw new Error(`unknown Socket.IO variant '${variant}' (${VARIANTS.join(', ')})`);
  void runPeer(variant === 'plain' ? 'socket.io' : `socket.io ${variant}`, (port) => startSocketIoPeer(port, variant));
}
