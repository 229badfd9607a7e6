import { expect } from 'chai';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { hashSync } from 'bcryptjs';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import type { SerializedSocket } from '../../src/admin-ui';
import { REDIS_URL, requireRedis, uniqueChannel } from '../adapter/redis-support';
import { nextEvent, until, whenEngineClosed } from '../support/io';

const PASSWORD = 'correct horse';

/** An instrumented server in a child process (fixtures/admin-node.ts). */
class AdminNode {
  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(channel: string, serverId: string, hash: string): Promise<AdminNode> {
    const child = fork(join(__dirname, 'fixtures', 'admin-node.js'), [REDIS_URL, channel, serverId, hash], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message: { port: number }) => resolve(message.port));
      child.once('exit', (code) => reject(new Error(`admin node ${serverId} exited with ${String(code)}`)));
    });
    return new AdminNode(child, port);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send('close');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
}

describe('Admin UI across a Redis cluster (two processes)', function () {
  this.timeout(20_000);
  let nodes: AdminNode[] = [];
  const clients: ClientSocket[] = [];

  before(async function () {
    await requireRedis(this);
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) {
      client.disconnect();
      await whenEngineClosed(client);
    }
    await Promise.all(nodes.map((node) => node.stop()));
    nodes = [];
  });

  function connect(url: string, options: Record<string, unknown> = {}): Promise<ClientSocket> {
    const client = io(url, { forceNew: true, reconnection: false, transports: ['websocket'], ...options });
    clients.push(client);
    return new Promise((resolve, reject) => {
      client.once('connect', () => resolve(client));
      client.once('connect_error', reject);
    });
  }

  it("shows both processes' stats and sockets to a UI connected to one, and acts on the other's sockets", async () => {
    const channel = uniqueChannel('classio-admin');
    const hash = hashSync(PASSWORD, 4);
    nodes = await Promise.all([AdminNode.start(channel, 'node-a', hash), AdminNode.start(channel, 'node-b', hash)]);
    const [a, b] = nodes;
    const onA = await connect(`${a.url}/chat`);
    const onB = await connect(`${b.url}/chat`);

    const admin = io(`${a.url}/admin`, {
      forceNew: true,
      reconnection: false,
      transports: ['websocket'],
      auth: { username: 'admin', password: PASSWORD },
    });
    clients.push(admin);
    const stats = new Set<string>();
    admin.on('server_stats', (s: { serverId: string }) => stats.add(s.serverId));
    const sessionId = nextEvent<[string]>(admin, 'session');
    const [sockets] = await nextEvent<[SerializedSocket[]]>(admin, 'all_sockets');
    const chat = sockets.filter((socket) => socket.nsp === '/chat');
    expect(chat.map((socket) => socket.id)).to.have.members([onA.id, onB.id]);
    // The other process's socket arrives whole: its transport and client id crossed with its data.
    const remote = chat.find((socket) => socket.id === onB.id)!;
    expect(remote).to.include({ transport: 'websocket' });
    expect(remote.clientId).to.be.a('string').with.length(12);
    expect(remote.rooms).to.have.members([onB.id, 'lobby']);
    expect(remote.data).to.deep.equal({});
    await until(() => stats.has('node-a') && stats.has('node-b'), 'server_stats of both processes', 5000);

    // A connection on B is announced to the UI connected to A.
    const announced = nextEvent<[SerializedSocket]>(admin, 'socket_connected');
    const late = await connect(`${b.url}/chat`);
    expect((await announced)[0]).to.include({ id: late.id, nsp: '/chat' });

    // The session made on A logs in on B (the Redis store).
    await connect(`${b.url}/admin`, { auth: { sessionId: (await sessionId)[0] } });

    // Disconnecting B's socket from the UI on A.
    const disconnected = nextEvent<[string]>(onB, 'disconnect');
    admin.emit('_disconnect', '/chat', false, onB.id);
    expect((await disconnected)[0]).to.equal('io server disconnect');
    expect(onA.connected).to.equal(true);
  });
});
