import type { Socket as NodeSocket } from 'node:net';
import type { Socket as ClientSocket } from 'socket.io-client';
import type { Server } from '../../src/server';
import { nextEvent } from './io';

/**
 * Cuts a server's TCP connections as a network would, without a close frame or a last HTTP answer: every transport
 * (a websocket, a pending long-poll) dies at once. Track the server first, with {@link trackConnections}.
 */
export class ConnectionCutter {
  readonly #sockets = new Set<NodeSocket>();
  #isCut = false;

  constructor(server: Server) {
    server.httpServer!.on('connection', (socket: NodeSocket) => {
      // While the network is down, a new connection (a polling client's next request) dies as the others did.
      if (this.#isCut) {
        socket.destroy();
        return;
      }
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
  }

  /**
   * Destroys every open connection, and every new one until {@link restore}; resolves once `client` reports its
   * disconnect.
   */
  async cut(client: ClientSocket): Promise<string> {
    const disconnected = nextEvent<[string]>(client, 'disconnect');
    this.#isCut = true;
    for (const socket of this.#sockets) socket.destroy();
    const [reason] = await disconnected;
    return reason;
  }

  /** The network is back: new connections get through. */
  restore(): void {
    this.#isCut = false;
  }
}

/** Reconnects a client that lost its transport (socket.io-client sends its `pid` and last `offset`). */
export async function reconnect(client: ClientSocket, cutter?: ConnectionCutter): Promise<void> {
  cutter?.restore();
  const connected = new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('connect_error', reject);
  });
  client.connect();
  await connected;
}
