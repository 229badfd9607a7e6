import { existsSync } from 'node:fs';
import { expect } from 'chai';
import type { Registry } from 'prom-client';
import { Server } from '../../src/server';
import type { RedisAdapter } from '../../src/adapter/redis';
import { ClientPool, TRANSPORT_MODES, nextEvent, startServer, until } from '../support/io';
import {
  findFreePort,
  REDIS_SERVER_BIN,
  REDIS_URL,
  requireRedis,
  ScratchRedis,
  uniqueChannel,
} from '../adapter/redis-support';
import {
  collectOtel,
  collectProm,
  createOtelMetrics,
  valueOf,
  type InMemoryReader,
  type MetricSnapshot,
} from './support';

const [WEBSOCKET] = TRANSPORT_MODES;

/** The adapter metrics' OpenTelemetry and Prometheus names. */
const REQUESTS = ['classio.adapter.requests', 'classio_adapter_requests_total'] as const;
const DURATION = ['classio.adapter.request.duration', 'classio_adapter_request_duration_seconds'] as const;
const BROADCASTS = ['classio.broadcasts', 'classio_broadcasts_total'] as const;
const DELIVERIES = ['classio.broadcast.deliveries', 'classio_broadcast_deliveries_total'] as const;
const OUTAGES = ['classio.cluster.outages', 'classio_cluster_outages_total'] as const;

/** Both backends' snapshots of one server, OpenTelemetry first. */
async function collectBoth(reader: InMemoryReader, server: Server): Promise<(readonly [MetricSnapshot, 0 | 1])[]> {
  return [
    [await collectOtel(reader), 0],
    [await collectProm(server.metricsRegistry as Registry), 1],
  ];
}

describe('Metrics of adapter requests on a Redis cluster', function () {
  this.timeout(20_000);
  let a: Server | undefined;
  let b: Server | undefined;
  let reader: InMemoryReader;
  const clients = new ClientPool();

  before(async function () {
    await requireRedis(this);
  });

  afterEach(async () => {
    await clients.closeAll();
    await Promise.all([a?.close(), b?.close()]);
    a = b = undefined;
  });

  it('counts and times fetchSockets, allSockets and serverSideEmit with an ack; counts the one-way requests', async () => {
    const channel = uniqueChannel('classio-metrics');
    const otel = createOtelMetrics();
    reader = otel.reader;
    a = await startServer({
      messageQueue: REDIS_URL,
      channel,
      metrics: { openTelemetry: otel.provider, prometheus: true },
    });
    b = await startServer({ messageQueue: REDIS_URL, channel });
    b.of('/chat').on('ping', (n: unknown, reply: unknown) => (reply as (...answer: unknown[]) => void)('pong', n));
    const notes: unknown[] = [];
    b.of('/chat').on('note', (text: unknown) => void notes.push(text));
    await Promise.all([a.of('/chat').adapter.init(), b.of('/chat').adapter.init()]);
    const client = await clients.connect(b, '/chat', WEBSOCKET);
    const onB = b.of('/chat').sockets.get(client.id!)!;

    const chat = a.of('/chat');
    expect((await chat.fetchSockets()).map((socket) => socket.id)).to.deep.equal([client.id]);
    expect([...(await chat.allSockets())]).to.deep.equal([client.id]);
    const answers = await new Promise<unknown[]>((resolve, reject) =>
      chat.serverSideEmit('ping', 7, (err: Error | null, replies: unknown[]) => (err ? reject(err) : resolve(replies))),
    );
    expect(answers).to.deep.equal([['pong', 7]]);
    chat.serverSideEmit('note', 'hello');
    await until(() => notes.length === 1, 'the note on the other server');
    chat.socketsJoin('vip');
    await until(() => onB.rooms.has('vip'), 'the socket on the other server to join vip');
    chat.socketsLeave('vip');
    await until(() => !onB.rooms.has('vip'), 'the socket on the other server to leave vip');
    const news = nextEvent(client, 'news');
    chat.emit('news', 'across the cluster');
    await news;
    const gone = nextEvent<[string]>(client, 'disconnect');
    chat.disconnectSockets();
    expect((await gone)[0]).to.equal('io server disconnect');

    for (const [snapshot, backend] of await collectBoth(reader, a)) {
      const requests = (kind: string, outcome: string) =>
        valueOf(snapshot, REQUESTS[backend], { namespace: '/chat', kind, outcome });
      expect(requests('fetchSockets', 'ok')).to.equal(1);
      expect(requests('allSockets', 'ok')).to.equal(1);
      expect(requests('serverSideEmit', 'ok')).to.equal(1);
      expect(requests('serverSideEmit', 'sent')).to.equal(1);
      expect(requests('socketsJoin', 'sent')).to.equal(1);
      expect(requests('socketsLeave', 'sent')).to.equal(1);
      expect(requests('disconnectSockets', 'sent')).to.equal(1);
      // Only the requests that await answers are timed.
      for (const kind of ['fetchSockets', 'allSockets', 'serverSideEmit']) {
        expect(valueOf(snapshot, DURATION[backend], { namespace: '/chat', kind }), kind).to.equal(1);
      }
      expect(valueOf(snapshot, DURATION[backend], { namespace: '/chat', kind: 'socketsJoin' })).to.equal(0);
      // The broadcast left this server once; it delivered nothing here (its only recipient is on the other server).
      expect(valueOf(snapshot, BROADCASTS[backend], { namespace: '/chat' })).to.equal(1);
      expect(valueOf(snapshot, DELIVERIES[backend], { namespace: '/chat' })).to.equal(0);
      expect(valueOf(snapshot, OUTAGES[backend])).to.equal(0);
    }
  });
});

