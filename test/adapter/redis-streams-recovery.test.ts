import { expect } from 'chai';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { loadRedis } from '../../src/adapter/redis/redis-url';
import { Balancer } from '../support/balancer';
import { TRANSPORT_MODES, delay, until, type TransportMode } from '../support/io';
import {
  ClusterNode,
  findFreePort,
  requireRedisServer,
  REDIS_URL,
  requireRedis,
  ScratchRedis,
  uniqueChannel,
} from './redis-support';

interface SocketState {
  rooms: string[];
  data: Record<string, unknown>;
  recovered: boolean;
}

/** Three (or `count`) streams nodes on `url`, with a stream and a session key prefix of their own. */
async function startNodes(
  url: string,
  stream: string,
  recovery: 'on' | 'off',
  pingInterval: number,
  count = 3,
): Promise<ClusterNode[]> {
  const args = [`${stream}:s:`, recovery, String(pingInterval)];
  const nodes = await Promise.all(
    Array.from({ length: count }, () => ClusterNode.start(url, stream, 'streams-node.js', args)),
  );
  // Each node knows the others once their heartbeats came in (a hello is answered at once).
  await Promise.all(
    nodes.map(async (node) => {
      const deadline = Date.now() + 5000;
      while ((await node.run<number>('peers')) < count) {
        if (Date.now() > deadline) throw new Error('the nodes did not see each other');
        await delay(20);
      }
    }),
  );
  return nodes;
}

/** Deletes the test's stream from the shared Redis (its session keys expire on their own). */
async function dropStream(stream: string): Promise<void> {
  const Redis = loadRedis();
  const redis = new Redis(REDIS_URL);
  await redis.del(stream);
  await redis.quit();
}

/** An official client through its own balancer, collecting the `news` payloads it gets (offset stripped). */
class Client {
  readonly socket: ClientSocket;
  readonly news: unknown[] = [];
  readonly offsets: unknown[] = [];

  constructor(
    readonly balancer: Balancer,
    mode: TransportMode,
  ) {
    this.socket = io(balancer.url, { ...mode.options, forceNew: true, reconnection: false });
    this.socket.on('news', (...args: unknown[]) => {
      this.news.push(args[0]);
      this.offsets.push(args[args.length - 1]);
    });
  }

