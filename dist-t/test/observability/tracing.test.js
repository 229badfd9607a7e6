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
const api_1 = require("@opentelemetry/api");
const context_async_hooks_1 = require("@opentelemetry/context-async-hooks");
const sdk_trace_base_1 = require("@opentelemetry/sdk-trace-base");
const server_1 = require("../../src/server");
const src_1 = require("../../src");
const io_1 = require("../support/io");
const support_1 = require("../runtime/support");
const [WEBSOCKET, POLLING] = io_1.TRANSPORT_MODES;
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${CLIENT_SPAN_ID}-01`;
class Line {
}
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], Line.prototype, "text", void 0);
class MembersOnly {
    canActivate(context) {
        return context.auth.member === true;
    }
}
let Traced = class Traced {
    say(line) {
        return line.text.length;
    }
    async fail() {
        await new Promise((resolve) => setImmediate(resolve));
        throw new Error('boom');
    }
};
__decorate([
    (0, src_1.On)('say'),
    (0, src_1.UseGuards)(MembersOnly),
    __param(0, (0, src_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Line]),
    __metadata("design:returntype", Number)
], Traced.prototype, "say", null);
__decorate([
    (0, src_1.On)('fail'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], Traced.prototype, "fail", null);
Traced = __decorate([
    (0, src_1.Namespace)('/traced')
], Traced);
describe('Tracing', () => {
    let server;
    let exporter;
    const contextManager = new context_async_hooks_1.AsyncLocalStorageContextManager();
    const clients = new io_1.ClientPool();
    before(() => {
        // The context manager every OpenTelemetry Node setup registers: child spans find their parent through it.
        api_1.context.setGlobalContextManager(contextManager.enable());
    });
    after(() => {
        api_1.context.disable();
    });
    beforeEach(async () => {
        exporter = new sdk_trace_base_1.InMemorySpanExporter();
        const tracerProvider = new sdk_trace_base_1.BasicTracerProvider({ spanProcessors: [new sdk_trace_base_1.SimpleSpanProcessor(exporter)] });
        server = new server_1.Server({
            logger: false,
            container: tsyringe_1.container.createChildContainer(),
            tracing: { tracerProvider },
        });
        server.register(Traced);
        await server.listen(0);
    });
    afterEach(async () => {
        await clients.closeAll();
        await server.close();
    });
    const spans = () => exporter.getFinishedSpans();
    const named = (name) => spans().filter((span) => span.name === name);
    const childrenOf = (parent) => spans().filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);
    it('makes each handled event a span "<namespace> <event>", child of the traceparent sent in auth', async () => {
        const client = await clients.connect(server, '/traced', WEBSOCKET, {
            auth: { member: true, traceparent: TRACEPARENT },
        });
        (0, chai_1.expect)(await (0, support_1.request)(client, 'say', { text: 'hello' })).to.equal(5);
        client.emit('say', { text: 'no ack' });
        await (0, io_1.until)(() => named('/traced say').length === 2, 'both spans to end');
        const [withAck, withoutAck] = named('/traced say');
        const sid = [...server.of('/traced').sockets.keys()][0];
        (0, chai_1.expect)(withAck.attributes).to.deep.include({
            'classio.namespace': '/traced',
            'classio.event': 'say',
            'classio.sid': sid,
            'classio.transport': 'websocket',
            'classio.ack': true,
        });
        (0, chai_1.expect)(withoutAck.attributes['classio.ack']).to.equal(false);
        for (const span of [withAck, withoutAck]) {
            (0, chai_1.expect)(span.spanContext().traceId).to.equal(TRACE_ID);
            (0, chai_1.expect)(span.parentSpanContext?.spanId).to.equal(CLIENT_SPAN_ID);
            (0, chai_1.expect)(span.status.code).to.not.equal(api_1.SpanStatusCode.ERROR);
            (0, chai_1.expect)(childrenOf(span).map((child) => child.name)).to.deep.equal([
                'guard MembersOnly',
                'validation Traced.say #0',
            ]);
        }
    });
    it('reads the traceparent from the handshake headers too', async () => {
        const client = await clients.connect(server, '/traced', POLLING, {
            auth: { member: true },
            extraHeaders: { traceparent: TRACEPARENT },
        });
        (0, chai_1.expect)(await (0, support_1.request)(client, 'say', { text: 'hi' })).to.equal(2);
        const [span] = named('/traced say');
        (0, chai_1.expect)(span.spanContext().traceId).to.equal(TRACE_ID);
        (0, chai_1.expect)(span.parentSpanContext?.spanId).to.equal(CLIENT_SPAN_ID);
        (0, chai_1.expect)(span.attributes['classio.transport']).to.equal('polling');
    });
    it('marks failures with the error code on the event span and on the stage that failed', async () => {
        const member = await clients.connect(server, '/traced', WEBSOCKET, { auth: { member: true } });
        const guest = await clients.connect(server, '/traced', WEBSOCKET, { auth: {} });
        (0, chai_1.expect)(await (0, support_1.request)(member, 'say', { text: 7 })).to.have.nested.property('error.code', 'CLASSIO_ERR_VALIDATION');
        (0, chai_1.expect)(await (0, support_1.request)(member, 'fail')).to.have.nested.property('error.code', 'CLASSIO_ERR_HANDLER');
        (0, chai_1.expect)(await (0, support_1.request)(guest, 'say', { text: 'hi' })).to.have.nested.property('error.code', 'CLASSIO_ERR_FORBIDDEN');
        const [invalid, refused] = named('/traced say');
        (0, chai_1.expect)(invalid.attributes['classio.error.code']).to.equal('CLASSIO_ERR_VALIDATION');
        (0, chai_1.expect)(invalid.status.code).to.equal(api_1.SpanStatusCode.ERROR);
        const validation = childrenOf(invalid).find((span) => span.name === 'validation Traced.say #0');
        (0, chai_1.expect)(validation.attributes['classio.error.code']).to.equal('CLASSIO_ERR_VALIDATION');
        (0, chai_1.expect)(refused.attributes['classio.error.code']).to.equal('CLASSIO_ERR_FORBIDDEN');
        (0, chai_1.expect)(childrenOf(refused).map((span) => span.name)).to.deep.equal(['guard MembersOnly']);
        const [failed] = named('/traced fail');
        (0, chai_1.expect)(failed.attributes['classio.error.code']).to.equal('CLASSIO_ERR_HANDLER');
        (0, chai_1.expect)(failed.events.map((event) => event.name)).to.include('exception');
        // Without a traceparent, a connection's spans start their own trace.
        (0, chai_1.expect)(failed.parentSpanContext).to.equal(undefined);
    });
});
//# sourceMappingURL=tracing.test.js.map