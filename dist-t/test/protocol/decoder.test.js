"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const decoder_1 = require("../../src/protocol/decoder");
const packet_1 = require("../../src/protocol/packet");
/** Records what a decoder hands its sink, in order. */
class RecordingSink {
    constructor() {
        this.calls = [];
        this.onPacketHook = null;
    }
    onPacket(packet) {
        this.calls.push(['packet', packet]);
        this.onPacketHook?.(packet);
    }
    onParseError(reason) {
        this.calls.push(['parse error', reason]);
    }
}
function decodeAll(messages, maxAttachments = 10) {
    const sink = new RecordingSink();
    const decoder = new decoder_1.PacketDecoder(sink, maxAttachments);
    for (const message of messages)
        decoder.add(message);
    decoder.destroy();
    return sink.calls;
}
/** A packet without its undefined fields (the fast path always sets `id`, the parser only when present). */
function defined(packet) {
    return Object.fromEntries(Object.entries(packet).filter(([, value]) => value !== undefined));
}
describe('PacketDecoder', () => {
    describe('#add', () => {
        it('hands a plain text event to the sink', () => {
            const [[kind, packet]] = decodeAll(['2/chat,7["message",{"a":1}]']);
            (0, chai_1.expect)(kind).to.equal('packet');
            (0, chai_1.expect)(defined(packet)).to.deep.equal({
                type: packet_1.PacketType.EVENT,
                nsp: '/chat',
                id: 7,
                data: ['message', { a: 1 }],
            });
        });
        it('hands the packets the fast path declines to socket.io-parser (CONNECT, DISCONNECT)', () => {
            const calls = decodeAll(['0/chat,{"token":"t"}', '1/chat,']);
            (0, chai_1.expect)(calls.map(([, packet]) => defined(packet))).to.deep.equal([
                { type: packet_1.PacketType.CONNECT, nsp: '/chat', data: { token: 't' } },
                { type: packet_1.PacketType.DISCONNECT, nsp: '/chat' },
            ]);
        });
        it('hands a binary event over once its last attachment arrived', () => {
            const sink = new RecordingSink();
            const decoder = new decoder_1.PacketDecoder(sink, 10);
            decoder.add('52-["upload",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]');
            decoder.add(Buffer.from([1]));
            (0, chai_1.expect)(sink.calls).to.deep.equal([]);
            decoder.add(Buffer.from([2]));
            (0, chai_1.expect)(sink.calls).to.have.length(1);
            const [kind, packet] = sink.calls[0];
            (0, chai_1.expect)(kind).to.equal('packet');
            // socket.io-parser hands a reconstructed binary event on as an EVENT whose data holds the attachments.
            (0, chai_1.expect)(packet.type).to.equal(packet_1.PacketType.EVENT);
            (0, chai_1.expect)(packet.data).to.deep.equal(['upload', Buffer.from([1]), Buffer.from([2])]);
            decoder.destroy();
        });
        it('reports a malformed message as a parse error with the reason', () => {
            (0, chai_1.expect)(decodeAll(['2["echo",{"a":'])).to.deep.equal([['parse error', 'invalid payload']]);
        });
        it('reports more attachments than allowed as a parse error', () => {
            const calls = decodeAll(['53-["upload",{"_placeholder":true,"num":0}]'], 2);
            (0, chai_1.expect)(calls).to.deep.equal([['parse error', 'too many attachments']]);
        });
        it('reports what socket.io-parser lets through but is not sound as a parse error', () => {
            const unsound = 'an ack id past Number.MAX_SAFE_INTEGER or a non-string event name';
            (0, chai_1.expect)(decodeAll(['299999999999999999999999["echo"]'])).to.deep.equal([['parse error', unsound]]);
            (0, chai_1.expect)(decodeAll(['2[1,"x"]'])).to.deep.equal([['parse error', unsound]]);
            (0, chai_1.expect)(decodeAll(['2/chat,'])).to.deep.equal([['parse error', unsound]]);
        });
        it("hands each connection its own packets when one decodes from within another one's onPacket", () => {
            // In-memory connections deliver synchronously: a sink may feed another connection from within its onPacket.
            const inner = new RecordingSink();
            const innerDecoder = new decoder_1.PacketDecoder(inner, 10);
            const outer = new RecordingSink();
            outer.onPacketHook = () => innerDecoder.add('1/inner,');
            const outerDecoder = new decoder_1.PacketDecoder(outer, 10);
            outerDecoder.add('0/outer,');
            outerDecoder.add('1/outer,');
            (0, chai_1.expect)(outer.calls.map(([, packet]) => packet.nsp)).to.deep.equal(['/outer', '/outer']);
            (0, chai_1.expect)(inner.calls.map(([, packet]) => packet.nsp)).to.deep.equal(['/inner', '/inner']);
        });
    });
    describe('#destroy', () => {
        it('drops a binary packet still waiting for its attachments', () => {
            const sink = new RecordingSink();
            const decoder = new decoder_1.PacketDecoder(sink, 10);
            decoder.add('51-["upload",{"_placeholder":true,"num":0}]');
            decoder.destroy();
            decoder.add('2["after"]');
            (0, chai_1.expect)(sink.calls.map(([, packet]) => packet.data)).to.deep.equal([['after']]);
        });
    });
});
describe('isPacketSound', () => {
    it('accepts events with a string name and any other packet type', () => {
        (0, chai_1.expect)((0, decoder_1.isPacketSound)({ type: packet_1.PacketType.EVENT, nsp: '/', data: ['x'] })).to.equal(true);
        (0, chai_1.expect)((0, decoder_1.isPacketSound)({ type: packet_1.PacketType.ACK, nsp: '/', id: 3, data: [] })).to.equal(true);
        (0, chai_1.expect)((0, decoder_1.isPacketSound)({ type: packet_1.PacketType.CONNECT, nsp: '/' })).to.equal(true);
    });
    it('refuses an unsafe ack id and an event without a string name', () => {
        (0, chai_1.expect)((0, decoder_1.isPacketSound)({ type: packet_1.PacketType.ACK, nsp: '/', id: 1e23, data: [] })).to.equal(false);
        (0, chai_1.expect)((0, decoder_1.isPacketSound)({ type: packet_1.PacketType.EVENT, nsp: '/', data: [1] })).to.equal(false);
        (0, chai_1.expect)((0, decoder_1.isPacketSound)({ type: packet_1.PacketType.BINARY_EVENT, nsp: '/', data: undefined })).to.equal(false);
    });
});
//# sourceMappingURL=decoder.test.js.map