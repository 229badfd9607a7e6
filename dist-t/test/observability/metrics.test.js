"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const class_validator_1 = require("class-validator");
const tsyringe_1 = require("tsyringe");
const server_1 = require("../../src/server");
const src_1 = require("../../src");
const errors_1 = require("../../src/errors");
const io_1 = require("../support/io");
const raw_hostile_client_1 = require("../support/raw-hostile-client");
const support_1 = require("../runtime/support");
const errors_2 = require("../support/errors");
const support_2 = require("./support");
const [WEBSOCKET, POLLING] = io_1.TRANSPORT_MODES;
class Line {
}
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], Line.prototype, "text", void 0);
let Chat = class Chat {
    say(line) {
        return line.text.length;
    }
    fail() {
        throw new Error('boom');
    }
    async ask(socket) {
        try {
            await socket.timeout(200).emitWithAck('question');
            return 'answered';
        }
        catch {
            return 'timed out';
        }
    }
};
__decorate([
    (0, src_1.On)('say'),
    __param(0, (0, src_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Line]),
    __metadata("design:returntype", Number)
], Chat.prototype, "say", null);
__decorate([
    (0, src_1.On)('fail'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], Chat.prototype, "fail", null);
__decorate([
    (0, src_1.On)('ask'),
    __param(0, (0, src_1.ConnectedSocket)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function]),
    __metadata("design:returntype", Promise)
], Chat.prototype, "ask", null);
Chat = __decorate([
    (0, src_1.Namespace)('/chat')
], Chat);
/** Each metric's OpenTelemetry name and Prometheus name. */
const NAMES = {
    received: ['classio.events.received', 'classio_events_received_total'],
    duration: ['classio.handler.duration', 'classio_handler_duration_seconds'],
    errors: ['classio.handler.errors', 'classio_handler_errors_total'],
    acksAnswered: ['classio.acks.answered', 'classio_acks_answered_total'],
    acksTimedOut: ['classio.acks.timed_out', 'classio_acks_timed_out_total'],
    connections: ['classio.connections', 'classio_connections'],
    sockets: ['classio.sockets', 'classio_sockets'],
    connects: ['classio.connects', 'classio_connects_total'],
    disconnects: ['classio.disconnects', 'classio_disconnects_total'],
    bytesIn: ['classio.transport.received', 'classio_transport_received_bytes_total'],
    bytesOut: ['classio.transport.sent', 'classio_transport_sent_bytes_total'],
    broadcasts: ['classio.broadcasts', 'classio_broadcasts_total'],
    deliveries: ['classio.broadcast.deliveries', 'classio_broadcast_deliveries_total'],
    adapterRequests: ['classio.adapter.requests', 'classio_adapter_requests_total'],
    adapterDuration: ['classio.adapter.request.duration', 'classio_adapter_request_duration_seconds'],
    outages: ['classio.cluster.outages', 'classio_cluster_outages_total'],
};
const CHUNK = 'x'.repeat(16 * 1024);
describe('Metrics', () => {
    let server;
    let reader;
    const clients = new io_1.ClientPool();
    beforeEach(async () => {
        const otel = (0, support_2.createOtelMetrics)();
        reader = otel.reader;
        server = new server_1.Server({
            logger: false,
            container: tsyringe_1.container.createChildContainer(),
            metrics: { openTelemetry: otel.provider, prometheus: true },
            maxBufferedBytes: 64 * 1024,
        });
        server.register(Chat);
        server.of('/chat').use((socket, next) => next(socket.handshake.auth.name ? undefined : new Error('who are you?')));
        await server.listen(0);
    });
    afterEach(async () => {
        await clients.closeAll();
        await server.close();
    });
    /**
     * Connects, events, a failing handler, a validation error, an unknown event, an ack answered and one timed out,
     * a broadcast, an adapter request, a client leaving and a slow consumer dropped.
     */
    async function playSession() {
        const alice = await clients.connect(server, '/chat', WEBSOCKET, { auth: { name: 'alice' } });
        const bob = await clients.connect(server, '/chat', POLLING, { auth: { name: 'bob' } });
        const stranger = clients.open(server, '/chat', WEBSOCKET);
        await (0, io_1.nextEvent)(stranger, 'connect_error');
        stranger.close();
        (0, chai_1.expect)(await (0, support_1.request)(alice, 'say', { text: 'hello' })).to.equal(5);
        (0, chai_1.expect)(await (0, support_1.request)(alice, 'say', { text: 42 })).to.have.nested.property('error.code', 'CLASSIO_ERR_VALIDATION');
        (0, chai_1.expect)(await (0, support_1.request)(alice, 'fail')).to.have.nested.property('error.code', 'CLASSIO_ERR_HANDLER');
        (0, chai_1.expect)(await (0, support_1.request)(alice, 'no such event')).to.have.nested.property('error.code', 'CLASSIO_ERR_UNKNOWN_EVENT');
        alice.on('question', (answer) => answer('yes'));
        (0, chai_1.expect)(await (0, support_1.request)(alice, 'ask')).to.equal('answered');
        (0, chai_1.expect)(await (0, support_1.request)(bob, 'ask')).to.equal('timed out');
        const news = Promise.all([(0, io_1.nextEvent)(alice, 'news'), (0, io_1.nextEvent)(bob, 'news')]);
        server.of('/chat').emit('news', 'extra');
        await news;
        (0, chai_1.expect)(await server.of('/chat').fetchSockets()).to.have.length(2);
        bob.disconnect();
        await (0, io_1.until)(() => server.of('/chat').sockets.size === 1, 'bob to leave /chat');
        const stalled = await raw_hostile_client_1.RawPolling.connect(server.port);
        const socket = [...server.of('/').sockets.values()].find((s) => s.conn.id === stalled.sid);
        for (let sent = 0; !socket.disconnected && sent < 64; sent++) {
            socket.emit('data', CHUNK);
            await new Promise((resolve) => setImmediate(resolve));
        }
        await (0, io_1.until)(() => server.of('/').sockets.size === 0, 'the stalled reader to be dropped');
        await (0, io_1.until)(() => server.engine.clientsCount === 1, 'only alice to stay connected');
    }
    function checkSession(snapshot, backend) {
        const value = (key, labels = {}) => (0, support_2.valueOf)(snapshot, NAMES[key][backend], labels);
        const chat = (event) => ({ namespace: '/chat', event });
        (0, chai_1.expect)(value('received', chat('say'))).to.equal(2);
        (0, chai_1.expect)(value('received', chat('fail'))).to.equal(1);
        (0, chai_1.expect)(value('received', chat('ask'))).to.equal(2);
        (0, chai_1.expect)(value('received', chat('(unknown)'))).to.equal(1);
        (0, chai_1.expect)(value('duration', chat('say'))).to.equal(2);
        (0, chai_1.expect)(value('duration', chat('ask'))).to.equal(2);
        (0, chai_1.expect)(value('errors', { ...chat('say'), code: 'CLASSIO_ERR_VALIDATION' })).to.equal(1);
        (0, chai_1.expect)(value('errors', { ...chat('fail'), code: 'CLASSIO_ERR_HANDLER' })).to.equal(1);
        (0, chai_1.expect)(value('errors', { ...chat('ask'), code: 'CLASSIO_ERR_HANDLER' })).to.equal(0);
        (0, chai_1.expect)(value('acksAnswered', chat('question'))).to.equal(1);
        (0, chai_1.expect)(value('acksTimedOut', chat('question'))).to.equal(1);
        (0, chai_1.expect)(value('connects', { namespace: '/chat', outcome: 'accepted' })).to.equal(2);
        (0, chai_1.expect)(value('connects', { namespace: '/chat', outcome: 'refused' })).to.equal(1);
        (0, chai_1.expect)(value('connects', { namespace: '/', outcome: 'accepted' })).to.equal(1);
        (0, chai_1.expect)(value('disconnects', { namespace: '/chat', reason: 'client namespace disconnect' })).to.equal(1);
        (0, chai_1.expect)(value('disconnects', { namespace: '/', reason: 'slow consumer' })).to.equal(1);
        (0, chai_1.expect)(value('connections')).to.equal(1);
        (0, chai_1.expect)(value('sockets', { namespace: '/chat' })).to.equal(1);
        (0, chai_1.expect)(value('sockets', { namespace: '/' })).to.equal(0);
        (0, chai_1.expect)(value('bytesIn', { transport: 'websocket' })).to.be.greaterThan(0);
        (0, chai_1.expect)(value('bytesIn', { transport: 'polling' })).to.be.greaterThan(0);
        // The stalled reader alone was sent more than maxBufferedBytes before it was dropped.
        (0, chai_1.expect)(value('bytesOut', { transport: 'polling' })).to.be.greaterThan(64 * 1024);
        (0, chai_1.expect)(value('bytesOut', { transport: 'websocket' })).to.be.greaterThan(0);
        (0, chai_1.expect)(value('broadcasts', { namespace: '/chat' })).to.equal(1);
        (0, chai_1.expect)(value('deliveries', { namespace: '/chat' })).to.equal(2);
        (0, chai_1.expect)(value('adapterRequests', { namespace: '/chat', kind: 'fetchSockets', outcome: 'ok' })).to.equal(1);
        (0, chai_1.expect)(value('adapterDuration', { namespace: '/chat', kind: 'fetchSockets' })).to.equal(1);
        (0, chai_1.expect)(value('outages')).to.equal(0);
    }
    it('records a scripted session through an OpenTelemetry meter provider', async () => {
        await playSession();
        checkSession(await (0, support_2.collectOtel)(reader), 0);
    });
    it('records the same session in a prom-client registry, served as Prometheus text', async () => {
        await playSession();
        const registry = server.metricsRegistry;
        checkSession(await (0, support_2.collectProm)(registry), 1);
        const text = await registry.metrics();
        (0, chai_1.expect)(text).to.include('# TYPE classio_handler_duration_seconds histogram');
        (0, chai_1.expect)(text).to.include('classio_events_received_total{namespace="/chat",event="say"} 2');
    });
    it('keeps one series for unknown events when a client sends 10,000 distinct names', async () => {
        const client = await clients.connect(server, '/chat', WEBSOCKET, { auth: { name: 'mallory' } });
        for (let i = 0; i < 10_000; i++)
            client.emit(`random-${i}`, i);
        (0, chai_1.expect)(await client.timeout(8000).emitWithAck('say', { text: 'sync' })).to.equal(4);
        for (const [snapshot, backend] of [
            [await (0, support_2.collectOtel)(reader), 0],
            [await (0, support_2.collectProm)(server.metricsRegistry), 1],
        ]) {
            const received = (0, support_2.seriesOf)(snapshot, NAMES.received[backend]);
            (0, chai_1.expect)(received.map((s) => s.labels.event).sort()).to.deep.equal(['(unknown)', 'say']);
            (0, chai_1.expect)((0, support_2.valueOf)(snapshot, NAMES.received[backend], { namespace: '/chat', event: '(unknown)' })).to.equal(10_000);
            // No other metric grew a label from what the client sent either.
            const events = new Set();
            for (const key of Object.keys(NAMES)) {
                for (const series of (0, support_2.seriesOf)(snapshot, NAMES[key][backend]))
                    events.add(series.labels.event);
            }
            (0, chai_1.expect)([...events].filter((e) => typeof e === 'string' && e.startsWith('random-'))).to.deep.equal([]);
        }
    });
});
describe('Metrics of a cluster', () => {
    let server;
    afterEach(async () => {
        await server?.close();
    });
    it('counts an outage of the message queue and logs it as a cluster fault', async () => {
        const otel = (0, support_2.createOtelMetrics)();
        const logged = [];
        // Port 1 refuses connections: the Redis adapter's first attempt fails at once.
        server = new server_1.Server({
            messageQueue: 'redis://127.0.0.1:1',
            channel: `classio-test-${process.pid}-${Date.now()}`,
            metrics: { openTelemetry: otel.provider },
            logger: { error: (...args) => logged.push(args) },
        });
        const outages = async () => (0, support_2.valueOf)(await (0, support_2.collectOtel)(otel.reader), 'classio.cluster.outages');
        const deadline = Date.now() + 5000;
        while ((await outages()) === 0 && Date.now() < deadline)
            await new Promise((r) => setTimeout(r, 20));
        (0, chai_1.expect)(await outages()).to.equal(1);
        (0, chai_1.expect)(logged[0][0]).to.equal('[classio] message queue unreachable');
    });
});
describe('Metrics options', () => {
    it('are off by default: nothing is instrumented', () => {
        const server = new server_1.Server({ logger: false, logLevel: 'silent' });
        (0, chai_1.expect)(server.instrumentation).to.equal(null);
        (0, chai_1.expect)(server.metricsRegistry).to.equal(null);
    });
    it('refuses a metrics value of the wrong type with CLASSIO_ERR_CONFIG', () => {
        const bad = [
            { metrics: 'yes' },
            { metrics: { prometheus: 'yes' } },
            { metrics: { openTelemetry: {} } },
            { metrics: { histogram: true } },
            { tracing: 1 },
            { tracing: { tracerProvider: {} } },
            { logLevel: 'verbose' },
            { logger: { log() { } } },
        ];
        for (const options of bad) {
            (0, errors_2.thrownBy)(() => new server_1.Server(options), errors_1.ConfigurationError, 'CLASSIO_ERR_CONFIG');
        }
    });
});
//# sourceMappingURL=metrics.test.js.map