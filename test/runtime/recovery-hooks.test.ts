import { expect } from 'chai';
import { container as rootContainer } from 'tsyringe';
import type { Socket as ClientSocket } from 'socket.io-client';
import type { Server, ServerOptions } from '../../src/server';
import type { SessionState } from '../../src/adapter/adapter';
import { ConfigurationError } from '../../src/errors';
import { Namespace, UseGuards, type GuardContext } from '../../src';
import { ClientPool, nextEvent, startServer, until } from '../support/io';
import { ConnectionCutter, reconnect } from '../support/recovery';
import { thrownBy } from '../support/errors';
import { MODES } from './support';

/** Admits a client whose auth token is `good`, and notes in its session whether it saw a recovery. */
class TokenGuard {
  canActivate(context: GuardContext): boolean {
    context.session.guardSawRecovery = context.recovered;
    return context.auth.token === 'good';
  }
}

for (const mode of MODES) {
  describe(`Connection state recovery in class namespaces (${mode.name})`, () => {
    let server: Server;
    let cutter: ConnectionCutter;
    const clients = new ClientPool();

    async function start(recovery: ServerOptions['connectionStateRecovery'] = {}): Promise<void> {
      server = await startServer({
        container: rootContainer.createChildContainer(),
        connectionStateRecovery: recovery,
        pingInterval: 200,
        pingTimeout: 200,
      });
      cutter = new ConnectionCutter(server);
    }

    /** Cuts the client's connection and waits until the server has let its socket go. */
    async function drop(client: ClientSocket, path: string): Promise<void> {
      const sid = client.id!;
      await cutter.cut(client);
      await until(() => !server.of(path).sockets.has(sid), 'the server to see the transport loss');
    }

    afterEach(async () => {
      await clients.closeAll();
      await server.close();
    });

    it('recreates a connection-scoped instance and tells on_connect, its context and this.recovered', async () => {
      await start();
      let created = 0;
      @Namespace('/scoped', { scope: 'connection' })
      class Scoped extends Namespace {
        readonly serial = ++created;
        on_connect() {
          this.emit('hello', { recovered: this.recovered, context: this.context?.recovered, serial: this.serial });
        }
        on_join(room: unknown) {
          if (typeof room === 'string') this.socket.join(room);
          this.session.joined = room;
          return true;
        }
        on_where() {
          return { rooms: [...this.socket.rooms].sort(), session: this.session, serial: this.serial };
        }
      }
      server.register(Scoped);
      const client = clients.open(server, '/scoped', mode);
      const [first] = await nextEvent<[unknown, string]>(client, 'hello');
      expect(first).to.deep.equal({ recovered: false, context: false, serial: 1 });
      expect(await client.timeout(2000).emitWithAck('join', 'red')).to.equal(true);
      const sid = client.id!;

      await drop(client, '/scoped');
      const hello = nextEvent<[unknown, string]>(client, 'hello');
      await reconnect(client, cutter);
      expect(client.recovered).to.equal(true);
      const [second, offset] = await hello;
      expect(second).to.deep.equal({ recovered: true, context: true, serial: 2 });
      expect(offset).to.be.a('string');
      expect(await client.timeout(2000).emitWithAck('where')).to.deep.equal({
        rooms: [sid, 'red'].sort(),
        session: { joined: 'red' },
        serial: 2,
      });
    });

    it('skips the class guards of a recovered client by default', async () => {
      await start();
      @Namespace('/guarded')
      @UseGuards(TokenGuard)
      class Guarded extends Namespace {}
      server.register(Guarded);
      const client = await clients.connect(server, '/guarded', mode, { auth: { token: 'good' } });
      await drop(client, '/guarded');
      client.auth = { token: 'expired' };
      await reconnect(client, cutter);
      expect(client.recovered).to.equal(true);
    });

    it('re-runs the class guards with skipMiddlewares: false, which see the recovery and may refuse it', async () => {
      await start({ skipMiddlewares: false });
      @Namespace('/guarded')
      @UseGuards(TokenGuard)
      class Guarded extends Namespace {
        on_seen() {
          return this.session.guardSawRecovery;
        }
      }
      server.register(Guarded);
      const client = await clients.connect(server, '/guarded', mode, { auth: { token: 'good' } });
      expect(await client.timeout(2000).emitWithAck('seen')).to.equal(false);
      await drop(client, '/guarded');
      await reconnect(client, cutter);
      expect(client.recovered).to.equal(true);
      expect(await client.timeout(2000).emitWithAck('seen')).to.equal(true);

      await drop(client, '/guarded');
      client.auth = { token: 'expired' };
      const refusal = await reconnect(client, cutter).then(
        () => null,
        (err: Error) => err,
      );
      expect(refusal?.message).to.equal('unauthorized');
    });

    it('runs on_session_expired with the session when its client does not come back in time', async () => {
      await start({ maxDisconnectionDuration: 150 });
      const expired: SessionState[] = [];
      @Namespace('/expiring')
      class Expiring extends Namespace {
        on_connect() {
          this.socket.join('red');
          this.session.user = 'alice';
        }
        on_session_expired(session: SessionState) {
          expired.push(session);
        }
      }
      server.register(Expiring);
      const client = await clients.connect(server, '/expiring', mode);
      const sid = client.id!;
      await drop(client, '/expiring');
      await until(() => expired.length === 1, 'the session to expire', 3000);
      expect(expired[0].sid).to.equal(sid);
      expect([...expired[0].rooms].sort()).to.deep.equal([sid, 'red'].sort());
      expect(expired[0].data).to.deep.equal({ user: 'alice' });
      expect(expired[0].pid).to.be.a('string');
    });
  });
}

describe('on_session_expired', () => {
  it("is refused on a namespace of scope 'connection', which has no instance once its client is gone", async () => {
    const server = await startServer({ connectionStateRecovery: {} });
    try {
      @Namespace('/scoped', { scope: 'connection' })
      class Scoped extends Namespace {
        on_session_expired() {}
      }
      const error = thrownBy(() => server.register(Scoped), ConfigurationError, 'CLASSIO_ERR_CONFIG');
      expect(error.message).to.match(/^Scoped\.on_session_expired: a saved session expires when its connection/);
    } finally {
      await server.close();
    }
  });

  it('is not routed as an event a client could send', async () => {
    const server = await startServer();
    const clients = new ClientPool();
    try {
      let calls = 0;
      @Namespace('/plain')
      class Plain extends Namespace {
        on_session_expired() {
          calls++;
          return 'ran';
        }
      }
      server.register(Plain);
      const client = await clients.connect(server, '/plain', MODES[0]);
      // An event without a handler: the server answers its ack without running the hook.
      const answer: unknown = await client.timeout(2000).emitWithAck('session_expired');
      expect(answer).to.not.equal('ran');
      expect(calls).to.equal(0);
    } finally {
      await clients.closeAll();
      await server.close();
    }
  });
});
