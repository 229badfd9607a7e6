import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodePayload, encodePayload, type Packet } from 'engine.io-parser';
import { decodeBinaryPayloadV3, decodePayloadV3, encodePayloadV3 } from '../eio3';
import { createDebug } from '../../debug';
import { ENGINE_ERRORS } from '../../errors';
import { kTransport } from '../symbols';
import { Transport, type CloseMode } from '../transport';
import type { TransportName } from '../types';
import { writeAnswer, type PollingHost } from './polling-answer';

const debug = createDebug('classio:engine');

/**
 * How long an orderly close waits for the client's next GET to deliver the close packet (the reference's
 * `closeTimeout`). The session is still registered meanwhile, so that GET finds it.
 */
const CLOSE_TIMEOUT = 30_000;

const CLOSE_PACKET: Packet = { type: 'close' };
const NOOP_PACKET: Packet = { type: 'noop' };
const BAD_REQUEST_BODY = JSON.stringify({ code: 3, message: ENGINE_ERRORS[3].message });

interface OwnedMessage {
  [kTransport]?: PollingTransport;
}
type OwnedRequest = IncomingMessage & OwnedMessage;
type OwnedResponse = ServerResponse & OwnedMessage;

/**
 * HTTP long-polling (engine.io-protocol v4, "HTTP long-polling"): a GET waits until the server has packets and
 * receives them as one payload (text packets joined by the record separator `\x1e`, binary packets as `b` +
 * base64); a POST carries a payload from the client and is answered `ok`. At most one GET and one POST may be
 * pending: a second concurrent GET or POST is a protocol violation that closes the session.
 */
export class PollingTransport extends Transport {
  // Getters, not fields: constants cost a connection nothing on the prototype.
  get name(): TransportName {
    return 'polling';
  }

  get isBatchedPerTick(): boolean {
    return true;
  }

  readonly #maxHttpBufferSize: number;
  /** Compression and the header events of the server, or `null` (plain answers). */
  readonly #host: PollingHost | null;
  /** The pending GET's response, while one waits, and its request (for its headers). */
  #pollResponse: OwnedResponse | null = null;
  #pollRequest: IncomingMessage | null = null;
  /** The pending POST's response, while its body streams in. */
  #dataResponse: OwnedResponse | null = null;
  #dataChunks: Buffer[] = [];
  #dataLength = 0;
  /** Whether the pending POST carries a v3 binary payload (`application/octet-stream`). */
  #isBinaryBody = false;
  #closeTimer: NodeJS.Timeout | null = null;

  constructor(maxHttpBufferSize: number, host: PollingHost | null = null) {
    super();
    this.#maxHttpBufferSize = maxHttpBufferSize;
    this.#host = host;
  }

  get writable(): boolean {
    return this.#pollResponse !== null && this.readyState !== 'closed';
  }

  /** Takes one HTTP request of this session (the server has already checked sid, transport and method). */
  onRequest(req: IncomingMessage, res: ServerResponse): void {
    if (req.method === 'GET') this.#onPollRequest(req, res);
    else if (req.method === 'POST') this.#onDataRequest(req, res);
    else answer(res, 400, 'application/json', BAD_REQUEST_BODY);
  }

  send(packets: Packet[]): void {
    const res = this.#pollResponse;
    if (res === null) return;
    const req = this.#pollRequest;
    this.#pollResponse = this.#pollRequest = null;
    if (this.readyState === 'closing') packets.push(CLOSE_PACKET);
    this.#answerPackets(req, res, packets);
    if (this.readyState === 'closing') this.#finish();
  }

  protected doClose(mode: CloseMode): void {
    if (this.#pollResponse !== null) {
      // send() appends the close packet while closing; a discarded transport gets a noop instead.
      if (mode === 'discard') {
        const res = this.#pollResponse;
        const req = this.#pollRequest;
        this.#pollResponse = this.#pollRequest = null;
        // An answer like any other: the `headers` listeners see it (the reference writes its noop through the
        // same path as a payload). Only the 400s of protocol violations go out without them, as there.
        this.#answerPackets(req, res, [NOOP_PACKET]);
      } else {
        this.send([]);
      }
      this.#finish();
    } else if (mode === 'orderly') {
      this.#closeTimer = setTimeout(PollingTransport.#onCloseTimeout, CLOSE_TIMEOUT, this);
    } else {
      this.#finish();
    }
  }

  /** Answers a GET with `packets` in the session's payload encoding, compressed past the threshold when allowed. */
  #answerPackets(req: IncomingMessage | null, res: ServerResponse, packets: Packet[]): void {
    const isCompressible = isAnyCompressible(packets);
    const write = (payload: string): void =>
      writeAnswer(this.#host, req, res, 'text/plain; charset=UTF-8', payload, isCompressible);
    if (this.isEio3) write(encodePayloadV3(packets));
    else encodePayload(packets, write);
  }

  #finish(): void {
    if (this.#closeTimer !== null) {
      clearTimeout(this.#closeTimer);
      this.#closeTimer = null;
    }
    this.finishClose();
  }

  #onPollRequest(req: IncomingMessage, res: OwnedResponse): void {
    if (this.#pollResponse !== null) {
      debug('poll overlap: a second GET while one is pending');
      // The error closes the session first, so the pending GET receives the close packet; then this one fails.
      this.reportError('transport error', new Error('overlap from client'));
      answer(res, 400, 'application/json', BAD_REQUEST_BODY);
      return;
    }
    if (this.readyState === 'closed') {
      answer(res, 400, 'application/json', BAD_REQUEST_BODY);
      return;
    }
    this.#pollResponse = res;
    this.#pollRequest = req;
    res[kTransport] = this;
    res.on('close', PollingTransport.#onPollResponseClose);
    if (this.readyState === 'closing') {
      this.send([]);
      return;
    }
    this.reportDrain();
  }