  static async connect(target: ClusterNode, mode: TransportMode): Promise<Client> {
    const client = new Client(await Balancer.start(target.port), mode);
    await client.connected();
    return client;
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  get id(): string {
    return this.socket.id!;
  }

  /** Loses the transport abruptly and resolves with the client's disconnect reason. */
  async cut(): Promise<string> {
    const disconnected = new Promise<string>((resolve) => this.socket.once('disconnect', resolve));
    this.balancer.cut();
    return disconnected;
  }

  /** Reconnects, through the balancer, to `target` (socket.io-client sends its `pid` and last `offset`). */
  async reconnectTo(target: ClusterNode): Promise<void> {
    this.balancer.route(target.port);
    const connected = this.connected();
    this.socket.connect();
    await connected;
  }

  async close(): Promise<void> {
    this.socket.disconnect();
    await this.balancer.close();
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** Waits until `node` has let the socket `sid` go (it noticed the transport loss). */
async function untilGone(node: ClusterNode, sid: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await node.run<string[]>('localSockets')).includes(sid)) {
    if (Date.now() > deadline) throw new Error(`node ${node.pid} kept socket ${sid}`);
    await delay(20);
  }
}

describe('Redis Streams adapter', function () {
  this.timeout(30_000);
  let nodes: ClusterNode[] = [];
  let clients: Client[] = [];

  before(async function () {
    await requireRedis(this);
  });

  afterEach(async () => {
    await Promise.all(clients.map((client) => client.close()));
    clients = [];
  });

  /** Three nodes with recovery on, on the shared Redis, for the suite: started before it, stopped after. */
  function useSharedRedisNodes(pingInterval: number): void {
    let stream = '';
    before(async () => {
      stream = uniqueChannel('classio-streams');
      nodes = await startNodes(REDIS_URL, stream, 'on', pingInterval);
    });

    after(async () => {
      await Promise.all(nodes.map((node) => node.stop()));
      await dropStream(stream);
    });
  }

  describe('connection state recovery across processes', () => {
    // A short heartbeat, so that a node notices a dead polling client within a few seconds.
    useSharedRedisNodes(1000);

    for (const mode of TRANSPORT_MODES.filter((m) => m.name !== 'upgrade')) {
      it(`recovers a client on a different process (${mode.name}): same id, rooms, data, every missed packet once, in order`, async () => {
        const [a, b, c] = nodes;
        const client = await Client.connect(a, mode);
        clients.push(client);
        const sid = client.id;
        await client.socket.emitWithAck('join', 'red');
        await client.socket.emitWithAck('set', 'user', 'alice');
        await c.run('emit', { event: 'news', args: [0], rooms: ['red'] });
        await until(() => client.news.length === 1, 'the first packet');

        expect(await client.cut()).to.match(/^transport (close|error)$/);
        await untilGone(a, sid);
        await c.run('emit', { event: 'news', args: [1], rooms: ['red'] });
        await b.run('emit', { event: 'news', args: [2] });
        await c.run('emit', { event: 'news', args: [3], rooms: [sid] });
        await a.run('emit', { event: 'news', args: ['not for red'], rooms: ['blue'] });
        await b.run('emit', { event: 'news', args: ['not for red either'], except: ['red'] });
        await c.run('emit', { event: 'news', args: [4], rooms: ['red'] });

        await client.reconnectTo(b);
        expect(client.socket.recovered).to.equal(true);
        expect(client.id).to.equal(sid);
        const state = await b.run<SocketState>('socketState', { sid });
        expect(state).to.deep.equal({ rooms: [sid, 'red'].sort(), data: { user: 'alice' }, recovered: true });
        expect(await a.run('socketState', { sid })).to.equal(null);

        await c.run('emit', { event: 'news', args: [5], rooms: ['red'] });
        await b.run('emitPrivate', { sid, event: 'news', args: [6] });
        await until(() => client.news.length >= 7, 'the missed and the newer packets');
        await delay(100);
        // Every packet once. Their order is the stream's: the emits of two processes (2 from b between 1 and 3 from
        // c, 5 from c and 6 from b) reach Redis in the order Redis reads its connections, which a loaded machine can
        // swap; one process's packets keep their order, and the client gets them all in offset order.
        expect([...client.news].sort()).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
        expect(client.news[0]).to.equal(0);
        expect(client.news.filter((n) => n === 1 || n === 3 || n === 4)).to.deep.equal([1, 3, 4]);
        expect(client.news.slice(5).sort()).to.deep.equal([5, 6]);
        // Each stored packet carries its stream offset last, as Socket.IO's Redis Streams adapter does.
        expect(client.offsets.every((offset) => typeof offset === 'string' && /^\d+-\d+$/.test(offset))).to.equal(true);
        expect(new Set(client.offsets).size).to.equal(7);
        const ids = (client.offsets as string[]).map((offset) => offset.split('-').map(Number));
        const isStreamOrder = ids.every(
          (id, i) => i === 0 || id[0] > ids[i - 1][0] || (id[0] === ids[i - 1][0] && id[1] > ids[i - 1][1]),
        );
        expect(isStreamOrder, `offsets ${client.offsets.join(' ')}`).to.equal(true);
      });
    }

    it('does not recover a client that disconnected deliberately, on any process', async () => {
      const [a, b] = nodes;
      const client = await Client.connect(a, TRANSPORT_MODES[0]);
      clients.push(client);
      const sid = client.id;
      await client.socket.emitWithAck('join', 'red');
      await delay(300);
      client.socket.disconnect();
      await untilGone(a, sid);
      await client.reconnectTo(b);
      expect(client.socket.recovered).to.equal(false);
      expect(client.id).to.not.equal(sid);
    });
  });

  describe('a process killed with SIGKILL', () => {
    useSharedRedisNodes(25_000);

    it('leaves its clients sessions that they recover on the others while broadcasts go on', async () => {
      const [a, b, c] = nodes;
      const mode = TRANSPORT_MODES[0];
      const victims = [await Client.connect(a, mode), await Client.connect(a, mode)];
      const bystander = await Client.connect(b, mode);
      clients.push(...victims, bystander);
      for (const [i, client] of [...victims, bystander].entries()) {
        await client.socket.emitWithAck('join', 'red');
        await client.socket.emitWithAck('set', 'n', i);
      }
      // The sessions of connected sockets reach Redis within sessionSyncInterval (200 ms in the fixture).
      await delay(500);
      const sids = victims.map((client) => client.id);

      const burst = c.run('burst', { event: 'news', count: 60, interval: 25, rooms: ['red'] });
      await until(() => victims.every((client) => client.news.length >= 10), 'the burst to begin', 5000);
      const lost = victims.map((client) => client.cut());
      await a.kill();
      expect(await Promise.all(lost)).to.deep.equal(['transport close', 'transport close']);
      await victims[0].reconnectTo(b);
      await victims[1].reconnectTo(c);
      await burst;

      for (const [i, client] of victims.entries()) {
        expect(client.socket.recovered, `victim ${i} recovered`).to.equal(true);
        expect(client.id).to.equal(sids[i]);
      }
      expect(await b.run<SocketState>('socketState', { sid: sids[0] })).to.deep.equal({
        rooms: [sids[0], 'red'].sort(),
        data: { n: 0 },
        recovered: true,
      });
      expect((await c.run<SocketState>('socketState', { sid: sids[1] })).data).to.deep.equal({ n: 1 });
      for (const client of [...victims, bystander]) {
        await until(() => client.news.length >= 60, 'the whole burst', 5000);
      }
      await delay(100);
      for (const client of [...victims, bystander]) expect(client.news).to.deep.equal(range(0, 60));
    });
  });

  describe('cluster requests', () => {
    useSharedRedisNodes(25_000);

    it('answers fetchSockets, serverSideEmit with acks and socketsJoin from every process', async () => {
      const [a, b, c] = nodes;
      const [onA, onB, onC] = await Promise.all(nodes.map((node) => Client.connect(node, TRANSPORT_MODES[0])));
      clients.push(onA, onB, onC);
      expect(await b.run('fetchSockets')).to.deep.equal([onA.id, onB.id, onC.id].sort());

      const since = [b, c].map((node) => node.events.length);
      const answers = await a.run<string[][]>('serverSideEmit', { event: 'greeting', args: ['hi'] });
      expect(answers.map((answer) => answer[0]).sort()).to.deep.equal(
        [`hello from ${b.pid}`, `hello from ${c.pid}`].sort(),
      );
      for (const [i, node] of [b, c].entries()) {
        const event = await node.waitFor((e) => e.type === 'serverSideEmit', since[i]);
        expect(event.args).to.deep.equal(['hi']);
      }

      await a.run('socketsJoin', { room: onC.id, join: 'gold' });
      const deadline = Date.now() + 3000;
      while ((await b.run<string[]>('fetchSockets', { room: 'gold' })).length === 0 && Date.now() < deadline) {
        await delay(20);
      }
      expect(await b.run('fetchSockets', { room: 'gold' })).to.deep.equal([onC.id]);
      expect((await c.run<SocketState>('socketState', { sid: onC.id })).rooms).to.include('gold');
    });
  });

  for (const recovery of ['off', 'on'] as const) {
    describe(`a Redis outage (recovery ${recovery})`, () => {
      let redis: ScratchRedis;

      before(async function () {
        requireRedisServer(this);
        // A Redis of our own on a free port: stopping the shared one would break everyone else's tests.
        redis = new ScratchRedis(await findFreePort());
        await redis.start();
        // Socket.IO's heartbeat: on a busy machine a short one would drop the clients, which do not reconnect here.
        nodes = await startNodes(redis.url, uniqueChannel('classio-streams'), recovery, 25_000);
      });

      after(async () => {
        await Promise.all(nodes.map((node) => node.stop()));
        await redis?.stop();
      });

      /** Fails with what each client got and the nodes' stderr (run with DEBUG=classio:adapter for their log). */
      function explain(err: Error, receivers: Client[]): never {
        const got = receivers.map((client) => {
          const missing = range(0, 200).filter((n) => !client.news.includes(n));
          return `${client.news.length} received, missing [${missing.join(',')}]`;
        });
        const logs = nodes.map((node) => node.stderr.slice(-2000));
        throw new Error(`${err.message}:\n${got.join('\n')}\n${logs.join('\n--\n')}`);
      }

      it('loses no broadcast when Redis stops for three seconds during a burst', async () => {
        const [a, b] = nodes;
        const receivers = await Promise.all(
          [...nodes, ...nodes].map((node) => Client.connect(node, TRANSPORT_MODES[0])),
        );
        clients.push(...receivers);
        const fromA = a.run('burst', { event: 'news', count: 200, interval: 25 });
        await until(() => receivers.every((client) => client.news.length >= 20), 'the burst to begin', 5000).catch(
          (err: Error) => explain(err, receivers),
        );

        const since = nodes.map((node) => node.events.length);
        await redis.stop();
        await Promise.all(
          nodes.map((node, i) => node.waitFor((e) => e.type === 'redis' && e.isUp === false, since[i])),
        );
        const sentDuringOutage = b.run('emit', { event: 'news', args: ['from b'] });
        await delay(3000);
        await redis.start();
        await fromA;
        await sentDuringOutage;

        for (const client of receivers) {
          await until(() => client.news.length >= 201, 'every broadcast', 10_000).catch((err: Error) =>
            explain(err, receivers),
          );
        }
        await delay(200);
        for (const client of receivers) {
          expect(client.news.filter((n) => typeof n === 'number')).to.deep.equal(range(0, 200));
          expect(client.news.filter((n) => n === 'from b')).to.have.length(1);
        }
      });
    });
  }
});
