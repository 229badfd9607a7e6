"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_http_1 = require("node:http");
const chai_1 = require("chai");
const errors_1 = require("../../src/errors");
const server_1 = require("../../src/server");
const harness_1 = require("./support/harness");
const offender_1 = require("./support/offender");
const raw_hostile_client_1 = require("../support/raw-hostile-client");
const io_1 = require("../support/io");
/**
 * Every limit with its documented default, and what a client that goes past it sees. The bystander shares the
 * server with the offender and must not notice.
 */
describe('Limits', () => {
    describe('defaults', () => {
        it('documents maxHttpBufferSize 1e6, maxAttachments 10, maxPendingAcks 1000, connectTimeout 45000, upgradeTimeout 10000', () => {
            const server = new server_1.Server({ logger: false });
            (0, chai_1.expect)(server.engine.settings.maxHttpBufferSize).to.equal(1e6);
            (0, chai_1.expect)(server.maxAttachments).to.equal(10);
            (0, chai_1.expect)(server.maxPendingAcks).to.equal(1000);
            (0, chai_1.expect)(server.connectTimeout).to.equal(45_000);
            (0, chai_1.expect)(server.engine.settings.upgradeTimeout).to.equal(10_000);
            (0, chai_1.expect)(server.engine.settings.pingInterval + server.engine.settings.pingTimeout).to.equal(45_000);
        });
        it('refuses a maxPendingAcks that is not a positive integer', () => {
            for (const maxPendingAcks of [0, -1, 1.5, Number.NaN]) {
                (0, chai_1.expect)(() => new server_1.Server({ logger: false, maxPendingAcks }))
                    .to.throw(/maxPendingAcks must be a positive integer/)
                    .with.property('code', 'CLASSIO_ERR_CONFIG');
            }
        });
    });
    for (const transport of harness_1.RAW_TRANSPORTS) {
        describe(`maxHttpBufferSize (${transport})`, () => {
            let harness;
            before(async () => {
                harness = await harness_1.Harness.start(transport, { maxHttpBufferSize: 1000 });
            });
            after(async () => {
                await harness.stop();
            });
            it('announces maxPayload in the open packet', async () => {
                const raw = await raw_hostile_client_1.RawPolling.open(harness.server.port);
                (0, chai_1.expect)(raw.open.maxPayload).to.equal(1000);
            });
            it('accepts a message of exactly the limit', async () => {
                const offender = await (0, offender_1.openOffender)(transport, harness.server.port);
                // websocket: the frame is the packet; polling: the POST body is the payload.
                const filler = 'x'.repeat(1000 - '42["echo",""]'.length);
                await offender.send(`42["echo","${filler}"]`);
                await harness.assertBystanderHealthy();
                (0, chai_1.expect)(await offender.isAlive()).to.equal(true);
                offender.close();
            });
            it('closes only the offender, with "message too large", one byte over the limit', async () => {
                const offender = await (0, offender_1.openOffender)(transport, harness.server.port);
                const filler = 'x'.repeat(1001 - '42["echo",""]'.length);
                const answer = await offender.send(`42["echo","${filler}"]`);
                if (transport === 'polling')
                    (0, chai_1.expect)(answer.status).to.be.oneOf([413, 0]);
                (0, chai_1.expect)(await harness.closeReasonOf(offender.sid)).to.equal('message too large');
                await harness.assertBystanderHealthy();
            });
            if (transport === 'websocket') {
                it('closes with websocket code 1009 (message too big)', async () => {
                    const raw = await raw_hostile_client_1.RawWebSocket.connect(harness.server.port);
                    raw.send(`4${'x'.repeat(2000)}`);
                    (0, chai_1.expect)(await raw.closed).to.equal(1009);
                    await harness.assertBystanderHealthy();
                });
            }
            else {
                it('answers 413 to a POST whose Content-Length is over the limit, before reading the body', async () => {
                    const raw = await raw_hostile_client_1.RawPolling.connect(harness.server.port);
                    const answer = await raw.post('4'.padEnd(5000, 'x'));
                    (0, chai_1.expect)(answer.status).to.be.oneOf([413, 0]);
                    (0, chai_1.expect)(await harness.closeReasonOf(raw.sid)).to.equal('message too large');
                    await harness.assertBystanderHealthy();
                });
                it('answers 413 to a chunked POST body (no Content-Length) that grows over the limit', async () => {
                    const raw = await raw_hostile_client_1.RawPolling.connect(harness.server.port);
                    const answer = await new Promise((resolve) => {
                        const req = (0, node_http_1.request)({ host: '127.0.0.1', port: harness.server.port, method: 'POST', path: raw.path, agent: false }, (res) => {
                            res.resume();
                            resolve(res.statusCode ?? 0);
                        });
                        req.on('error', () => resolve(0));
                        for (let i = 0; i < 10; i++)
                            req.write('4'.padEnd(300, 'y'));
                        req.end();
                    });
                    (0, chai_1.expect)(answer).to.be.oneOf([413, 0]);
                    (0, chai_1.expect)(await harness.closeReasonOf(raw.sid)).to.equal('message too large');
                    await harness.assertBystanderHealthy();
                });
            }
        });
        describe(`maxAttachments (${transport})`, () => {
            let harness;
            const received = [];
            before(async () => {
                harness = await harness_1.Harness.start(transport, { maxAttachments: 2 });
                harness.server.on('files', (...args) => void received.push(args));
            });
            after(async () => {
                await harness.stop();
            });
            const placeholders = (n) => Array.from({ length: n }, (_, i) => `{"_placeholder":true,"num":${i}}`).join(',');
            it('accepts a packet with maxAttachments attachments', async () => {
                const offender = await (0, offender_1.openOffender)(transport, harness.server.port);
                await offender.send(`452-["files",${placeholders(2)}]`, Buffer.from([1]), Buffer.from([2]));
                await (0, io_1.until)(() => received.length === 1, 'the event with two attachments');
                (0, chai_1.expect)(received[0].map((b) => [...b])).to.deep.equal([[1], [2]]);
                offender.close();
            });
            it('ends the connection with "parse error" when a packet announces one more', async () => {
                const offender = await (0, offender_1.openOffender)(transport, harness.server.port);
                await offender.send(`453-["files",${placeholders(3)}]`, Buffer.from([1]), Buffer.from([2]), Buffer.from([3]));
                (0, chai_1.expect)(await harness.socketReasonOf(offender.sid)).to.equal('parse error');
                await offender.closed();
                (0, chai_1.expect)(received).to.have.length(1);
                await harness.assertBystanderHealthy();
            });
        });
        describe(`connectTimeout (${transport})`, () => {
            let harness;
            before(async () => {
                harness = await harness_1.Harness.start(transport, { connectTimeout: 150 });
            });
            after(async () => {
                await harness.stop();
            });
            it('closes a session that never sends CONNECT after connectTimeout', async () => {
                const offender = await (0, offender_1.openOffender)(transport, harness.server.port, false);
                await offender.closed();
                (0, chai_1.expect)(harness.closeReasons.get(offender.sid)).to.be.oneOf(['forced close', 'transport close']);
                // The bystander joined a namespace long ago: the timeout never applies to it.
                await harness.assertBystanderHealthy();
            });
            it('keeps a session that joined a namespace in time', async () => {
                const offender = await (0, offender_1.openOffender)(transport, harness.server.port, true);
                await new Promise((resolve) => setTimeout(resolve, 300));
                (0, chai_1.expect)(await offender.isAlive()).to.equal(true);
                offender.close();
            });
        });
    }
    describe('upgradeTimeout', () => {
        let harness;
        before(async () => {
            harness = await harness_1.Harness.start('polling', { upgradeTimeout: 150 });
        });
        after(async () => {
            await harness.stop();
        });
        it('drops a probe that never completes the upgrade and keeps the polling session', async () => {
            const polling = await raw_hostile_client_1.RawPolling.connect(harness.server.port);
            const probe = new raw_hostile_client_1.RawWebSocket(harness.server.port, `&sid=${encodeURIComponent(polling.sid)}`);
            await new Promise((resolve) => probe.ws.once('open', resolve));
            probe.send('2probe');
            await probe.next((frame) => frame === '3probe');
            // No '5': after upgradeTimeout the server closes the probe.
            await probe.closed;
            (0, chai_1.expect)(harness.server.engine.clients.get(polling.sid)?.transportName).to.equal('polling');
            (0, chai_1.expect)((await polling.post('42["echo","x"]')).status).to.equal(200);
            await harness.assertBystanderHealthy();
        });
        it('refuses a second upgrade probe while one is in progress', async () => {
            const polling = await raw_hostile_client_1.RawPolling.connect(harness.server.port);
            const first = new raw_hostile_client_1.RawWebSocket(harness.server.port, `&sid=${encodeURIComponent(polling.sid)}`);
            await new Promise((resolve) => first.ws.once('open', resolve));
            const second = new raw_hostile_client_1.RawWebSocket(harness.server.port, `&sid=${encodeURIComponent(polling.sid)}`);
            await second.closed;
            first.close();
            await harness.assertBystanderHealthy();
        });
    });
    describe('maxPendingAcks', () => {
        let harness;
        let silent;
        before(async () => {
            harness = await harness_1.Harness.start('websocket', { maxPendingAcks: 3 });
        });
        after(async () => {
            await harness.stop();
        });
        beforeEach(async () => {
            const connected = new Promise((resolve) => harness.server.of('/').on('connection', (socket) => {
                if (socket.handshake.query.silent === '1')
                    resolve(socket);
            }));
            // A client that receives 'question' and never answers its ack.
            const client = await harness.pool.connect(harness.server, '/', (0, harness_1.modeOf)('websocket'), { query: { silent: '1' } });
            client.on('question', () => undefined);
            client.on('answered', (ack) => ack('yes'));
            silent = await connected;
        });
        afterEach(() => {
            silent.disconnect(true);
        });
        it('refuses the ack past the cap with AckLimitError and sends nothing', () => {
            for (let i = 0; i < 3; i++)
                silent.emit('question', () => undefined);
            (0, chai_1.expect)(silent.pendingAckCount).to.equal(3);
            (0, chai_1.expect)(() => silent.emit('question', () => undefined))
                .to.throw(errors_1.AckLimitError, `socket ${silent.id} of / already awaits 3 acks (maxPendingAcks)`)
                .with.property('code', 'CLASSIO_ERR_ACK_LIMIT');
            (0, chai_1.expect)(() => silent.timeout(1000).emit('question', () => undefined)).to.throw(errors_1.AckLimitError);
            (0, chai_1.expect)(silent.pendingAckCount).to.equal(3);
        });
        it('rejects emitWithAck past the cap', async () => {
            for (let i = 0; i < 3; i++)
                silent.timeout(5000).emit('question', () => undefined);
            const error = await silent.emitWithAck('question').then(() => null, (err) => err);
            (0, chai_1.expect)(error).to.be.instanceOf(errors_1.AckLimitError);
            (0, chai_1.expect)(error.code).to.equal('CLASSIO_ERR_ACK_LIMIT');
        });
        it('accepts new acks once answers free slots', async () => {
            for (let i = 0; i < 2; i++)
                silent.emit('question', () => undefined);
            (0, chai_1.expect)(await silent.timeout(2000).emitWithAck('answered')).to.equal('yes');
            (0, chai_1.expect)(await silent.timeout(2000).emitWithAck('answered')).to.equal('yes');
            (0, chai_1.expect)(silent.pendingAckCount).to.equal(2);
        });
        it('leaves a socket at its cap out of a broadcast with acks, and still answers the others', async () => {
            for (let i = 0; i < 3; i++)
                silent.emit('question', () => undefined);
            harness.bystander.on('poll', (ack) => ack('bystander'));
            const answers = await harness.server.timeout(2000).emitWithAck('poll');
            (0, chai_1.expect)(answers).to.deep.equal(['bystander']);
            await harness.assertBystanderHealthy();
        });
    });
});
//# sourceMappingURL=limits.test.js.map