import 'reflect-metadata';
import { expect } from 'chai';
import { ConfigurationError } from '../../src/errors';
import { Server } from '../../src/server';
import { markBinary, reviveBinary } from './fixtures/ipc-values';
import { ClusterNode, REDIS_URL, requireRedis, uniqueChannel } from './redis-support';
import { connect, type Client } from './socket-io-support';

/**
 * A mixed cluster on the real Redis: one classio server (Redis adapter, `format: 'socket.io'`) and one Socket.IO 4.8
 * server on `@socket.io/redis-adapter` 8.x, each in its own process, on one key prefix; official clients on both.
 * Every operation runs in both directions; a test name says which server issues it.
 */

describe('Redis adapter, socket.io format: a mixed cluster with Socket.IO 4.8', function () {
  let key: string;
  let classio: ClusterNode;
  let socketIo: ClusterNode;
  let sentinels = 0;

  before(async function () {
    await requireRedis(this);
    key = uniqueChannel('sio-interop');
    [classio, socketIo] = await Promise.all([
      ClusterNode.start(REDIS_URL, key, 'sio-classio-node.js'),
      ClusterNode.start(REDIS_URL, key, 'sio-node.js'),
    ]);
  });

  after(async () => {
    await Promise.all([classio?.stop(), socketIo?.stop()]);
  });

  afterEach(() => {
    // Neither process may have died: a crash of the Socket.IO one is reported by its fixture before it exits.
    expect(socketIo.events.filter((e) => (e.type as string) === 'crashed')).to.deep.equal([]);
    expect(classio.isAlive && socketIo.isAlive, `stderr:\n${classio.stderr}${socketIo.stderr}`).to.equal(true);
  });

  /** Runs a command with binary arguments and results carried over IPC. */
  async function run<T>(node: ClusterNode, op: string, params: Record<string, unknown> = {}): Promise<T> {
    return reviveBinary(await node.run(op, markBinary(params) as Record<string, unknown>)) as T;
  }

  /**
   * Broadcasts a sentinel from `from` to everyone and waits until `targets` have it: messages of one publisher
   * arrive in order, so whatever `from` published before has been applied.
   */
  async function settle(from: ClusterNode, targets: Client[]): Promise<void> {
    const marker = `sentinel-${++sentinels}`;
    await from.run('emit', { event: marker, args: [] });
    await Promise.all(targets.map((client) => client.next(marker)));
  }

  for (const [classioTransport, socketIoTransport] of [
    ['websocket', 'polling'],
    ['polling', 'websocket'],
  ] as const) {
    describe(`clients over ${classioTransport} on classio, ${socketIoTransport} on Socket.IO`, () => {
      let onClassio: Client;
      let onSocketIo: Client;

      beforeEach(async () => {
        [onClassio, onSocketIo] = await Promise.all([
          connect(classio, classioTransport),
          connect(socketIo, socketIoTransport),
        ]);
      });

      afterEach(() => {
        onClassio?.socket.disconnect();
        onSocketIo?.socket.disconnect();
      });

      const directions = [
        {
          name: 'classio to Socket.IO',
          from: () => classio,
          to: () => socketIo,
          local: () => onClassio,
          remote: () => onSocketIo,
        },
        {
          name: 'Socket.IO to classio',
          from: () => socketIo,
          to: () => classio,
          local: () => onSocketIo,
          remote: () => onClassio,
        },
      ];

      for (const { name, from, to, local, remote } of directions) {
        describe(name, () => {
          it('delivers a broadcast to the clients of both servers, exactly once', async () => {
            await run(from(), 'emit', { event: 'news', args: [{ text: 'hi', n: 2 }, [1, null]] });
            await settle(from(), [local(), remote()]);
            for (const client of [local(), remote()]) {
              expect(client.count('news')).to.equal(1);
              expect(await client.next('news')).to.deep.equal([{ text: 'hi', n: 2 }, [1, null]]);
            }
          });

          it('delivers binary payloads as binary', async () => {
            const bytes = Buffer.from([0, 1, 2, 250, 255]);
            await run(from(), 'emit', { event: 'file', args: [bytes, { nested: bytes, name: 'f' }] });
            const [direct, wrapped] = (await remote().next('file')) as [Buffer, { nested: Buffer; name: string }];
            expect(Buffer.isBuffer(direct)).to.equal(true);
            expect(direct.equals(bytes)).to.equal(true);
            expect(wrapped.name).to.equal('f');
            expect(Buffer.from(wrapped.nested).equals(bytes)).to.equal(true);
          });

          it('makes a remote socket join a room (socketsJoin), then delivers room broadcasts to it only', async () => {
            await run(from(), 'socketsJoin', { rooms: [remote().id], join: ['red'] });
            await settle(from(), [remote()]);
            expect(await run(to(), 'localRooms', { sid: remote().id })).to.deep.equal([remote().id, 'red'].sort());
            await run(from(), 'emit', { event: 'paint', args: ['red'], rooms: ['red'] });
            expect(await remote().next('paint')).to.deep.equal(['red']);
            await settle(from(), [local(), remote()]);
            expect([local().count('paint'), remote().count('paint')]).to.deep.equal([0, 1]);
          });

          it('makes a remote socket leave a room (socketsLeave)', async () => {
            await run(from(), 'socketsJoin', { rooms: [remote().id], join: ['blue', 'green'] });
            await run(from(), 'socketsLeave', { rooms: ['blue'], leave: ['blue'] });
            await settle(from(), [remote()]);
            expect(await run(to(), 'localRooms', { sid: remote().id })).to.deep.equal([remote().id, 'green'].sort());
            await run(from(), 'emit', { event: 'in-blue', args: [], rooms: ['blue'] });
            await settle(from(), [local(), remote()]);
            expect(remote().count('in-blue')).to.equal(0);
          });

          it('honours exclusions on the remote server', async () => {
            await run(from(), 'socketsJoin', { rooms: [remote().id], join: ['muted'] });
            await run(from(), 'emit', { event: 'loud', args: [1], except: ['muted'] });
            await run(from(), 'emit', {
              event: 'two-rooms',
              args: [2],
              rooms: ['muted', local().id],
              except: [local().id],
            });
            await settle(from(), [local(), remote()]);
            expect([local().count('loud'), remote().count('loud')]).to.deep.equal([1, 0]);
            expect([local().count('two-rooms'), remote().count('two-rooms')]).to.deep.equal([0, 1]);
          });

          it('disconnects a remote socket (disconnectSockets)', async () => {
            const reason = new Promise((resolve) => remote().socket.once('disconnect', resolve));
            await run(from(), 'disconnectSockets', { rooms: [remote().id] });
            expect(await reason).to.equal('io server disconnect');
            expect(local().socket.connected).to.equal(true);
          });

          it('fetches the sockets of both servers (fetchSockets), with their rooms and data', async () => {
            await run(from(), 'socketsJoin', { rooms: [remote().id], join: ['fetched'] });
            await settle(from(), [remote()]);
            const sockets = await run<{ id: string; rooms: string[]; data: { server: string } }[]>(
              from(),
              'fetchSockets',
            );
            const remoteServer = to() === classio ? 'classio' : 'socket.io';
            expect(sockets.find((s) => s.id === remote().id)).to.deep.equal({
              id: remote().id,
              rooms: [remote().id, 'fetched'].sort(),
              data: { server: remoteServer },
            });
            expect(sockets.map((s) => s.id)).to.include(local().id);
            const inRoom = await run<{ id: string }[]>(from(), 'fetchSockets', { rooms: ['fetched'] });
            expect(inRoom.map((s) => s.id)).to.deep.equal([remote().id]);
          });

          it('sends serverSideEmit to the other server and collects its answer', async () => {
            const since = to().events.length;
            const answers = await run<unknown[]>(from(), 'serverSideEmit', { event: 'greeting', args: ['hi', 3] });
            const expected = to() === classio ? 'hello from classio' : 'hello from socket.io';
            // classio hands each server's answer as an array of arguments, Socket.IO as the one value.
            expect(answers).to.deep.equal(from() === classio ? [[expected]] : [expected]);
            const received = await to().waitFor((e) => e.type === 'serverSideEmit', since);
            expect(received.args).to.deep.equal(['hi', 3]);
          });

          it('sends serverSideEmit without an ack', async () => {
            const since = to().events.length;
            await run(from(), 'serverSideEmitNoAck', { event: 'greeting', args: [{ plain: true }] });
            const received = await to().waitFor((e) => e.type === 'serverSideEmit', since);
            expect(received.args).to.deep.equal([{ plain: true }]);
          });

          it('collects broadcast acks from the clients of both servers', async () => {
            const answers = await run<number[]>(from(), 'emitWithAck', {
              event: 'question',
              args: [41],
              timeout: 2000,
            });
            expect(answers).to.deep.equal([42, 42]);
          });

          it('collects binary broadcast acks from a remote client', async () => {
            const answers = await run<Buffer[]>(from(), 'emitWithAck', {
              event: 'binary-question',
              args: [Buffer.from([7, 8])],
              rooms: [remote().id],
              timeout: 2000,
            });
            expect(answers.map((answer) => [...answer])).to.deep.equal([[7, 8, 7, 8]]);
          });
        });
      }

      it('lists the sockets of the Socket.IO server from classio (allSockets)', async () => {
        const sids = await run<string[]>(classio, 'allSockets');
        expect(sids).to.include.members([onClassio.id, onSocketIo.id]);
      });

      it("lists classio's rooms from Socket.IO (allRooms)", async () => {
        await run(socketIo, 'socketsJoin', { rooms: [onClassio.id], join: ['listed'] });
        await settle(socketIo, [onClassio]);
        expect(await run<string[]>(socketIo, 'allRooms')).to.include.members(['listed', onClassio.id, onSocketIo.id]);
      });

      it('carries binary serverSideEmit arguments from classio to Socket.IO', async () => {
        const since = socketIo.events.length;
        await run(classio, 'serverSideEmitNoAck', { event: 'greeting', args: [Buffer.from([1, 2, 3])] });
        const received = await socketIo.waitFor((e) => e.type === 'serverSideEmit', since);
        expect(reviveBinary(received.args)).to.deep.equal([Buffer.from([1, 2, 3])]);
      });
    });
  }
});

