import type { Server as HttpServer } from 'node:http';

/**
 * The Socket.IO half of the conformance server (`/socket.io/`). PLACEHOLDER until it is wired to
 * `src/server.ts`: on namespaces `/` and `/custom` emit `auth` with `socket.handshake.auth` on connect; on `/`,
 * `message` re-emits all its arguments as `message-back`, and `message-with-ack` acks with exactly its arguments.
 */
export function attachSocketIo(
  _httpServer: HttpServer,
  _options: { pingInterval: number; pingTimeout: number; maxHttpBufferSize: number },
): void {}
