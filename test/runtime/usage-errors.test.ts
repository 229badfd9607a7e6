import { expect } from 'chai';
import type { Server } from '../../src/server';
import { DisconnectedError, UsageError } from '../../src/errors';
import { Namespace, UseGuards, call, currentSid, currentSocket, emit, joinRoom, type HandlerContext } from '../../src';
import type { Socket } from '../../src/namespace/socket';
import { ClientPool, TRANSPORT_MODES, until } from '../support/io';
import { register, useRuntimeServer } from './support';
import { thrownBy } from '../support/errors';

/** Asserts that `run` throws a UsageError (CLASSIO_ERR_USAGE) with exactly `message`. */
function expectUsageError(run: () => unknown, message: string): void {
  expect(thrownBy(run, UsageError, 'CLASSIO_ERR_USAGE').message).to.equal(message);
}

/**
 * Calls made the wrong way throw the catalogue's UsageError (or, for a handler whose connection is gone, the
 * DisconnectedError), never a plain Error or TypeError. They are thrown before anything reaches the wire, so one
 * transport is enough.
 */
const mode = TRANSPORT_MODES[0];

describe('Usage errors', () => {
  let server: Server;
  const clients = new ClientPool();

  useRuntimeServer(clients, (started) => ({ server } = started));

  /** Connects a client to `/` and resolves with its server-side socket. */
  async function connectedSocket(): Promise<Socket> {
    let serverSocket: Socket | undefined;
    server.of('/').on('connection', (socket: Socket) => (serverSocket = socket));
    await clients.connect(server, '/', mode);
    await until(() => serverSocket !== undefined, 'the server-side socket');
    return serverSocket!;
  }

  describe('Socket#emit', () => {
    it('refuses a reserved event name', async () => {
      const socket = await connectedSocket();
      expectUsageError(() => socket.emit('disconnect'), '"disconnect" is a reserved event name');
    });

    it('refuses a Blob, whose bytes cannot be read synchronously', async () => {
      const socket = await connectedSocket();
      expectUsageError(
        () => socket.emit('file', new Blob(['x'])),
        'a Blob cannot be emitted: send its bytes instead (Buffer.from(await blob.arrayBuffer()))',
      );
    });
  });

  describe('Socket#timeout', () => {
    it('refuses an acknowledged emit without its callback', async () => {
      const socket = await connectedSocket();
      expectUsageError(
        () => socket.timeout(100).emit('question', 'no callback'),
        'timeout(ms).emit() needs an ack callback as last argument',
      );
    });
  });

  describe('ServerNamespace#emit', () => {
    it('refuses a reserved event name, to the whole namespace and to a room', () => {
      expectUsageError(() => server.of('/').emit('connect'), '"connect" is a reserved event name');
      expectUsageError(() => server.of('/').to('room').emit('newListener'), '"newListener" is a reserved event name');
    });
  });

  describe('context functions', () => {
    it('refuse to run outside an event handler', async () => {
      expectUsageError(
        () => currentSocket(),
        'currentSocket() was called outside an event handler, so there is no current client',
      );
      expectUsageError(
        () => currentSid(),
        'currentSid() was called outside an event handler, so there is no current client',
      );
      expectUsageError(() => emit('news'), 'emit() was called outside an event handler, so there is no current client');
      expectUsageError(
        () => joinRoom('room'),
        'joinRoom() was called outside an event handler, so there is no current client',
      );
      const rejected = await call('sid', 'question').then(
        () => null,
        (error: unknown) => error,
      );
      expect(rejected).to.be.instanceOf(UsageError);
      expect((rejected as UsageError).code).to.equal('CLASSIO_ERR_USAGE');
      expect((rejected as UsageError).message).to.equal('call() was called outside an event handler');
    });
  });

  describe('Namespace instance', () => {
    it('refuses to reach its namespace before it is registered', () => {
      class Early extends Namespace {}
      const early = new Early('/early');
      expectUsageError(() => early.nsp, 'Early is not registered yet: call server.register() first');
    });

    it('refuses the current client, and a room change without a sid, outside a handler', () => {
      @Namespace('/rooms')
      class Rooms extends Namespace {}
      const instance = new Rooms();
      register(server, instance);
      expectUsageError(() => instance.socket, 'there is no current client outside an event handler');
      expectUsageError(
        () => instance.joinRoom('lobby'),
        'joinRoom() without a sid needs a current client: call it inside an event handler',
      );
    });
  });

  describe('connection-scoped handler', () => {
    it('fails with DisconnectedError when its connection closed while a guard was deciding', async () => {
      let release: (allowed: boolean) => void = () => {};
      let guardCalls = 0;
      const slowGuard = {
        canActivate(_context: HandlerContext): Promise<boolean> {
          guardCalls++;
          return new Promise((resolve) => (release = resolve));
        },
      };
      @Namespace('/scoped', { scope: 'connection' })
      class Scoped extends Namespace {
        @UseGuards(slowGuard)
        on_work() {
          return 'done';
        }
      }
      register(server, Scoped);
      const failures: unknown[] = [];
      server.setDefaultErrorHandler((error) => {
        failures.push(error);
        return null;
      });
      let serverSocket: Socket | undefined;
      server.of('/scoped').on('connection', (socket: Socket) => (serverSocket = socket));
      const client = await clients.connect(server, '/scoped', mode);
      await until(() => serverSocket !== undefined, 'the server-side socket');
      client.emit('work');
      await until(() => guardCalls === 1, 'the guard to run');
      const sid = serverSocket!.id;
      client.disconnect();
      await until(() => serverSocket!.disconnected, 'the server to see the disconnect');
      release(true);
      await until(() => failures.length === 1, 'the error handler');
      expect(failures[0]).to.be.instanceOf(DisconnectedError);
      expect((failures[0] as DisconnectedError).code).to.equal('CLASSIO_ERR_DISCONNECTED');
      expect((failures[0] as DisconnectedError).message).to.equal(
        `Scoped.on_work: the connection of ${sid} is closed, its instance is gone`,
      );
    });
  });
});
