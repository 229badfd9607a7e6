import { expect } from 'chai';
import { injectable } from 'tsyringe';
import type { DependencyContainer } from 'tsyringe';
import type { Server } from '../../src/server';
import { ConnectError } from '../../src/errors';
import { Namespace, UseGuards, OnError, type GuardContext } from '../../src';
import { ClientPool, nextEvent } from '../support/io';
import { MODES, register, request, useRuntimeServer } from './support';

/** A service the guards get injected. */
@injectable()
class Tokens {
  readonly valid = new Set(['good']);
  isValid(token: unknown): boolean {
    return typeof token === 'string' && this.valid.has(token);
  }
}

@injectable()
class TokenGuard {
  constructor(private readonly tokens: Tokens) {}
  canActivate(context: GuardContext): boolean {
    return this.tokens.isValid(context.auth.token);
  }
}

class BannedGuard {
  canActivate(context: GuardContext): boolean {
    if (context.auth.user === 'mallory') throw new ConnectError('banned', { until: 'forever' });
    return true;
  }
}

class AsyncAdminGuard {
  async canActivate(context: GuardContext): Promise<boolean> {
    await Promise.resolve();
    return context.socket.data.role === 'admin';
  }
}

for (const mode of MODES) {
  describe(`Auth guards (${mode.name})`, () => {
    let server: Server;
    let container: DependencyContainer;
    const clients = new ClientPool();

    useRuntimeServer(clients, (started) => ({ server, container } = started));

    describe('on the class', () => {
      it('refuses the CONNECT with "unauthorized" and never runs on_connect', async () => {
        let connects = 0;
        @Namespace('/secure')
        @UseGuards(TokenGuard)
        class Secure extends Namespace {
          on_connect() {
            connects++;
          }
        }
        register(server, Secure);
        const client = clients.open(server, '/secure', mode, { auth: { token: 'bad' } });
        const [err] = await nextEvent<[Error & { data?: unknown }]>(client, 'connect_error');
        expect(err.message).to.equal('unauthorized');
        expect(connects).to.equal(0);
      });

      it('accepts a client the injected service vouches for, then runs on_connect', async () => {
        container.registerInstance(Tokens, Object.assign(new Tokens(), { valid: new Set(['fresh']) }));
        @Namespace('/secure')
        @UseGuards(TokenGuard)
        class Secure extends Namespace {
          on_connect() {
            this.session.user = 'ok';
          }
          on_me() {
            return this.session.user;
          }
        }
        register(server, Secure);
        const client = await clients.connect(server, '/secure', mode, { auth: { token: 'fresh' } });
        expect(await request(client, 'me')).to.equal('ok');
      });

      it('sends a ConnectError thrown by a guard as the reason and data', async () => {
        @Namespace('/club')
        @UseGuards(BannedGuard)
        class Club extends Namespace {}
        register(server, Club);
        const client = clients.open(server, '/club', mode, { auth: { user: 'mallory' } });
        const [err] = await nextEvent<[Error & { data?: unknown }]>(client, 'connect_error');
        expect(err.message).to.equal('banned');
        expect(err.data).to.deep.equal({ until: 'forever' });
      });

      it('inherits class guards from an abstract base', async () => {
        @UseGuards(BannedGuard)
        abstract class Guarded extends Namespace {}
        @Namespace('/inherited')
        class Inherited extends Guarded {}
        register(server, Inherited);
        const refused = clients.open(server, '/inherited', mode, { auth: { user: 'mallory' } });
        const [err] = await nextEvent<[Error]>(refused, 'connect_error');
        expect(err.message).to.equal('banned');
        await clients.connect(server, '/inherited', mode, { auth: { user: 'alice' } });
      });

      it('runs guards declared on on_connect as connect guards', async () => {
        @Namespace('/hooked')
        class Hooked extends Namespace {
          @UseGuards(BannedGuard)
          on_connect() {}
        }
        register(server, Hooked);
        const refused = clients.open(server, '/hooked', mode, { auth: { user: 'mallory' } });
        const [err] = await nextEvent<[Error]>(refused, 'connect_error');
        expect(err.message).to.equal('banned');
      });

      it('lets on_connect refuse by returning false', async () => {
        @Namespace('/picky')
        class Picky extends Namespace {
          on_connect(auth: { ok?: boolean }) {
            return auth.ok === true;
          }
        }
        register(server, Picky);
        const client = clients.open(server, '/picky', mode, { auth: { ok: false } });
        const [err] = await nextEvent<[Error]>(client, 'connect_error');
        expect(err.message).to.equal('unauthorized');
        await clients.connect(server, '/picky', mode, { auth: { ok: true } });
      });
    });

    describe('on a method', () => {
      @Namespace('/admin')
      class Admin extends Namespace {
        on_promote() {
          this.session.role = 'admin';
          return true;
        }
        @UseGuards(AsyncAdminGuard)
        on_shutdown() {
          return 'shutting down';
        }
        on_status() {
          return 'fine';
        }
      }

      it('refuses one event with a ForbiddenError ack and runs nothing, other events pass', async () => {
        register(server, Admin);
        const client = await clients.connect(server, '/admin', mode);
        const answer = await request(client, 'shutdown');
        expect(answer).to.deep.equal({
          error: {
            code: 'CLASSIO_ERR_FORBIDDEN',
            message: 'guard AsyncAdminGuard refused event "shutdown" in namespace "/admin"',
          },
        });
        expect(await request(client, 'status')).to.equal('fine');
        expect(await request(client, 'promote')).to.equal(true);
        expect(await request(client, 'shutdown')).to.equal('shutting down');
      });

      it('sends the refusal to the error handler', async () => {
        @Namespace('/admin2')
        class Admin2 extends Admin {
          @OnError()
          failed(error: Error & { code?: string }) {
            return { handled: error.code };
          }
        }
        register(server, Admin2);
        const client = await clients.connect(server, '/admin2', mode);
        expect(await request(client, 'shutdown')).to.deep.equal({ handled: 'CLASSIO_ERR_FORBIDDEN' });
      });
    });
  });
}