  #onDataRequest(req: OwnedRequest, res: OwnedResponse): void {
    if (this.#dataResponse !== null) {
      this.reportError('transport error', new Error('data request overlap from client'));
      answer(res, 400, 'application/json', BAD_REQUEST_BODY);
      return;
    }
    // Protocol v4 payloads are always text; binary bodies are protocol v3 only.
    this.#isBinaryBody = req.headers['content-type'] === 'application/octet-stream';
    if (this.#isBinaryBody && !this.isEio3) {
      this.reportError('transport error', new Error('invalid content'));
      answer(res, 400, 'application/json', BAD_REQUEST_BODY);
      return;
    }
    const declaredLength = Number(req.headers['content-length']);
    if (declaredLength > this.#maxHttpBufferSize) {
      this.#refuseTooLarge(res, declaredLength);
      return;
    }
    this.#dataResponse = res;
    this.#dataChunks = [];
    this.#dataLength = 0;
    req[kTransport] = this;
    res[kTransport] = this;
    req.on('data', PollingTransport.#onDataChunk);
    req.on('end', PollingTransport.#onDataEnd);
    res.on('close', PollingTransport.#onDataResponseClose);
  }

  #refuseTooLarge(res: ServerResponse, length: number): void {
    debug('POST body of %d bytes is over maxHttpBufferSize %d', length, this.#maxHttpBufferSize);
    // The rest of the body is not read: Connection: close lets Node drop the socket after answering.
    res.setHeader('Connection', 'close');
    answer(res, 413, 'text/plain; charset=UTF-8', 'Payload Too Large');
    this.reportError('message too large', { length, maxHttpBufferSize: this.#maxHttpBufferSize });
  }

  #endDataRequest(req: OwnedRequest): OwnedResponse | null {
    const res = this.#dataResponse;
    req.off('data', PollingTransport.#onDataChunk);
    req.off('end', PollingTransport.#onDataEnd);
    res?.off('close', PollingTransport.#onDataResponseClose);
    this.#dataResponse = null;
    return res;
  }

  #processPayload(body: Buffer, req: IncomingMessage, res: ServerResponse): void {
    const packets = !this.isEio3
      ? decodePayload(body.toString('utf8'))
      : this.#isBinaryBody
        ? decodeBinaryPayloadV3(body)
        : decodePayloadV3(body.toString('utf8'));
    for (let i = 0; i < packets.length; i++) {
      const packet = packets[i];
      if (packet.type === 'error') {
        // decodePayload stops at the first malformed packet; the session ends with 'parse error'.
        answer(res, 400, 'application/json', BAD_REQUEST_BODY);
        this.reportPacket(packet);
        return;
      }
      if (packet.type === 'close') {
        // The client ends the session: a waiting GET is answered with a noop (spec: "close" on polling).
        writeAnswer(this.#host, req, res, 'text/html', 'ok', false);
        this.close('discard');
        return;
      }
      if (this.owner === null || this.readyState !== 'open') break;
      this.reportPacket(packet);
    }
    writeAnswer(this.#host, req, res, 'text/html', 'ok', false);
  }

  static #onPollResponseClose(this: OwnedResponse): void {
    const transport = this[kTransport];
    // A response we ended ourselves is no longer the pending one; only a client abort reaches the check.
    if (transport === undefined || transport.#pollResponse !== this) return;
    transport.#pollResponse = transport.#pollRequest = null;
    transport.reportError('transport error', new Error('poll connection closed prematurely'));
  }

  static #onDataChunk(this: OwnedRequest, chunk: Buffer): void {
    const transport = this[kTransport];
    if (transport === undefined) return;
    transport.#dataLength += chunk.length;
    if (transport.#dataLength > transport.#maxHttpBufferSize) {
      const res = transport.#endDataRequest(this);
      if (res !== null) transport.#refuseTooLarge(res, transport.#dataLength);
      return;
    }
    transport.#dataChunks.push(chunk);
  }

  static #onDataEnd(this: OwnedRequest): void {
    const transport = this[kTransport];
    if (transport === undefined) return;
    const res = transport.#endDataRequest(this);
    if (res === null) return;
    // Chunks are joined before decoding so a UTF-8 sequence split across chunks stays intact.
    const body = Buffer.concat(transport.#dataChunks, transport.#dataLength);
    transport.#dataChunks = [];
    if (transport.readyState !== 'open' || transport.owner === null) {
      answer(res, 400, 'application/json', BAD_REQUEST_BODY);
      return;
    }
    transport.#processPayload(body, this, res);
  }

  static #onDataResponseClose(this: OwnedResponse): void {
    const transport = this[kTransport];
    if (transport === undefined || transport.#dataResponse !== this) return;
    transport.#dataResponse = null;
    transport.#dataChunks = [];
    transport.reportError('transport error', new Error('data request connection closed prematurely'));
  }

  static #onCloseTimeout(transport: PollingTransport): void {
    transport.#closeTimer = null;
    transport.finishClose();
  }
}

/** Whether some packet of an answer may be compressed (every packet may, unless sent with `compress: false`). */
function isAnyCompressible(packets: readonly Packet[]): boolean {
  for (let i = 0; i < packets.length; i++) if (packets[i].options?.compress !== false) return true;
  return false;
}

function answer(res: ServerResponse, status: number, contentType: string, body: string): void {
  if (res.headersSent) {
    if (!res.writableEnded) res.end();
    return;
  }
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
