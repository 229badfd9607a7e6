"use strict";
var _a;
Object.defineProperty(exports, "__esModule", { value: true });
exports.PollingTransport = void 0;
const engine_io_parser_1 = require("engine.io-parser");
const eio3_1 = require("../eio3");
const debug_1 = require("../../debug");
const errors_1 = require("../../errors");
const symbols_1 = require("../symbols");
const transport_1 = require("../transport");
const polling_answer_1 = require("./polling-answer");
const debug = (0, debug_1.createDebug)('classio:engine');
/**
 * How long an orderly close waits for the client's next GET to deliver the close packet (the reference's
 * `closeTimeout`). The session is still registered meanwhile, so that GET finds it.
 */
const CLOSE_TIMEOUT = 30_000;
const CLOSE_PACKET = { type: 'close' };
const NOOP_PACKET = { type: 'noop' };
const BAD_REQUEST_BODY = JSON.stringify({ code: 3, message: errors_1.ENGINE_ERRORS[3].message });
/**
 * HTTP long-polling (engine.io-protocol v4, "HTTP long-polling"): a GET waits until the server has packets and
 * receives them as one payload (text packets joined by the record separator `\x1e`, binary packets as `b` +
 * base64); a POST carries a payload from the client and is answered `ok`. At most one GET and one POST may be
 * pending: a second concurrent GET or POST is a protocol violation that closes the session.
 */
