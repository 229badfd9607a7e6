import { expect } from 'chai';
import { Harness, useSuiteHarness, RAW_TRANSPORTS } from './support/harness';
import { openOffender } from './support/offender';
import { openStalledWebSocket } from '../support/raw-hostile-client';
import { until } from '../support/io';

/**
 * Hostile wire literals at every layer. Each one ends or is refused on the offending session only, with the
 * protocol's error (an Engine.IO `parse error` close, a 400 answer on polling), nothing escapes to the process,
 * and the bystander keeps receiving everything sent to it.
 */

/** Engine.IO packets no client may send, with the reason the session ends with. */
const ENGINE_CASES: readonly { name: string; packet: string; reason: string }[] = [
  { name: 'an unknown packet type', packet: '9', reason: 'parse error' },
  { name: 'a non-digit packet type', packet: 'garbage', reason: 'parse error' },
  { name: 'an empty packet', packet: '', reason: 'parse error' },
  { name: 'a client-side ping (v4 heartbeats go server to client)', packet: '2', reason: 'transport error' },
];

const PLACEHOLDER = '{"_placeholder":true,"num":0}';
const BIG_ACK_ID = '99999999999999999999999';

/** Engine.IO message packets (`4`) carrying Socket.IO packets that end the connection with `parse error`. */
const SOCKET_IO_CASES: readonly { name: string; packets: (string | Buffer)[] }[] = [
  { name: 'an unknown Socket.IO packet type', packets: ['49["echo"]'] },
  { name: 'a non-digit Socket.IO packet type', packets: ['4x'] },
  { name: 'an event whose payload is an object, not an array', packets: ['42{"event":"echo"}'] },
  { name: 'an event whose payload is a string', packets: ['42"echo"'] },
  { name: 'an event whose payload is truncated JSON', packets: ['42["echo",{"a":'] },
  { name: 'an event with an empty array', packets: ['42[]'] },
  { name: 'an event without payload', packets: ['42'] },
  { name: 'an event whose name is a number', packets: ['42[1,"x"]'] },
  { name: 'an event whose name is an object', packets: ['42[{"name":"echo"}]'] },
  { name: 'an event whose name is null', packets: ['42[null]'] },
  ...['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'].map((event) => ({
    name: `the reserved event name "${event}"`,
    packets: [`42["${event}"]`],
  })),
  { name: 'an ack id beyond Number.MAX_SAFE_INTEGER', packets: [`42${BIG_ACK_ID}["echo","x"]`] },
  { name: 'a negative ack id', packets: ['42-1["echo","x"]'] },
  { name: 'a CONNECT whose payload is not an object', packets: ['40"token"'] },
  { name: 'a DISCONNECT with a payload', packets: ['41{"reason":1}'] },
  { name: 'a binary message when no attachment is announced', packets: [Buffer.from([1, 2, 3])] },
  { name: 'a text packet while attachments are still due', packets: [`451-["echo",${PLACEHOLDER}]`, '42["echo","x"]'] },
  {
    name: 'more attachments than announced',
    packets: [`451-["echo",${PLACEHOLDER}]`, Buffer.from([1]), Buffer.from([2])],
  },
  { name: 'more attachments than maxAttachments (10)', packets: [`4511-["echo",${PLACEHOLDER}]`] },
  { name: 'an attachment count that is not a number', packets: [`45x-["echo",${PLACEHOLDER}]`] },
  { name: 'a zero attachment count', packets: [`450-["echo",${PLACEHOLDER}]`] },
  {
    name: 'a binary event with a placeholder index out of range',
    packets: ['451-["echo",{"_placeholder":true,"num":5}]', Buffer.from([1])],
  },
];

