import { expect } from 'chai';
import { Encoder } from 'socket.io-parser';
import { encodePacket, PacketType, type Packet } from '../../src/protocol/packet';

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
  ['a Blob', ['evt', new Blob(['x'])]],
  ['toJSON returning a Buffer', ['evt', new WithToJson(Buffer.from('y'))]],
  ['toJSON returning plain data', ['evt', new WithToJson({ n: 1 })]],
  ['an inherited enumerable key holding a Buffer', ['evt', Object.create({ inherited: Buffer.from('z') })]],
];

describe('encodePacket', () => {
  for (const [label, data] of payloads) {
    it(`matches socket.io-parser for ${label}, as event and ack, with and without namespace and id`, () => {
      for (const type of [PacketType.EVENT, PacketType.ACK]) {
        for (const nsp of ['/', '/chat']) {
          for (const id of [undefined, 0, 42]) {
            const packet: Packet = { type, nsp, data: [...data], id };
            const expected = reference.encode({ ...packet, data: [...data] });
            expect(encodePacket(packet), `type ${type}, nsp ${nsp}, id ${String(id)}`).to.deep.equal(expected);
          }
        }
      }
    });
  }

  it('leaves the other packet types to socket.io-parser', () => {
    const packets: Packet[] = [
      { type: PacketType.CONNECT, nsp: '/chat', data: { sid: 'abc' } },
      { type: PacketType.DISCONNECT, nsp: '/chat' },
      { type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'no' } },
    ];
    for (const packet of packets) expect(encodePacket(packet)).to.deep.equal(reference.encode(packet));
  });
});
