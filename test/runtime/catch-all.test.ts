import { expect } from 'chai';
import type { Server } from '../../src/server';
import { Namespace, On, OnAny, OnUnknown, OnError, ForbiddenError, type Socket } from '../../src';
import { ClientPool, nextEvent } from '../support/io';
import { MODES, register, request, useRuntimeServer } from './support';

for (const mode of MODES) {
  describe(`Catch-all handlers and per-packet middleware (${mode.name})`, () => {
    let server: Server;
    const clients = new ClientPool();
    useRuntimeServer(clients, (started) => ({ server } = started));

    it('@OnAny sees every event, in order, before its handler', async () => {
      const seen: unknown[][] = [];
      @Namespace('/any')
      class Any extends Namespace {
        @OnAny()
        audit(event: string, ...args: unknown[]) {
          seen.push([event, ...args]);
        }
        @On('first')
        first(n: number) {
          seen.push(['handler', n]);
          return n;
        }
      }
      register(server, Any);
      const client = await clients.connect(server, '/any', mode);
      expect(await request(client, 'first', 1)).to.equal(1);
      client.emit('nobody', 'x');
      expect(await request(client, 'first', 2)).to.equal(2);
      expect(seen).to.deep.equal([
        ['first', 1],
        ['handler', 1],
        ['nobody', 'x'],
        ['first', 2],
        ['handler', 2],
      ]);
    });

    it('answers the ack with the error an @OnAny handler throws, through the error handler, and skips the handler', async () => {
      const ran: string[] = [];
      const handled: string[] = [];
      @Namespace('/any-throws')
      class AnyThrows extends Namespace {
        @OnAny()
        gate(event: string) {
          if (event === 'admin') throw new ForbiddenError('admins only');
        }
        on_admin() {
          ran.push('admin');
          return 'should not run';
        }
        on_hello() {
          return 'hello';
        }
        @OnError()
        failed(error: Error) {
          handled.push(error.message);
        }
      }
      register(server, AnyThrows);
      const client = await clients.connect(server, '/any-throws', mode);
      const answer = await request<{ error: { code: string; message: string } }>(client, 'admin');
      expect(answer.error).to.deep.equal({ code: 'CLASSIO_ERR_FORBIDDEN', message: 'admins only' });
      expect(await request(client, 'hello')).to.equal('hello');
      expect(handled).to.deep.equal(['admins only']);
      expect(ran).to.deep.equal([]);
    });

    it('waits for an async @OnAny handler, and answers the ack with its rejection as an error ack', async () => {
      const seen: string[] = [];
      @Namespace('/any-async')
      class AnyAsync extends Namespace {
        @OnAny()
        async audit(event: string) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          seen.push(`any:${event}`);
          if (event === 'secret') throw new Error('internal detail');
        }
        on_work() {
          seen.push('work');
          return 'done';
        }
        on_secret() {
          seen.push('secret');
        }
      }
      register(server, AnyAsync);
      const client = await clients.connect(server, '/any-async', mode);
      expect(await request(client, 'work')).to.equal('done');
      const answer = await request<{ error: { code: string; message: string } }>(client, 'secret');
      expect(answer.error).to.deep.equal({ code: 'CLASSIO_ERR_HANDLER', message: 'server error' });
      expect(seen).to.deep.equal(['any:work', 'work', 'any:secret']);
    });

    it('@OnUnknown answers the ack of events nothing else claims', async () => {
      @Namespace('/unknown')
      class Unknown extends Namespace {
        on_known() {
          return 'known';
        }
        @OnUnknown()
        fallback(event: string, ...args: unknown[]) {
          return { unknown: event, args };
        }
      }
      register(server, Unknown);
      const client = await clients.connect(server, '/unknown', mode);
      expect(await request(client, 'known')).to.equal('known');
      expect(await request(client, 'what', 1, 'two')).to.deep.equal({ unknown: 'what', args: [1, 'two'] });
    });

    it('keeps the unknown-event answer without @OnUnknown', async () => {
      @Namespace('/plain')
      class Plain extends Namespace {}
      register(server, Plain);
      const client = await clients.connect(server, '/plain', mode);
      const answer = await request<{ error: { code: string } }>(client, 'what');
      expect(answer.error.code).to.equal('CLASSIO_ERR_UNKNOWN_EVENT');
    });

    it('answers the ack with the error a socket.use middleware passes to next(err), through the error handler', async () => {
      const handled: string[] = [];
      @Namespace('/mw')
      class Guarded extends Namespace {
        on_connect() {
          this.socket.use(([event], next) => {
            if (event === 'admin') next(new ForbiddenError('admins only'));
            else next();
          });
        }
        on_admin() {
          return 'should not run';
        }
        on_hello() {
          return 'hello';
        }
        @OnError()
        failed(error: Error) {
          handled.push(error.message);
        }
      }
      register(server, Guarded);
      const client = await clients.connect(server, '/mw', mode);
      expect(await request(client, 'hello')).to.equal('hello');
      const answer = await request<{ error: { code: string; message: string } }>(client, 'admin');
      expect(answer.error).to.deep.equal({ code: 'CLASSIO_ERR_FORBIDDEN', message: 'admins only' });
      expect(handled).to.deep.equal(['admins only']);
    });

    it('lets a socket.use middleware change the packet, and hides a thrown internal error', async () => {
      server.on('connection', (socket: Socket) => {
        socket.use((packet, next) => {
          if (packet[0] === 'crash') throw new Error('secret');
          packet[1] = String(packet[1]).toUpperCase();
          next();
        });
      });
      server.on('shout', (text) => text);
      const client = await clients.connect(server, '/', mode);
      expect(await request(client, 'shout', 'hi')).to.equal('HI');
      const answer = await request<{ error: { code: string; message: string } }>(client, 'crash');
      expect(answer.error).to.deep.equal({ code: 'CLASSIO_ERR_HANDLER', message: 'server error' });
    });

    it('server.use() is the main namespace connect middleware', async () => {
      server.use((socket, next) => next(socket.handshake.auth.token === 'ok' ? undefined : new Error('no token')));
      const refused = clients.open(server, '/', mode, { auth: {} });
      const [err] = await nextEvent<[Error]>(refused, 'connect_error');
      expect(err.message).to.equal('no token');
      await clients.connect(server, '/', mode, { auth: { token: 'ok' } });
    });
  });
}
