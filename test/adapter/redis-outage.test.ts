import { expect } from 'chai';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import {
  ClusterNode,
  findFreePort,
  NodeCommandError,
  requireRedisServer,
  ScratchRedis,
  uniqueChannel,
} from './redis-support';

/** Resolves with the arguments of the next `event` on `socket`. */
function nextEvent(socket: ClientSocket, event: string): Promise<unknown[]> {
  return new Promise((resolve) => socket.once(event, (...args: unknown[]) => resolve(args)));
}

describe('Redis cluster during a Redis outage', function () {
  let redis: ScratchRedis;
  let nodes: ClusterNode[] = [];
  let sockets: ClientSocket[] = [];
  const counts = new Map<string, number>();

  before(async function () {
    requireRedisServer(this);
    // A Redis of our own on a free port: stopping the shared one would break everyone else's tests.
    redis = new ScratchRedis(await findFreePort());
    await redis.start();
    const channel = uniqueChannel('classio-outage');
    nodes = await Promise.all([0, 1, 2].map(() => ClusterNode.start(redis.url, channel)));
    sockets = await Promise.all(
      nodes.map(
        (node) =>
          new Promise<ClientSocket>((resolve, reject) => {
            const socket = io(node.url, { transports: ['websocket'], forceNew: true, reconnection: false });
            socket.onAny((event: string) =>
              counts.set(`${socket.id}:${event}`, (counts.get(`${socket.id}:${event}`) ?? 0) + 1),
            );
            socket.once('connect', () => resolve(socket));
            socket.once('connect_error', reject);
          }),
      ),
    );
  });

  after(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all(nodes.map((node) => node.stop()));
    await redis?.stop();
  });

  function count(socket: ClientSocket, event: string): number {
    return counts.get(`${socket.id}:${event}`) ?? 0;
  }

  it('survives Redis going away, serves its own clients, and broadcasts again once Redis is back', async () => {
    const [a, b, c] = nodes;
    const [onA, onB, onC] = sockets;

    const before = sockets.map((socket) => nextEvent(socket, 'before'));
    await a.run('emit', { event: 'before', args: [] });
    await Promise.all(before);

    let since = nodes.map((node) => node.events.length);
    await redis.stop();
    await Promise.all(nodes.map((node, i) => node.waitFor((e) => e.type === 'redis' && e.isUp === false, since[i])));

    // Every server is alive and still serves its own clients; cluster reads fail with a clear error.
    const during = nextEvent(onA, 'during');
    await a.run('emit', { event: 'during', args: [] });
    await during;
    expect(await b.run('localSockets')).to.deep.equal([onB.id]);
    const err = await c.run('fetchSockets').catch((e: unknown) => e);
    expect(err).to.be.instanceOf(NodeCommandError);
    expect(err).to.have.property('code', 'CLASSIO_ERR_CLUSTER');
    expect((err as Error).message).to.equal("fetchSockets on namespace '/': Redis is unavailable");

    since = nodes.map((node) => node.events.length);
    await redis.start();
    await Promise.all(nodes.map((node, i) => node.waitFor((e) => e.type === 'redis' && e.isUp === true, since[i])));

    const after = sockets.map((socket) => nextEvent(socket, 'after'));
    await b.run('emit', { event: 'after', args: [] });
    await Promise.all(after);
    expect(nodes.every((node) => node.isAlive)).to.equal(true);
    // What was broadcast while Redis was away reached only the sender's own clients (the README says so).
    expect([onA, onB, onC].map((socket) => count(socket, 'during'))).to.deep.equal([1, 0, 0]);
    expect([onA, onB, onC].map((socket) => count(socket, 'after'))).to.deep.equal([1, 1, 1]);
    expect(await c.run('fetchSockets')).to.deep.equal(sockets.map((socket) => socket.id).sort());
  });
});
