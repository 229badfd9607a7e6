import { expect } from 'chai';
import type { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import type { EngineSocket } from '../../src/engine/socket';
import { ClientPool, TRANSPORT_MODES, startServer, until } from '../support/io';

/**
 * What an idle connection costs the server beyond its transport: no emitter listener table and no timer of its own
 * (the Socket.IO layer is called directly, heartbeats wait in the server's shared queues), while listeners that
 * users add to `socket.conn` keep working.
 */
for (const mode of TRANSPORT_MODES) {
  describe(`An idle connection (${mode.name})`, () => {
    let server: Server;
    const clients = new ClientPool();

    afterEach(async () => {
      await clients.closeAll();
      await server.close();
    });

    it('has no listener table until a listener is added, then hands it messages and the close', async () => {
      server = await startServer();
      const sockets: Socket[] = [];
      server.of('/chat').on('connection', (socket: Socket) => sockets.push(socket));
      const client = await clients.connect(server, '/chat', mode);
      await until(() => sockets.length === 1, 'the connection');
      const conn = sockets[0].conn as EngineSocket;
      expect((conn as unknown as { _events: unknown })._events).to.equal(undefined);

      const messages: unknown[] = [];
      let reason: unknown;
      conn.on('message', (data) => messages.push(data));
      conn.on('close', (why: string) => (reason = why));
      const answers: unknown[] = [];
      sockets[0].on('hello', (n: number) => answers.push(n));
      client.emit('hello', 1);
      await until(() => answers.length === 1, 'the event');
      expect(messages).to.deep.equal(['2/chat,["hello",1]']);

      client.disconnect();
      await until(() => reason !== undefined, 'the close');
      expect(reason).to.equal('transport close');
    });

    it('decodes text with shared decoders, then takes a decoder of its own at the first binary packet', async () => {
      server = await startServer();
      const got: unknown[][] = [];
      server.of('/chat').on('connection', (socket: Socket) => {
        socket.on('data', (...args: unknown[]) => got.push(args));
      });
      const client = await clients.connect(server, '/chat', mode);
      client.emit('data', 'text before');
      client.emit('data', Buffer.from([1, 2, 3]), 'binary');
      client.emit('data', { nested: [Buffer.from([4]), Buffer.from([5, 6])] });
      client.emit('data', 'text after');
      await until(() => got.length === 4, 'four events');
      expect(got).to.deep.equal([
        ['text before'],
        [Buffer.from([1, 2, 3]), 'binary'],
        [{ nested: [Buffer.from([4]), Buffer.from([5, 6])] }],
        ['text after'],
      ]);
    });

    it('keeps its heartbeat in queues shared by every session, and answers pings on time', async () => {
      server = await startServer({ pingInterval: 40, pingTimeout: 200 });
      const sockets: Socket[] = [];
      server.of('/chat').on('connection', (socket: Socket) => sockets.push(socket));
      const connected = await Promise.all(Array.from({ length: 5 }, () => clients.connect(server, '/chat', mode)));
      await until(() => sockets.length === 5, 'the connections');
      const queues = new Set(sockets.map((socket) => (socket.conn as EngineSocket).timerQueue));
      // Between pings a session waits in `pingDue`, after one in `pongDue`: two queues at most, whatever the count.
      expect(queues.size).to.be.within(1, 2);
      expect(queues.has(null)).to.equal(false);
      let pings = 0;
      connected[0].io.engine.on('ping', () => pings++);
      await until(() => pings >= 5, 'five pings', 2000);
      expect(connected.every((client) => client.connected)).to.equal(true);
      expect(sockets.every((socket) => socket.connected)).to.equal(true);
    });
  });
}
