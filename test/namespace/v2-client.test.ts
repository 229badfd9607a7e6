import { expect } from 'chai';
import type { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import { ConnectError } from '../../src/errors';
import { startServer, until } from '../support/io';
import { httpRequest } from '../support/raw-engine-client';
import { V2ClientPool, V2_MODES, emitWithAckV2, nextV2Event } from '../support/io-v2';

for (const mode of V2_MODES) {
  describe(`Socket.IO v2 client, allowEIO3 (${mode.name})`, () => {
    let server: Server;
    const clients = new V2ClientPool();
    const sockets = new Map<string, Socket>();

    beforeEach(async () => {
      server = await startServer({ allowEIO3: true, pingInterval: 200, pingTimeout: 400 });
      sockets.clear();
      for (const nsp of ['/', '/chat']) {
        server.on('echo', (value: unknown) => value, { namespace: nsp });
        server.of(nsp).on('connection', (socket: Socket) => {
          sockets.set(socket.id, socket);
          socket.on('join', (room: string) => void socket.join(room));
          socket.on('shout', (room: string, text: string) => void socket.nsp.to(room).emit('shouted', text));
          socket.on('say back', (...args: unknown[]) => void socket.emit('said', ...args));
          socket.on('ask me', (question: unknown) => {
            socket.emit('question', question, (answer: unknown) => void socket.emit('answered', answer));
          });
        });
      }
    });

    afterEach(async () => {
      await clients.closeAll();
      await server.close();
    });

    it('is connected to / by the server, with the id the v2 client computes (the engine id)', async () => {
      const client = await clients.connect(server, '/', mode);
      expect(client.id).to.equal(client.io.engine.id);
      expect(sockets.get(client.id)?.nsp.name).to.equal('/');
      if (mode.shouldUpgrade) expect(client.io.engine.transport.name).to.equal('websocket');
    });

    it('connects to another namespace with its query as auth, and the nsp#id socket id', async () => {
      let auth: unknown;
      server.of('/chat').use((socket, next) => {
        auth = { ...socket.handshake.auth };
        next();
      });
      const client = await clients.connect(server, '/chat', mode, { query: { token: 'abc' } });
      expect(client.id).to.equal(`/chat#${client.io.engine.id}`);
      expect(sockets.get(client.id)?.nsp.name).to.equal('/chat');
      expect(auth).to.deep.equal({ token: 'abc' });
    });

    it('gives the handshake query as auth to the / connection', async () => {
      let auth: unknown;
      server.of('/').use((socket, next) => {
        auth = { ...socket.handshake.auth };
        next();
      });
      await clients.connect(server, '/', mode, { query: { token: 'root' } });
      expect(auth).to.deep.equal({ token: 'root' });
    });

    it('carries events both ways, binary included', async () => {
      const client = await clients.connect(server, '/chat', mode);
      const reply = nextV2Event<[string, Buffer, { nested: Buffer }]>(client, 'said');
      client.emit('say back', 'hi', Buffer.from([1, 2, 3]), { nested: Buffer.from('hé') });
      const [text, bytes, object] = await reply;
      expect(text).to.equal('hi');
      expect(Buffer.from(bytes)).to.deep.equal(Buffer.from([1, 2, 3]));
      expect(Buffer.from(object.nested).toString()).to.equal('hé');
    });

    it('answers a client ack, and receives the answer to a server ack', async () => {
      const client = await clients.connect(server, '/', mode);
      expect(await emitWithAckV2(client, 'echo', { a: 2 })).to.deep.equal([{ a: 2 }]);
      client.on('question', (question: string, ack: (answer: string) => void) => ack(`${question}!`));
      const answered = nextV2Event(client, 'answered');
      client.emit('ask me', 'why');
      expect(await answered).to.deep.equal(['why!']);
    });

    it('broadcasts to a room and to nobody else', async () => {
      const [a, b, outsider] = await Promise.all([
        clients.connect(server, '/chat', mode),
        clients.connect(server, '/chat', mode),
        clients.connect(server, '/chat', mode),
      ]);
      a.emit('join', 'lobby');
      b.emit('join', 'lobby');
      await until(() => server.of('/chat').adapter.rooms.get('lobby')?.size === 2, 'both in lobby');
      const missed: unknown[] = [];
      outsider.on('shouted', (text: never) => missed.push(text));
      const [toA, toB] = [nextV2Event(a, 'shouted'), nextV2Event(b, 'shouted')];
      outsider.emit('shout', 'lobby', 'hello');
      expect(await toA).to.deep.equal(['hello']);
      expect(await toB).to.deep.equal(['hello']);
      expect(await emitWithAckV2(outsider, 'echo', 'done')).to.deep.equal(['done']);
      expect(missed).to.deep.equal([]);
    });

    it('refuses a namespace with the error data or message as the v2 error event', async () => {
      server.of('/chat').use((_socket, next) => next(new ConnectError('not allowed')));
      const client = clients.open(server, '/chat', mode);
      const [error] = await nextV2Event(client, 'error');
      expect(error).to.equal('not allowed');
      expect(client.connected).to.equal(false);
    });

    it('refuses an unknown namespace', async () => {
      const client = clients.open(server, '/nowhere', mode);
      const [error] = await nextV2Event(client, 'error');
      expect(error).to.deep.equal({ message: 'Invalid namespace' });
    });

    it('keeps the session through client pings, each answered with a pong', async () => {
      const client = await clients.connect(server, '/', mode);
      const engineSocket = server.engine.clients.get(client.io.engine.id)!;
      expect(engineSocket.protocol).to.equal(3);
      // Three round trips of pingInterval (200 ms) each, past pingInterval + pingTimeout (600 ms).
      for (let i = 0; i < 4; i++) await new Promise<void>((resolve) => client.io.engine.once('pong', () => resolve()));
      expect(client.connected).to.equal(true);
      expect(server.engine.clients.has(client.io.engine.id)).to.equal(true);
    });
  });
}

describe('EngineServer', () => {
  describe('allowEIO3', () => {
    it('refuses EIO=3 by default with error 5', async () => {
      const server = await startServer();
      try {
        const answer = await httpRequest(`http://127.0.0.1:${server.port}/socket.io/?EIO=3&transport=polling`);
        expect(answer.status).to.equal(400);
        expect(JSON.parse(answer.body)).to.deep.equal({ code: 5, message: 'Unsupported protocol version' });
      } finally {
        await server.close();
      }
    });

    it('answers an EIO=3 handshake with a length-prefixed payload, then the CONNECT of /', async () => {
      const server = await startServer({ allowEIO3: true });
      try {
        const answer = await httpRequest(`http://127.0.0.1:${server.port}/socket.io/?EIO=3&transport=polling`);
        expect(answer.status).to.equal(200);
        const match = /^(\d+):(0\{.*?\})2:40$/.exec(answer.body);
        expect(match, answer.body).to.not.equal(null);
        expect(Number(match![1])).to.equal(match![2].length);
      } finally {
        await server.close();
      }
    });

    it('refuses a session request whose EIO is not the session protocol', async () => {
      const server = await startServer({ allowEIO3: true });
      try {
        const base = `http://127.0.0.1:${server.port}/socket.io/`;
        const open = await httpRequest(`${base}?EIO=3&transport=polling`);
        const sid = (JSON.parse(/^\d+:0(\{.*?\})/.exec(open.body)![1]) as { sid: string }).sid;
        const answer = await httpRequest(`${base}?EIO=4&transport=polling&sid=${sid}`);
        expect(answer.status).to.equal(400);
        expect(JSON.parse(answer.body)).to.deep.equal({ code: 3, message: 'Bad request' });
      } finally {
        await server.close();
      }
    });
  });
});
