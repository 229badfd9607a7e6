import { expect } from 'chai';
import { Server } from '../../src/server';
import { Namespace, NspParam, On, type ServerNamespace } from '../../src';
import { ClientPool, collect, delay, nextEvent, startServer, TRANSPORT_MODES, until } from '../support/io';
import { request } from '../runtime/support';
import { thrownBy } from '../support/errors';
import { ConfigurationError } from '../../src/errors';

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
  it('refuses a cleanupEmptyChildNamespaces that is not a boolean', () => {
    const error = thrownBy(
      () => new Server({ cleanupEmptyChildNamespaces: 'yes' as never }),
      ConfigurationError,
      'CLASSIO_ERR_CONFIG',
    );
    expect(error.message).to.equal('cleanupEmptyChildNamespaces must be a boolean, got yes');
  });
});
