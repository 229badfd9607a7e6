import * as http from 'node:http';
import {
  CONNECTED_PREFIX,
  ENGINE_PATH,
  ENGINE_PING,
  ENGINE_PONG,
  NSP_CONNECT,
  NSP_CONNECTED_PREFIX,
  NSP_CONNECT_ERROR_PREFIX,
  POLLING_QUERY,
  RECORD_SEPARATOR,
} from './frames';

/** Called for every Socket.IO packet once the client is ready (the raw text, never JSON-parsed). */
export type PacketListener = (client: PollingClient, packet: string) => void;

const POST_HEADERS = { 'content-type': 'text/plain;charset=UTF-8' };

function noop(): void {}

/**
 * A long-polling Engine.IO v4 client reduced to what a load generator needs: keep-alive HTTP (one shared
 * `http.Agent`, created with `noDelay`), exactly one GET in flight (the long poll) and at most one POST (Engine.IO refuses overlapping
 * requests of one kind), queued packets batched into the next POST with the record separator.
 */
export class PollingClient {
  onPacket: PacketListener = noop;
  /** Free slot for the workload: when the request in flight was queued. */
  sentAt = 0;
  private readonly path: string;
  private readonly outbox: string[] = [];
  private isPosting = false;
  private isOpen = true;
  private isFailed = false;
  private isReady = false;
  private readyCallback: (() => void) | null = null;
  private failCallback: ((error: Error) => void) | null = null;

  private constructor(
    private readonly agent: http.Agent,
    private readonly port: number,
    sid: string,
  ) {
    this.path = `${ENGINE_PATH}${POLLING_QUERY}&sid=${encodeURIComponent(sid)}`;
  }

  /** Opens a session, connects `/test`, waits for the greeting. */
  static async connect(agent: http.Agent, port: number): Promise<PollingClient> {
    const open = await PollingClient.request(agent, port, 'GET', `${ENGINE_PATH}${POLLING_QUERY}`, null);
    if (!open.startsWith('0')) throw new Error(`unexpected polling handshake answer: ${open.slice(0, 80)}`);
    const { sid } = JSON.parse(open.slice(1)) as { sid: string };
    const client = new PollingClient(agent, port, sid);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error('no namespace connect within 15 s (polling)')), 15_000);
      const fail = (error: Error): void => {
        clearTimeout(timer);
        client.close();
        reject(error);
      };
      client.readyCallback = () => {
        clearTimeout(timer);
        resolve();
      };
      client.failCallback = fail;
      client.poll();
      client.send(NSP_CONNECT);
    });
    return client;
  }

  /** Queues one packet; it goes out with the next POST. */
  send(packet: string): void {
    this.outbox.push(packet);
    if (!this.isPosting) this.flush();
  }

  /** Stops polling; the agent's sockets are destroyed by the owner. */
  close(): void {
    this.isOpen = false;
  }

  private flush(): void {
    if (this.outbox.length === 0 || !this.isOpen) return;
    const body = this.outbox.length === 1 ? this.outbox[0] : this.outbox.join(RECORD_SEPARATOR);
    this.outbox.length = 0;
    this.isPosting = true;
    PollingClient.request(this.agent, this.port, 'POST', this.path, body).then(
      () => {
        this.isPosting = false;
        this.flush();
      },
      (error: Error) => this.fail(error),
    );
  }

  private poll(): void {
    if (!this.isOpen) return;
    PollingClient.request(this.agent, this.port, 'GET', this.path, null).then(
      (payload) => {
        this.receive(payload);
        this.poll();
      },
      (error: Error) => this.fail(error),
    );
  }

  private receive(payload: string): void {
    let start = 0;
    while (start < payload.length) {
      let end = payload.indexOf(RECORD_SEPARATOR, start);
      if (end === -1) end = payload.length;
      const packet = payload.slice(start, end);
      start = end + 1;
      if (packet === ENGINE_PING) {
        this.send(ENGINE_PONG);
      } else if (this.isReady) {
        this.onPacket(this, packet);
      } else if (packet.startsWith(NSP_CONNECT_ERROR_PREFIX)) {
        this.fail(new Error(`namespace connect refused: ${packet}`));
      } else if (packet.startsWith(CONNECTED_PREFIX)) {
        this.isReady = true;
        this.readyCallback?.();
      } else if (!packet.startsWith(NSP_CONNECTED_PREFIX) && packet[0] === '1') {
        this.fail(new Error('the server closed the session during the handshake'));
      }
    }
  }

  /** True when a request failed or the server closed the session (not when `close()` was called). */
  get hasFailed(): boolean {
    return this.isFailed;
  }

  private fail(error: Error): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.isFailed = true;
    this.failCallback?.(error);
  }

  private static request(
    agent: http.Agent,
    port: number,
    method: 'GET' | 'POST',
    path: string,
    body: string | null,
  ): Promise<string> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        { agent, host: '127.0.0.1', port, method, path, headers: body === null ? undefined : POST_HEADERS },
        (response) => {
          let data = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (data += chunk));
          response.on('end', () => {
            if (response.statusCode === 200) resolve(data);
            else reject(new Error(`${method} answered ${response.statusCode}: ${data.slice(0, 120)}`));
          });
        },
      );
      request.on('error', reject);
      request.end(body ?? undefined);
    });
  }
}
