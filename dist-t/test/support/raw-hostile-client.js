"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RawPolling = exports.RawWebSocket = void 0;
exports.requestOnPort = requestOnPort;
exports.openStalledWebSocket = openStalledWebSocket;
const node_crypto_1 = require("node:crypto");
const node_net_1 = require("node:net");
const ws_1 = __importDefault(require("ws"));
const raw_engine_client_1 = require("./raw-engine-client");
/**
 * Raw Engine.IO clients for the hardening suites, built on `raw-engine-client.ts`: they send wire literals the
 * official client never produces (ws `test/receiver.test.js` style) and record everything the server answers, so
 * that a test can assert the exact frames, close codes and HTTP statuses. They speak to a Socket.IO server on
 * 127.0.0.1 at its default path, and a reset connection is an outcome to assert (status 0), never a rejection.
 */
const SOCKET_IO_PATH = '/socket.io/';
/** Sends one HTTP request to `path` on the local server at `port` and reads the whole answer; never rejects on a reset socket. */
function requestOnPort(port, method, path, body, headers = {}) {
    return (0, raw_engine_client_1.httpRequest)(`${(0, raw_engine_client_1.baseUrlOfPort)(port)}${path}`, { method, body, headers, shouldResolveOnReset: true });
}
/** A raw websocket Engine.IO client. Frames are recorded as strings (text) and Buffers (binary). */
class RawWebSocket {
    #waiters;
    constructor(port, query = '', headers = {}) {
        this.frames = [];
        /** Answers pings automatically unless set to false (a client that stopped answering). */
        this.shouldAnswerPings = true;
        this.#waiters = [];
        this.ws = new ws_1.default((0, raw_engine_client_1.webSocketUrlOf)((0, raw_engine_client_1.baseUrlOfPort)(port), SOCKET_IO_PATH, query), { headers });
        this.ws.on('message', (data, isBinary) => {
            const frame = isBinary ? data : data.toString();
            if (frame === '2' && this.shouldAnswerPings)
                this.ws.send('3');
            this.frames.push(frame);
            this.#notify();
        });
        this.ws.on('error', () => undefined);
        this.closed = new Promise((resolve) => this.ws.on('close', (code) => {
            this.#notify();
            resolve(code);
        }));
        this.refused = new Promise((resolve) => this.ws.on('unexpected-response', (_req, res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        }));
    }
    /** Connects over websocket and waits for the open packet. */
    static async open(port, query = '', headers = {}) {
        const client = new RawWebSocket(port, query, headers);
        await client.next((frame) => typeof frame === 'string' && frame.startsWith('0'));
        return client;
    }
    /** Opens a session and joins namespace `nsp` (default `/`); resolves once the CONNECT answer arrived. */
    static async connect(port, nsp = '/', auth) {
        const client = await RawWebSocket.open(port);
        const prefix = nsp === '/' ? '' : `${nsp},`;
        client.send(`40${prefix}${auth === undefined ? '' : JSON.stringify(auth)}`);
        await client.next((frame) => typeof frame === 'string' && frame.startsWith(`40${prefix}`));
        return client;
    }
    get isOpen() {
        return this.ws.readyState === ws_1.default.OPEN;
    }
    /** The session id from the open packet. */
    get sid() {
        const open = this.frames.find((frame) => typeof frame === 'string' && frame.startsWith('0'));
        if (open === undefined)
            throw new Error('no open packet yet');
        return (0, raw_engine_client_1.parseOpenPacket)(open).sid;
    }
    send(frame) {
        if (this.ws.readyState === ws_1.default.OPEN)
            this.ws.send(frame);
    }
    /** Resolves with the first recorded frame matching `predicate` (already received or to come). */
    async next(predicate, timeoutMs = 3000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const found = this.frames.find(predicate);
            if (found !== undefined)
                return found;
            if (this.ws.readyState === ws_1.default.CLOSED)
                throw new Error('socket closed before the expected frame');
            const left = deadline - Date.now();
            if (left <= 0)
                throw new Error(`no matching frame; got ${JSON.stringify(this.frames.map(String)).slice(0, 300)}`);
            await new Promise((resolve) => {
                const timer = setTimeout(resolve, left);
                this.#waiters.push(() => {
                    clearTimeout(timer);
                    resolve();
                });
            });
        }
    }
    close() {
        this.ws.terminate();
    }
    #notify() {
        for (const waiter of this.#waiters.splice(0))
            waiter();
    }
}
exports.RawWebSocket = RawWebSocket;
/** A raw HTTP long-polling Engine.IO client: a `RawPollingClient` that joins namespaces and splits payloads. */
class RawPolling {
    #session;
    constructor(session) {
        this.#session = session;
    }
    get sid() {
        return this.#session.sid;
    }
    get open() {
        return this.#session.open;
    }
    /** Performs the handshake (GET without sid). */
    static async open(port, query = '', headers = {}) {
        return new RawPolling(await raw_engine_client_1.RawPollingClient.connect((0, raw_engine_client_1.baseUrlOfPort)(port), {
            path: SOCKET_IO_PATH,
            query,
            headers,
            shouldResolveOnReset: true,
        }));
    }
    /** Opens a session and joins namespace `nsp`. */
    static async connect(port, nsp = '/') {
        const client = await RawPolling.open(port);
        const prefix = nsp === '/' ? '' : `${nsp},`;
        await client.post(`40${prefix}`);
        const packets = await client.poll();
        if (!packets.some((packet) => packet.startsWith(`40${prefix}`)))
            throw new Error(`not connected: ${packets.join(' | ')}`);
        return client;
    }
    /** The session's path and query (`/socket.io/?...&sid=`), for requests the test builds itself. */
    get path() {
        return this.#session.path();
    }
    /** POSTs a raw body (a v4 payload: packets joined by \x1e). */
    post(body, headers = {}) {
        return this.#session.push(body, headers);
    }
    /** GETs once and splits the payload into packets; a refused GET rejects with its status and body. */
    async poll() {
        const answer = await this.#session.poll();
        if (answer.status !== 200)
            throw new Error(`poll answered ${answer.status} ${answer.body}`);
        return answer.body.split('\x1e');
    }
    /** GETs until the server closes the session: resolves with what the last poll said (close packet or error). */
    async pollUntilClosed(maxPolls = 20) {
        for (let i = 0; i < maxPolls; i++) {
            const answer = await this.#session.poll();
            if (answer.status !== 200)
                return { status: answer.status, packets: [answer.body] };
            const packets = answer.body.split('\x1e');
            if (packets.includes('1'))
                return { status: 200, packets };
        }
        throw new Error('session still open');
    }
}
exports.RawPolling = RawPolling;
/**
 * A websocket client that joins `/` and then stops reading: its TCP receive window fills, the server's socket
 * buffers grow, and only the server's `maxBufferedBytes` bound can end it. Spoken over a bare TCP socket so that
 * reading can really stop (a `ws` client always reads).
 */
