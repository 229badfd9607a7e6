import { expect } from 'chai';
import { IsString } from 'class-validator';
import { container as rootContainer } from 'tsyringe';
import type { Socket as ClientSocket } from 'socket.io-client';
import type { Registry } from 'prom-client';
import { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import { ConnectedSocket, Namespace, On, Payload } from '../../src';
import { ConfigurationError } from '../../src/errors';
import { createRedisAdapter, createRedisStreamsAdapter } from '../../src/adapter/redis';
import { ClientPool, TRANSPORT_MODES, nextEvent, until } from '../support/io';
import { RawPolling } from '../support/raw-hostile-client';
import { request } from '../runtime/support';
import { thrownBy } from '../support/errors';
import {
  collectOtel,
  collectProm,
  createOtelMetrics,
  seriesOf,
  valueOf,
  type InMemoryReader,
  type MetricSnapshot,
} from './support';

const [WEBSOCKET, POLLING] = TRANSPORT_MODES;

class Line {
  @IsString()
  text!: string;
}

@Namespace('/chat')
class Chat {
  @On('say')
  say(@Payload() line: Line): number {
    return line.text.length;
  }

  @On('fail')
  fail(): never {
    throw new Error('boom');
  }

  @On('ask')
  async ask(@ConnectedSocket() socket: Socket): Promise<string> {
    try {
      await socket.timeout(200).emitWithAck('question');
      return 'answered';
    } catch {
      return 'timed out';
    }
  }
}

/** Each metric's OpenTelemetry name and Prometheus name. */
const NAMES = {
  received: ['classio.events.received', 'classio_events_received_total'],
  duration: ['classio.handler.duration', 'classio_handler_duration_seconds'],
  errors: ['classio.handler.errors', 'classio_handler_errors_total'],
  acksAnswered: ['classio.acks.answered', 'classio_acks_answered_total'],
  acksTimedOut: ['classio.acks.timed_out', 'classio_acks_timed_out_total'],
  connections: ['classio.connections', 'classio_connections'],
  sockets: ['classio.sockets', 'classio_sockets'],
  connects: ['classio.connects', 'classio_connects_total'],
  disconnects: ['classio.disconnects', 'classio_disconnects_total'],
  bytesIn: ['classio.transport.received', 'classio_transport_received_bytes_total'],
  bytesOut: ['classio.transport.sent', 'classio_transport_sent_bytes_total'],
  broadcasts: ['classio.broadcasts', 'classio_broadcasts_total'],
  deliveries: ['classio.broadcast.deliveries', 'classio_broadcast_deliveries_total'],
  adapterRequests: ['classio.adapter.requests', 'classio_adapter_requests_total'],
  adapterDuration: ['classio.adapter.request.duration', 'classio_adapter_request_duration_seconds'],
  outages: ['classio.cluster.outages', 'classio_cluster_outages_total'],
} as const;

type MetricKey = keyof typeof NAMES;

const CHUNK = 'x'.repeat(16 * 1024);

describe('Metrics', () => {
  let server: Server;
  let reader: InMemoryReader;
  const clients = new ClientPool();

  beforeEach(async () => {
    const otel = createOtelMetrics();
    reader = otel.reader;
    server = new Server({
      logger: false,
      container: rootContainer.createChildContainer(),
      metrics: { openTelemetry: otel.provider, prometheus: true },
      maxBufferedBytes: 64 * 1024,
    });
    server.register(Chat);
    server.of('/chat').use((socket, next) => next(socket.handshake.auth.name ? undefined : new Error('who are you?')));
    await server.listen(0);
  });

  afterEach(async () => {
    await clients.closeAll();
    await server.close();
  });

  /**
   * Connects, events, a failing handler, a validation error, an unknown event, an ack answered and one timed out,
   * a broadcast, an adapter request, a client leaving and a slow consumer dropped.
   */
  async function playSession(): Promise<void> {
    const alice = await clients.connect(server, '/chat', WEBSOCKET, { auth: { name: 'alice' } });
    const bob = await clients.connect(server, '/chat', POLLING, { auth: { name: 'bob' } });
    const stranger = clients.open(server, '/chat', WEBSOCKET);
    await nextEvent(stranger, 'connect_error');
    stranger.close();

    expect(await request(alice, 'say', { text: 'hello' })).to.equal(5);
    expect(await request(alice, 'say', { text: 42 })).to.have.nested.property('error.code', 'CLASSIO_ERR_VALIDATION');
    expect(await request(alice, 'fail')).to.have.nested.property('error.code', 'CLASSIO_ERR_HANDLER');
    expect(await request(alice, 'no such event')).to.have.nested.property('error.code', 'CLASSIO_ERR_UNKNOWN_EVENT');
    alice.on('question', (answer: (value: string) => void) => answer('yes'));
    expect(await request(alice, 'ask')).to.equal('answered');
    expect(await request(bob, 'ask')).to.equal('timed out');

    const news = Promise.all([nextEvent(alice, 'news'), nextEvent(bob, 'news')]);
    server.of('/chat').emit('news', 'extra');
    await news;
    expect(await server.of('/chat').fetchSockets()).to.have.length(2);

    bob.disconnect();
    await until(() => server.of('/chat').sockets.size === 1, 'bob to leave /chat');

    const stalled = await RawPolling.connect(server.port);
    const socket = [...server.of('/').sockets.values()].find((s) => s.conn.id === stalled.sid)!;
    for (let sent = 0; !socket.disconnected && sent < 64; sent++) {
      socket.emit('data', CHUNK);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await until(() => server.of('/').sockets.size === 0, 'the stalled reader to be dropped');
    await until(() => server.engine.clientsCount === 1, 'only alice to stay connected');
  }

  function checkSession(snapshot: MetricSnapshot, backend: 0 | 1): void {
    const value = (key: MetricKey, labels: Record<string, string> = {}) =>
      valueOf(snapshot, NAMES[key][backend], labels);
    const chat = (event: string) => ({ namespace: '/chat', event });
    expect(value('received', chat('say'))).to.equal(2);
    expect(value('received', chat('fail'))).to.equal(1);
    expect(value('received', chat('ask'))).to.equal(2);
    expect(value('received', chat('(unknown)'))).to.equal(1);
    expect(value('duration', chat('say'))).to.equal(2);
    expect(value('duration', chat('ask'))).to.equal(2);
    expect(value('errors', { ...chat('say'), code: 'CLASSIO_ERR_VALIDATION' })).to.equal(1);
    expect(value('errors', { ...chat('fail'), code: 'CLASSIO_ERR_HANDLER' })).to.equal(1);
    expect(value('errors', { ...chat('ask'), code: 'CLASSIO_ERR_HANDLER' })).to.equal(0);
    expect(value('acksAnswered', chat('question'))).to.equal(1);
    expect(value('acksTimedOut', chat('question'))).to.equal(1);
    expect(value('connects', { namespace: '/chat', outcome: 'accepted' })).to.equal(2);
    expect(value('connects', { namespace: '/chat', outcome: 'refused' })).to.equal(1);
    expect(value('connects', { namespace: '/', outcome: 'accepted' })).to.equal(1);
    expect(value('disconnects', { namespace: '/chat', reason: 'client namespace disconnect' })).to.equal(1);
    expect(value('disconnects', { namespace: '/', reason: 'slow consumer' })).to.equal(1);
    expect(value('connections')).to.equal(1);
    expect(value('sockets', { namespace: '/chat' })).to.equal(1);
    expect(value('sockets', { namespace: '/' })).to.equal(0);
    expect(value('bytesIn', { transport: 'websocket' })).to.be.greaterThan(0);
    expect(value('bytesIn', { transport: 'polling' })).to.be.greaterThan(0);
    // The stalled reader alone was sent more than maxBufferedBytes before it was dropped.
    expect(value('bytesOut', { transport: 'polling' })).to.be.greaterThan(64 * 1024);
    expect(value('bytesOut', { transport: 'websocket' })).to.be.greaterThan(0);
    expect(value('broadcasts', { namespace: '/chat' })).to.equal(1);
    expect(value('deliveries', { namespace: '/chat' })).to.equal(2);
    expect(value('adapterRequests', { namespace: '/chat', kind: 'fetchSockets', outcome: 'ok' })).to.equal(1);
    expect(value('adapterDuration', { namespace: '/chat', kind: 'fetchSockets' })).to.equal(1);
    expect(value('outages')).to.equal(0);
  }

  it('records a scripted session through an OpenTelemetry meter provider', async () => {
    await playSession();
    checkSession(await collectOtel(reader), 0);
  });

  it('records the same session in a prom-client registry, served as Prometheus text', async () => {
    await playSession();
    const registry = server.metricsRegistry as Registry;
    checkSession(await collectProm(registry), 1);
    const text = await registry.metrics();
    expect(text).to.include('# TYPE classio_handler_duration_seconds histogram');
    expect(text).to.include('classio_events_received_total{namespace="/chat",event="say"} 2');
  });

  it('keeps one series for unknown events when a client sends 10,000 distinct names', async () => {
    const client: ClientSocket = await clients.connect(server, '/chat', WEBSOCKET, { auth: { name: 'mallory' } });
    for (let i = 0; i < 10_000; i++) client.emit(`random-${i}`, i);
    expect(await client.timeout(8000).emitWithAck('say', { text: 'sync' })).to.equal(4);
    for (const [snapshot, backend] of [
      [await collectOtel(reader), 0],
      [await collectProm(server.metricsRegistry as Registry), 1],
    ] as const) {
      const received = seriesOf(snapshot, NAMES.received[backend]);
      expect(received.map((s) => s.labels.event).sort()).to.deep.equal(['(unknown)', 'say']);
      expect(valueOf(snapshot, NAMES.received[backend], { namespace: '/chat', event: '(unknown)' })).to.equal(10_000);
      // No other metric grew a label from what the client sent either.
      const events = new Set<unknown>();
      for (const key of Object.keys(NAMES) as MetricKey[]) {
        for (const series of seriesOf(snapshot, NAMES[key][backend])) events.add(series.labels.event);
      }
      expect([...events].filter((e) => typeof e === 'string' && e.startsWith('random-'))).to.deep.equal([]);
    }
  });
});

describe('Metrics of a cluster', () => {
  let server: Server | undefined;

  afterEach(async () => {
    await server?.close();
  });

  it('counts an outage of the message queue and logs it as a cluster fault', async () => {
    const otel = createOtelMetrics();
    const logged: unknown[][] = [];
    // Port 1 refuses connections: the Redis adapter's first attempt fails at once.
    server = new Server({
      messageQueue: 'redis://127.0.0.1:1',
      channel: `classio-test-${process.pid}-${Date.now()}`,
      metrics: { openTelemetry: otel.provider },
      logger: { error: (...args: unknown[]) => logged.push(args) },
    });
    const outages = async () => valueOf(await collectOtel(otel.reader), 'classio.cluster.outages');
    const deadline = Date.now() + 5000;
    while ((await outages()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await outages()).to.equal(1);
    expect(logged[0][0]).to.equal('[classio] message queue unreachable');
  });

  const factories = {
    createRedisAdapter: (onError: (err: Error) => void) =>
      createRedisAdapter({ url: 'redis://127.0.0.1:1', channel: `classio-test-${process.pid}-${Date.now()}`, onError }),
    createRedisStreamsAdapter: (onError: (err: Error) => void) =>
      createRedisStreamsAdapter({
        url: 'redis://127.0.0.1:1',
        streamName: `classio-test-${process.pid}-${Date.now()}`,
        onError,
      }),
  };
  for (const [name, factory] of Object.entries(factories)) {
    it(`counts an outage of an adapter made with ${name} too, and calls its onError`, async () => {
      const otel = createOtelMetrics();
      const logged: unknown[][] = [];
      const reported: Error[] = [];
      server = new Server({
        adapter: factory((err) => reported.push(err)),
        metrics: { openTelemetry: otel.provider },
        logger: { error: (...args: unknown[]) => logged.push(args) },
      });
      const outages = async () => valueOf(await collectOtel(otel.reader), 'classio.cluster.outages');
      const deadline = Date.now() + 5000;
      while ((await outages()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await outages()).to.equal(1);
      expect(logged[0][0]).to.equal('[classio] message queue unreachable');
      expect(reported).to.have.length(1);
    });
  }
});

describe('Metrics options', () => {
  it('are off by default: nothing is instrumented', () => {
    const server = new Server({ logger: false, logLevel: 'silent' });
    expect(server.instrumentation).to.equal(null);
    expect(server.metricsRegistry).to.equal(null);
    // No connection counts its bytes either: each reads this once, and a null costs one check per message.
    expect(server.trafficProbe).to.equal(null);
  });

  it('refuses a metrics value of the wrong type with CLASSIO_ERR_CONFIG', () => {
    const bad = [
      { metrics: 'yes' },
      { metrics: { prometheus: 'yes' } },
      { metrics: { openTelemetry: {} } },
      { metrics: { histogram: true } },
      { tracing: 1 },
      { tracing: { tracerProvider: {} } },
      { logLevel: 'verbose' },
      { logger: { log() {} } },
    ];
    for (const options of bad) {
      thrownBy(() => new Server(options as never), ConfigurationError, 'CLASSIO_ERR_CONFIG');
    }
  });
});
