import { expect } from 'chai';
import type { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import type { Route } from '../../src/namespace/route-table';
import { ackArgs } from '../../src/namespace/dispatch';
import { AckTimeoutError, UsageError, ValidationError } from '../../src/errors';
import { ClientPool, TRANSPORT_MODES, nextEvent, startServer, until } from '../support/io';

function route(event: string, handle: Route['handle'], onError: Route['onError'] = null): Route {
  return { event, handle, answersAck: false, onError };
}

for (const mode of TRANSPORT_MODES) {
  describe(`Events and acks (${mode.name})`, () => {
    let server: Server;
    let serverSocket: Socket;
    const clients = new ClientPool();

    beforeEach(async () => {
      server = await startServer();
      server.of('/').on('connection', (socket: Socket) => (serverSocket = socket));
    });

    afterEach(async () => {
      await clients.closeAll();
      await server.close();
    });

    describe('EVENT', () => {
      it('routes an event to its compiled route with its arguments', async () => {
        const seen: unknown[][] = [];
        server.of('/').addRoute(route('my event', (_socket, args) => void seen.push(args)));
        const client = await clients.connect(server, '/', mode);
        client.emit('my event', { data: 'hi' }, 2);
        await until(() => seen.length === 1, 'the event');
        expect(seen[0]).to.deep.equal([{ data: 'hi' }, 2]);
      });

      it('falls back to Socket.IO-style listeners and ignores events nobody handles', async () => {
        const client = await clients.connect(server, '/', mode);
        const seen: unknown[] = [];
        serverSocket.on('legacy', (value: unknown) => seen.push(value));
        client.emit('nobody listens', 1);
        client.emit('legacy', 'x');
        await until(() => seen.length === 1, 'the listener');
        expect(seen).to.deep.equal(['x']);
      });

      it('carries binary both ways, alone and nested in objects', async () => {
        server.of('/').addRoute(route('echo', (socket, args) => void socket.emit('echo back', ...args)));
        const client = await clients.connect(server, '/', mode);
        const reply = nextEvent<[Buffer, { nested: { bytes: Buffer } }]>(client, 'echo back');
        client.emit('echo', Buffer.from([1, 2, 3]), { nested: { bytes: Buffer.from('hé') } });
        const [bytes, object] = await reply;
        expect(Buffer.from(bytes)).to.deep.equal(Buffer.from([1, 2, 3]));
        expect(Buffer.from(object.nested.bytes).toString()).to.equal('hé');
      });

      it('sends typed arrays, DataViews and ArrayBuffers as binary attachments', async () => {
        // socket.io-parser hands these on as they are; on the wire they are their bytes, and the stream stays whole.
        const floats = new Float32Array([1.5, -2, 3]);
        const view = new DataView(new Uint8Array([9, 8, 7, 6]).buffer, 1, 2);
        const raw = new Uint8Array([4, 5]).buffer;
        server.of('/').addRoute(route('give', (socket) => void socket.emit('bytes', floats, { view }, raw, 'after')));
        const client = await clients.connect(server, '/', mode);
        const received = nextEvent<[Buffer, { view: Buffer }, Buffer, string]>(client, 'bytes');
        client.emit('give');
        const [a, b, c, tail] = await received;
        expect(Buffer.from(a)).to.deep.equal(Buffer.from(floats.buffer));
        expect(Buffer.from(b.view)).to.deep.equal(Buffer.from([8, 7]));
        expect(Buffer.from(c)).to.deep.equal(Buffer.from([4, 5]));
        expect(tail).to.equal('after');
        // The connection is still usable afterwards.
        const again = nextEvent<[Buffer, { view: Buffer }, Buffer, string]>(client, 'bytes');
        client.emit('give');
        expect((await again)[3]).to.equal('after');
      });

      it('sends the unnamed "message" event with send()', async () => {
        const client = await clients.connect(server, '/', mode);
        const message = nextEvent(client, 'message');
        serverSocket.send('hello', 42);
        expect(await message).to.deep.equal(['hello', 42]);
      });

      it('refuses to emit a reserved event name', async () => {
        await clients.connect(server, '/', mode);
        expect(() => serverSocket.emit('disconnect'))
          .to.throw(UsageError, '"disconnect" is a reserved event name')
          .with.property('code', 'CLASSIO_ERR_USAGE');
      });
    });

    describe('client-to-server acks', () => {
      it('answers with the handler return value, synchronous or resolved', async () => {
        server.of('/').addRoute(route('sum', (_s, args) => (args[0] as number) + (args[1] as number)));
        server.of('/').addRoute(route('later', (_s, args) => Promise.resolve(`done ${String(args[0])}`)));
        server.of('/').addRoute(route('pair', (_s, args) => ackArgs(...args)));
        const client = await clients.connect(server, '/', mode);
        expect(await client.emitWithAck('sum', 2, 3)).to.equal(5);
        expect(await client.emitWithAck('later', 'x')).to.equal('done x');
        const pair = await new Promise<unknown[]>((resolve) =>
          client.emit('pair', 'a', 'b', (...args: unknown[]) => resolve(args)),
        );
        expect(pair).to.deep.equal(['a', 'b']);
      });

      it('answers a failing handler without an error handler with the standard error body', async () => {
        server.of('/').addRoute(
          route('fail', () => {
            throw new Error('boom');
          }),
        );
        server
          .of('/')
          .addRoute(
            route('reject', () =>
              Promise.reject(
                new ValidationError('payload of "reject" is invalid', [
                  { property: 'name', constraints: { isString: 'name must be a string' } },
                ]),
              ),
            ),
          );
        const client = await clients.connect(server, '/', mode);
        expect(await client.emitWithAck('fail')).to.deep.equal({
          error: { code: 'CLASSIO_ERR_HANDLER', message: 'server error' },
        });
        expect(await client.emitWithAck('reject')).to.deep.equal({
          error: {
            code: 'CLASSIO_ERR_VALIDATION',
            message: 'payload of "reject" is invalid',
            data: [{ property: 'name', constraints: { isString: 'name must be a string' } }],
          },
        });
      });

      it("answers with the error handler's return value, and the server default handler when the namespace has none", async () => {
        server.of('/').addRoute(
          route(
            'fail',
            () => {
              throw new Error('boom');
            },
            (err, _socket, event, args) => ({ handled: (err as Error).message, event, args }),
          ),
        );
        server.of('/').addRoute(route('fail default', () => Promise.reject(new Error('late boom'))));
        server.setDefaultErrorHandler((err, _socket, event) => `default saw ${(err as Error).message} in ${event}`);
        const client = await clients.connect(server, '/', mode);
        expect(await client.emitWithAck('fail', 1)).to.deep.equal({ handled: 'boom', event: 'fail', args: [1] });
        expect(await client.emitWithAck('fail default')).to.equal('default saw late boom in fail default');
      });

      it('hands an error its namespace handler declines (rethrows) to the server default handler', async () => {
        server.of('/').addRoute(
          route(
            'fail',
            () => {
              throw new Error('not a validation error');
            },
            (err) => {
              throw err;
            },
          ),
        );
        server.setDefaultErrorHandler((err) => `default took ${(err as Error).message}`);
        const client = await clients.connect(server, '/', mode);
        expect(await client.emitWithAck('fail')).to.equal('default took not a validation error');
      });

      it('answers an ack for an event nobody handles with CLASSIO_ERR_UNKNOWN_EVENT, and runs no error handler', async () => {
        const errors: unknown[] = [];
        server.setDefaultErrorHandler((err) => void errors.push(err));
        server.of('/').addRoute(route('known', () => 'fine'));
        const client = await clients.connect(server, '/', mode);
        const caught: string[] = [];
        serverSocket.onAny((event: string) => caught.push(event));
        expect(await client.timeout(2000).emitWithAck('nobody listens', 1)).to.deep.equal({
          error: { code: 'CLASSIO_ERR_UNKNOWN_EVENT', message: 'no handler for event "nobody listens" in namespace /' },
        });
        // A catch-all listener sees the event but cannot answer it: the ack is still answered.
        expect(caught).to.deep.equal(['nobody listens']);
        expect(errors).to.deep.equal([]);
        expect(await client.timeout(2000).emitWithAck('known')).to.equal('fine');
      });

      it('ignores an event nobody handles when the client asked for no ack', async () => {
        const client = await clients.connect(server, '/', mode);
        const caught: string[] = [];
        serverSocket.onAny((event: string) => caught.push(event));
        client.emit('nobody listens');
        serverSocket.on('marker', () => caught.push('marker'));
        client.emit('marker');
        await until(() => caught.length === 3, 'the marker');
        expect(caught).to.deep.equal(['nobody listens', 'marker', 'marker']);
        expect(client.connected).to.equal(true);
      });

      it('keeps other clients served while one handler fails', async () => {
        server.of('/').addRoute(
          route('fail', () => {
            throw new Error('boom');
          }),
        );
        server.of('/').addRoute(route('ok', () => 'fine'));
        const failing = await clients.connect(server, '/', mode);
        const bystander = await clients.connect(server, '/', mode);
        failing.emit('fail');
        expect(await bystander.emitWithAck('ok')).to.equal('fine');
        expect(await failing.emitWithAck('ok')).to.equal('fine');
      });
    });

    describe('server-to-client acks', () => {
      it("resolves emitWithAck with the client's answer", async () => {
        const client = await clients.connect(server, '/', mode);
        client.on('question', (q: string, answer: (a: string) => void) => answer(`answer to ${q}`));
        expect(await serverSocket.timeout(2000).emitWithAck('question', 'life')).to.equal('answer to life');
      });

      it('rejects with AckTimeoutError when the client does not answer in time', async () => {
        const client = await clients.connect(server, '/', mode);
        client.on('question', () => {});
        const err = await serverSocket
          .timeout(50)
          .emitWithAck('question')
          .then(
            () => null,
            (e: unknown) => e,
          );
        expect(err).to.be.instanceOf(AckTimeoutError);
        expect((err as AckTimeoutError).code).to.equal('CLASSIO_ERR_ACK_TIMEOUT');
      });

      it('calls a sid through the namespace and gets every ack argument', async () => {
        const client = await clients.connect(server, '/', mode);
        client.on('ask', (a: number, answer: (...r: unknown[]) => void) => answer(a * 2, 'two'));
        expect(await server.of('/').call(client.id!, 'ask', [21], 2000)).to.deep.equal([42, 'two']);
      });
    });
  });
}
