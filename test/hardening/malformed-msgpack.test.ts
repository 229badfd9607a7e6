import { expect } from 'chai';
import { encode as encodeUntyped } from 'notepack.io';
import * as msgpackParser from 'socket.io-msgpack-parser';
import { Harness, useSuiteHarness, RAW_TRANSPORTS, modeOf } from './support/harness';
import { openOffender } from './support/offender';
import { until } from '../support/io';

/** notepack.io ships no types. */
const encode = encodeUntyped as (value: unknown) => Buffer;

/**
 * Hostile messages to a server whose `parser` is socket.io-msgpack-parser. Each one ends the offending connection
 * with `parse error`, quickly (no allocation or stack the message did not pay for), and the bystander, an official
 * client with the same parser, notices nothing.
 */

/** A header declaring `length` bytes of msgpack `ext 32` data, of which none follow. */
function ext32Header(length: number): Buffer {
  const header = Buffer.alloc(6);
  header[0] = 0xc9;
  header.writeUInt32BE(length, 1);
  return header;
}

const CASES: readonly { name: string; message: string | Buffer }[] = [
  { name: 'a text message (msgpack messages are binary)', message: '2["echo","x"]' },
  { name: 'bytes that are not msgpack (0xc1 is never used)', message: Buffer.from([0xc1]) },
  { name: 'a truncated map', message: encode({ type: 2, nsp: '/', data: ['echo'] }).subarray(0, 8) },
  {
    name: 'trailing bytes after the packet',
    message: Buffer.concat([encode({ type: 2, nsp: '/', data: ['echo'] }), Buffer.from([0])]),
  },
  { name: 'an ext 32 header declaring 64 MiB that never come', message: ext32Header(64 * 1024 * 1024) },
  { name: 'an ext 32 header declaring 2 GiB', message: ext32Header(0x7fffffff) },
  { name: 'an array 32 declaring 4 billion elements', message: Buffer.from([0xdd, 0xff, 0xff, 0xff, 0xff, 0x00]) },
  { name: 'arrays nested 100 000 deep', message: Buffer.alloc(100_000, 0x91) },
  { name: 'a msgpack value that is not a packet (a number)', message: encode(42) },
  { name: 'a packet without a namespace', message: encode({ type: 2, data: ['echo'] }) },
  { name: 'a namespace that is not a path', message: encode({ type: 2, nsp: 'chat', data: ['echo'] }) },
  { name: 'an unknown packet type', message: encode({ type: 9, nsp: '/', data: ['echo'] }) },
  { name: 'a packet type as a string', message: encode({ type: '2', nsp: '/', data: ['echo'] }) },
  { name: 'an event whose payload is not an array', message: encode({ type: 2, nsp: '/', data: { event: 'echo' } }) },
  { name: 'an event whose name is a number', message: encode({ type: 2, nsp: '/', data: [1, 'x'] }) },
  { name: 'the reserved event name "disconnect"', message: encode({ type: 2, nsp: '/', data: ['disconnect'] }) },
  { name: 'a negative ack id', message: encode({ type: 2, nsp: '/', data: ['echo'], id: -1 }) },
  { name: 'a fractional ack id', message: encode({ type: 2, nsp: '/', data: ['echo'], id: 1.5 }) },
  {
    name: 'an ack id beyond Number.MAX_SAFE_INTEGER',
    message: encode({ type: 2, nsp: '/', data: ['echo'], id: 2 ** 60 }),
  },
  { name: 'an ACK without an id', message: encode({ type: 3, nsp: '/', data: [] }) },
  { name: 'a CONNECT_ERROR (server to client only)', message: encode({ type: 4, nsp: '/', data: { message: 'x' } }) },
  { name: 'a CONNECT whose payload is a string', message: encode({ type: 0, nsp: '/admin', data: 'token' }) },
];

function hasSocket(harness: Harness, sid: string): boolean {
  for (const socket of harness.server.of('/').sockets.values()) if (socket.conn.id === sid) return true;
  return false;
}

for (const transport of RAW_TRANSPORTS) {
  describe(`Malformed msgpack (${transport})`, () => {
    let harness: Harness;
    useSuiteHarness(
      () => {
        const mode = modeOf(transport);
        return Harness.start(
          { ...mode, options: { ...mode.options, parser: msgpackParser } },
          { parser: msgpackParser },
        );
      },
      (started) => (harness = started),
    );

    for (const { name, message } of CASES) {
      it(`closes only the offending connection on ${name}`, async () => {
        const offender = await openOffender(transport, harness.server.port, false);
        // A sound msgpack CONNECT first, so that the offence comes from a client in a namespace.
        await offender.send(encode({ type: 0, nsp: '/' }));
        await until(() => hasSocket(harness, offender.sid), 'the offender to join /');
        await offender.send(typeof message === 'string' ? `4${message}` : message);
        expect(await harness.socketReasonOf(offender.sid)).to.equal('parse error');
        await offender.closed();
        // No timing assertion: the unchecked decoder spends minutes on the 2 GiB header, so a regression shows as
        // a mocha timeout.
        await harness.assertOnlyOffenderHurt();
      });
    }
  });
}
