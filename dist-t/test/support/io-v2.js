"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.V2ClientPool = exports.V2_MODES = void 0;
exports.nextV2Event = nextV2Event;
exports.emitWithAckV2 = emitWithAckV2;
exports.V2_MODES = [
    { name: 'websocket', transports: ['websocket'], shouldUpgrade: false },
    { name: 'polling', transports: ['polling'], shouldUpgrade: false },
    { name: 'upgrade', transports: ['polling', 'websocket'], shouldUpgrade: true },
];
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an untyped CommonJS package
const connectV2 = require('socket.io-client-v2');
/** Tracks v2 clients so that `afterEach` can close them all. */
class V2ClientPool {
    #clients = [];
    /** Opens a v2 client to `nsp` without waiting. */
    open(server, nsp, mode, options = {}) {
        const client = connectV2(`http://127.0.0.1:${server.port}${nsp}`, {
            forceNew: true,
            reconnection: false,
            transports: mode.transports,
            ...options,
        });
        this.#clients.push(client);
        return client;
    }
    /** Opens a v2 client and resolves once it is connected (and upgraded, in upgrade mode). */
    async connect(server, nsp, mode, options = {}) {
        const client = this.open(server, nsp, mode, options);
        await new Promise((resolve, reject) => {
            client.once('connect', () => resolve());
            client.once('error', (err) => reject(new Error(`v2 client error: ${JSON.stringify(err)}`)));
            client.once('connect_error', (err) => reject(err));
        });
        if (mode.shouldUpgrade && client.io.engine.transport.name !== 'websocket') {
            await new Promise((resolve) => client.io.engine.once('upgrade', () => resolve()));
        }
        return client;
    }
    /** Closes every client and resolves once their engines are closed. */
    async closeAll() {
        const clients = this.#clients.splice(0);
        await Promise.all(clients.map(async (client) => {
            const engine = client.io.engine;
            client.close();
            if (engine === undefined || engine.readyState === 'closed')
                return;
            await new Promise((resolve) => {
                const timer = setTimeout(resolve, 2000);
                engine.once('close', () => {
                    clearTimeout(timer);
                    resolve();
                });
            });
        }));
    }
}
exports.V2ClientPool = V2ClientPool;
/** Resolves with the arguments of the next `event` on a v2 client. */
function nextV2Event(client, event) {
    return new Promise((resolve) => client.once(event, (...args) => resolve(args)));
}
/** A v2 acknowledged emit, as a promise of the answer's arguments. */
function emitWithAckV2(client, event, ...args) {
    return new Promise((resolve) => client.emit(event, ...args, (...answer) => resolve(answer)));
}
//# sourceMappingURL=io-v2.js.map