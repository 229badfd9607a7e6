import { expect } from 'chai';
import { container as rootContainer } from 'tsyringe';
import { ConnectError } from '../../src/errors';
import { Server } from '../../src/server';
import { Namespace, OnError, UseGuards, type ErrorContext, type GuardContext } from '../../src';
import { ClientPool, nextEvent, until } from '../support/io';
import { MODES } from './support';

/**
 * A connect that fails on a bug (a guard, `on_connect`, a connect hook or a middleware throws something that is not a
 * `ConnectError`) tells the client nothing of it: `connect_error` reads "server error". The error goes where an
 * event's error goes, with the connect as its context: the error handlers, else the log.
 */

interface Broken {
  missing?: { field: string };
}

/** Reads a property of undefined, as a real bug would. */
function bug(value: Broken = {}): string {
  return value.missing!.field;
}

class BuggyGuard {
  canActivate(): boolean {
    return bug().length > 0;
  }
}

class RejectingGuard {
  async canActivate(context: GuardContext): Promise<boolean> {
    await Promise.resolve();
    return bug(context.auth).length > 0;
  }
}

/** The log entries of a server, as `[message, error message]`. */
type Logged = [string, string][];

for (const mode of MODES) {
  describe(`Connect failures (${mode.name})`, () => {
    let server: Server;
    let logged: Logged;
    const clients = new ClientPool();

    beforeEach(async () => {
      logged = [];
      server = new Server({
        container: rootContainer.createChildContainer(),
        logger: { error: (message, err) => logged.push([message, (err as Error).message]) },
      });
      await server.listen(0);
    });

    afterEach(async () => {
      await clients.closeAll();
      await server.close();
    });

    async function refusal(nsp: string, auth: Record<string, unknown> = {}): Promise<Error & { data?: unknown }> {
      const client = clients.open(server, nsp, mode, { auth });
      const [err] = await nextEvent<[Error & { data?: unknown }]>(client, 'connect_error');
      return err;
    }

    it('answers a bug in on_connect with "server error" and logs it when no error handler takes it', async () => {
      @Namespace('/buggy')
      class Buggy extends Namespace {
        on_connect() {
          bug();
        }
      }
      server.register(Buggy);
      const err = await refusal('/buggy');
      expect(err.message).to.equal('server error');
      expect(err.data).to.equal(undefined);
      expect(logged).to.deep.equal([
        ['[classio] handler of "connect" in /buggy failed', "Cannot read properties of undefined (reading 'field')"],
      ]);
      expect(server.of('/buggy').sockets.size).to.equal(0);
    });

    it("hands the error to the namespace's @OnError with the connect as its context, and logs nothing", async () => {
      const seen: unknown[] = [];
      @Namespace('/handled')
      class Handled extends Namespace {
        async on_connect() {
          await Promise.resolve();
          this.session.step = 'on_connect';
          bug();
        }
        @OnError(TypeError)
        failed(error: TypeError, context: ErrorContext) {
          seen.push({
            message: error.message,
            event: context.event,
            args: context.args,
            sid: this.sid === context.socket.id,
            step: this.session.step,
          });
          return 'not sent: a connect has no ack';
        }
      }
      server.register(Handled);
      const err = await refusal('/handled', { token: 't' });
      expect(err.message).to.equal('server error');
      expect(seen).to.deep.equal([
        {
          message: "Cannot read properties of undefined (reading 'field')",
          event: 'connect',
          args: [{ token: 't' }],
          sid: true,
          step: 'on_connect',
        },
      ]);
      expect(logged).to.deep.equal([]);
    });

    it('treats a class guard that throws or rejects the same way, and never runs on_connect', async () => {
      let connects = 0;
      @Namespace('/guard-throws')
      @UseGuards(BuggyGuard)
      class GuardThrows extends Namespace {
        on_connect() {
          connects++;
        }
      }
      @Namespace('/guard-rejects')
      @UseGuards(RejectingGuard)
      class GuardRejects extends Namespace {
        on_connect() {
          connects++;
        }
      }
      server.register(GuardThrows).register(GuardRejects);
      const errors: string[] = [];
      server.setDefaultErrorHandler((error, socket, event) => {
        errors.push(`${socket.nsp.name} ${event}: ${(error as Error).message}`);
      });
      expect((await refusal('/guard-throws')).message).to.equal('server error');
      expect((await refusal('/guard-rejects')).message).to.equal('server error');
      expect(connects).to.equal(0);
      expect(errors).to.deep.equal([
        "/guard-throws connect: Cannot read properties of undefined (reading 'field')",
        "/guard-rejects connect: Cannot read properties of undefined (reading 'field')",
      ]);
      expect(logged).to.deep.equal([]);
    });

    it('lets a ConnectError and a refusal choose what the client reads, without error handlers or logs', async () => {
      const errors: unknown[] = [];
      server.setDefaultErrorHandler((error) => void errors.push(error));
      @Namespace('/refuses')
      class Refuses extends Namespace {
        on_connect(auth: { how?: string }) {
          if (auth.how === 'throw') throw new ConnectError('token expired', { retry: true });
          return auth.how !== 'false';
        }
      }
      server.register(Refuses);
      const thrown = await refusal('/refuses', { how: 'throw' });
      expect([thrown.message, thrown.data]).to.deep.equal(['token expired', { retry: true }]);
      expect((await refusal('/refuses', { how: 'false' })).message).to.equal('unauthorized');
      expect(errors).to.deep.equal([]);
      expect(logged).to.deep.equal([]);
    });

    it('runs the @OnError of a connection-scoped class whose on_connect threw, on that connection', async () => {
      const seen: string[] = [];
      @Namespace('/per-connection', { scope: 'connection' })
      class PerConnection extends Namespace {
        readonly created = 'instance of this connection';
        on_connect() {
          bug();
        }
        @OnError()
        failed(error: Error) {
          seen.push(`${this.created}: ${error.message}`);
        }
      }
      server.register(PerConnection);
      expect((await refusal('/per-connection')).message).to.equal('server error');
      expect(seen).to.deep.equal([
        "instance of this connection: Cannot read properties of undefined (reading 'field')",
      ]);
      expect(logged).to.deep.equal([]);
    });

    it('treats a functional connect hook and a middleware that throw the same way', async () => {
      server.on('connect', () => bug(), { namespace: '/functional' });
      server.of('/middleware').use(() => {
        bug();
      });
      expect((await refusal('/functional')).message).to.equal('server error');
      expect((await refusal('/middleware')).message).to.equal('server error');
      expect(logged.map(([message]) => message)).to.deep.equal([
        '[classio] handler of "connect" in /functional failed',
        '[classio] handler of "connect" in /middleware failed',
      ]);
    });

    it('treats an async middleware that rejects as a failure, and logs a throw after next()', async () => {
      server.of('/async-middleware').use(async () => {
        await Promise.resolve();
        bug();
      });
      server.of('/late-throw').use((_socket, next) => {
        next();
        throw new Error('after next');
      });
      expect((await refusal('/async-middleware')).message).to.equal('server error');
      const client = clients.open(server, '/late-throw', mode);
      await nextEvent(client, 'connect');
      expect(logged).to.deep.equal([
        [
          '[classio] handler of "connect" in /async-middleware failed',
          "Cannot read properties of undefined (reading 'field')",
        ],
        ['[classio] middleware 0 of /late-throw failed after calling next()', 'after next'],
      ]);
    });

    it('logs a connection listener that rejects, and keeps the socket connected', async () => {
      server.of('/async-listener').on('connection', async () => {
        await Promise.resolve();
        bug();
      });
      const client = clients.open(server, '/async-listener', mode);
      await nextEvent(client, 'connect');
      await until(() => logged.length === 1, 'the log');
      expect(logged).to.deep.equal([
        [
          '[classio] "connection" listener of /async-listener failed',
          "Cannot read properties of undefined (reading 'field')",
        ],
      ]);
      expect(client.connected).to.equal(true);
    });

    it('keeps the message and data of an error a middleware passes to next(err), as Socket.IO does', async () => {
      server.of('/next').use((_socket, next) => next(Object.assign(new Error('not allowed'), { data: { a: 1 } })));
      const err = await refusal('/next');
      expect([err.message, err.data]).to.deep.equal(['not allowed', { a: 1 }]);
      expect(logged).to.deep.equal([]);
    });
  });
}
