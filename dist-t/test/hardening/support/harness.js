"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Harness = exports.RAW_TRANSPORTS = void 0;
exports.modeOf = modeOf;
const chai_1 = require("chai");
const io_1 = require("../../support/io");
/** The two raw transports an offender uses; the bystander uses the official client over the same one. */
exports.RAW_TRANSPORTS = ['websocket', 'polling'];
function modeOf(transport) {
    return io_1.TRANSPORT_MODES.find((mode) => mode.name === transport);
}
/**
 * A server, a bystander and a record of how every Engine.IO session ended. The bystander is an official client
 * connected to `/` for the whole test: `assertBystanderHealthy()` proves it received every tick sent to it, in
 * order, and that its acks are still answered, i.e. nothing the offender did reached it.
 */
class Harness {
    constructor() {
        this.pool = new io_1.ClientPool();
        /** How each engine session ended, by session id. */
        this.closeReasons = new Map();
        /** Why each namespace socket ended, by engine session id (the last one of that session). */
        this.socketReasons = new Map();
        /** Errors that escaped to the process during the test. */
        this.escaped = [];
        /** Errors reported through the server's logger. */
        this.logged = [];
        this.#ticks = [];
        this.#sentTicks = 0;
        this.#onEscape = (err) => this.escaped.push(err);
    }
    #ticks;
    #sentTicks;
    #onEscape;
    static async start(transport, options = {}) {
        const harness = new Harness();
        process.on('uncaughtException', harness.#onEscape);
        process.on('unhandledRejection', harness.#onEscape);
        harness.server = await (0, io_1.startServer)({ logger: { error: (_message, err) => harness.logged.push(err) }, ...options });
        harness.server.engine.on('connection', (conn) => {
            conn.on('close', (reason) => harness.closeReasons.set(conn.id, reason));
        });
        harness.server.on('echo', (value) => value);
        harness.server.of('/').on('connection', (socket) => {
            socket.on('disconnect', (reason) => harness.socketReasons.set(socket.conn.id, reason));
        });
        const mode = typeof transport === 'string' ? modeOf(transport) : transport;
        const bystanderSocket = new Promise((resolve) => harness.server.of('/').on('connection', (socket) => {
            if (socket.handshake.query.bystander === '1')
                resolve(socket);
        }));
        harness.bystander = await harness.pool.connect(harness.server, '/', mode, { query: { bystander: '1' } });
        harness.bystanderSocket = await bystanderSocket;
        harness.bystander.on('tick', (n) => harness.#ticks.push(n));
        harness.tick();
        return harness;
    }
    /** Sends the bystander its next tick. */
    tick() {
        this.bystanderSocket.emit('tick', ++this.#sentTicks);
    }
    /** Asserts the bystander is still connected, got every tick in order, and gets ack answers. */
    async assertBystanderHealthy() {
        this.tick();
        const expected = Array.from({ length: this.#sentTicks }, (_, i) => i + 1);
        await (0, io_1.until)(() => this.#ticks.length >= expected.length, `bystander ticks (${this.#ticks.length}/${expected.length})`);
        (0, chai_1.expect)(this.#ticks).to.deep.equal(expected);
        (0, chai_1.expect)(this.bystander.connected).to.equal(true);
        const answer = await this.bystander.timeout(3000).emitWithAck('echo', 'still here');
        (0, chai_1.expect)(answer).to.equal('still here');
    }
    /** Waits until the engine session `sid` ended and returns its reason. */
    async closeReasonOf(sid) {
        await (0, io_1.until)(() => this.closeReasons.has(sid), `session ${sid} to close`);
        return this.closeReasons.get(sid);
    }
    /** Waits until a namespace socket of session `sid` ended and returns its reason. */
    async socketReasonOf(sid) {
        await (0, io_1.until)(() => this.socketReasons.has(sid), `the socket of session ${sid} to disconnect`);
        return this.socketReasons.get(sid);
    }
    /** The engine session id of the only session that is not the bystander's. */
    offenderSid() {
        const bystanderSid = this.bystanderSocket.conn.id;
        const sids = [...this.server.engine.clients.keys(), ...this.closeReasons.keys()].filter((sid) => sid !== bystanderSid);
        return sids[sids.length - 1];
    }
    async stop() {
        await this.pool.closeAll();
        await this.server.close();
        process.off('uncaughtException', this.#onEscape);
        process.off('unhandledRejection', this.#onEscape);
    }
    assertNothingEscaped() {
        (0, chai_1.expect)(this.escaped, 'errors that escaped to the process').to.deep.equal([]);
    }
}
exports.Harness = Harness;
//# sourceMappingURL=harness.js.map