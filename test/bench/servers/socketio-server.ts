import { createServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
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

/** Starts the peer on 127.0.0.1:`port` (0 for any free port). */
export async function startSocketIoPeer(
  port = 0,
  parser: typeof msgpackParser | undefined = undefined,
  isRecovering = false,
): Promise<{ port: number; close(): Promise<void> }> {
  const httpServer = createServer();
  const io = new Server(httpServer, {
    serveClient: false,
    cors: { origin: '*' },
    ...(parser && { parser }),
    // `recovery` (argv): connectionStateRecovery with its defaults, for the recovery workload.
    ...(isRecovering ? { connectionStateRecovery: {} } : {}),
  });
  const test = io.of('/test');

  test.on('connection', (socket: ChatSocket) => {
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
  });

  await new Promise<void>((resolve) => httpServer.listen(port, '127.0.0.1', resolve));
  return {
    port: portOf(httpServer),
    // Socket.IO 4.8's close resolves once the HTTP server has closed too (and never rejects).
    close: () => io.close(),
  };
}

if (require.main === module) {
  // `msgpack`: the same namespace with socket.io-msgpack-parser (the msgpack-echo workload); `recovery`: with
  // connectionStateRecovery (the recovery workload).
  const parser = process.argv[2] === 'msgpack' ? msgpackParser : undefined;
  const isRecovering = process.argv[2] === 'recovery';
  const name = parser ? 'socket.io msgpack' : isRecovering ? 'socket.io recovery' : 'socket.io';
  void runPeer(name, (port) => startSocketIoPeer(port, parser, isRecovering));
}
