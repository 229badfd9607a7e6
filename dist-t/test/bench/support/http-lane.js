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
exports.HttpLane = void 0;
exports.prepareGet = prepareGet;
exports.preparePost = preparePost;
const net = __importStar(require("node:net"));
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
class HttpLane {
    constructor(port) {
        this.callback = null;
        this.buffer = null;
        this.isClosed = false;
        this.socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
        this.socket.on('data', (chunk) => this.onData(chunk));
        this.socket.on('error', (error) => this.finish(error, 0, ''));
        this.socket.on('close', () => {
            this.isClosed = true;
            this.finish(new Error('the server closed the keep-alive connection'), 0, '');
        });
    }
    /** Sends a prepared request; `callback` gets the response. One request at a time. */
    request(bytes, callback) {
        if (this.callback !== null)
            throw new Error('HttpLane carries one request at a time');
        if (this.isClosed) {
            callback(new Error('the connection is closed'), 0, '');
            return;
        }
        this.callback = callback;
        this.socket.write(bytes);
    }
    close() {
        this.callback = null;
        this.socket.destroy();
    }
    onData(chunk) {
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
    finish(error, status, body) {
        const callback = this.callback;
        this.callback = null;
        callback?.(error, status, body);
    }
}
exports.HttpLane = HttpLane;
/** A GET request for `path`, as bytes to send as is on every poll. */
function prepareGet(port, path) {
    return Buffer.from(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`, 'latin1');
}
/** A POST request of a text body. */
function preparePost(port, path, body) {
    const payload = Buffer.from(body);
    const head = `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n` +
        `Content-Type: text/plain;charset=UTF-8\r\nContent-Length: ${payload.length}\r\n\r\n`;
    return Buffer.concat([Buffer.from(head, 'latin1'), payload]);
}
//# sourceMappingURL=http-lane.js.map