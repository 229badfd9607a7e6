import { expect } from 'chai';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { REDIS_URL, requireRedis, uniqueChannel } from './redis-support';
import { collect, delay, nextEvent, whenEngineClosed } from '../support/io';

/** A `fixtures/tenant-node.ts` process: a classio server serving `/tenant/:id` through Redis. */
class TenantNode {
  port = 0;
  readonly #child: ChildProcess;
  #nextId = 1;

  constructor(channel: string) {
    this.#child = fork(join(__dirname, 'fixtures', 'tenant-node.js'), [REDIS_URL, channel], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
  }

  async ready(): Promise<void> {
    this.port = await new Promise<number>((resolve) =>
      this.#child.once('message', (message: { port: number }) => resolve(message.port)),
    );
  }

  emit(nsp: string, event: string, ...args: unknown[]): Promise<void> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      const onMessage = (message: { id?: number }) => {
        if (message.id !== id) return;
        this.#child.off('message', onMessage);
        resolve();
      };
      this.#child.on('message', onMessage);
      this.#child.send({ id, op: 'emit', nsp, event, args });
    });
  }

  async stop(): Promise<void> {
    if (this.#child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    this.#child.send({ op: 'close' });
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
}

describe('Dynamic namespaces in a Redis cluster (three server processes)', function () {
  this.timeout(20_000);
  let nodes: TenantNode[] = [];
  const sockets: ClientSocket[] = [];

  async function connect(node: TenantNode, nsp: string, transport: 'websocket' | 'polling'): Promise<ClientSocket> {
    const socket = io(`http://127.0.0.1:${node.port}${nsp}`, {
      transports: [transport],
      forceNew: true,
      reconnection: false,
    });
    sockets.push(socket);
    await nextEvent(socket, 'connect');
    return socket;
  }

  before(async function () {
    await requireRedis(this);
    const channel = uniqueChannel('classio-tenant');
    nodes = [0, 1, 2].map(() => new TenantNode(channel));
    await Promise.all(nodes.map((node) => node.ready()));
  });

  afterEach(async () => {
    const open = sockets.splice(0);
    for (const socket of open) socket.disconnect();
    await Promise.all(open.map((socket) => whenEngineClosed(socket)));
  });

  after(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
  });

  it('delivers a broadcast to /tenant/a to its clients on every process and to nobody else', async () => {
    const [a, b, c] = nodes;
    const tenantA = [await connect(a, '/tenant/a', 'websocket'), await connect(b, '/tenant/a', 'polling')];
    tenantA.push(await connect(c, '/tenant/a', 'websocket'));
    const tenantB = [await connect(a, '/tenant/b', 'websocket'), await connect(c, '/tenant/b', 'polling')];
    const onB = tenantB.map((socket) => collect(socket, 'heard'));
    // Let every process subscribe its child's channel before the broadcast.
    await delay(200);
    const heard = Promise.all(tenantA.map((socket) => nextEvent<[string]>(socket, 'heard')));
    tenantA[1].emit('shout', 'hello');
    expect(await heard).to.deep.equal([['a: hello'], ['a: hello'], ['a: hello']]);
    const fromServer = Promise.all(tenantA.map((socket) => nextEvent<[string]>(socket, 'notice')));
    await a.emit('/tenant/a', 'notice', 'from a process');
    expect(await fromServer).to.deep.equal([['from a process'], ['from a process'], ['from a process']]);
    await delay(100);
    expect(onB).to.deep.equal([[], []]);
  });

  it('throttles on each process', async () => {
    const client = await connect(nodes[1], '/tenant/t', 'websocket');
    const first = (await client.timeout(2000).emitWithAck('ping')) as string;
    expect(first).to.match(/^pong from \d+$/);
    const second = (await client.timeout(2000).emitWithAck('ping')) as { error: { code: string } };
    expect(second.error.code).to.equal('CLASSIO_ERR_THROTTLED');
  });
});