class PollingTransport extends transport_1.Transport {
    #maxHttpBufferSize;
    /** Compression and the header events of the server, or `null` (plain answers). */
    #host;
    /** The pending GET's response, while one waits, and its request (for its headers). */
    #pollResponse;
    #pollRequest;
    /** The pending POST's response, while its body streams in. */
    #dataResponse;
    #dataChunks;
    #dataLength;
    /** Whether the pending POST carries a v3 binary payload (`application/octet-stream`). */
    #isBinaryBody;
    #closeTimer;
    constructor(maxHttpBufferSize, host = null) {
        super();
        this.name = 'polling';
        this.isBatchedPerTick = true;
        /** The pending GET's response, while one waits, and its request (for its headers). */
        this.#pollResponse = null;
        this.#pollRequest = null;
        /** The pending POST's response, while its body streams in. */
        this.#dataResponse = null;
        this.#dataChunks = [];
        this.#dataLength = 0;
        /** Whether the pending POST carries a v3 binary payload (`application/octet-stream`). */
        this.#isBinaryBody = false;
        this.#closeTimer = null;
        this.#maxHttpBufferSize = maxHttpBufferSize;
        this.#host = host;
    }
    get writable() {
        return this.#pollResponse !== null && this.readyState !== 'closed';
    }
    /** Takes one HTTP request of this session (the server has already checked sid, transport and method). */
    onRequest(req, res) {
        if (req.method === 'GET')
            this.#onPollRequest(req, res);
        else if (req.method === 'POST')
            this.#onDataRequest(req, res);
        else
            answer(res, 400, 'application/json', BAD_REQUEST_BODY);
    }
    send(packets) {
        const res = this.#pollResponse;
        if (res === null)
            return;
        const req = this.#pollRequest;
        this.#pollResponse = this.#pollRequest = null;
        if (this.readyState === 'closing')
            packets.push(CLOSE_PACKET);
        this.#answerPackets(req, res, packets);
        if (this.readyState === 'closing')
            this.#finish();
    }
    doClose(mode) {
        if (this.#pollResponse !== null) {
            // send() appends the close packet while closing; a discarded transport gets a noop instead.
            if (mode === 'discard') {
                const res = this.#pollResponse;
                this.#pollResponse = this.#pollRequest = null;
                this.#answerPackets(null, res, [NOOP_PACKET]);
            }
            else {
                this.send([]);
            }
            this.#finish();
        }
        else if (mode === 'orderly') {
            this.#closeTimer = setTimeout(_a.#onCloseTimeout, CLOSE_TIMEOUT, this);
        }
        else {
            this.#finish();
        }
    }
    /** Answers a GET with `packets` in the session's payload encoding, compressed past the threshold when allowed. */
    #answerPackets(req, res, packets) {
        const isCompressible = isAnyCompressible(packets);
        const write = (payload) => (0, polling_answer_1.writeAnswer)(this.#host, req, res, 'text/plain; charset=UTF-8', payload, isCompressible);
        if (this.isEio3)
            write((0, eio3_1.encodePayloadV3)(packets));
        else
            (0, engine_io_parser_1.encodePayload)(packets, write);
    }
    #finish() {
        if (this.#closeTimer !== null) {
            clearTimeout(this.#closeTimer);
            this.#closeTimer = null;
        }
        this.finishClose();
    }
    #onPollRequest(req, res) {
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
        res[symbols_1.kTransport] = this;
        res.on('close', _a.#onPollResponseClose);
        if (this.readyState === 'closing') {
            this.send([]);
            return;
        }
        this.reportDrain();
    }
    #onDataRequest(req, res) {
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
        req[symbols_1.kTransport] = this;
        res[symbols_1.kTransport] = this;
        req.on('data', _a.#onDataChunk);
        req.on('end', _a.#onDataEnd);
        res.on('close', _a.#onDataResponseClose);
    }
    #refuseTooLarge(res, length) {
        debug('POST body of %d bytes is over maxHttpBufferSize %d', length, this.#maxHttpBufferSize);
        // The rest of the body is not read: Connection: close lets Node drop the socket after answering.
        res.setHeader('Connection', 'close');
        answer(res, 413, 'text/plain; charset=UTF-8', 'Payload Too Large');
        this.reportError('message too large', { length, maxHttpBufferSize: this.#maxHttpBufferSize });
    }
    #endDataRequest(req) {
        const res = this.#dataResponse;
        req.off('data', _a.#onDataChunk);
        req.off('end', _a.#onDataEnd);
        res?.off('close', _a.#onDataResponseClose);
        this.#dataResponse = null;
        return res;
    }
    #processPayload(body, req, res) {
        const packets = !this.isEio3
            ? (0, engine_io_parser_1.decodePayload)(body.toString('utf8'))
            : this.#isBinaryBody
                ? (0, eio3_1.decodeBinaryPayloadV3)(body)
                : (0, eio3_1.decodePayloadV3)(body.toString('utf8'));
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
                (0, polling_answer_1.writeAnswer)(this.#host, req, res, 'text/html', 'ok', false);
                this.close('discard');
                return;
            }
            if (this.owner === null || this.readyState !== 'open')
                break;
            this.reportPacket(packet);
        }
        (0, polling_answer_1.writeAnswer)(this.#host, req, res, 'text/html', 'ok', false);
    }
    static #onPollResponseClose() {
        const transport = this[symbols_1.kTransport];
        // A response we ended ourselves is no longer the pending one; only a client abort reaches the check.
        if (transport === undefined || transport.#pollResponse !== this)
            return;
        transport.#pollResponse = transport.#pollRequest = null;
        transport.reportError('transport error', new Error('poll connection closed prematurely'));
    }
    static #onDataChunk(chunk) {
        const transport = this[symbols_1.kTransport];
        if (transport === undefined)
            return;
        transport.#dataLength += chunk.length;
        if (transport.#dataLength > transport.#maxHttpBufferSize) {
            const res = transport.#endDataRequest(this);
            if (res !== null)
                transport.#refuseTooLarge(res, transport.#dataLength);
            return;
        }
        transport.#dataChunks.push(chunk);
    }
    static #onDataEnd() {
        const transport = this[symbols_1.kTransport];
        if (transport === undefined)
            return;
        const res = transport.#endDataRequest(this);
        if (res === null)
            return;
        // Chunks are joined before decoding so a UTF-8 sequence split across chunks stays intact.
        const body = Buffer.concat(transport.#dataChunks, transport.#dataLength);
        transport.#dataChunks = [];
        if (transport.readyState !== 'open' || transport.owner === null) {
            answer(res, 400, 'application/json', BAD_REQUEST_BODY);
            return;
        }
        transport.#processPayload(body, this, res);
    }
    static #onDataResponseClose() {
        const transport = this[symbols_1.kTransport];
        if (transport === undefined || transport.#dataResponse !== this)
            return;
        transport.#dataResponse = null;
        transport.#dataChunks = [];
        transport.reportError('transport error', new Error('data request connection closed prematurely'));
    }
    static #onCloseTimeout(transport) {
        transport.#closeTimer = null;
        transport.finishClose();
    }
}
exports.PollingTransport = PollingTransport;
_a = PollingTransport;
/** Whether some packet of an answer may be compressed (every packet may, unless sent with `compress: false`). */
function isAnyCompressible(packets) {
    for (let i = 0; i < packets.length; i++)
        if (packets[i].options?.compress !== false)
            return true;
    return false;
}
function answer(res, status, contentType, body) {
    if (res.headersSent) {
        if (!res.writableEnded)
            res.end();
        return;
    }
    res.writeHead(status, {
        'Content-Type': contentType,
        'Content-Length': Buffer.byteLength(body),
        'Cache-Control': 'no-store',
    });
    res.end(body);
}
//# sourceMappingURL=polling.js.map