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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RawClient = void 0;
exports.connectClients = connectClients;
exports.assertAllOpen = assertAllOpen;
exports.closeClients = closeClients;
const net = __importStar(require("node:net"));
const ws_1 = __importDefault(require("ws"));
const frames_1 = require("./frames");
const PONG = (0, frames_1.prepareFrame)(frames_1.ENGINE_PONG);
const CONNECT = (0, frames_1.prepareFrame)(frames_1.NSP_CONNECT);
const CONNECTED = Buffer.from(frames_1.NSP_CONNECTED_PREFIX);
const CONNECT_ERROR = Buffer.from(frames_1.NSP_CONNECT_ERROR_PREFIX);
const GREETING = Buffer.from(frames_1.CONNECTED_PREFIX);
const ENGINE_PING_BYTE = 0x32; // '2'
const ENGINE_OPEN_BYTE = 0x30; // '0'
const HANDSHAKE_TIMEOUT_MS = 15_000;
function noop() { }
/** One client connection, whichever implementation carries it. */
class RawClient {
    constructor() {
        /** Where frames go once the client is ready; a workload sets it. */
        this.onFrame = noop;
        /** Free slots for the workload: when the request in flight was sent, and a sequence number. */
        this.sentAt = 0;
        this.sequence = 0;
        this.phase = 0 /* Phase.Opening */;
        this.resolveReady = null;
        this.rejectReady = null;
        this.timer = null;
    }
    /** False once the connection is gone, whoever closed it. */
    get isOpen() {
        return this.phase !== 4 /* Phase.Closed */;
    }
    /** Drops the connection at once (the server sees a transport close). */
    close() {
        this.phase = 4 /* Phase.Closed */;
        this.destroy();
    }
    /**
     * Opens a connection to `/test` on 127.0.0.1:`port` and resolves once the greeting has arrived. `localAddress`
     * (another loopback address, 127.0.0.2 and up) gives tens of thousands of connections their own source ports.
     */
    static connect(port, localAddress) {
        const client = process.env.BENCH_CLIENT === 'library' ? new WsClient(port, localAddress) : new WireClient(port, localAddress);
        return new Promise((resolve, reject) => {
            client.resolveReady = resolve;
            client.rejectReady = reject;
            client.timer = setTimeout(() => client.fail(new Error('no namespace connect within 15 s')), HANDSHAKE_TIMEOUT_MS);
        });
    }
    fail(error) {
        if (this.timer !== null)
            clearTimeout(this.timer);
        const wasReady = this.phase === 3 /* Phase.Ready */;
        this.close();
        if (!wasReady)
            this.rejectReady?.(error);
    }
    onClosed() {
        if (this.phase !== 3 /* Phase.Ready */ && this.phase !== 4 /* Phase.Closed */)
            this.fail(new Error('closed during the handshake'));
        this.phase = 4 /* Phase.Closed */;
    }
    /** One Engine.IO packet from the server. */
    receive(data) {
        if (data.length === 1 && data[0] === ENGINE_PING_BYTE) {
            this.send(PONG);
        }
        else if (this.phase === 3 /* Phase.Ready */) {
            this.onFrame(this, data);
        }
        else if (this.phase === 0 /* Phase.Opening */ && data[0] === ENGINE_OPEN_BYTE) {
            this.phase = 1 /* Phase.Joining */;
            this.send(CONNECT);
        }
        else if (this.phase === 1 /* Phase.Joining */ && (0, frames_1.hasPrefix)(data, CONNECTED)) {
            this.phase = 2 /* Phase.Greeting */;
        }
        else if (this.phase === 1 /* Phase.Joining */ && (0, frames_1.hasPrefix)(data, CONNECT_ERROR)) {
            this.fail(new Error(`namespace connect refused: ${data.toString()}`));
        }
        else if (this.phase === 2 /* Phase.Greeting */ && (0, frames_1.hasPrefix)(data, GREETING)) {
            if (this.timer !== null)
                clearTimeout(this.timer);
            this.phase = 3 /* Phase.Ready */;
            this.resolveReady?.(this);
            this.resolveReady = null;
            this.rejectReady = null;
        }
    }
}
exports.RawClient = RawClient;
const UPGRADE_REQUEST = (port) => `GET ${frames_1.ENGINE_PATH}${frames_1.WEBSOCKET_QUERY} HTTP/1.1\r\n` +
    `Host: 127.0.0.1:${port}\r\n` +
    'Upgrade: websocket\r\n' +
    'Connection: Upgrade\r\n' +
    // A fixed key: the load generator does not check Sec-WebSocket-Accept, only the 101 status.
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n' +
    'Sec-WebSocket-Version: 13\r\n\r\n';
