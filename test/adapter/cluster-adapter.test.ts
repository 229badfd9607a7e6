import { expect } from 'chai';
import { type Client, TestCluster, type TestWorker, WorkerCommandError, connectClient } from './cluster-support';

/**
 * The cluster adapter of classio/cluster with real processes: this mocha process is the primary (relay and sticky
 * balancer), each worker a forked classio server. Clients are the official socket.io-client, routed by a cookie so
 * that each test puts them on the worker it wants.
 */
describe('Cluster adapter (three workers behind the sticky balancer)', function () {
  this.timeout(20_000);
  const REQUESTS_TIMEOUT = 2000;
  let testCluster: TestCluster;
  let a: TestWorker;
  let b: TestWorker;
  let c: TestWorker;
  let clients: Client[];
  let onA: Client;
  let onB: Client;
  let onC: Client;
  let sentinels = 0;

  before(async () => {
    testCluster = await TestCluster.start({ workers: 3, cookie: 'route', requestsTimeout: REQUESTS_TIMEOUT });
    [a, b, c] = testCluster.workers;
  });

  after(async () => {
    await testCluster?.stop();
  });

  beforeEach(async () => {
    // One client per transport: websocket, polling alone, and polling upgraded to websocket.
    clients = [
      await testCluster.connect(a, 'websocket'),
      await testCluster.connect(b, 'polling'),
      await testCluster.connect(c, 'upgrade'),
    ];
    [onA, onB, onC] = clients;
  });

  afterEach(() => {
    for (const client of clients ?? []) client.socket.disconnect();
  });

  /**
   * Broadcasts a sentinel from `from` and waits until every target has it. Messages from one worker reach another
   * in order (one IPC channel each way through the primary), so everything `from` sent before has then arrived:
   * "exactly once" and "not at all" are checked without waiting on a clock.
   */
  async function settle(from: TestWorker, targets: Client[] = clients): Promise<void> {
    const marker = `sentinel-${++sentinels}`;
    await from.run('emit', { event: marker, args: [] });
    await Promise.all(targets.map((client) => client.next(marker)));
  }

  describe('sticky routing', () => {
    it('serves each client on the worker its cookie routes to, over websocket, polling and the upgrade', async () => {
      expect(clients.map((client) => client.worker)).to.deep.equal([a.id, b.id, c.id]);
      expect(await a.run('localSockets')).to.deep.equal([onA.id]);
      expect(await b.run('localSockets')).to.deep.equal([onB.id]);
      expect(await c.run('localSockets')).to.deep.equal([onC.id]);
      expect(onB.socket.io.engine.transport.name).to.equal('polling');
      expect(onC.socket.io.engine.transport.name).to.equal('websocket');
    });

    it('keeps a polling session on its worker across many requests', async () => {
      // Each question arrives in a long-poll GET and each ack leaves in a POST: a request that reached another
      // worker would find no session there (400) and end the client's connection.
      for (let value = 0; value < 5; value++) {
        expect(await a.run('call', { sid: onB.id, event: 'question', args: [value], timeout: 2000 })).to.deep.equal([
          value + 1,
        ]);
      }
      expect(onB.socket.connected).to.equal(true);
      expect(onB.socket.io.engine.transport.name).to.equal('polling');
    });
  });

  describe('broadcasts', () => {
    it('delivers a broadcast to the clients of every worker exactly once', async () => {
      await b.run('emit', { event: 'news', args: [{ text: 'hi' }, 2] });
      await settle(b);
      for (const client of clients) {
        expect(client.count('news'), `client on worker ${client.worker}`).to.equal(1);
        expect(await client.next('news')).to.deep.equal([{ text: 'hi' }, 2]);
      }
    });

    it('delivers room messages with exclusions exactly once', async () => {
      await a.run('socketsJoin', { rooms: [onA.id, onB.id], join: ['red'] });
      await a.run('socketsJoin', { rooms: [onC.id, onA.id], join: ['blue'] });
      // `c` sends to both rooms (onA is in both and gets it once) minus the sid room of onB.
      await c.run('emit', { event: 'paint', args: [], rooms: ['red', 'blue'], except: [onB.id] });
      await settle(c);
      expect(clients.map((client) => client.count('paint'))).to.deep.equal([1, 0, 1]);
    });

    it('carries binary payloads across workers', async () => {
      await c.run('emitBytes', { event: 'bytes', bytes: [1, 2, 255] });
      await settle(c);
      for (const client of clients) {
        const [bytes] = await client.next('bytes');
        expect(Buffer.from(bytes as ArrayBuffer)).to.deep.equal(Buffer.from([1, 2, 255]));
      }
    });
  });

  describe('remote sockets', () => {
    it('makes sockets of other workers join and leave rooms', async () => {
      await a.run('socketsJoin', { rooms: [onC.id, onB.id], join: ['lobby'] });
      expect(await b.run('allSockets', { rooms: ['lobby'] })).to.deep.equal([onB.id, onC.id].sort());
      await a.run('emit', { event: 'in-lobby', args: [], rooms: ['lobby'] });
      expect(await onC.next('in-lobby')).to.deep.equal([]);
      await a.run('socketsLeave', { rooms: ['lobby'], except: [onB.id], leave: ['lobby'] });
      await a.run('emit', { event: 'after-leave', args: [], rooms: ['lobby'] });
      await settle(a);
      expect([onB.count('after-leave'), onC.count('after-leave')]).to.deep.equal([1, 0]);
      expect(await c.run('allSockets', { rooms: ['lobby'] })).to.deep.equal([onB.id]);
    });

    it('disconnects sockets of another worker', async () => {
      const reason = new Promise((resolve) => onC.socket.once('disconnect', resolve));
      await a.run('disconnectSockets', { rooms: [onC.id] });
      expect(await reason).to.equal('io server disconnect');
      expect(await b.run('allSockets')).to.deep.equal([onA.id, onB.id].sort());
    });

    it('fetches the sockets of every worker, with their rooms', async () => {
      await b.run('socketsJoin', { rooms: [onA.id, onC.id], join: ['game'] });
      const sockets = await b.run<{ id: string; rooms: string[] }[]>('fetchSockets', { rooms: ['game'] });
      expect(sockets.map((socket) => socket.id).sort()).to.deep.equal([onA.id, onC.id].sort());
      expect(sockets.find((socket) => socket.id === onC.id)?.rooms).to.deep.equal(['game', onC.id].sort());
      expect(await c.run('allSockets')).to.deep.equal([onA.id, onB.id, onC.id].sort());
    });
  });

  describe('acks across workers', () => {
    it('collects the acks of the clients of every worker for a broadcast (emitWithAck)', async () => {
      const answers = await b.run<number[]>('emitWithAck', { event: 'question', args: [9], timeout: 2000 });
      expect(answers).to.deep.equal([10, 10, 10]);
    });

    it('calls a client of another worker and gets its ack (call)', async () => {
      expect(await a.run('call', { sid: onB.id, event: 'question', args: [41], timeout: 2000 })).to.deep.equal([42]);
      expect(await b.run('call', { sid: onC.id, event: 'question', args: [1], timeout: 2000 })).to.deep.equal([2]);
    });

    it('rejects a call to a sid no worker holds with CLASSIO_ERR_DISCONNECTED', async () => {
      const err = await a
        .run('call', { sid: 'nobody', event: 'question', args: [1], timeout: 2000 })
        .catch((e: unknown) => e);
      expect(err).to.be.instanceOf(WorkerCommandError);
      expect(err).to.have.property('code', 'CLASSIO_ERR_DISCONNECTED');
    });

    it('delivers server-side emits to the other workers and collects their answers', async () => {
      const since = [b, c].map((worker) => worker.events.length);
      const answers = await a.run<unknown[][]>('serverSideEmit', { event: 'greeting', args: ['from a'] });
      expect(answers.map((answer) => answer[0]).sort()).to.deep.equal(
        [`hello from worker ${b.id}`, `hello from worker ${c.id}`].sort(),
      );
      const received = await Promise.all(
        [b, c].map((worker, i) => worker.waitFor((e) => e.type === 'serverSideEmit', since[i])),
      );
      expect(received.map((e) => e.args)).to.deep.equal([['from a'], ['from a']]);
    });
  });

  describe('malformed IPC messages', () => {
    it('never crash the primary: it ignores them and goes on relaying', async () => {
      expect(await b.run('sendGarbage')).to.equal(12);
      await a.run('emit', { event: 'after-garbage', args: [] });
      await settle(b);
      for (const client of clients) expect(client.count('after-garbage')).to.equal(1);
      expect(testCluster.primary.countSubscribers(`${testCluster.channel}#/#`)).to.equal(3);
    });

    it('never crash a worker: it ignores them and goes on serving', async () => {
      const garbage: unknown[] = [
        { classio: 'message' },
        { classio: 'message', channel: `${testCluster.channel}#/#`, data: 'bm90IG1zZ3BhY2s=' },
        { classio: 'message', channel: `${testCluster.channel}#/#`, data: { length: 3 } },
        {
          classio: 'message',
          channel: `${testCluster.channel}#/#`,
          data: Buffer.from([0x93, 1, 2]).toString('base64'),
        },
        { classio: 'ack', uid: 7, id: 'x' },
        { classio: 'count', uid: 'someone', id: 1, count: 'many' },
        { classio: 'sticky-connection', head: 42 },
        { classio: 'sticky-connection' },
        { classio: null },
        { test: 'not a number', op: 'localSockets' },
        'text',
        17,
      ];
      for (const message of garbage) c.worker.send(message as object);
      expect(await c.run('localSockets')).to.deep.equal([onC.id]);
      await a.run('emit', { event: 'still-fine', args: [] });
      await settle(c);
      expect(onC.count('still-fine')).to.equal(1);
      expect(c.worker.isDead()).to.equal(false);
    });
  });

  // Mocha runs nested suites after the tests above, and this one last: it kills `c`.
  describe('when a worker is killed with SIGKILL', () => {
    it('fails a request in flight to it with CLASSIO_ERR_CLUSTER after requestsTimeout', async () => {
      const since = c.events.length;
      // Every worker but `c` answers `hold` at once; `c` gets it and dies before it answers.
      const request = a.run('serverSideEmit', { event: 'hold', args: [c.id] }).catch((e: unknown) => e);
      await c.waitFor((e) => e.type === 'serverSideEmit' && e.event === 'hold', since);
      const lost = new Promise((resolve) => onC.socket.once('disconnect', resolve));
      await c.kill();
      const err = await request;
      expect(err).to.be.instanceOf(WorkerCommandError);
      expect(err).to.have.property('code', 'CLASSIO_ERR_CLUSTER');
      expect((err as Error).message).to.equal(
        `serverSideEmit on namespace '/' timed out after ${REQUESTS_TIMEOUT} ms: 1 of 2 other servers answered`,
      );
      // Its clients lose their connection.
      expect(await lost).to.equal('transport close');
    });

    it('keeps serving the clients of the others', async () => {
      const survivors = [onA, onB];
      await b.run('emit', { event: 'still-here', args: [] });
      await settle(a, survivors);
      for (const client of survivors) expect(client.count('still-here')).to.equal(1);
      expect(await a.run('call', { sid: onB.id, event: 'question', args: [5], timeout: 2000 })).to.deep.equal([6]);
    });

    it('answers requests started after its death with the survivors', async () => {
      expect(testCluster.primary.countSubscribers(`${testCluster.channel}#/#`)).to.equal(2);
      // The third client of each test now lands on a survivor (see the next test).
      expect([a.id, b.id]).to.include(onC.worker);
      expect(await a.run('allSockets')).to.deep.equal([onA.id, onB.id, onC.id].sort());
      const answers = await a.run<unknown[][]>('serverSideEmit', { event: 'greeting', args: ['after'] });
      expect(answers).to.deep.equal([[`hello from worker ${b.id}`]]);
      expect(await a.run('emitWithAck', { event: 'question', args: [1], timeout: 2000 })).to.deep.equal([2, 2, 2]);
    });

    it("sends the dead worker's clients to a survivor, and to its replacement once there", async () => {
      const cookie = `route=${await testCluster.cookieFor(c)}`;
      const rerouted = await connectClient(testCluster.url, { transport: 'polling', cookie });
      rerouted.socket.disconnect();
      expect([a.id, b.id]).to.include(rerouted.worker);
      const replacement = await testCluster.fork();
      const back = await connectClient(testCluster.url, { transport: 'upgrade', cookie });
      back.socket.disconnect();
      expect(back.worker).to.equal(replacement.id);
    });
  });
});