describe('Metrics of Redis outages', function () {
  this.timeout(30_000);
  let redis: ScratchRedis | undefined;
  let server: Server | undefined;

  before(function () {
    if (!existsSync(REDIS_SERVER_BIN)) {
      const reason = `${REDIS_SERVER_BIN} not found (set REDIS_SERVER_BIN)`;
      if (process.env.CLASSIO_REQUIRE_REDIS) throw new Error(`${reason} and CLASSIO_REQUIRE_REDIS is set`);
      console.log(`    (skipped: ${reason})`);
      this.skip();
    }
  });

  afterEach(async () => {
    await server?.close();
    await redis?.stop();
    server = redis = undefined;
  });

  it('counts each outage once, and a request that fails during one as an error', async () => {
    // A Redis of our own, stopped and started again: stopping the shared one would break everyone else's tests.
    redis = new ScratchRedis(await findFreePort());
    await redis.start();
    const otel = createOtelMetrics();
    const faults: unknown[][] = [];
    server = new Server({
      messageQueue: redis.url,
      channel: uniqueChannel('classio-outage-metrics'),
      metrics: { openTelemetry: otel.provider, prometheus: true },
      logger: { error: (...args: unknown[]) => faults.push(args) },
    });
    const nsp = server.of('/');
    await nsp.adapter.init();
    const link = (nsp.adapter as RedisAdapter).link;
    const outages = async () => valueOf(await collectOtel(otel.reader), OUTAGES[0]);

    for (const round of [1, 2]) {
      await redis.stop();
      await until(() => !link.isReady, `the link to notice outage ${round}`, 5000);
      await until(() => faults.length === round, `the fault of outage ${round}`, 5000);
      // ioredis fails again on every reconnect attempt: the outage is still one.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await outages(), `outages after outage ${round}`).to.equal(round);
      if (round === 1) {
        const err = await nsp.fetchSockets().catch((e: unknown) => e);
        expect(err).to.have.property('code', 'CLASSIO_ERR_CLUSTER');
      }
      await redis.start();
      await until(() => link.isReady, `the link to come back after outage ${round}`, 10_000);
    }
    expect(faults.map((fault) => fault[0])).to.deep.equal([
      '[classio] message queue unreachable',
      '[classio] message queue unreachable',
    ]);
    expect(faults[0][1]).to.have.property('code', 'CLASSIO_ERR_CLUSTER');
    for (const [snapshot, backend] of await collectBoth(otel.reader, server)) {
      expect(valueOf(snapshot, OUTAGES[backend])).to.equal(2);
      expect(valueOf(snapshot, REQUESTS[backend], { namespace: '/', kind: 'fetchSockets', outcome: 'error' })).to.equal(
        1,
      );
    }
  });
});
