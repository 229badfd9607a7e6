import { expect } from 'chai';
import { Emitter } from '../../src/emitter';
import { emitOptions } from '../../src/runtime/emit-options';
import { ClusterNode, NodeCommandError, REDIS_URL, requireRedis, uniqueChannel } from './redis-support';
import { connect, type Client } from './socket-io-support';

describe('Redis cluster (three server processes)', function () {
  let channel: string;
  let nodes: ClusterNode[];
  let clients: Client[];
  let a: ClusterNode;
  let b: ClusterNode;
  let c: ClusterNode;
  let onA: Client;
  let onB: Client;
  let onC: Client;
  let sentinels = 0;

  before(async function () {
    await requireRedis(this);
    channel = uniqueChannel();
    nodes = await Promise.all([0, 1, 2].map(() => ClusterNode.start(REDIS_URL, channel)));
    [a, b, c] = nodes;
  });

  after(async () => {
    await Promise.all((nodes ?? []).map((node) => node.stop()));
  });

  beforeEach(async () => {
    // One client over polling, so the cluster path is shown on both transports.
    clients = await Promise.all([connect(a), connect(b, 'polling'), connect(c)]);
    [onA, onB, onC] = clients;
  });

  afterEach(() => {
    for (const client of clients ?? []) client.socket.disconnect();
  });

  /**
   * Broadcasts a sentinel from `from` to everyone and waits until every client has it. Messages from one
   * publisher arrive in order, so everything `from` sent before has then been delivered: "exactly once" and
   * "not at all" are checked without waiting on a clock.
   */
  async function settle(from: ClusterNode | Emitter, targets: Client[] = clients): Promise<void> {
    const marker = `sentinel-${++sentinels}`;
    if (from instanceof Emitter) await from.emit(marker);
    else await from.run('emit', { event: marker, args: [] });
    await Promise.all(targets.map((client) => client.next(marker)));
  }

  it('delivers a broadcast to the clients of every process exactly once', async () => {
    await b.run('emit', { event: 'news', args: [{ text: 'hi' }, 2] });
    await settle(b);
    for (const client of clients) {
      expect(client.count('news'), `client on ${client.id}`).to.equal(1);
      expect(await client.next('news')).to.deep.equal([{ text: 'hi' }, 2]);
    }
  });

  it('delivers room messages with exclusions exactly once', async () => {
    await a.run('joinRoom', { sid: onA.id, room: 'red' });
    await b.run('joinRoom', { sid: onB.id, room: 'red' });
    await c.run('joinRoom', { sid: onC.id, room: 'blue' });
    await a.run('joinRoom', { sid: onA.id, room: 'blue' });
    // `c` sends to both rooms (onA is in both and must get it once) minus the sid room of onB.
    await c.run('emit', { event: 'paint', args: [], rooms: ['red', 'blue'], except: [onB.id] });
    await settle(c);
    expect([onA, onB, onC].map((client) => client.count('paint'))).to.deep.equal([1, 0, 1]);
  });

  it('makes a client of another process join and leave a room', async () => {
    await a.run('joinRoom', { sid: onC.id, room: 'lobby' });
    expect(await b.run('allSockets', { room: 'lobby' })).to.deep.equal([onC.id]);
    await a.run('emit', { event: 'in-lobby', args: [], rooms: ['lobby'] });
    expect(await onC.next('in-lobby')).to.deep.equal([]);
    await a.run('leaveRoom', { sid: onC.id, room: 'lobby' });
    await a.run('emit', { event: 'after-leave', args: [], rooms: ['lobby'] });
    await settle(a);
    expect(onC.count('after-leave')).to.equal(0);
    expect(await a.run('allSockets', { room: 'lobby' })).to.deep.equal([]);
  });

  it('closes a room across processes', async () => {
    for (const [node, client] of [
      [a, onA],
      [b, onB],
      [c, onC],
    ] as const) {
      await node.run('joinRoom', { sid: client.id, room: 'game' });
    }
    expect(await a.run('fetchSockets', { room: 'game' })).to.deep.equal([onA.id, onB.id, onC.id].sort());
    await b.run('closeRoom', { room: 'game' });
    expect(await b.run('allSockets', { room: 'game' })).to.deep.equal([]);
  });

  it('disconnects a client of another process', async () => {
    const reason = new Promise((resolve) => onC.socket.once('disconnect', resolve));
    await a.run('disconnectSid', { sid: onC.id });
    expect(await reason).to.equal('io server disconnect');
    expect(await a.run('allSockets')).to.deep.equal([onA.id, onB.id].sort());
  });

  it('calls a client of another process and gets its ack', async () => {
    expect(await a.run('call', { sid: onB.id, event: 'question', args: [41], timeout: 2000 })).to.deep.equal([42]);
    expect(await c.run('call', { sid: onA.id, event: 'question', args: [1], timeout: 2000 })).to.deep.equal([2]);
  });

  it('collects the acks of every process for a broadcast with a timeout', async () => {
    const answers = await b.run<number[]>('emitWithAck', { event: 'question', args: [9], timeout: 2000 });
    expect(answers).to.deep.equal([10, 10, 10]);
  });

  it('rejects a call to a sid no process holds', async () => {
    const err = await a
      .run('call', { sid: 'nobody', event: 'question', args: [1], timeout: 2000 })
      .catch((e: unknown) => e);
    expect(err).to.be.instanceOf(NodeCommandError);
    expect(err).to.have.property('code', 'CLASSIO_ERR_DISCONNECTED');
  });

  it('delivers server-side emits to the other processes and collects their answers', async () => {
    const since = [b, c].map((node) => node.events.length);
    const answers = await a.run<unknown[][]>('serverSideEmit', { event: 'greeting', args: ['from a'] });
    expect(answers).to.have.length(2);
    const received = await Promise.all(
      [b, c].map((node, i) => node.waitFor((e) => e.type === 'serverSideEmit', since[i])),
    );
    expect(received.map((e) => e.args)).to.deep.equal([['from a'], ['from a']]);
  });

  describe('Emitter', () => {
    let emitter: Emitter;

    beforeEach(() => {
      emitter = new Emitter({ messageQueue: REDIS_URL, channel });
    });

    afterEach(async () => {
      await emitter.close();
    });

    it('reaches the clients of every process exactly once', async () => {
      expect(await emitter.emit('from-worker', { job: 1 })).to.equal(3);
      await settle(emitter);
      for (const client of clients) expect(client.count('from-worker')).to.equal(1);
      expect(await onB.next('from-worker')).to.deep.equal([{ job: 1 }]);
    });

    it('targets a room and exclusions across processes', async () => {
      await a.run('joinRoom', { sid: onA.id, room: 'ops' });
      await a.run('joinRoom', { sid: onC.id, room: 'ops' });
      await emitter.to('ops').except(onA.id).emit('page');
      await emitter.emit('page-all', emitOptions({ room: 'ops' }));
      await settle(emitter);
      expect(clients.map((client) => client.count('page'))).to.deep.equal([0, 0, 1]);
      expect(clients.map((client) => client.count('page-all'))).to.deep.equal([1, 0, 1]);
    });
  });

  // Mocha runs nested suites after the tests above, and this one last: it kills `c`.
  describe('when a process dies', () => {
    it('keeps serving the clients of the others', async () => {
      await c.kill();
      await a.run('emit', { event: 'still-here', args: [] });
      expect(await onA.next('still-here')).to.deep.equal([]);
      expect(await onB.next('still-here')).to.deep.equal([]);
    });
  });
});
