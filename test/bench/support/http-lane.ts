import * as net from 'node:net';

/** Called with the status and body of a response. */
export type ResponseCallback = (error: Error | null, status: number, body: string) => void;

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;

/**
 * One keep-alive HTTP/1.1 connection carrying one request at a time, for a load generator: requests are bytes the
 * caller prepared, and responses are cut out of the stream by their Content-Length (both Engine.IO servers under
 * test send one; a chunked or close-delimited body is reported as an error rather than guessed at).
 *
 * Node's `http` client spends about as much CPU per request as the server under test, which would make the polling
 * workload measure the client; this costs a fraction of it.
 */
export class HttpLane {
  private readonly socket: net.Socket;
  private callback: ResponseCallback | null = null;
  private buffer: Buffer | null = null;
  private isClosed = false;

  constructor(port: number) {
    this.socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('error', (error) => this.finish(error, 0, ''));
    this.socket.on('close', () => {
      this.isClosed = true;
      this.finish(new Error('the server closed the keep-alive connection'), 0, '');
    });
  }

  /** Sends a prepared request; `callback` gets the response. One request at a time. */
  request(bytes: Buffer | string, callback: ResponseCallback): void {
    if (this.callback !== null) throw new Error('HttpLane carries one request at a time');
    if (this.isClosed) {
      callback(new Error('the connection is closed'), 0, '');
      return;
    }
    this.callback = callback;
    this.socket.write(bytes);
  }

  close(): void {
    this.callback = null;
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    const buffer = this.buffer === null ? chunk : Buffer.concat([this.buffer, chunk]);
    this.buffer = null;
    const headEnd = buffer.indexOf(HEADER_END);
    if (headEnd === -1) {
      this.buffer = buffer;
      return;
    }
    const head = buffer.toString('latin1', 0, headEnd);
    const length = CONTENT_LENGTH.exec(head);
    if (length === null) {
      this.finish(new Error(`response without Content-Length: ${head.slice(0, 120)}`), 0, '');
      return;
    }
    const bodyStart = headEnd + HEADER_END.length;
    const bodyEnd = bodyStart + Number(length[1]);
    if (buffer.length < bodyEnd) {
      this.buffer = buffer;
      return;
    }
    if (buffer.length > bodyEnd) {
      this.finish(new Error('the server sent bytes after the response (no request was pending)'), 0, '');
      return;
    }
    this.finish(null, Number(head.slice(9, 12)), buffer.toString('utf8', bodyStart, bodyEnd));
  }

  private finish(error: Error | null, status: number, body: string): void {
    const callback = this.callback;
    this.callback = null;
    callback?.(error, status, body);
  }
}

/** A GET request for `path`, as bytes to send as is on every poll. */
export function prepareGet(port: number, path: string): Buffer {
  return Buffer.from(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`, 'latin1');
}

/** A POST request of a text body. */
export function preparePost(port: number, path: string, body: string): Buffer {
  const payload = Buffer.from(body);
  const head =
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n` +
    `Content-Type: text/plain;charset=UTF-8\r\nContent-Length: ${payload.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), payload]);
}