const HEADER_END = Buffer.from('\r\n\r\n');
const OPCODE_CLOSE = 0x8;
const OPCODE_PING = 0x9;
/** WebSocket over a bare TCP socket, for a load generator: constant pre-framed writes, zero-copy frame reads. */
class WireClient extends RawClient {
    constructor(port, localAddress) {
        super();
        this.isUpgraded = false;
        this.leftover = null;
        this.socket = net.connect({ host: '127.0.0.1', port, noDelay: true, localAddress });
        this.socket.on('connect', () => this.socket.write(UPGRADE_REQUEST(port)));
        this.socket.on('data', (chunk) => this.onData(chunk));
        this.socket.on('error', (error) => this.fail(error));
        this.socket.on('close', () => this.onClosed());
    }
    send(frame) {
        this.socket.write(frame.wire);
    }
    destroy() {
        this.socket.destroy();
    }
    onData(chunk) {
        let buffer = this.leftover === null ? chunk : Buffer.concat([this.leftover, chunk]);
        this.leftover = null;
        if (!this.isUpgraded) {
            const end = buffer.indexOf(HEADER_END);
            if (end === -1) {
                this.leftover = buffer;
                return;
            }
            if (buffer.toString('latin1', 0, 12) !== 'HTTP/1.1 101') {
                this.fail(new Error(`websocket upgrade refused: ${buffer.toString('latin1', 0, Math.min(end, 200))}`));
                return;
            }
            this.isUpgraded = true;
            buffer = buffer.subarray(end + HEADER_END.length);
        }
        let offset = 0;
        const length = buffer.length;
        // Server frames are unmasked (RFC 6455 5.1) and, for messages this size, never fragmented.
        while (length - offset >= 2) {
            let size = buffer[offset + 1] & 0x7f;
            let header = 2;
            if (size === 126) {
                if (length - offset < 4)
                    break;
                size = buffer.readUInt16BE(offset + 2);
                header = 4;
            }
            else if (size === 127) {
                if (length - offset < 10)
                    break;
                size = buffer.readUInt32BE(offset + 6);
                header = 10;
            }
            if (length - offset < header + size)
                break;
            const opcode = buffer[offset] & 0x0f;
            const payload = buffer.subarray(offset + header, offset + header + size);
            offset += header + size;
            if (opcode === 0x1 || opcode === 0x2)
                this.receive(payload);
            else if (opcode === OPCODE_PING)
                this.socket.write((0, frames_1.prepareFrame)(payload.toString('latin1'), 0xa).wire);
            else if (opcode === OPCODE_CLOSE)
                this.socket.destroy();
        }
        if (offset < length)
            this.leftover = buffer.subarray(offset);
    }
}
const TEXT = { binary: false };
/** The `ws` package's client (BENCH_CLIENT=library). */
class WsClient extends RawClient {
    constructor(port, localAddress) {
        super();
        this.ws = new ws_1.default(`ws://127.0.0.1:${port}${frames_1.ENGINE_PATH}${frames_1.WEBSOCKET_QUERY}`, {
            localAddress,
            perMessageDeflate: false,
            skipUTF8Validation: true,
        });
        this.ws.on('message', (data) => this.receive(data));
        this.ws.on('error', (error) => this.fail(error));
        this.ws.on('close', () => this.onClosed());
    }
    send(frame) {
        this.ws.send(frame.payload, TEXT);
    }
    destroy() {
        this.ws.terminate();
    }
}
/**
 * Opens `count` clients with at most `concurrency` handshakes in flight (a burst of thousands of simultaneous
 * handshakes would measure the kernel's accept queue rather than the server). `sourceOf(index)` names the local
 * address of the index-th connection (by default the kernel's choice, 127.0.0.1).
 */
async function connectClients(port, count, concurrency = 64, sourceOf = () => undefined) {
    const clients = [];
    let next = 0;
    // `as`: the workers set it, so TypeScript must not narrow it to null after they ran.
    let failure = null;
    const worker = async () => {
        while (next < count && failure === null) {
            const index = next++;
            try {
                clients.push(await RawClient.connect(port, sourceOf(index)));
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    const workers = [];
    for (let i = 0; i < Math.min(concurrency, count); i++)
        workers.push(worker());
    await Promise.all(workers);
    if (failure !== null) {
        closeClients(clients);
        throw failure.error;
    }
    return clients;
}
/** Throws when the server dropped some of `clients` (a run with lost connections measures nothing sound). */
function assertAllOpen(clients) {
    const lost = clients.filter((client) => !client.isOpen).length;
    if (lost > 0)
        throw new Error(`${lost} of ${clients.length} connections were closed by the server during the run`);
}
/** Closes every client. */
function closeClients(clients) {
    for (const client of clients)
        client.close();
}
//# sourceMappingURL=raw-client.js.map