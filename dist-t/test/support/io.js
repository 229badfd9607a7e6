"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ClientPool = exports.TRANSPORT_MODES = void 0;
exports.startServer = startServer;
exports.whenEngineClosed = whenEngineClosed;
exports.waitForUpgrade = waitForUpgrade;
exports.nextEvent = nextEvent;
exports.collect = collect;
exports.delay = delay;
exports.until = until;
const socket_io_client_1 = require("socket.io-client");
const server_1 = require("../../src/server");
exports.TRANSPORT_MODES = [
    { name: 'websocket', options: { transports: ['websocket'] }, shouldUpgrade: false },
    { name: 'polling', options: { transports: ['polling'] }, shouldUpgrade: false },
    { name: 'upgrade', options: { transports: ['polling', 'websocket'] }, shouldUpgrade: true },
];
/** Starts a classio server on 127.0.0.1, port 0. */
async function startServer(options = {}) {
    const server = new server_1.Server({ logger: false, ...options });
    await server.listen(0);
    return server;
}
/** How long `closeAll` waits for a client's engine to report itself closed. */
const CLOSE_SETTLE_MS = 2000;
/** Tracks clients so that `afterEach` can close them all. */
class ClientPool {
    #clients = [];
    /**
     * Connects an official client to `nsp` and resolves once it is connected and, in upgrade mode, once the
     * transport is websocket (so that every assertion after it runs over the upgraded connection).
     */
    async connect(server, nsp, mode, options = {}) {
        const client = this.open(server, nsp, mode, options);
        await new Promise((resolve, reject) => {
            client.once('connect', () => resolve());
            client.once('connect_error', reject);
        });
        if (mode.shouldUpgrade)
            await waitForUpgrade(client);
        return client;
    }
    /** Opens a client without waiting (for refused connections). */
    open(server, nsp, mode, options = {}) {
        const client = (0, socket_io_client_1.io)(`http://127.0.0.1:${server.port}${nsp}`, {
            forceNew: true,
            reconnection: false,
            ...mode.options,
            ...options,
        });
        this.#clients.push(client);
        return client;
    }
    /**
     * Closes every client and resolves once their engines are closed (or after `CLOSE_SETTLE_MS`), so that the server
     * is still there while they finish. engine.io-client cannot close between an upgrade probe's pong and the switch:
     * it waits for the upgrade, its polling transport paused. If `afterEach` closed the server then, the probe would
     * fail without `upgrading` ever being reset, and the client would wait forever while its 45 s ping timer holds the
     * process: the leak check found it after about one run in twelve of the upgrade-mode connect tests.
     */
    async closeAll() {
        const clients = this.#clients.splice(0);
        for (const client of clients)
            client.disconnect();
        await Promise.all(clients.map((client) => whenEngineClosed(client)));
    }
}
exports.ClientPool = ClientPool;
/**
 * Resolves once the engine of `client` is closed, or after `CLOSE_SETTLE_MS`. Await it after `disconnect()` and
 * before closing the server (see {@link ClientPool.closeAll} for why).
 */
function whenEngineClosed(client) {
    const engine = client.io.engine;
    if (engine === undefined || engine.readyState === 'closed')
        return Promise.resolve();
    return new Promise((resolve) => {
        const settle = () => {
            clearTimeout(timer);
            engine.off('close', settle);
            resolve();
        };
        const timer = setTimeout(settle, CLOSE_SETTLE_MS);
        engine.once('close', settle);
    });
}
/** Resolves once the client's engine runs on websocket. */
function waitForUpgrade(client) {
    const engine = client.io.engine;
    if (engine.transport.name === 'websocket')
        return Promise.resolve();
    return new Promise((resolve) => engine.once('upgrade', () => resolve()));
}
/** Resolves with the arguments of the next `event` on `client`. */
function nextEvent(client, event) {
    return new Promise((resolve) => client.once(event, (...args) => resolve(args)));
}
/** Collects every `event` a client receives. */
function collect(client, event) {
    const received = [];
    client.on(event, (...args) => received.push(args));
    return received;
}
/** Resolves after `ms` milliseconds (to let a packet that must NOT arrive have its chance). */
function delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/** Resolves once `predicate` holds, polling every 5 ms; rejects after `timeoutMs` with `what`. */
async function until(predicate, what, timeoutMs = 3000) {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
        if (Date.now() > deadline)
            throw new Error(`timed out waiting for ${what}`);
        await delay(5);
    }
}
//# sourceMappingURL=io.js.map