"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RawWebSocketClient = exports.RawPollingClient = void 0;
exports.baseUrlOfPort = baseUrlOfPort;
exports.baseUrlOf = baseUrlOf;
exports.webSocketUrlOf = webSocketUrlOf;
exports.httpRequest = httpRequest;
exports.parseOpenPacket = parseOpenPacket;
exports.once = once;
const node_http_1 = require("node:http");
const ws_1 = __importDefault(require("ws"));
/** `http://127.0.0.1:<port>`. */
function baseUrlOfPort(port) {
    return `http://127.0.0.1:${port}`;
}
/** `http://127.0.0.1:<port>` of a listening server. */
function baseUrlOf(server) {
    return baseUrlOfPort(server.address().port);
}
/** `ws://.../path?EIO=4&transport=websocket` plus `query`. */
function webSocketUrlOf(baseUrl, path, query = '') {
    return `${baseUrl.replace('http', 'ws')}${path}?EIO=4&transport=websocket${query}`;
}
/** One HTTP request without keep-alive (so closing the server never waits for an idle socket). */
function httpRequest(url, options = {}) {
    return new Promise((resolve, reject) => {
        const req = (0, node_http_1.request)(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
            const chunks = [];
            const answer = () => ({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: Buffer.concat(chunks).toString('utf8'),
                rawBody: Buffer.concat(chunks),
            });
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('end', () => resolve(answer()));
            res.on('error', (err) => (options.shouldResolveOnReset ? resolve(answer()) : reject(err)));
        });
        req.on('error', (err) => options.shouldResolveOnReset ? resolve({ status: 0, headers: {}, body: '' }) : reject(err));
        req.end(options.body);
    });
}
/** Parses `0{...}`. */
function parseOpenPacket(literal) {
    if (!literal.startsWith('0'))
        throw new Error(`expected an open packet, got ${JSON.stringify(literal)}`);
    return JSON.parse(literal.slice(1));
}
/** A polling session driven by hand: `poll()` is a GET, `push()` a POST, both with the session's sid. */
class RawPollingClient {
    #baseUrl;
    #path;
    #shouldResolveOnReset;
    constructor(baseUrl, path, open, shouldResolveOnReset) {
        this.#baseUrl = baseUrl;
        this.#path = path;
        this.open = open;
        this.sid = open.sid;
        this.#shouldResolveOnReset = shouldResolveOnReset;
    }
    /** Performs the handshake GET (`?EIO=4&transport=polling`) against `baseUrl + path`. */
    static async connect(baseUrl, options = {}) {
        const { path = '/engine.io/', query = '', headers, shouldResolveOnReset = false } = options;
        const pathAndQuery = `${path}?EIO=4&transport=polling`;
        const res = await httpRequest(`${baseUrl}${pathAndQuery}${query}`, { headers, shouldResolveOnReset });
        if (res.status !== 200)
            throw new Error(`handshake failed: ${res.status} ${res.body}`);
        return new RawPollingClient(baseUrl, pathAndQuery, parseOpenPacket(res.body), shouldResolveOnReset);
    }
    /** The session's path and query (`/engine.io/?...&sid=`), with extra query parameters appended. */
    path(extra = '') {
        return `${this.#path}&sid=${encodeURIComponent(this.sid)}${extra}`;
    }
    /** The session URL (`...&sid=`), with extra query parameters appended. */
    url(extra = '') {
        return `${this.#baseUrl}${this.path(extra)}`;
    }
    /** GET: resolves with the payload the server answers. */
    poll(headers) {
        return httpRequest(this.url(), { headers, shouldResolveOnReset: this.#shouldResolveOnReset });
    }
    /** POST of a raw payload (for example `4a\x1e4b`). */
    push(payload, headers) {
        return httpRequest(this.url(), {
            method: 'POST',
            body: payload,
            headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers },
            shouldResolveOnReset: this.#shouldResolveOnReset,
        });
    }
}
exports.RawPollingClient = RawPollingClient;
/** A websocket connection that queues frames, so a test can `await next()` in order. */
class RawWebSocketClient {
    #frames = [];
    #waiters = [];
    constructor(ws) {
        this.ws = ws;
        this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
        ws.on('message', (data, isBinary) => {
            const frame = isBinary ? data : data.toString('utf8');
            const waiter = this.#waiters.shift();
            if (waiter)
                waiter(frame);
            else
                this.#frames.push(frame);
        });
        ws.on('error', () => { });
    }
    /** Opens `ws://.../path?EIO=4&transport=websocket` (plus `query`) and waits until the socket is open. */
    static connect(baseUrl, query = '', path = '/engine.io/') {
        const ws = new ws_1.default(webSocketUrlOf(baseUrl, path, query));
        return new Promise((resolve, reject) => {
            ws.once('open', () => resolve(new RawWebSocketClient(ws)));
            ws.once('error', reject);
            ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
        });
    }
    /** Connects and reads the open packet. */
    static async handshake(baseUrl, path = '/engine.io/') {
        const client = await RawWebSocketClient.connect(baseUrl, '', path);
        const open = parseOpenPacket((await client.next()));
        return { client, open };
    }
    /** The next frame (already received, or the next to arrive). */
    next() {
        const frame = this.#frames.shift();
        if (frame !== undefined)
            return Promise.resolve(frame);
        return new Promise((resolve) => this.#waiters.push(resolve));
    }
    /** The next frame that is not a ping (`2`). */
    async nextNonPing() {
        for (;;) {
            const frame = await this.next();
            if (frame !== '2')
                return frame;
        }
    }
    /** Sends a text literal or a binary frame. */
    send(frame) {
        this.ws.send(frame);
    }
    close() {
        this.ws.close();
    }
}
exports.RawWebSocketClient = RawWebSocketClient;
/** Resolves on the next `event` of an emitter, with the listener's arguments. */
function once(emitter, event) {
    return new Promise((resolve) => emitter.once(event, (...args) => resolve(args)));
}
//# sourceMappingURL=raw-engine-client.js.map