describe('Sticky balancer by client address (two workers)', function () {
  this.timeout(20_000);
  let testCluster: TestCluster;

  before(async () => {
    testCluster = await TestCluster.start({ workers: 2 });
  });

  after(async () => {
    await testCluster?.stop();
  });

  it('keeps every connection from one address on one worker, the upgrade included', async () => {
    const clients = [
      await connectClient(testCluster.url, { transport: 'polling' }),
      await connectClient(testCluster.url, { transport: 'upgrade' }),
      await connectClient(testCluster.url, { transport: 'websocket' }),
    ];
    try {
      expect(new Set(clients.map((client) => client.worker)).size).to.equal(1);
      const [worker] = testCluster.workers.filter((candidate) => candidate.id === clients[0].worker);
      expect(await worker.run('localSockets')).to.deep.equal(clients.map((client) => client.id).sort());
      const [other] = testCluster.workers.filter((candidate) => candidate !== worker);
      expect(await other.run('emitWithAck', { event: 'question', args: [0], timeout: 2000 })).to.deep.equal([1, 1, 1]);
    } finally {
      for (const client of clients) client.socket.disconnect();
    }
  });
});

describe('Sticky balancer before any worker is ready', function () {
  this.timeout(20_000);
  let testCluster: TestCluster;

  before(async () => {
    testCluster = await TestCluster.start({ workers: 0 });
  });

  after(async () => {
    await testCluster?.stop();
  });

  it('holds a connection until a worker accepts connections', async () => {
    const client = connectClient(testCluster.url, { transport: 'polling' });
    const worker = await testCluster.fork();
    const connected = await client;
    connected.socket.disconnect();
    expect(connected.worker).to.equal(worker.id);
    expect(testCluster.balancer.workers).to.equal(1);
  });
});
