import type { Server as HttpServer } from 'node:http';
import { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';

/**
 * The Socket.IO half of the conformance server (`/socket.io/`), with the handlers the socket.io-protocol suite
 * expects: on namespaces `/` and `/custom`, emit `auth` with `socket.handshake.auth` right after connecting; on
 * `/`, `message` re-emits all its arguments as `message-back`, and `message-with-ack` acks with exactly its
 * arguments.
 */
export function attachSocketIo(
  httpServer: HttpServer,
  options: { pingInterval: number; pingTimeout: number; maxHttpBufferSize: number },
): Server {
  const io = new Server(httpServer, { ...options, path: '/socket.io/' });

  io.of('/').on('connection', (socket: Socket) => {
    socket.emit('auth', socket.handshake.auth);
    socket.on('message', (...args: unknown[]) => {
      socket.emit('message-back', ...args);
    });
    socket.on('message-with-ack', (...args: unknown[]) => {
      const ack = args.pop();
      if (typeof ack === 'function') ack(...args);
    });
  });

  io.of('/custom').on('connection', (socket: Socket) => {
    socket.emit('auth', socket.handshake.auth);
  });

  return io;
}