for (const transport of RAW_TRANSPORTS) {
  describe(`Malformed input (${transport})`, () => {
    // One server and one bystander for the whole suite: the bystander stays connected through every offence.
    let harness: Harness;
    useSuiteHarness(
      () => Harness.start(transport),
      (started) => (harness = started),
    );

    describe('Engine.IO packets', () => {
      for (const { name, packet, reason } of ENGINE_CASES) {
        it(`closes the session on ${name} (reason "${reason}")`, async () => {
          const offender = await openOffender(transport, harness.server.port);
          const answer = await offender.send(packet);
          if (transport === 'polling' && reason === 'parse error') {
            expect(answer!.status).to.equal(400);
            expect(JSON.parse(answer!.body)).to.deep.equal({ code: 3, message: 'Bad request' });
          }
          expect(await harness.closeReasonOf(offender.sid)).to.equal(reason);
          await offender.closed();
          await harness.assertOnlyOffenderHurt();
        });
      }

      if (transport === 'websocket') {
        it('closes the session with "transport error" on an unmasked client frame (RFC 6455 requires masking)', async () => {
          const raw = await openStalledWebSocket(harness.server.port);
          raw.socket.resume();
          raw.socket.write(Buffer.from([0x81, 0x02, 0x34, 0x30]));
          expect(await harness.closeReasonOf(raw.sid)).to.equal('transport error');
          raw.socket.destroy();
          await harness.assertOnlyOffenderHurt();
        });

        it('closes the session with "transport close" on a frame truncated by a dropped connection', async () => {
          const raw = await openStalledWebSocket(harness.server.port);
          // A masked text frame announcing 100 bytes, of which 10 arrive before the TCP connection goes.
          raw.socket.write(Buffer.concat([Buffer.from([0x81, 0x80 | 100, 0, 0, 0, 0]), Buffer.from('42["echo",')]));
          raw.socket.destroy();
          expect(await harness.closeReasonOf(raw.sid)).to.equal('transport close');
          await harness.assertOnlyOffenderHurt();
        });
      }

      if (transport === 'polling') {
        it('closes the session on a payload with an empty packet between separators', async () => {
          const offender = await openOffender(transport, harness.server.port);
          const answer = await offender.send('42["echo","a"]', '', '42["echo","b"]');
          expect(answer!.status).to.equal(400);
          expect(await harness.closeReasonOf(offender.sid)).to.equal('parse error');
          await harness.assertOnlyOffenderHurt();
        });

        it('closes the session on a truncated base64 binary packet', async () => {
          const offender = await openOffender(transport, harness.server.port);
          await offender.send(`451-["echo",${PLACEHOLDER}]`);
          await offender.send('b%%%');
          // Whatever the decoder makes of it, the session is refused or ends; the bystander does not notice.
          await until(
            () => harness.closeReasons.has(offender.sid) || harness.socketReasons.has(offender.sid),
            'the offender to go',
            3000,
          ).catch(() => undefined);
          await harness.assertOnlyOffenderHurt();
        });
      }
    });

    describe('Socket.IO packets', () => {
      for (const { name, packets } of SOCKET_IO_CASES) {
        it(`ends the connection on ${name} (reason "parse error")`, async () => {
          const offender = await openOffender(transport, harness.server.port);
          await offender.send(...packets);
          expect(await harness.socketReasonOf(offender.sid)).to.equal('parse error');
          await offender.closed();
          await harness.assertOnlyOffenderHurt();
        });
      }

      it('ignores a binary event whose attachments never come, and frees them when the session ends', async () => {
        const offender = await openOffender(transport, harness.server.port);
        const seen: unknown[] = [];
        harness.server.on('bin', (...args: unknown[]) => void seen.push(args));
        await offender.send(`451-["bin",${PLACEHOLDER}]`);
        await harness.assertBystanderHealthy();
        expect(seen).to.deep.equal([]);
        expect(await offender.isAlive()).to.equal(true);
        offender.close();
        await offender.send('41');
        await harness.assertOnlyOffenderHurt();
      });

      it('survives deeply nested JSON: the handler runs, and an answer it cannot encode only fails that ack', async () => {
        const depth = 100_000;
        const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
        const offender = await openOffender(transport, harness.server.port);
        let depthSeen = 0;
        harness.server.on('deep', (value: unknown) => {
          for (let node = value; Array.isArray(node); node = node[0]) depthSeen++;
          return value;
        });
        await offender.send(`421["deep",${nested}]`);
        await until(() => depthSeen === depth, 'the handler to see the whole depth');
        await harness.assertBystanderHealthy();
        harness.assertNothingEscaped();
      });

      it('ends the connection on a deeply nested binary event', async () => {
        const depth = 100_000;
        const nested = `${'['.repeat(depth)}${PLACEHOLDER}${']'.repeat(depth)}`;
        const offender = await openOffender(transport, harness.server.port);
        await offender.send(`451-["echo",${nested}]`, Buffer.from([1]));
        expect(await harness.socketReasonOf(offender.sid)).to.equal('parse error');
        await harness.assertOnlyOffenderHurt();
      });

      it('ignores an ack for an id it never sent and a packet for a namespace not joined', async () => {
        const offender = await openOffender(transport, harness.server.port);
        await offender.send('43["x"]', '4342["x"]', '42/nowhere,["echo","x"]', '41/nowhere,');
        await harness.assertBystanderHealthy();
        expect(await offender.isAlive()).to.equal(true);
        harness.assertNothingEscaped();
      });

      it('answers CONNECT_ERROR for an unknown namespace and keeps the session', async () => {
        const offender = await openOffender(transport, harness.server.port, false);
        await offender.send('40/__proto__,', '40/constructor,');
        await harness.assertBystanderHealthy();
        expect(await offender.isAlive()).to.equal(true);
        expect(harness.server.namespaces.has('/__proto__')).to.equal(false);
      });
    });
  });
}
