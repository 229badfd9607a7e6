"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const server_1 = require("../../src/server");
const harness_1 = require("./support/harness");
const raw_hostile_client_1 = require("../support/raw-hostile-client");
const io_1 = require("../support/io");
/**
 * Clients that stop reading or stop answering. A reader that stalls while the server broadcasts is dropped with
 * `slow consumer` once what waits for it passes `maxBufferedBytes`; a client that stops answering pings is dropped
 * with `ping timeout` after pingInterval + pingTimeout. Healthy clients in the same room keep everything.
 */
const CHUNK = 'x'.repeat(64 * 1024);
describe('Slow consumers', () => {
    it('documents maxBufferedBytes: 10 MiB by default, a positive number', () => {
        (0, chai_1.expect)(new server_1.Server({ logger: false }).engine.settings.maxBufferedBytes).to.equal(10 * 1024 * 1024);
        (0, chai_1.expect)(() => new server_1.Server({ logger: false, maxBufferedBytes: 0 })).to.throw(/maxBufferedBytes/);
    });
    describe('websocket', () => {
        let harness;
        before(async () => {
            harness = await harness_1.Harness.start('websocket', { maxBufferedBytes: 1024 * 1024 });
            harness.server.of('/').on('connection', (socket) => {
                if (socket.handshake.query.firehose === '1')
                    socket.join('firehose');
            });
        });
        after(async () => {
            await harness.stop();
        });
        it('drops a reader that stalls during a broadcast with "slow consumer"; a healthy reader in the room gets everything', async () => {
            const stalled = await (0, raw_hostile_client_1.openStalledWebSocket)(harness.server.port, '&firehose=1');
            const healthy = await raw_hostile_client_1.RawWebSocket.open(harness.server.port, '&firehose=1');
            healthy.send('40');
            await (0, io_1.until)(() => harness.server.of('/').adapter.rooms.get('firehose')?.size === 2, 'both readers in the room');
            let sent = 0;
            // Loopback kernel buffers take several MiB before the server's own buffers grow: keep sending until the
            // bound trips (64 MiB at most), yielding so that the healthy reader drains.
            while (!harness.closeReasons.has(stalled.sid) && sent < 1024) {
                harness.server.to('firehose').emit('data', CHUNK);
                sent++;
                if (sent % 4 === 0)
                    await new Promise((resolve) => setImmediate(resolve));
            }
            (0, chai_1.expect)(await harness.closeReasonOf(stalled.sid)).to.equal('slow consumer');
            (0, chai_1.expect)(await harness.socketReasonOf(stalled.sid)).to.equal('slow consumer');
            (0, chai_1.expect)(harness.server.engine.clients.has(stalled.sid)).to.equal(false);
            (0, chai_1.expect)(harness.server.of('/').adapter.rooms.get('firehose')?.size).to.equal(1);
            const count = () => healthy.frames.filter((frame) => typeof frame === 'string' && frame.startsWith('42["data"')).length;
            await (0, io_1.until)(() => count() === sent, `the healthy reader to get all ${sent} chunks (${count()})`, 10_000);
            await harness.assertBystanderHealthy();
            stalled.socket.destroy();
            healthy.close();
        });
    });
    describe('polling', () => {
        let harness;
        before(async () => {
            harness = await harness_1.Harness.start('polling', { maxBufferedBytes: 1024 * 1024 });
        });
        after(async () => {
            await harness.stop();
        });
        it('drops a session that stops polling once its queue passes maxBufferedBytes', async () => {
            const raw = await raw_hostile_client_1.RawPolling.connect(harness.server.port);
            const socket = [...harness.server.of('/').sockets.values()].find((s) => s.conn.id === raw.sid);
            let sent = 0;
            while (!harness.closeReasons.has(raw.sid) && sent < 100) {
                socket.emit('data', CHUNK);
                sent++;
                await new Promise((resolve) => setImmediate(resolve));
            }
            (0, chai_1.expect)(await harness.closeReasonOf(raw.sid)).to.equal('slow consumer');
            // Each packet is '2["data","…"]': the first one to take the queue past 1 MiB is the last sent.
            const packetSize = '2["data",""]'.length + CHUNK.length;
            (0, chai_1.expect)(sent).to.equal(Math.floor((1024 * 1024) / packetSize) + 1);
            const answer = await raw.poll().then(() => 'answered', (err) => err.message);
            (0, chai_1.expect)(answer).to.match(/^poll answered 400/);
            await harness.assertBystanderHealthy();
        });
    });
    describe('heartbeat', () => {
        let harness;
        before(async () => {
            harness = await harness_1.Harness.start('websocket', { pingInterval: 100, pingTimeout: 100 });
        });
        after(async () => {
            await harness.stop();
        });
        it('drops a websocket client that stops answering pings after pingInterval + pingTimeout', async () => {
            // Taken before connecting: the server starts its heartbeat when it opens the session, which a busy machine
            // can take many milliseconds to report, so a start taken after `connect` would not bound the wait.
            const start = Date.now();
            const raw = await raw_hostile_client_1.RawWebSocket.connect(harness.server.port);
            raw.shouldAnswerPings = false;
            (0, chai_1.expect)(await harness.closeReasonOf(raw.sid)).to.equal('ping timeout');
            // Lower bound only (timers never fire much early): the client had its full pingInterval + pingTimeout.
            (0, chai_1.expect)(Date.now() - start).to.be.at.least(190);
            await harness.assertBystanderHealthy();
        });
        it('drops a polling client that stops polling with "ping timeout"', async () => {
            const raw = await raw_hostile_client_1.RawPolling.connect(harness.server.port);
            (0, chai_1.expect)(await harness.closeReasonOf(raw.sid)).to.equal('ping timeout');
            await harness.assertBystanderHealthy();
        });
        it('keeps a client that answers pings', async () => {
            const raw = await raw_hostile_client_1.RawWebSocket.connect(harness.server.port);
            await raw.next((frame) => frame === '2');
            await new Promise((resolve) => setTimeout(resolve, 450));
            (0, chai_1.expect)(raw.isOpen).to.equal(true);
            (0, chai_1.expect)(harness.closeReasons.has(raw.sid)).to.equal(false);
            raw.close();
        });
    });
});
//# sourceMappingURL=slow-consumer.test.js.map