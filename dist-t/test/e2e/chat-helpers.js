"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventQueue = exports.TRANSPORT_MODES = void 0;
exports.startChat = startChat;
exports.connectClient = connectClient;
exports.once = once;
exports.closeAll = closeAll;
const socket_io_client_1 = require("socket.io-client");
const server_1 = require("../../examples/chat/server");
const io_1 = require("../support/io");
exports.TRANSPORT_MODES = [
    { name: 'websocket only', options: { transports: ['websocket'] } },
    { name: 'polling only', options: { transports: ['polling'] } },
    { name: 'polling with upgrade (default)', options: {} },
];
/** Starts the chat app on a free port; the background task is off unless the options turn it on. */
async function startChat(options = {}) {
    const logs = [];
    const waiters = [];
    const app = (0, server_1.createChatApp)({
        host: '127.0.0.1',
        port: 0,
        backgroundIntervalMs: 0,
        token: 'secret',
        ...options,
        log: (line) => {
            logs.push(line);
            for (let i = waiters.length - 1; i >= 0; i--) {
                if (waiters[i].pattern.test(line))
                    waiters.splice(i, 1)[0].resolve(line);
            }
        },
    });
    const address = await app.listen();
    return {
        app,
        url: `http://127.0.0.1:${address.port}`,
        logs,
        waitForLog(pattern) {
            const found = logs.find((line) => pattern.test(line));
            if (found !== undefined)
                return Promise.resolve(found);
            return new Promise((resolve) => waiters.push({ pattern, resolve }));
        },
    };
}
/** Buffers every occurrence of one event, so that a test can await them in order without racing the listener. */
class EventQueue {
    #items = [];
    #waiters = [];
    constructor(socket, event) {
        socket.on(event, (...args) => {
            const waiter = this.#waiters.shift();
            if (waiter !== undefined)
                waiter(args);
            else
                this.#items.push(args);
        });
    }
    /** The arguments of the next occurrence. */
    next() {
        const item = this.#items.shift();
        if (item !== undefined)
            return Promise.resolve(item);
        return new Promise((resolve) => this.#waiters.push(resolve));
    }
    /** The first argument of the next occurrence. */
    async nextPayload() {
        return (await this.next())[0];
    }
}
exports.EventQueue = EventQueue;
/**
 * Creates a socket.io-client socket on `namespace` with reconnection off and a fresh manager, and waits for
 * `connect` (resolves) or `connect_error` (rejects with the client's error).
 */
async function connectClient(url, namespace, mode, extra = {}) {
    const socket = (0, socket_io_client_1.io)(url + namespace, {
        forceNew: true,
        reconnection: false,
        autoConnect: false,
        ...mode.options,
        ...extra,
    });
    const responses = new EventQueue(socket, 'my response');
    await new Promise((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', (err) => reject(err));
        socket.connect();
    });
    return { socket, responses };
}
/** Resolves with the arguments of the next `event` on the socket. */
function once(socket, event) {
    return new Promise((resolve) => socket.once(event, (...args) => resolve(args)));
}
/** Closes every client socket (their managers too), waits for their engines to close, then closes the app. */
async function closeAll(chat, clients) {
    const closing = clients.splice(0);
    for (const socket of closing)
        socket.disconnect();
    // An upgrade still in flight can only finish while the server is there (see ClientPool.closeAll).
    await Promise.all(closing.map((socket) => (0, io_1.whenEngineClosed)(socket)));
    if (chat !== undefined)
        await chat.app.close();
}
//# sourceMappingURL=chat-helpers.js.map