import type { Server as HttpServer } from 'node:http';
import { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import type { ServerOptions } from '../../src/server';

/**
 * The Socket.IO half of the conformance server (`/socket.io/`), with the handlers the socket.io-protocol suite
 * expects: on namespaces `/` and `/custom`, emit `auth` with `socket.handshake.auth` right after connecting; on
 * `/`, `message` re-emits all its arguments as `message-back`, and `message-with-ack` acks with exactly its
 * arguments.
 */
/**
 * The suite's raw client reads frames with `once` listeners attached one after another, so a second frame that
 * arrives in the same TCP read as the CONNECT answer is dispatched before the next listener exists and is lost
 * (the reference server loses it the same way on a busy machine). Sending `auth` a moment later keeps the two
 * frames in separate reads; the order the suite checks (CONNECT, then `auth` first) is unchanged.
 */
const AUTH_DELAY_MS = 5;

function emitAuth(socket: Socket): void {
  setTimeout(() => socket.emit('auth', socket.handshake.auth), AUTH_DELAY_MS);
}

export function attachSocketIo(httpServer: HttpServer, options: Partial<ServerOptions>): Server {
  const io = new Server(httpServer, { ...options, path: '/socket.io/' });

  io.of('/').on('connection', (socket: Socket) => {
    emitAuth(socket);
    socket.on('message', (...args: unknown[]) => {
      socket.emit('message-back', ...args);
    });
    socket.on('message-with-ack', (...args: unknown[]) => {
      const ack = args.pop();
      if (typeof ack === 'function') (ack as (...answer: unknown[]) => void)(...args);
    });
  });

  io.of('/custom').on('connection', (socket: Socket) => {
    emitAuth(socket);
  });

  return io;
}
