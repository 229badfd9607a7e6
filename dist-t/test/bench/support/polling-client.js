"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.PollingClient = void 0;
const http = __importStar(require("node:http"));
const http_lane_1 = require("./http-lane");
const frames_1 = require("./frames");
/**
 * Default: two keep-alive connections of its own (the long poll and the POSTs), with the GET and the usual POST
 * bodies prepared once as bytes.
 */
class LaneRequester {
    constructor(port, path) {
        this.port = port;
        this.path = path;
        this.posts = new Map();
        this.getLane = new http_lane_1.HttpLane(port);
        this.postLane = new http_lane_1.HttpLane(port);
        this.getBytes = (0, http_lane_1.prepareGet)(port, path);
    }
    get(callback) {
        this.getLane.request(this.getBytes, callback);
    }
    post(body, callback) {
        let bytes = this.posts.get(body);
        if (bytes === undefined) {
            bytes = (0, http_lane_1.preparePost)(this.port, this.path, body);
            if (this.posts.size < 16)
                this.posts.set(body, bytes);
        }
        this.postLane.request(bytes, callback);
    }
    close() {
        this.getLane.close();
        this.postLane.close();
    }
}
const POST_HEADERS = { 'content-type': 'text/plain;charset=UTF-8' };
/** BENCH_CLIENT=library: Node's `http` client with a keep-alive `http.Agent` (shared by all clients). */
class AgentRequester {
    constructor(agent, port, path) {
        this.agent = agent;
        this.port = port;
        this.path = path;
    }
    get(callback) {
        this.send('GET', null, callback);
    }
    post(body, callback) {
        this.send('POST', body, callback);
    }
    close() {
        // The agent is shared: its owner destroys it.
    }
    send(method, body, callback) {
        const request = http.request({
            agent: this.agent,
            host: '127.0.0.1',
            port: this.port,
            method,
            path: this.path,
            headers: body === null ? undefined : POST_HEADERS,
        }, (response) => {
            let data = '';
            response.setEncoding('utf8');
            response.on('data', (chunk) => (data += chunk));
            response.on('end', () => callback(null, response.statusCode ?? 0, data));
        });
        request.on('error', (error) => callback(error, 0, ''));
        request.end(body ?? undefined);
    }
}
let sharedAgent = null;
function noop() { }
/**
 * A long-polling Engine.IO v4 client reduced to what a load generator needs: exactly one GET in flight (the long
 * poll) and at most one POST (Engine.IO refuses overlapping requests of one kind), packets queued meanwhile batched
 * into the next POST with the record separator.
 */
class PollingClient {
    constructor(requester) {
        this.requester = requester;
        this.onPacket = noop;
        /** Free slot for the workload: when the request in flight was queued. */
        this.sentAt = 0;
        this.outbox = [];
        this.isPosting = false;
        this.isOpen = true;
        this.isFailed = false;
        this.isReady = false;
        this.readyCallback = null;
        this.failCallback = null;
        this.onPolled = (error, status, body) => {
            if (error !== null || status !== 200)
                return this.fail(error ?? new Error(`GET answered ${status}: ${body}`));
            this.receive(body);
            this.poll();
        };
        this.onPosted = (error, status, body) => {
            if (error !== null || status !== 200)
                return this.fail(error ?? new Error(`POST answered ${status}: ${body}`));
            this.isPosting = false;
            this.flush();
        };
    }
    /** Opens a session on 127.0.0.1:`port`, connects `/test`, waits for the greeting. */
    static async connect(port) {
        const handshake = `${frames_1.ENGINE_PATH}${frames_1.POLLING_QUERY}`;
        const open = await new Promise((resolve, reject) => {
            const lane = new http_lane_1.HttpLane(port);
            lane.request((0, http_lane_1.prepareGet)(port, handshake), (error, status, body) => {
                lane.close();
                if (error !== null || status !== 200)
                    reject(error ?? new Error(`handshake answered ${status}: ${body}`));
                else
                    resolve(body);
            });
        });
        if (!open.startsWith('0'))
            throw new Error(`unexpected polling handshake answer: ${open.slice(0, 80)}`);
        const { sid } = JSON.parse(open.slice(1));
        const path = `${handshake}&sid=${encodeURIComponent(sid)}`;
        let requester;
        if (process.env.BENCH_CLIENT === 'library') {
            sharedAgent ??= new http.Agent({ keepAlive: true, maxSockets: Infinity, noDelay: true });
            requester = new AgentRequester(sharedAgent, port, path);
        }
        else {
            requester = new LaneRequester(port, path);
        }
        const client = new PollingClient(requester);
        await new Promise((resolve, reject) => {
            const timer = setTimeout(() => fail(new Error('no namespace connect within 15 s (polling)')), 15_000);
            const fail = (error) => {
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
            client.send(frames_1.NSP_CONNECT);
        });
        return client;
    }
    /** Releases what the clients share (the `http.Agent` of BENCH_CLIENT=library). */
    static closeShared() {
        sharedAgent?.destroy();
        sharedAgent = null;
    }
    /** True when a request failed or the server closed the session (not when `close()` was called). */
    get hasFailed() {
        return this.isFailed;
    }
    /** Queues one packet; it goes out with the next POST. */
    send(packet) {
        this.outbox.push(packet);
        if (!this.isPosting)
            this.flush();
    }
    /** Stops polling and drops the connections. */
    close() {
        this.isOpen = false;
        this.requester.close();
    }
    flush() {
        if (this.outbox.length === 0 || !this.isOpen)
            return;
        const body = this.outbox.length === 1 ? this.outbox[0] : this.outbox.join(frames_1.RECORD_SEPARATOR);
        this.outbox.length = 0;
        this.isPosting = true;
        this.requester.post(body, this.onPosted);
    }
    poll() {
        if (this.isOpen)
            this.requester.get(this.onPolled);
    }
    receive(payload) {
        let start = 0;
        while (start < payload.length) {
            let end = payload.indexOf(frames_1.RECORD_SEPARATOR, start);
            if (end === -1)
                end = payload.length;
            const packet = payload.slice(start, end);
            start = end + 1;
            if (packet === frames_1.ENGINE_PING) {
                this.send(frames_1.ENGINE_PONG);
            }
            else if (this.isReady) {
                this.onPacket(this, packet);
            }
            else if (packet.startsWith(frames_1.NSP_CONNECT_ERROR_PREFIX)) {
                this.fail(new Error(`namespace connect refused: ${packet}`));
            }
            else if (packet.startsWith(frames_1.CONNECTED_PREFIX)) {
                this.isReady = true;
                this.readyCallback?.();
            }
            else if (!packet.startsWith(frames_1.NSP_CONNECTED_PREFIX) && packet[0] === '1') {
                this.fail(new Error('the server closed the session during the handshake'));
            }
        }
    }
    fail(error) {
        if (!this.isOpen)
            return;
        this.isOpen = false;
        this.isFailed = true;
        this.requester.close();
        this.failCallback?.(error);
    }
}
exports.PollingClient = PollingClient;
//# sourceMappingURL=polling-client.js.map