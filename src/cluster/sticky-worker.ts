import cluster from 'node:cluster';
import { createServer, type Server as HttpServer } from 'node:http';
import { Socket as TcpSocket } from 'node:net';
import { ignoreSendError, kindOf, type StickyConnectionMessage } from '../adapter/cluster/ipc';
import { createDebug } from '../debug';
import { ConfigurationError } from '../errors';
import type { Server } from '../server';

const debug = createDebug('classio:cluster');

/** A worker's side of the sticky balancer: the connections the primary hands over go to its HTTP server. */
export class StickyWorker {
  readonly httpServer: HttpServer;
  readonly #onMessage = (message: unknown, handle: unknown) => this.#accept(message, handle);
  #isClosed = false;

  /** @internal Use {@link acceptSticky}. */
  constructor(httpServer: HttpServer) {
    this.httpServer = httpServer;
    process.on('message', this.#onMessage);
  }

  /** Stops accepting connections from the primary, and closes those this worker holds. */
  close(): void {
    if (this.#isClosed) return;
    this.#isClosed = true;
    process.off('message', this.#onMessage);
    this.httpServer.closeAllConnections();
  }

  #accept(message: unknown, handle: unknown): void {
    if (kindOf(message) !== 'sticky-connection') return;
    if (!(handle instanceof TcpSocket)) {
      debug('sticky: ignored a connection message without a socket');
      return;
    }
    const head = (message as Partial<StickyConnectionMessage>).head;
    // The primary read this much of the request to route it by cookie: the HTTP parser must see it first.
    if (typeof head === 'string' && head !== '') handle.unshift(Buffer.from(head, 'base64'));
    this.httpServer.emit('connection', handle);
    handle.resume();
  }
}

/**
 * Makes this cluster worker serve the connections that the primary's `listenSticky()` hands it, on `server`'s HTTP
 * server (one is created and attached when the server has none; the worker never listens itself). Resolves once
 * the server's main namespace adapter is in the cluster and the primary has been told, so no client reaches a
 * worker that would miss the cluster's broadcasts. Throws a {@link ConfigurationError} outside a cluster worker.
 *
 * @example
 * const server = new Server({ adapter: createClusterAdapter() });
 * server.on('chat', (text: string) => server.emit('chat', text));
 * await acceptSticky(server);
 */
export async function acceptSticky(server: Server): Promise<StickyWorker> {
  if (!cluster.isWorker || process.send === undefined) {
    throw new ConfigurationError('acceptSticky() must run in a worker of a Node cluster (cluster.fork())');
  }
  let httpServer = server.httpServer;
  if (httpServer === null) {
    httpServer = createServer();
    server.attach(httpServer);
  }
  await server.of('/').adapter.init();
  const worker = new StickyWorker(httpServer);
  process.send({ classio: 'sticky-ready' }, undefined, undefined, ignoreSendError);
  return worker;
}
