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
  });
}
