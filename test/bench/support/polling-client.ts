import * as http from 'node:http';
import { HttpLane, prepareGet, preparePost, type ResponseCallback } from './http-lane';
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

/** How a polling client issues its GETs and POSTs. */
interface Requester {
  get(callback: ResponseCallback): void;
  post(body: string, callback: ResponseCallback): void;
  close(): void;
}

/**
 * Default: two keep-alive connections of its own (the long poll and the POSTs), with the GET and the usual POST
 * bodies prepared once as bytes.
 */
class LaneRequester implements Requester {
  private readonly getLane: HttpLane;
  private readonly postLane: HttpLane;
  private readonly getBytes: Buffer;
  private readonly posts = new Map<string, Buffer>();

  constructor(
    private readonly port: number,
    private readonly path: string,
  ) {
    this.getLane = new HttpLane(port);
    this.postLane = new HttpLane(port);
    this.getBytes = prepareGet(port, path);
  }

  get(callback: ResponseCallback): void {
    this.getLane.request(this.getBytes, callback);
  }

  post(body: string, callback: ResponseCallback): void {
    let bytes = this.posts.get(body);
    if (bytes === undefined) {
      bytes = preparePost(this.port, this.path, body);
      if (this.posts.size < 16) this.posts.set(body, bytes);
    }
    this.postLane.request(bytes, callback);
  }

  close(): void {
    this.getLane.close();
    this.postLane.close();
  }
}

const POST_HEADERS = { 'content-type': 'text/plain;charset=UTF-8' };

/** BENCH_CLIENT=library: Node's `http` client with a keep-alive `http.Agent` (shared by all clients). */
class AgentRequester implements Requester {
  constructor(
    private readonly agent: http.Agent,
    private readonly port: number,
    private readonly path: string,
  ) {}

  get(callback: ResponseCallback): void {
    this.send('GET', null, callback);
  }

  post(body: string, callback: ResponseCallback): void {
    this.send('POST', body, callback);
  }

  close(): void {
    // The agent is shared: its owner destroys it.
  }

  private send(method: 'GET' | 'POST', body: string | null, callback: ResponseCallback): void {
    const request = http.request(
      {
        agent: this.agent,
        host: '127.0.0.1',
        port: this.port,
        method,
        path: this.path,
        headers: body === null ? undefined : POST_HEADERS,
      },
      (response) => {
        let data = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (data += chunk));
        response.on('end', () => callback(null, response.statusCode ?? 0, data));
      },
    );
    request.on('error', (error) => callback(error, 0, ''));
    request.end(body ?? undefined);
  }
}

let sharedAgent: http.Agent | null = null;

function noop(): void {}

/**
 * A long-polling Engine.IO v4 client reduced to what a load generator needs: exactly one GET in flight (the long
 * poll) and at most one POST (Engine.IO refuses overlapping requests of one kind), packets queued meanwhile batched
 * into the next POST with the record separator.
 */
export class PollingClient {
  onPacket: PacketListener = noop;
  /** Free slot for the workload: when the request in flight was queued. */
  sentAt = 0;
  private readonly outbox: string[] = [];
  private isPosting = false;
  private isOpen = true;
  private isFailed = false;
  private isReady = false;
  private readyCallback: (() => void) | null = null;
  private failCallback: ((error: Error) => void) | null = null;
  private readonly onPolled: ResponseCallback = (error, status, body) => {
    if (error !== null || status !== 200) return this.fail(error ?? new Error(`GET answered ${status}: ${body}`));
    this.receive(body);
    this.poll();
  };
  private readonly onPosted: ResponseCallback = (error, status, body) => {
    if (error !== null || status !== 200) return this.fail(error ?? new Error(`POST answered ${status}: ${body}`));
    this.isPosting = false;
    this.flush();
  };

  private constructor(private readonly requester: Requester) {}

  /** Opens a session on 127.0.0.1:`port`, connects `/test`, waits for the greeting. */
  static async connect(port: number): Promise<PollingClient> {
    const handshake = `${ENGINE_PATH}${POLLING_QUERY}`;
    const open = await new Promise<string>((resolve, reject) => {
      const lane = new HttpLane(port);
      lane.request(prepareGet(port, handshake), (error, status, body) => {
        lane.close();
        if (error !== null || status !== 200) reject(error ?? new Error(`handshake answered ${status}: ${body}`));
        else resolve(body);
      });
    });
    if (!open.startsWith('0')) throw new Error(`unexpected polling handshake answer: ${open.slice(0, 80)}`);
    const { sid } = JSON.parse(open.slice(1)) as { sid: string };
    const path = `${handshake}&sid=${encodeURIComponent(sid)}`;
    let requester: Requester;
    if (process.env.BENCH_CLIENT === 'library') {
      sharedAgent ??= new http.Agent({ keepAlive: true, maxSockets: Infinity, noDelay: true });
      requester = new AgentRequester(sharedAgent, port, path);
    } else {
      requester = new LaneRequester(port, path);
    }
    const client = new PollingClient(requester);
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

  /** Releases what the clients share (the `http.Agent` of BENCH_CLIENT=library). */
  static closeShared(): void {
    sharedAgent?.destroy();
    sharedAgent = null;
  }

  /** True when a request failed or the server closed the session (not when `close()` was called). */
  get hasFailed(): boolean {
    return this.isFailed;
  }

  /** Queues one packet; it goes out with the next POST. */
  send(packet: string): void {
    this.outbox.push(packet);
    if (!this.isPosting) this.flush();
  }

  /** Stops polling and drops the connections. */
  close(): void {
    this.isOpen = false;
    this.requester.close();
  }

  private flush(): void {
    if (this.outbox.length === 0 || !this.isOpen) return;
    const body = this.outbox.length === 1 ? this.outbox[0] : this.outbox.join(RECORD_SEPARATOR);
    this.outbox.length = 0;
    this.isPosting = true;
    this.requester.post(body, this.onPosted);
  }

  private poll(): void {
    if (this.isOpen) this.requester.get(this.onPolled);
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

  private fail(error: Error): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.isFailed = true;
    this.requester.close();
    this.failCallback?.(error);
  }
}
