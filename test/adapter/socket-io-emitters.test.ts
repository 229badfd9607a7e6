import { Emitter as RedisEmitter } from '@socket.io/redis-emitter';
import { expect } from 'chai';
import Redis from 'ioredis';
import { encode } from 'notepack.io';
import { Emitter } from '../../src/emitter';
import { ClusterNode, REDIS_URL, requireRedis, uniqueChannel } from './redis-support';
import { connect, type Client } from './socket-io-support';

/** What `socket.io-emitter` 3.2 (no type declarations of its own) offers, as far as these tests use it. */
interface LegacyEmitter {
  readonly redis: { quit(callback?: () => void): void };
  to(room: string): LegacyEmitter;
  emit(event: string, ...args: unknown[]): LegacyEmitter;
}

/** MessagePack as notepack.io 3 writes it (its types say `any`: it also runs in browsers). */
function pack(value: unknown): Buffer {
  return encode(value) as Buffer;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS package without type declarations
const createLegacyEmitter = require('socket.io-emitter') as (opts: object, more?: object) => LegacyEmitter;

/**
 * The emitters of a Socket.IO fleet, unchanged, publishing into a mixed cluster (one classio server in the
 * `socket.io` format, one Socket.IO 4.8 server on `@socket.io/redis-adapter`): `@socket.io/redis-emitter` 5.x
 * (notepack.io 3) and `socket.io-emitter` 3.2 (notepack.io 2, with its own redis 2.x client). Then malformed
 * messages on the cluster's channels.
 */
describe('Redis adapter, socket.io format: emitters and foreign messages', function () {
  let key: string;
  let classio: ClusterNode;
  let socketIo: ClusterNode;
  let redis: Redis;
  let onClassio: Client;
  let onSocketIo: Client;
  let sentinels = 0;

  before(async function () {
    await requireRedis(this);
    key = uniqueChannel('sio-emitters');
    redis = new Redis(REDIS_URL);
    [classio, socketIo] = await Promise.all([
      ClusterNode.start(REDIS_URL, key, 'sio-classio-node.js'),
      ClusterNode.start(REDIS_URL, key, 'sio-node.js'),
    ]);
  });

  after(async () => {
    await Promise.all([classio?.stop(), socketIo?.stop(), redis?.quit()]);
  });

  beforeEach(async () => {
    [onClassio, onSocketIo] = await Promise.all([connect(classio, 'websocket'), connect(socketIo, 'polling')]);
  });

  afterEach(() => {
    onClassio?.socket.disconnect();
    onSocketIo?.socket.disconnect();
    expect(socketIo.events.filter((e) => (e.type as string) === 'crashed')).to.deep.equal([]);
    expect(classio.isAlive && socketIo.isAlive, `stderr:\n${classio.stderr}${socketIo.stderr}`).to.equal(true);
  });

  /** Waits until both clients have a sentinel emitted by `emitter` after everything it published before. */
  async function settle(emitter: { emit(event: string): unknown }): Promise<void> {
    const marker = `sentinel-${++sentinels}`;
    emitter.emit(marker);
    await Promise.all([onClassio.next(marker), onSocketIo.next(marker)]);
  }

  describe('@socket.io/redis-emitter 5.x', () => {
    let emitter: RedisEmitter;

    beforeEach(() => {
      emitter = new RedisEmitter(redis, { key });
    });

    it('reaches the clients of both servers, binary included', async () => {
      emitter.emit('bulletin', 'text', Buffer.from([9, 8, 7]), { n: 1 });
      for (const client of [onClassio, onSocketIo]) {
        const [text, bytes, object] = (await client.next('bulletin')) as [string, Buffer, object];
        expect(text).to.equal('text');
        expect([...bytes]).to.deep.equal([9, 8, 7]);
        expect(object).to.deep.equal({ n: 1 });
      }
    });

    it('reaches one room, minus the exclusions, on both servers', async () => {
      emitter.in([onClassio.id, onSocketIo.id]).socketsJoin('desk');
      emitter.to('desk').emit('to-desk', 1);
      emitter.to('desk').except(onSocketIo.id).emit('to-desk-but-one', 2);
      await settle(emitter);
      expect([onClassio.count('to-desk'), onSocketIo.count('to-desk')]).to.deep.equal([1, 1]);
      expect([onClassio.count('to-desk-but-one'), onSocketIo.count('to-desk-but-one')]).to.deep.equal([1, 0]);
    });

    it('makes sockets of both servers leave a room, and disconnects them', async () => {
      emitter.in([onClassio.id, onSocketIo.id]).socketsJoin('hall');
      emitter.in('hall').socketsLeave('hall');
      emitter.to('hall').emit('in-hall');
      await settle(emitter);
      expect([onClassio.count('in-hall'), onSocketIo.count('in-hall')]).to.deep.equal([0, 0]);
      const reasons = [onClassio, onSocketIo].map(
        (client) => new Promise((resolve) => client.socket.once('disconnect', resolve)),
      );
      emitter.disconnectSockets();
      expect(await Promise.all(reasons)).to.deep.equal(['io server disconnect', 'io server disconnect']);
    });

    it("reaches both servers' serverSideEmit listeners", async () => {
      const since = [classio.events.length, socketIo.events.length];
      emitter.serverSideEmit('greeting', 'from the emitter');
      const received = await Promise.all([
        classio.waitFor((e) => e.type === 'serverSideEmit', since[0]),
        socketIo.waitFor((e) => e.type === 'serverSideEmit', since[1]),
      ]);
      expect(received.map((e) => e.args)).to.deep.equal([['from the emitter'], ['from the emitter']]);
    });
  });

  describe('socket.io-emitter 3.2 (notepack.io 2)', () => {
    let emitter: LegacyEmitter;

    beforeEach(() => {
      const { hostname, port } = new URL(REDIS_URL);
      emitter = createLegacyEmitter({ host: hostname, port: Number(port || 6379), key });
    });

    afterEach(async () => {
      await new Promise<void>((resolve) => emitter.redis.quit(() => resolve()));
    });

    it('reaches the clients of both servers, with a Buffer, an ArrayBuffer and undefined fields', async () => {
      // notepack.io 2 writes the ArrayBuffer and `undefined` as its extension 0, where notepack.io 3 writes bin and nil.
      const arrayBuffer = new Uint8Array([4, 5]).buffer;
      emitter.emit('legacy', Buffer.from([1, 2]), arrayBuffer, { kept: 1, dropped: undefined });
      for (const client of [onClassio, onSocketIo]) {
        const [buffer, fromArrayBuffer, object] = (await client.next('legacy')) as [Buffer, Buffer, object];
        expect([...buffer]).to.deep.equal([1, 2]);
        expect([...Buffer.from(fromArrayBuffer)]).to.deep.equal([4, 5]);
        expect(object).to.deep.equal({ kept: 1 });
      }
    });

    it('reaches one room on both servers', async () => {
      new RedisEmitter(redis, { key }).in([onClassio.id, onSocketIo.id]).socketsJoin('legacy-room');
      await settle(new RedisEmitter(redis, { key }));
      emitter.to('legacy-room').emit('in-legacy-room', 'yes');
      emitter.to(onSocketIo.id).emit('only-socket-io');
      await settle(emitter);
      expect([onClassio.count('in-legacy-room'), onSocketIo.count('in-legacy-room')]).to.deep.equal([1, 1]);
      expect([onClassio.count('only-socket-io'), onSocketIo.count('only-socket-io')]).to.deep.equal([0, 1]);
    });
  });

  describe("classio's Emitter, format 'socket.io'", () => {
    let emitter: Emitter;

    beforeEach(() => {
      emitter = new Emitter({ messageQueue: REDIS_URL, channel: key, format: 'socket.io' });
    });

    afterEach(() => emitter.close());

    it('reaches the clients of both servers, binary included, in rooms and minus exclusions', async () => {
      await emitter.emit('from-classio-emitter', Buffer.from([3, 1]), 'x');
      for (const client of [onClassio, onSocketIo]) {
        const [bytes, text] = (await client.next('from-classio-emitter')) as [Buffer, string];
        expect([...bytes, text]).to.deep.equal([3, 1, 'x']);
      }
      await emitter.in([onClassio.id, onSocketIo.id]).socketsJoin('club');
      await emitter.to('club').except(onClassio.id).emit('club-news');
      await emitter.in('club').socketsLeave('club');
      await emitter.to('club').emit('after-leave');
      await settle(emitter);
      expect([onClassio.count('club-news'), onSocketIo.count('club-news')]).to.deep.equal([0, 1]);
      expect([onClassio.count('after-leave'), onSocketIo.count('after-leave')]).to.deep.equal([0, 0]);
    });

    it("disconnects the clients of both servers and reaches both servers' serverSideEmit listeners", async () => {
      const since = [classio.events.length, socketIo.events.length];
      await emitter.of('/').serverSideEmit('greeting', 'from classio');
      const received = await Promise.all([
        classio.waitFor((e) => e.type === 'serverSideEmit', since[0]),
        socketIo.waitFor((e) => e.type === 'serverSideEmit', since[1]),
      ]);
      expect(received.map((e) => e.args)).to.deep.equal([['from classio'], ['from classio']]);
      const reasons = [onClassio, onSocketIo].map(
        (client) => new Promise((resolve) => client.socket.once('disconnect', resolve)),
      );
      await emitter.to(onSocketIo.id).disconnectSockets();
      await emitter.to(onClassio.id).disconnectSockets(true);
      // `close` ends the whole connection without a DISCONNECT packet, as Socket.IO's `disconnect(true)` does.
      expect(await Promise.all(reasons)).to.deep.equal(['transport close', 'io server disconnect']);
    });
  });

  describe('foreign and malformed messages', () => {
    it('crash neither server on the request and response channels, and the cluster keeps working', async () => {
      const junk = [
        Buffer.from([0xc1]),
        Buffer.from('{not json'),
        Buffer.from('[1,2]'),
        Buffer.from('null'),
        Buffer.from(JSON.stringify({ type: 99, uid: 'x' })),
        Buffer.from(JSON.stringify({ requestId: 'unknown', sockets: 'x' })),
        pack({ type: 8, requestId: 'nobody', clientCount: 'many' }),
      ];
      for (const data of junk) {
        await redis.publish(`${key}-request#/#`, data);
        await redis.publish(`${key}-response#/#`, data);
      }
      const sockets = await classio.run<{ id: string }[]>('fetchSockets');
      expect(sockets.map((s) => s.id).sort()).to.deep.equal([onClassio.id, onSocketIo.id].sort());
    });
  });
});

/**
 * Socket.IO 4.8's adapter crashes its own process on a malformed message of a broadcast channel (`Could not parse`,
 * `Cannot create property 'nsp' on number`, a room list that is not iterable: measured with the fixture), so these
 * run against a classio server alone on its key prefix: it must drop them all and keep serving.
 */
describe('Redis adapter, socket.io format: a classio server and malformed messages', function () {
  let key: string;
  let classio: ClusterNode;
  let redis: Redis;

  before(async function () {
    await requireRedis(this);
    key = uniqueChannel('sio-malformed');
    redis = new Redis(REDIS_URL);
    classio = await ClusterNode.start(REDIS_URL, key, 'sio-classio-node.js');
  });

  after(async () => {
    await Promise.all([classio?.stop(), redis?.quit()]);
  });

  it('drops malformed messages on every channel and keeps serving', async () => {
    const client = await connect(classio, 'websocket');
    const packet = { type: 2, data: ['x'], nsp: '/' };
    const broadcasts = [
      Buffer.from([0xc1]),
      Buffer.from([0x93, 0xa1]),
      pack('hello'),
      pack(['uid', 1, ['2["x"]'], [[], []], false]),
      pack(['uid', null, {}]),
      pack(['uid', packet, { rooms: 5 }]),
      pack(['uid', packet, { rooms: [{}] }]),
      pack(['uid', { type: 2, data: 'x', nsp: '/' }, {}]),
      pack(['uid', { type: 2, data: [42], nsp: '/' }, {}]),
      pack(['uid', { type: 2, data: ['connect'], nsp: '/' }, {}]),
      pack(['uid', { type: 2, data: ['x'], nsp: 3 }, {}]),
      pack(['uid', { type: 0, data: ['x'], nsp: '/' }, {}]),
    ];
    for (const data of broadcasts) {
      await redis.publish(`${key}#/#`, data);
      await redis.publish(`${key}#/#${client.id}#`, data);
    }
    const requests = [
      { type: 0, rooms: 'x' },
      { type: 2, opts: { rooms: 5 }, rooms: ['r'] },
      { type: 2, opts: {}, rooms: 'r' },
      { type: 3, opts: null },
      { type: 4, opts: { except: {} } },
      { type: 4, sid: 42 },
      { type: 5, opts: 'all' },
      { type: 6, data: 'x' },
      { type: 6, requestId: 'r', data: ['greeting', 1] },
      { type: 7, requestId: 'r', packet: 'x', opts: {} },
      { type: 7, requestId: 'r', packet: { data: ['connect'] }, opts: {} },
    ];
    for (const request of requests) {
      await redis.publish(`${key}-request#/#`, Buffer.from(JSON.stringify(request)));
      await redis.publish(`${key}-request#/#`, pack(request));
    }
    await redis.publish(`${key}-response#/#`, Buffer.from([0xc1]));
    await redis.publish(`${key}-response#/#`, pack({ requestId: 5 }));
    new RedisEmitter(redis, { key }).emit('still-serving', 1);
    expect(await client.next('still-serving')).to.deep.equal([1]);
    expect(client.received.map(([event]) => event)).to.deep.equal(['still-serving']);
    expect(classio.isAlive, classio.stderr).to.equal(true);
    client.socket.disconnect();
  });
});
