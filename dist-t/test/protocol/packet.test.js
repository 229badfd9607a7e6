"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const fast_check_1 = __importDefault(require("fast-check"));
const socket_io_parser_1 = require("socket.io-parser");
const packet_1 = require("../../src/protocol/packet");
const errors_1 = require("../../src/errors");
/**
 * classio encodes events and acks without binary data itself and leaves the rest to socket.io-parser: both must
 * produce what socket.io-parser alone produces, byte for byte, including the choice between text and binary.
 */
const reference = new socket_io_parser_1.Encoder();
class WithToJson {
    constructor(value) {
        this.value = value;
    }
    toJSON() {
        return this.value;
    }
}
const payloads = [
    ['no arguments', ['tick']],
    ['primitives', ['evt', 1, 'two', true, null]],
    ['nested objects and arrays', ['evt', { a: [1, { b: 'c' }], d: { e: null } }]],
    ['a Date (toJSON to a string)', ['evt', new Date(0)]],
    ['unicode and quotes', ['evt', 'é"\\\n😀']],
    ['a Buffer', ['evt', Buffer.from([1, 2, 3])]],
    ['a Buffer deep in an object', ['evt', { a: [{ b: Buffer.from('x') }] }]],
    ['a Uint8Array', ['evt', new Uint8Array([1])]],
    ['an ArrayBuffer', ['evt', new ArrayBuffer(2)]],
    ['a DataView', ['evt', new DataView(new ArrayBuffer(1))]],
    ['toJSON returning a Buffer', ['evt', new WithToJson(Buffer.from('y'))]],
    ['toJSON returning plain data', ['evt', new WithToJson({ n: 1 })]],
    ['an inherited enumerable key holding a Buffer', ['evt', Object.create({ inherited: Buffer.from('z') })]],
];
/** The bytes of an attachment as socket.io-parser gives it (a Buffer, a view or an ArrayBuffer). */
function bytesOf(part) {
    if (ArrayBuffer.isView(part))
        return Buffer.from(part.buffer, part.byteOffset, part.byteLength);
    return Buffer.from(part);
}
describe('encodePacket', () => {
    for (const [label, data] of payloads) {
        it(`matches socket.io-parser for ${label}, as event and ack, with and without namespace and id`, () => {
            for (const type of [packet_1.PacketType.EVENT, packet_1.PacketType.ACK]) {
                for (const nsp of ['/', '/chat']) {
                    for (const id of [undefined, 0, 42]) {
                        const packet = { type, nsp, data: [...data], id };
                        // socket.io-parser passes attachments on as given; classio hands the engine their bytes as Buffers.
                        const expected = reference.encode({ ...packet, data: [...data] }).map((part, i) => i === 0 ? part : bytesOf(part));
                        const actual = (0, packet_1.encodePacket)(packet);
                        for (const part of actual.slice(1))
                            (0, chai_1.expect)(Buffer.isBuffer(part)).to.equal(true);
                        (0, chai_1.expect)(actual, `type ${type}, nsp ${nsp}, id ${String(id)}`).to.deep.equal(expected);
                    }
                }
            }
        });
    }
    it('refuses a Blob, whose bytes cannot be read synchronously, with a UsageError', () => {
        const packet = { type: packet_1.PacketType.EVENT, nsp: '/', data: ['evt', new Blob(['x'])] };
        (0, chai_1.expect)(() => (0, packet_1.encodePacket)(packet))
            .to.throw(errors_1.UsageError, 'a Blob cannot be emitted: send its bytes instead (Buffer.from(await blob.arrayBuffer()))')
            .with.property('code', 'CLASSIO_ERR_USAGE');
    });
    it('leaves the other packet types to socket.io-parser', () => {
        const packets = [
            { type: packet_1.PacketType.CONNECT, nsp: '/chat', data: { sid: 'abc' } },
            { type: packet_1.PacketType.DISCONNECT, nsp: '/chat' },
            { type: packet_1.PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'no' } },
        ];
        for (const packet of packets)
            (0, chai_1.expect)((0, packet_1.encodePacket)(packet)).to.deep.equal(reference.encode(packet));
    });
});
/** socket.io-parser's own decoding of one text packet: the packet, or the error it throws. */
function referenceDecode(text) {
    const decoder = new socket_io_parser_1.Decoder();
    let decoded = new Error('nothing decoded');
    decoder.on('decoded', (packet) => (decoded = packet));
    try {
        decoder.add(text);
    }
    catch (err) {
        decoded = err;
    }
    return decoded;
}
/** A packet without its undefined fields (classio's packets always carry `id`, the parser's only when set). */
function definedKeys(packet) {
    return Object.fromEntries(Object.entries(packet).filter(([, value]) => value !== undefined));
}
/** What decodeEventPacket takes must be what socket.io-parser makes of it; what it declines, the parser decides. */
function expectAgreement(text) {
    const fast = (0, packet_1.decodeEventPacket)(text);
    if (fast === null)
        return;
    const expected = referenceDecode(text);
    (0, chai_1.expect)(expected, text).not.to.be.instanceOf(Error);
    (0, chai_1.expect)(definedKeys(fast), text).to.deep.equal(definedKeys(expected));
}
describe('decodeEventPacket', () => {
    it('decodes plain events and acks, with and without namespace and id, as socket.io-parser does', () => {
        const texts = [
            '2["tick"]',
            '2/chat,["message",{"a":[1,2]},null]',
            '2/chat,12["ask",1]',
            '3/chat,12["answer"]',
            '30[]',
            '2/,["root"]',
            '2["é😀",{"k":"\\u0000"}]',
        ];
        for (const text of texts) {
            (0, chai_1.expect)((0, packet_1.decodeEventPacket)(text), text).not.to.equal(null);
            expectAgreement(text);
        }
    });
    it('leaves every other or unusual form to socket.io-parser', () => {
        const declined = [
            '0/chat,{"token":1}', // CONNECT
            '1/chat,', // DISCONNECT
            '51-["bin",{"_placeholder":true,"num":0}]', // BINARY_EVENT
            '2/chat,', // no payload
            '2/chat', // namespace without a comma
            '2 ["x"]', // the parser reads a space as an id digit
            '2["x"', // broken JSON
            '2{"a":1}', // not an array
            '2[]', // no event name
            '2[1]', // a number as event name
            '2["connect"]', // a reserved name
            '',
        ];
        for (const text of declined)
            (0, chai_1.expect)((0, packet_1.decodeEventPacket)(text), text).to.equal(null);
    });
    it('never disagrees with socket.io-parser on generated packets', () => {
        let taken = 0;
        const head = fast_check_1.default.tuple(fast_check_1.default.constantFrom('2', '3', '0', '5', ''), fast_check_1.default.constantFrom('', '/', '/chat,', '/,', '/chat'), fast_check_1.default.constantFrom('', '0', '12', ' 1', '01', '1e3'));
        const json = fast_check_1.default
            .array(fast_check_1.default.oneof(fast_check_1.default.string(), fast_check_1.default.integer(), fast_check_1.default.constantFrom('connect', 'disconnect'), fast_check_1.default.jsonValue({ maxDepth: 2 })), {
            maxLength: 3,
        })
            .map((values) => JSON.stringify(values));
        const junk = fast_check_1.default
            .array(fast_check_1.default.constantFrom('[', ']', '"e"', ',', '{}', '1', 'null', ' ', 'x'), { maxLength: 6 })
            .map((p) => p.join(''));
        const body = fast_check_1.default.oneof(json, junk);
        fast_check_1.default.assert(fast_check_1.default.property(head, body, ([type, nsp, id], payload) => {
            const text = type + nsp + id + payload;
            if ((0, packet_1.decodeEventPacket)(text) !== null)
                taken++;
            expectAgreement(text);
        }), { numRuns: 5000 });
        // The property says nothing unless the fast path took a fair share of the packets.
        (0, chai_1.expect)(taken).to.be.greaterThan(100);
    });
});
//# sourceMappingURL=packet.test.js.map