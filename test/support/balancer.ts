import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP load balancer for one client in front of several server processes: every new connection goes to the
 * current target's port. {@link cut} destroys the open connections at once (the abrupt transport loss of a
 * flaky network: no close frame, no DISCONNECT), and {@link route} sends the next connections elsewhere, so that the
 * client reconnects to a different process with nothing changed on its side.
 */
export class Balancer {
  readonly #server: Server;
  readonly #pairs = new Set<[Socket, Socket]>();
  #target = 0;
  #isCut = false;

  private constructor(target: number) {
    this.#target = target;
    this.#server = createServer((client) => this.#accept(client));
  }

  /** Starts a balancer on 127.0.0.1, port 0, in front of the server on `target`. */
  static async start(target: number): Promise<Balancer> {
    const balancer = new Balancer(target);
    await new Promise<void>((resolve) => balancer.#server.listen(0, '127.0.0.1', resolve));
    return balancer;
  }

  /** The URL clients connect to. */
  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Destroys every open connection; new ones are refused until {@link route} is called. */
  cut(): void {
    this.#isCut = true;
    for (const [client, upstream] of this.#pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.#pairs.clear();
  }

  /** Sends the next connections to the server on `target`. */
  route(target: number): void {
    this.#target = target;
    this.#isCut = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(client: Socket): void {
    if (this.#isCut) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: '127.0.0.1', port: this.#target });
    const pair: [Socket, Socket] = [client, upstream];
    this.#pairs.add(pair);
    // Either side ending (a killed server) ends the other, as a balancer's connection would.
    const end = () => {
      this.#pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of pair) {
      socket.on('error', end);
      socket.on('close', end);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
