import { expect } from 'chai';
import type { Server } from '../../src/server';
import { Namespace, OnError, type ErrorContext } from '../../src';
import { ClientPool } from '../support/io';
import { MODES, register, request, useRuntimeServer } from './support';

class QuotaError extends Error {}

for (const mode of MODES) {
  describe(`Error handlers (${mode.name})`, () => {
    let server: Server;
    const clients = new ClientPool();

    useRuntimeServer(clients, (started) => ({ server } = started));

    it('answers the ack with the error handler return value, in the event context', async () => {
      @Namespace('/errors')
      class Errors extends Namespace {
        on_fail(value: string) {
          throw new Error(`bad ${value}`);
        }
        async on_reject() {
          await Promise.resolve();
          throw new Error('rejected');
        }
        @OnError()
        failed(error: Error, context: ErrorContext) {
          return { message: error.message, event: context.event, args: context.args, sid: this.sid };
        }
      }
      register(server, Errors);
      const client = await clients.connect(server, '/errors', mode);
      expect(await request(client, 'fail', 'x')).to.deep.equal({
        message: 'bad x',
        event: 'fail',
        args: ['x'],
        sid: client.id,
      });
      expect((await request<{ message: string }>(client, 'reject')).message).to.equal('rejected');
    });

    it('narrows handlers by event and by error class, most specific first', async () => {
      @Namespace('/narrow')
      class Narrow extends Namespace {
        on_upload() {
          throw new Error('disk full');
        }
        on_send() {
          throw new QuotaError('quota');
        }
        on_other() {
          throw new Error('other');
        }
        @OnError('upload')
        uploadFailed() {
          return 'upload handler';
        }
        @OnError(QuotaError)
        quota() {
          return 'quota handler';
        }
      }
      register(server, Narrow);
      const client = await clients.connect(server, '/narrow', mode);
      expect(await request(client, 'upload')).to.equal('upload handler');
      expect(await request(client, 'send')).to.equal('quota handler');
      // No handler covers a plain Error of "other": the client still gets the standard error body.
      expect(await request(client, 'other')).to.deep.equal({
        error: { code: 'CLASSIO_ERR_HANDLER', message: 'other' },
      });
    });

    it('falls back to the server default error handler when the namespace has none', async () => {
      server.setDefaultErrorHandler((error) => ({ fallback: (error as Error).message }));
      @Namespace('/bare')
      class Bare extends Namespace {
        on_boom() {
          throw new Error('boom');
        }
      }
      register(server, Bare);
      const client = await clients.connect(server, '/bare', mode);
      expect(await request(client, 'boom')).to.deep.equal({ fallback: 'boom' });
    });

    it('inherits error handlers and lets a subclass replace one', async () => {
      abstract class Base extends Namespace {
        @OnError()
        failed() {
          return 'base';
        }
        on_boom() {
          throw new Error('boom');
        }
      }
      @Namespace('/inherits')
      class Inherits extends Base {}
      @Namespace('/replaces')
      class Replaces extends Base {
        override failed() {
          return 'child';
        }
      }
      register(server, Inherits);
      register(server, Replaces);
      const a = await clients.connect(server, '/inherits', mode);
      const b = await clients.connect(server, '/replaces', mode);
      expect(await request(a, 'boom')).to.equal('base');
      expect(await request(b, 'boom')).to.equal('child');
    });

    describe('of several classes sharing a namespace', () => {
      class AuditError extends Error {}

      /** Three classes on /shared, registered in this order: Chat, Audit, Admin; and a functional handler. */
      function registerShared(): void {
        @Namespace('/shared')
        class Chat extends Namespace {
          on_chat() {
            throw new QuotaError('chat quota');
          }
          on_chat_plain() {
            throw new Error('chat plain');
          }
          @OnError(QuotaError)
          quota(error: Error) {
            return `Chat took ${error.message}`;
          }
        }
        @Namespace('/shared')
        class Audit extends Namespace {
          on_audit() {
            throw new AuditError('audit failure');
          }
          async on_audit_late() {
            await Promise.resolve();
            throw new QuotaError('pass it on');
          }
          @OnError(AuditError)
          audit(error: Error) {
            return `Audit took ${error.message}`;
          }
          @OnError()
          async anything(error: Error) {
            await Promise.resolve();
            // Rethrowing the very error it was given means "not mine", asynchronously too.
            if (error.message === 'pass it on') throw error;
            return `Audit caught ${error.message}`;
          }
        }
        @Namespace('/shared')
        class Admin extends Namespace {
          on_admin() {
            throw new QuotaError('admin quota');
          }
          @OnError('admin')
          adminOnly(error: Error) {
            if (error instanceof QuotaError) throw error;
            return `Admin took ${error.message}`;
          }
          @OnError()
          all(error: Error) {
            return `Admin caught ${error.message}`;
          }
        }
        register(server, Chat);
        register(server, Audit);
        register(server, Admin);
        server.on(
          'functional',
          () => {
            throw new AuditError('functional failure');
          },
          { namespace: '/shared' },
        );
      }

      it("tries the failing route's class first, then the others in registration order", async () => {
        registerShared();
        const client = await clients.connect(server, '/shared', mode);
        // Chat's own filter matches.
        expect(await request(client, 'chat')).to.equal('Chat took chat quota');
        // Chat declines a plain Error; Audit, registered next, has a catch-all.
        expect(await request(client, 'chat_plain')).to.equal('Audit caught chat plain');
        // Admin's event-specific handler declines (rethrows); Admin's catch-all comes before the other classes'.
        expect(await request(client, 'admin')).to.equal('Admin caught admin quota');
        // Audit's catch-all declines asynchronously (rejects with the error): Chat, registered first, takes it.
        expect(await request(client, 'audit_late')).to.equal('Chat took pass it on');
        expect(await request(client, 'audit')).to.equal('Audit took audit failure');
      });

      it('hands an error of a route without a class to the classes in registration order', async () => {
        registerShared();
        const client = await clients.connect(server, '/shared', mode);
        expect(await request(client, 'functional')).to.equal('Audit took functional failure');
      });

      it('passes an error every class declines on to the server default handler', async () => {
        @Namespace('/declines')
        class First extends Namespace {
          on_fail() {
            throw new Error('nobody');
          }
          @OnError(QuotaError)
          quota() {
            return 'First';
          }
        }
        @Namespace('/declines')
        class Second extends Namespace {
          @OnError(AuditError)
          audit() {
            return 'Second';
          }
        }
        register(server, First);
        register(server, Second);
        server.setDefaultErrorHandler((error) => `default took ${(error as Error).message}`);
        const client = await clients.connect(server, '/declines', mode);
        expect(await request(client, 'fail')).to.equal('default took nobody');
      });
    });
  });
}