async function openStalledWebSocket(port, query = '') {
    const socket = (0, node_net_1.connect)(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write(`GET ${SOCKET_IO_PATH}?EIO=4&transport=websocket${query} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
        `Connection: Upgrade\r\nSec-WebSocket-Key: ${(0, node_crypto_1.randomBytes)(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    let received = Buffer.alloc(0);
    const open = await new Promise((resolve, reject) => {
        const onData = (chunk) => {
            received = Buffer.concat([received, chunk]);
            const headerEnd = received.indexOf('\r\n\r\n');
            if (headerEnd === -1)
                return;
            const frame = received.subarray(headerEnd + 4);
            if (frame.length < 2)
                return;
            const shortLength = frame[1] & 0x7f;
            const [offset, length] = shortLength === 126 ? [4, frame.length >= 4 ? frame.readUInt16BE(2) : Infinity] : [2, shortLength];
            if (frame.length < offset + length)
                return;
            socket.off('data', onData);
            resolve(frame.subarray(offset, offset + length).toString());
        };
        socket.on('data', onData);
        socket.once('close', () => reject(new Error('closed during the handshake')));
    });
    // A masked text frame '40' (a zero masking key is valid and leaves the payload as is).
    socket.write(Buffer.from([0x81, 0x82, 0, 0, 0, 0, 0x34, 0x30]));
    socket.pause();
    return { sid: (0, raw_engine_client_1.parseOpenPacket)(open).sid, socket };
}
//# sourceMappingURL=raw-hostile-client.js.map