import { expect } from 'chai';
import type { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import { InMemoryAdapter } from '../../src/adapter/in-memory-adapter';
import { ClientPool, TRANSPORT_MODES, startServer, until } from '../support/io';
import { requestOnPort } from '../support/raw-hostile-client';

/**
 * `server.close({ timeout })`: refuse new sessions, let running handlers and awaited acks finish within the
 * deadline, tell every client why (`io server disconnect` on the client, `server shutting down` on the server),
 * then close the sessions, the adapters and the HTTP server.
 */

function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

for (const mode of TRANSPORT_MODES.filter((m) => m.name !== 'upgrade')) {
  describe(`Graceful shutdown (${mode.name})`, () => {
    let server: Server;
    let adapterCloses: number;
    const clients = new ClientPool();
    const serverReasons: string[] = [];

    beforeEach(async () => {
      adapterCloses = 0;
      serverReasons.length = 0;
      server = await startServer({
        adapter: (host) => {
          const adapter = new InMemoryAdapter(host);
          const close = adapter.close.bind(adapter);
          adapter.close = () => {
            adapterCloses++;
            return close();
          };
          return adapter;
        },
      });
      server
        .of('/')
        .on('connection', (socket: Socket) => socket.on('disconnect', (reason: string) => serverReasons.push(reason)));
    });

    afterEach(async () => {
      await clients.closeAll();
      await server.close();
    });

    it('tells connected clients why: "io server disconnect" on the client, "server shutting down" on the server', async () => {
      const client = await clients.connect(server, '/', mode);
      const clientReason = new Promise<string>((resolve) => client.once('disconnect', resolve));
      await server.close({ timeout: 2000 });
      expect(await clientReason).to.equal('io server disconnect');
      expect(serverReasons).to.deep.equal(['server shutting down']);
    });

    it('refuses new sessions while it drains, with Engine.IO error 4 "server shutting down"', async () => {
      const gate = deferred();
      server.on('slow', () => gate.promise);
      const client = await clients.connect(server, '/', mode);
      client.emit('slow');
      await until(() => server.of('/').handlersInFlight === 1, 'the handler to start');
      const closed = server.close({ timeout: 5000 });
      const answer = await requestOnPort(server.port, 'GET', '/socket.io/?EIO=4&transport=polling');
      expect(answer.status).to.equal(403);
      expect(JSON.parse(answer.body)).to.deep.equal({ code: 4, message: 'server shutting down' });
      gate.resolve();
      await closed;
    });

    it('waits for a handler in flight, whose ack answer reaches the client before the disconnect', async () => {
      const gate = deferred();
      server.on('slow', async () => {
        await gate.promise;
        return 'done';
      });
      const client = await clients.connect(server, '/', mode);
      const order: string[] = [];
      client.on('disconnect', () => order.push('disconnect'));
      // A plain ack callback records the answer synchronously (a promise would record it a microtask late).
      client.emit('slow', (value: string) => order.push(value));
      await until(() => server.of('/').handlersInFlight === 1, 'the handler to start');
      const closed = server.close({ timeout: 5000 });
      setTimeout(() => gate.resolve(), 50);
      await closed;
      await until(() => order.length === 2, 'the disconnect');
      expect(order).to.deep.equal(['done', 'disconnect']);
    });

    it('waits for the acks it awaits from clients', async () => {
      let serverSocket!: Socket;
      server.of('/').on('connection', (socket: Socket) => (serverSocket = socket));
      const client = await clients.connect(server, '/', mode);
      client.on('question', (ack: (answer: string) => void) => setTimeout(() => ack('answer'), 50));
      await until(() => serverSocket !== undefined, 'the server socket');
      const awaited = serverSocket.timeout(5000).emitWithAck('question');
      await server.close({ timeout: 5000 });
      expect(await awaited).to.equal('answer');
    });

    it('stops waiting at the deadline: the handler that never ends does not hold the close', async () => {
      server.on('stuck', () => new Promise(() => undefined));
      const client = await clients.connect(server, '/', mode);
      client.emit('stuck');
      await until(() => server.of('/').handlersInFlight === 1, 'the handler to start');
      const clientReason = new Promise<string>((resolve) => client.once('disconnect', resolve));
      await server.close({ timeout: 100 });
      expect(await clientReason).to.equal('io server disconnect');
      expect(serverReasons).to.deep.equal(['server shutting down']);
    });

    it('closes the adapters and its HTTP server, ends every session, and returns the same promise twice', async () => {
      await clients.connect(server, '/', mode);
      const first = server.close({ timeout: 1000 });
      expect(server.close()).to.equal(first);
      await first;
      expect(adapterCloses).to.equal(1);
      expect(server.engine.clientsCount).to.equal(0);
      expect(server.of('/').sockets.size).to.equal(0);
      expect(server.httpServer!.listening).to.equal(false);
    });

    it('rejects a negative timeout', async () => {
      const error = await server.close({ timeout: -1 }).then(
        () => null,
        (err: Error & { code?: string }) => err,
      );
      expect(error?.code).to.equal('CLASSIO_ERR_CONFIG');
    });
  });
}

for (const mode of TRANSPORT_MODES) {
  describe(`Shutdown with the default timeout (${mode.name})`, () => {
    let server: Server;
    const clients = new ClientPool();

    beforeEach(async () => {
      server = await startServer();
    });

    afterEach(async () => {
      await clients.closeAll();
      await server.close();
    });

    // Right after its CONNECT arrives a polling client has no GET waiting (it sends the next one after reading
    // the answer), so the DISCONNECT must wait for that GET rather than be dropped with the session.
    it('tells a client that just connected "io server disconnect", as it does with a timeout', async () => {
      const client = await clients.connect(server, '/', mode);
      const clientReason = new Promise<string>((resolve) => client.once('disconnect', resolve));
      await server.close();
      expect(await clientReason).to.equal('io server disconnect');
      expect(server.engine.clientsCount).to.equal(0);
    });

    it('tells every namespace of a connection "io server disconnect"', async () => {
      server.of('/chat');
      const main = await clients.connect(server, '/', mode);
      const chat = main.io.socket('/chat');
      await new Promise<void>((resolve) => (chat.connected ? resolve() : chat.once('connect', () => resolve())));
      const reasons = Promise.all([main, chat].map((c) => new Promise<string>((r) => c.once('disconnect', r))));
      await server.close();
      expect(await reasons).to.deep.equal(['io server disconnect', 'io server disconnect']);
    });
  });
}
