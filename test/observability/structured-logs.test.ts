import { expect } from 'chai';
import pino from 'pino';
import { container as rootContainer } from 'tsyringe';
import { Server, type ServerOptions } from '../../src/server';
import { Namespace, On } from '../../src';
import type { Socket } from '../../src/namespace/socket';
import { ClientPool, TRANSPORT_MODES, nextEvent, until } from '../support/io';
import { RawPolling } from '../support/raw-hostile-client';
import { request } from '../runtime/support';

const [WEBSOCKET] = TRANSPORT_MODES;

@Namespace('/chat')
class Chat {
  @On('fail')
  fail(): never {
    throw new Error('boom');
  }
}

/** A pino record as written (pino's numeric levels: 30 info, 40 warn, 50 error). */
interface LogRecord {
  readonly level: number;
  readonly msg: string;
  readonly sid?: string;
  readonly namespace?: string;
  readonly event?: string;
  readonly reason?: string;
  readonly code?: string;
  readonly err?: { message: string };
}

const INFO = 30;
const WARN = 40;
const ERROR = 50;

describe('Structured logs', () => {
  let server: Server | undefined;
  let records: LogRecord[];
  const clients = new ClientPool();

  /** A server logging through a real pino logger into `records`. */
  async function start(options: ServerOptions): Promise<Server> {
    records = [];
    const logger = pino(
      { level: 'debug' },
      { write: (line: string) => void records.push(JSON.parse(line) as LogRecord) },
    );
    server = new Server({ container: rootContainer.createChildContainer(), logger, ...options });
    server.register(Chat);
    server.of('/chat').use((socket, next) => next(socket.handshake.auth.name ? undefined : new Error('who are you?')));
    await server.listen(0);
    return server;
  }

  afterEach(async () => {
    await clients.closeAll();
    await server?.close();
    server = undefined;
  });

  /** Connects a polling client that never reads and writes to it until the server drops it as a slow consumer. */
  async function dropSlowConsumer(s: Server): Promise<Socket> {
    const stalled = await RawPolling.connect(s.port);
    const socket = [...s.of('/').sockets.values()].find((candidate) => candidate.conn.id === stalled.sid)!;
    for (let sent = 0; !socket.disconnected && sent < 64; sent++) {
      socket.emit('data', 'x'.repeat(16 * 1024));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await until(() => socket.disconnected, 'the slow consumer to be dropped');
    return socket;
  }

  const find = (msg: string | RegExp) =>
    records.filter((r) => (typeof msg === 'string' ? r.msg === msg : msg.test(r.msg)));

  it('gives a pino logger records with level, message, sid, namespace, event and error code', async () => {
    const s = await start({ logLevel: 'info', maxBufferedBytes: 64 * 1024 });
    const alice = await clients.connect(s, '/chat', WEBSOCKET, { auth: { name: 'alice' } });
    const sid = [...s.of('/chat').sockets.keys()][0];
    const stranger = clients.open(s, '/chat', WEBSOCKET);
    await nextEvent(stranger, 'connect_error');
    expect(await request(alice, 'fail')).to.have.nested.property('error.code', 'CLASSIO_ERR_HANDLER');

    const socket = await dropSlowConsumer(s);
    await until(() => find(/^slow consumer/).length === 1, 'the slow consumer record');

    expect(find('socket connected').find((r) => r.namespace === '/chat')).to.deep.include({ level: INFO, sid });
    expect(find('connection refused')[0]).to.deep.include({
      level: INFO,
      namespace: '/chat',
      reason: 'who are you?',
      code: 'CLASSIO_ERR_CONNECT',
    });
    expect(find('connection refused')[0].sid).to.be.a('string');
    const failure = find('handler of "fail" in /chat failed')[0];
    expect(failure).to.deep.include({
      level: ERROR,
      sid,
      namespace: '/chat',
      event: 'fail',
      code: 'CLASSIO_ERR_HANDLER',
    });
    expect(failure.err?.message).to.equal('boom');
    expect(find(/^slow consumer/)[0]).to.deep.include({
      level: WARN,
      sid: socket.id,
      namespace: '/',
      reason: 'slow consumer',
    });
  });

  it('logs a cluster fault at error level', async () => {
    await start({ messageQueue: 'redis://127.0.0.1:1', channel: `classio-logs-${process.pid}-${Date.now()}` });
    await until(() => find('message queue unreachable').length > 0, 'the cluster fault record', 5000);
    const fault = find('message queue unreachable')[0];
    expect(fault).to.deep.include({ level: ERROR, code: 'CLASSIO_ERR_CLUSTER' });
    expect(fault.err?.message).to.match(/^the message queue is unreachable: .*ECONNREFUSED/);
  });

  it('writes only what logLevel asks for: warn (the default) drops connects, error slow consumers, silent all', async () => {
    const s = await start({});
    const alice = await clients.connect(s, '/chat', WEBSOCKET, { auth: { name: 'alice' } });
    await request(alice, 'fail');
    expect(records.map((r) => r.msg)).to.deep.equal(['handler of "fail" in /chat failed']);
    await clients.closeAll();
    await s.close();

    const errorsOnly = await start({ logLevel: 'error', maxBufferedBytes: 64 * 1024 });
    const carol = await clients.connect(errorsOnly, '/chat', WEBSOCKET, { auth: { name: 'carol' } });
    await dropSlowConsumer(errorsOnly);
    await request(carol, 'fail');
    expect(records.map((r) => r.msg)).to.deep.equal(['handler of "fail" in /chat failed']);
    await clients.closeAll();
    await errorsOnly.close();

    const quiet = await start({ logLevel: 'silent' });
    const bob = await clients.connect(quiet, '/chat', WEBSOCKET, { auth: { name: 'bob' } });
    await request(bob, 'fail');
    expect(records).to.deep.equal([]);
  });

  it('keeps calling a plain logger as error(message, err)', async () => {
    const lines: unknown[][] = [];
    server = new Server({
      container: rootContainer.createChildContainer(),
      logLevel: 'info',
      logger: { error: (...args: unknown[]) => lines.push(args) },
    });
    server.register(Chat);
    await server.listen(0);
    const client = await clients.connect(server, '/chat', WEBSOCKET, { auth: { name: 'carol' } });
    await request(client, 'fail');
    expect(lines).to.have.length(1);
    expect(lines[0][0]).to.equal('[classio] handler of "fail" in /chat failed');
    expect((lines[0][1] as Error).message).to.equal('boom');
  });
});
