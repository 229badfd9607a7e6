import { expect } from 'chai';
import fc from 'fast-check';
import { decodePacket, decodePayload } from 'engine.io-parser';
import type { EngineData } from '../../src/engine/types';
import { MemoryEngineConnection } from '../../src/testing/memory-connection';
import { Harness } from './support/harness';
import { RawPolling, RawWebSocket } from '../support/raw-hostile-client';

/**
 * Property-based tests: random and mutated frames go to the Engine.IO decoder, to the Socket.IO path of the
 * server (decoder, client, sockets, dispatch, through an in-memory connection), and to a live server over both
 * transports. No exception escapes, and a healthy client still gets its answers afterwards. Runs are bounded
 * (a few hundred, a few seconds in all); a failure prints fast-check's seed and shrunk counterexample.
 */

/** Valid frames (Socket.IO packets inside Engine.IO message packets, without the leading `4`) to mutate. */
const VALID_SOCKET_IO = [
  '0',
  '0{"token":"abc"}',
  '0/admin,',
  '1',
  '2["echo","hello"]',
  '21["echo",{"a":[1,2,{"b":null}]}]',
  '2/admin,3["x"]',
  '31["answer"]',
  '51-["echo",{"_placeholder":true,"num":0}]',
  '62-7[{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]',
];

/** Pieces that tend to reach interesting branches of the parsers. */
const TOKENS = [
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '9',
  '[',
  ']',
  '{',
  '}',
  '"',
  ',',
  '-',
  '/',
  ':',
  'x',
  'b',
  '\x1e',
  '"_placeholder":true',
  '"num":',
  'null',
  '__proto__',
  '"connect"',
  '1e999',
  '99999999999999999999',
  '"echo"',
];

const tokenString = fc.array(fc.constantFrom(...TOKENS), { maxLength: 24 }).map((parts) => parts.join(''));

interface Mutation {
  at: number;
  remove: number;
  insert: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat({ max: 80 }),
  remove: fc.nat({ max: 4 }),
  insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 })),
});

function mutate(frame: string, mutations: readonly Mutation[]): string {
  let out = frame;
  for (const { at, remove, insert } of mutations) {
    const i = at % (out.length + 1);
    out = out.slice(0, i) + insert + out.slice(i + remove);
  }
  return out;
}

/** A Socket.IO-level frame: a mutated valid one, a token soup, any string, or random bytes. */
const socketIoFrame: fc.Arbitrary<EngineData> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...VALID_SOCKET_IO), fc.array(mutation, { maxLength: 3 }))
      .map(([f, m]) => mutate(f, m)),
  },
  { weight: 2, arbitrary: tokenString },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 16 }).map((bytes) => Buffer.from(bytes)) },
);

/** An Engine.IO-level packet: a Socket.IO frame behind a type digit, or a mutated control packet. */
const enginePacket: fc.Arbitrary<string> = fc.oneof(
  socketIoFrame.map((frame) => (typeof frame === 'string' ? `4${frame}` : `b${frame.toString('base64')}`)),
  fc
    .tuple(fc.constantFrom('2', '3', '2probe', '5', '6', '1', '0', 'b', 'bAQID'), fc.array(mutation, { maxLength: 2 }))
    .map(([f, m]) => mutate(f, m)),
  fc.string({ maxLength: 20 }),
);

describe('Fuzz', () => {
  let harness: Harness;

  before(async () => {
    harness = await Harness.start('websocket', { maxHttpBufferSize: 10_000 });
    harness.server.of('/admin');
  });

  after(async () => {
    await harness.stop();
  });

  afterEach(async () => {
    await harness.assertBystanderHealthy();
    harness.assertNothingEscaped();
  });

  describe('Engine.IO decoder', () => {
    it('decodes any packet into a packet or an error packet, never throwing', () => {
      fc.assert(
        fc.property(enginePacket, (packet) => {
          const decoded = decodePacket(packet);
          expect(['open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop', 'error']).to.include(decoded.type);
        }),
        { numRuns: 300 },
      );
    });

    it('decodes any polling payload into packets that end at the first error', () => {
      fc.assert(
        fc.property(fc.array(enginePacket, { maxLength: 6 }), (packets) => {
          const decoded = decodePayload(packets.join('\x1e'));
          const firstError = decoded.findIndex((packet) => packet.type === 'error');
          expect(firstError === -1 || firstError === decoded.length - 1).to.equal(true);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('Socket.IO path (decoder, client, sockets, dispatch)', () => {
    function connect(onReceive: (data: EngineData) => void = () => undefined): MemoryEngineConnection {
      const conn = new MemoryEngineConnection({ receive: onReceive, closed: () => undefined });
      harness.server.acceptConnection(conn);
      return conn;
    }

    it('takes any sequence of frames without an exception escaping, and answers a healthy client after', () => {
      fc.assert(
        fc.property(fc.boolean(), fc.array(socketIoFrame, { maxLength: 8 }), (joinFirst, frames) => {
          const conn = connect();
          if (joinFirst) conn.deliver('0');
          for (const frame of frames) conn.deliver(frame);
          conn.hangUp();
          const answers: EngineData[] = [];
          const healthy = connect((data) => answers.push(data));
          healthy.deliver('0');
          healthy.deliver('21["echo","still here"]');
          healthy.hangUp();
          expect(answers[answers.length - 1]).to.equal('31["still here"]');
        }),
        { numRuns: 300 },
      );
      // Every fuzzed connection went away: nothing is left behind.
      expect(harness.server.of('/').sockets.size).to.equal(1);
      expect(harness.server.of('/admin').sockets.size).to.equal(0);
    });
  });

  describe('live server', () => {
    it('survives random frames over websocket', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(enginePacket, { minLength: 1, maxLength: 6 }), async (packets) => {
          const raw = await RawWebSocket.connect(harness.server.port);
          for (const packet of packets) raw.send(packet);
          raw.send('42["echo","probe"]');
          raw.close();
          await raw.closed;
        }),
        { numRuns: 100 },
      );
      const healthy = await RawWebSocket.connect(harness.server.port);
      healthy.send('421["echo","after the storm"]');
      expect(await healthy.next((frame) => frame === '431["after the storm"]')).to.equal('431["after the storm"]');
      healthy.close();
    });

    it('survives random POST bodies over polling', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(enginePacket, { minLength: 1, maxLength: 6 }), async (packets) => {
          const raw = await RawPolling.connect(harness.server.port);
          const answer = await raw.post(packets.join('\x1e'));
          expect([200, 400, 413]).to.include(answer.status);
          await raw.post('1');
        }),
        { numRuns: 60 },
      );
      const healthy = await RawPolling.connect(harness.server.port);
      await healthy.post('421["echo","after the storm"]');
      expect(await healthy.poll()).to.include('431["after the storm"]');
    });
  });
});