describe("Redis adapter, classio's own format on a Socket.IO cluster's prefix", function () {
  let key: string;
  let socketIo: ClusterNode;

  before(async function () {
    await requireRedis(this);
    key = uniqueChannel('sio-guard');
    socketIo = await ClusterNode.start(REDIS_URL, key, 'sio-node.js');
  });

  after(async () => {
    await socketIo?.stop();
  });

  it('refuses the cluster at startup, serves locally, and publishes nothing that crashes Socket.IO', async () => {
    const server = new Server({ messageQueue: REDIS_URL, channel: key, logger: false });
    try {
      const nsp = server.of('/');
      const err = await Promise.resolve(nsp.adapter.init()).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).to.be.instanceOf(ConfigurationError);
      expect((err as ConfigurationError).code).to.equal('CLASSIO_ERR_CONFIG');
      expect((err as Error).message).to.match(/1 Socket\.IO server\(s\).*format: 'socket\.io'/);
      await server.listen(0);
      const client = await connect({ url: `http://127.0.0.1:${server.port}` } as ClusterNode, 'websocket');
      const onSocketIo = await connect(socketIo, 'websocket');
      // A classio-format broadcast on the shared prefix is what used to crash the Socket.IO process.
      nsp.emit('local-only', 1);
      expect(await client.next('local-only')).to.deep.equal([1]);
      await socketIo.run('emit', { event: 'after', args: [] });
      expect(await onSocketIo.next('after')).to.deep.equal([]);
      expect(onSocketIo.count('local-only')).to.equal(0);
      expect(socketIo.events.filter((e) => (e.type as string) === 'crashed')).to.deep.equal([]);
      client.socket.disconnect();
      onSocketIo.socket.disconnect();
    } finally {
      await server.close();
    }
  });
});
