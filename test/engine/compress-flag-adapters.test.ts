import { expect } from 'chai';
import type { Socket } from '../../src/namespace/socket';
import type { Server, ServerOptions } from '../../src/server';
import { FrameTap } from '../support/frame-tap';
import { ClientPool, TRANSPORT_MODES, startServer, until } from '../support/io';
import { REDIS_URL, isRedisReachable, uniqueChannel } from '../adapter/redis-support';

const WEBSOCKET = TRANSPORT_MODES.find((mode) => mode.name === 'websocket')!;
const BIG = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, name: `player ${i}` })));

/**
 * `compress(false)` on a broadcast reaches this process's clients whatever the adapter: the in-memory one, the
 * Redis one (its local delivery), and the session-aware one connection state recovery uses.
 */
const ADAPTERS: { name: string; options: () => ServerOptions; needsRedis: boolean }[] = [
  { name: 'in-memory adapter', options: () => ({}), needsRedis: false },
  {
    name: 'Redis adapter (local delivery)',
    options: () => ({ messageQueue: REDIS_URL, channel: uniqueChannel() }),
    needsRedis: true,
  },
  { name: 'recovery (session-aware adapter)', options: () => ({ connectionStateRecovery: {} }), needsRedis: false },
];

describe('compress(false) on broadcasts, per adapter', () => {
  const clients = new ClientPool();
  let server: Server | undefined;

  afterEach(async () => {
    await clients.closeAll();
    await server?.close();
    server = undefined;
  });

  for (const adapter of ADAPTERS) {
    it(`sends a compress(false) broadcast uncompressed and the next one compressed (${adapter.name})`, async function () {
      if (adapter.needsRedis && !(await isRedisReachable())) {
        if (process.env.CLASSIO_REQUIRE_REDIS) throw new Error(`Redis is not reachable at ${REDIS_URL}`);
        console.log(`    (skipped: Redis is not reachable at ${REDIS_URL})`);
        this.skip();
      }
      server = await startServer({ perMessageDeflate: { threshold: 0 }, ...adapter.options() });
      const joined: Socket[] = [];
      server.of('/').on('connection', (socket: Socket) => void joined.push(socket));
      const client = await clients.connect(server, '/', WEBSOCKET);
      await until(() => joined.length === 1, 'the server-side socket');
      const tap = new FrameTap(client);
      const got: string[] = [];
      client.on('big', (data: string, ...rest: unknown[]) => void got.push(data + rest.length));
      server.compress(false).emit('big', BIG);
      server.emit('big', BIG);
      server.to(joined[0].id).compress(false).emit('big', BIG);
      await until(() => got.length === 3, 'three messages');
      expect(got.map((data) => data.startsWith(BIG))).to.deep.equal([true, true, true]);
      expect(tap.frames.map((frame) => frame.isCompressed)).to.deep.equal([false, true, false]);
    });
  }
});
