import { expect } from 'chai';
import { Server } from '../../src/server';
import { Namespace, NspParam, On, type ServerNamespace } from '../../src';
import { ClientPool, collect, delay, nextEvent, startServer, TRANSPORT_MODES, until } from '../support/io';
import { request } from '../runtime/support';
import { thrownBy } from '../support/errors';
import { ConfigurationError, UsageError } from '../../src/errors';

@Namespace('/tenant/:id')
class Tenant extends Namespace {
  on_connect() {
    this.joinRoom('members');
  }
  on_whoami(@NspParam('id') id: string) {
    return { id, params: this.params, nsp: this.nsp.name };
  }
  @On('shout')
  shout(text: string) {
    this.nsp.to('members').emit('heard', `${this.params.id}: ${text}`);
  }
}

for (const mode of TRANSPORT_MODES) {
  describe(`Dynamic namespaces (${mode.name})`, () => {
    let server: Server;
    const clients = new ClientPool();

    afterEach(async () => {
      await clients.closeAll();
      await server?.close();
    });

    it('serves every name of /tenant/:id with its parameters', async () => {
      server = await startServer();
      server.register(Tenant);
      const client = await clients.connect(server, '/tenant/acme', mode);
      expect(await request(client, 'whoami')).to.deep.equal({
        id: 'acme',
        params: { id: 'acme' },
        nsp: '/tenant/acme',
      });
    });

    it('keeps two tenants apart: a broadcast of one never reaches the other', async () => {
      server = await startServer();
      server.register(Tenant);
      const a1 = await clients.connect(server, '/tenant/a', mode);
      const a2 = await clients.connect(server, '/tenant/a', mode);
      const b1 = await clients.connect(server, '/tenant/b', mode);
      const onB = collect(b1, 'heard');
      const heard = nextEvent<[string]>(a2, 'heard');
      a1.emit('shout', 'hello');
      expect(await heard).to.deep.equal(['a: hello']);
      await delay(50);
      expect(onB).to.deep.equal([]);
    });

    it('answers connect_error "Invalid namespace" for a name no pattern accepts', async () => {
      server = await startServer();
      server.register(Tenant);
      server.of((name: string, auth: Record<string, unknown>) => Promise.resolve(name === '/vip' && auth.vip === true));
      const refused = clients.open(server, '/tenant/a/b', mode);
      const [err] = await nextEvent<[Error]>(refused, 'connect_error');
      expect(err.message).to.equal('Invalid namespace');
      const notVip = clients.open(server, '/vip', mode, { auth: { vip: false } });
      const [vipErr] = await nextEvent<[Error]>(notVip, 'connect_error');
      expect(vipErr.message).to.equal('Invalid namespace');
      await clients.connect(server, '/vip', mode, { auth: { vip: true } });
    });

    it('lets a literal namespace win over a pattern', async () => {
      server = await startServer();
      server.register(Tenant);
      server.on('whoami', () => 'literal', { namespace: '/tenant/main' });
      const client = await clients.connect(server, '/tenant/main', mode);
      expect(await request(client, 'whoami')).to.equal('literal');
    });

    it('serves a RegExp with named groups, and emits on the parent to every child', async () => {
      server = await startServer();
      const created: string[] = [];
      server.on('new_namespace', (nsp: ServerNamespace) => created.push(nsp.name));
      const parent = server.of(/^\/room-(?<n>\d+)$/);
      parent.on('connection', (socket) => socket.join('x'));
      const one = await clients.connect(server, '/room-1', mode);
      const two = await clients.connect(server, '/room-2', mode);
      const got = Promise.all([nextEvent(one, 'news'), nextEvent(two, 'news')]);
      parent.emit('news', 'all');
      expect(await got).to.deep.equal([['all'], ['all']]);
      expect(created).to.deep.equal(['/room-1', '/room-2']);
      expect(server.of('/room-1').params).to.deep.equal({ n: '1' });
    });

    it("applies the parent's use() to children that exist and to those created later", async () => {
      server = await startServer();
      const parent = server.of('/shop/:id');
      const early = await clients.connect(server, '/shop/early', mode);
      parent.use((socket, next) => next(socket.handshake.auth.key === 'k' ? undefined : new Error('no key')));
      const [err] = await nextEvent<[Error]>(clients.open(server, '/shop/late', mode), 'connect_error');
      expect(err.message).to.equal('no key');
      const [again] = await nextEvent<[Error]>(clients.open(server, '/shop/early', mode), 'connect_error');
      expect(again.message).to.equal('no key');
      await clients.connect(server, '/shop/late', mode, { auth: { key: 'k' } });
      expect(early.connected).to.equal(true);
    });

    it('broadcasts from the parent to rooms of every child, with except, volatile, compress and local', async () => {
      server = await startServer();
      const parent = server.of('/team/:id');
      parent.on('connection', (socket) => {
        const { role } = socket.handshake.auth as { role: string };
        socket.join(role);
      });
      const redA = await clients.connect(server, '/team/a', mode, { auth: { role: 'red' } });
      const blueA = await clients.connect(server, '/team/a', mode, { auth: { role: 'blue' } });
      const redB = await clients.connect(server, '/team/b', mode, { auth: { role: 'red' } });
      const onBlue = collect(blueA, 'alert');
      const reds = Promise.all([nextEvent(redA, 'alert'), nextEvent(redB, 'alert')]);
      parent.to('red').compress(false).local.emit('alert', 1);
      expect(await reds).to.deep.equal([[1], [1]]);
      const everyoneButRed = nextEvent(blueA, 'alert');
      const onRedB = collect(redB, 'alert');
      parent.except('red').emit('alert', 2);
      expect(await everyoneButRed).to.deep.equal([2]);
      parent.in('blue').volatile.emit('alert', 3);
      await delay(50);
      expect(onRedB).to.deep.equal([]);
      expect(onBlue.length).to.be.at.most(2);
      expect(onBlue[0]).to.deep.equal([2]);
    });

    it('collects acks from the clients of every child, and times out on the one that does not answer', async () => {
      server = await startServer();
      const parent = server.of('/game/:id');
      const one = await clients.connect(server, '/game/1', mode);
      const two = await clients.connect(server, '/game/2', mode);
      one.on('ready?', (ack: (answer: string) => void) => ack('one'));
      two.on('ready?', (ack: (answer: string) => void) => ack('two'));
      const answers = await parent.timeout(2000).emitWithAck('ready?');
      expect([...answers].sort()).to.deep.equal(['one', 'two']);
      two.off('ready?');
      two.on('ready?', () => undefined);
      const late = await parent
        .timeout(100)
        .emitWithAck('ready?')
        .then(
          () => null,
          (err: Error) => err,
        );
      expect(late).to.have.property('code', 'CLASSIO_ERR_ACK_TIMEOUT');
    });

    it('joins, counts and disconnects the sockets of every child through the parent', async () => {
      server = await startServer();
      const parent = server.of('/org/:id');
      const x = await clients.connect(server, '/org/x', mode);
      const y = await clients.connect(server, '/org/y', mode);
      parent.socketsJoin('all');
      expect(server.of('/org/x').adapter.rooms.get('all')?.size).to.equal(1);
      expect(server.of('/org/y').adapter.rooms.get('all')?.size).to.equal(1);
      expect((await parent.in('all').allSockets()).size).to.equal(2);
      parent.socketsLeave('all');
      expect(server.of('/org/x').adapter.rooms.has('all')).to.equal(false);
      const gone = Promise.all([nextEvent(x, 'disconnect'), nextEvent(y, 'disconnect')]);
      parent.disconnectSockets();
      expect((await gone).map(([reason]) => reason)).to.deep.equal(['io server disconnect', 'io server disconnect']);
    });

    it('removes an empty child with cleanupEmptyChildNamespaces, and creates it again on the next connect', async () => {
      server = await startServer({ cleanupEmptyChildNamespaces: true });
      server.register(Tenant);
      const client = await clients.connect(server, '/tenant/gone', mode);
      expect(server.namespaces.has('/tenant/gone')).to.equal(true);
      client.disconnect();
      await until(() => !server.namespaces.has('/tenant/gone'), 'the empty child to be removed');
      const again = await clients.connect(server, '/tenant/gone', mode);
      expect(await request(again, 'whoami')).to.have.property('id', 'gone');
    });
  });
}

describe('Dynamic namespace options', () => {
  it('refuses fetchSockets() and serverSideEmit() on a parent, as Socket.IO does, with a UsageError', () => {
    const server = new Server();
    const parent = server.of('/tenant/:id');
    const fetching = thrownBy(() => parent.fetchSockets(), UsageError, 'CLASSIO_ERR_USAGE');
    expect(fetching.message).to.equal(
      "fetchSockets() is not supported on the dynamic namespace /tenant/:id: call it on a child (server.of('/tenant/a'))",
    );
    const emitting = thrownBy(() => parent.serverSideEmit('sync'), UsageError, 'CLASSIO_ERR_USAGE');
    expect(emitting.message).to.match(/^serverSideEmit\(\) is not supported on the dynamic namespace \/tenant\/:id/);
    void server.close();
  });

  it('refuses a cleanupEmptyChildNamespaces that is not a boolean', () => {
    const error = thrownBy(
      () => new Server({ cleanupEmptyChildNamespaces: 'yes' as never }),
      ConfigurationError,
      'CLASSIO_ERR_CONFIG',
    );
    expect(error.message).to.equal('cleanupEmptyChildNamespaces must be a boolean, got yes');
  });
});
