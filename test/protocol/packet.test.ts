import { expect } from 'chai';
import fc from 'fast-check';
import { Decoder, Encoder } from 'socket.io-parser';
import { decodeEventPacket, encodePacket, PacketType, type Packet } from '../../src/protocol/packet';
import { UsageError } from '../../src/errors';

/**
 * classio encodes events and acks without binary data itself and leaves the rest to socket.io-parser: both must
 * produce what socket.io-parser alone produces, byte for byte, including the choice between text and binary.
 */

const reference = new Encoder();

class WithToJson {
  constructor(readonly value: unknown) {}
  toJSON(): unknown {
    return this.value;
  }
}

const payloads: [string, unknown[]][] = [
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
function bytesOf(part: unknown): Buffer {
  if (ArrayBuffer.isView(part)) return Buffer.from(part.buffer, part.byteOffset, part.byteLength);
  return Buffer.from(part as ArrayBuffer);
}

describe('encodePacket', () => {
  for (const [label, data] of payloads) {
    it(`matches socket.io-parser for ${label}, as event and ack, with and without namespace and id`, () => {
      for (const type of [PacketType.EVENT, PacketType.ACK]) {
        for (const nsp of ['/', '/chat']) {
          for (const id of [undefined, 0, 42]) {
            const packet: Packet = { type, nsp, data: [...data], id };
            // socket.io-parser passes attachments on as given; classio hands the engine their bytes as Buffers.
            const expected = (reference.encode({ ...packet, data: [...data] }) as unknown[]).map((part, i) =>
              i === 0 ? part : bytesOf(part),
            );
            const actual = encodePacket(packet);
            for (const part of actual.slice(1)) expect(Buffer.isBuffer(part)).to.equal(true);
            expect(actual, `type ${type}, nsp ${nsp}, id ${String(id)}`).to.deep.equal(expected);
          }
        }
      }
    });
  }

  it('refuses a Blob, whose bytes cannot be read synchronously, with a UsageError', () => {
    const packet: Packet = { type: PacketType.EVENT, nsp: '/', data: ['evt', new Blob(['x'])] };
    expect(() => encodePacket(packet))
      .to.throw(UsageError, 'a Blob cannot be emitted: send its bytes instead (Buffer.from(await blob.arrayBuffer()))')
      .with.property('code', 'CLASSIO_ERR_USAGE');
  });

  it('leaves the other packet types to socket.io-parser', () => {
    const packets: Packet[] = [
      { type: PacketType.CONNECT, nsp: '/chat', data: { sid: 'abc' } },
      { type: PacketType.DISCONNECT, nsp: '/chat' },
      { type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'no' } },
    ];
    for (const packet of packets) expect(encodePacket(packet)).to.deep.equal(reference.encode(packet));
  });
});

/** socket.io-parser's own decoding of one text packet: the packet, or the error it throws. */
function referenceDecode(text: string): Packet | Error {
  const decoder = new Decoder();
  let decoded: Packet | Error = new Error('nothing decoded');
  decoder.on('decoded', (packet: Packet) => (decoded = packet));
  try {
    decoder.add(text);
  } catch (err) {
    decoded = err as Error;
  }
  return decoded;
}

/** A packet without its undefined fields (classio's packets always carry `id`, the parser's only when set). */
function definedKeys(packet: Packet): Record<string, unknown> {
  return Object.fromEntries(Object.entries(packet).filter(([, value]) => value !== undefined));
}

/** What decodeEventPacket takes must be what socket.io-parser makes of it; what it declines, the parser decides. */
function expectAgreement(text: string): void {
  const fast = decodeEventPacket(text);
  if (fast === null) return;
  const expected = referenceDecode(text);
  expect(expected, text).not.to.be.instanceOf(Error);
  expect(definedKeys(fast), text).to.deep.equal(definedKeys(expected as Packet));
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
      expect(decodeEventPacket(text), text).not.to.equal(null);
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
    for (const text of declined) expect(decodeEventPacket(text), text).to.equal(null);
  });

  it('never disagrees with socket.io-parser on generated packets', () => {
    let taken = 0;
    const head = fc.tuple(
      fc.constantFrom('2', '3', '0', '5', ''),
      fc.constantFrom('', '/', '/chat,', '/,', '/chat'),
      fc.constantFrom('', '0', '12', ' 1', '01', '1e3'),
    );
    const json = fc
      .array(
        fc.oneof(fc.string(), fc.integer(), fc.constantFrom('connect', 'disconnect'), fc.jsonValue({ maxDepth: 2 })),
        {
          maxLength: 3,
        },
      )
      .map((values) => JSON.stringify(values));
    const junk = fc
      .array(fc.constantFrom('[', ']', '"e"', ',', '{}', '1', 'null', ' ', 'x'), { maxLength: 6 })
      .map((p) => p.join(''));
    const body = fc.oneof(json, junk);
    fc.assert(
      fc.property(head, body, ([type, nsp, id], payload) => {
        const text = type + nsp + id + payload;
        if (decodeEventPacket(text) !== null) taken++;
        expectAgreement(text);
      }),
      { numRuns: 5000 },
    );
    // The property says nothing unless the fast path took a fair share of the packets.
    expect(taken).to.be.greaterThan(100);
  });
});
