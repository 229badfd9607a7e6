import { expect } from 'chai';
import { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import { DisconnectedError } from '../../src/errors';
import { TestClient } from '../../src/testing';

/** Resolves with the next socket that connects to `name`. */
function nextSocket(server: Server, name: string): Promise<Socket> {
  return new Promise((resolve) => server.of(name).on('connection', (socket: Socket) => resolve(socket)));
}

describe('TestClient', () => {
  let server: Server;

  beforeEach(() => {
    server = new Server({ logger: false });
  });

  afterEach(async () => {
    await server.close();
  });

  describe('#connect', () => {
    it('connects to the namespace given to its constructor and knows its sid', async () => {
      const connected = nextSocket(server, '/chat');
      const client = new TestClient(server, '/chat');
      expect(await client.ready).to.equal(true);
      const socket = await connected;
      expect(client.isConnected()).to.equal(true);
      expect(client.id()).to.equal(socket.id);
    });

    it('sends auth, query, headers and address in the handshake', async () => {
      const connected = nextSocket(server, '/');
      new TestClient(server, '/', {
        auth: { token: 't' },
        query: { room: 'a', tag: ['x', 'y'] },
        headers: { 'X-Trace': 'abc' },
        remoteAddress: '10.0.0.7',
      });
      const { handshake } = await connected;
      expect(handshake.auth).to.deep.equal({ token: 't' });
      expect(handshake.query.room).to.equal('a');
      expect(handshake.query.tag).to.deep.equal(['x', 'y']);
      expect(handshake.headers['x-trace']).to.equal('abc');
      expect(handshake.address).to.equal('10.0.0.7');
    });

    it('connects several namespaces on one connection', async () => {
      server.of('/a');
      server.of('/b');
      const client = new TestClient(server, '/a');
      expect(await client.connect('/b')).to.equal(true);
      expect(client.isConnected('/a')).to.equal(true);
      expect(client.isConnected('/b')).to.equal(true);
      expect(client.id('/a')).to.not.equal(client.id('/b'));
    });

    it('reports a refused connection as connectError', async () => {
      server.of('/locked').use((_socket, next) => next(Object.assign(new Error('nope'), { data: { why: 'test' } })));
      const client = new TestClient(server, '/locked');
      expect(await client.ready).to.equal(false);
      expect(client.isConnected()).to.equal(false);
      expect(client.connectError()).to.deep.equal({ message: 'nope', data: { why: 'test' } });
    });

    it('buffers emits made while connecting and sends them once connected', async () => {
      const received: unknown[] = [];
      server.of('/slow').use((_socket, next) => setImmediate(next));
      server.of('/slow').on('connection', (socket: Socket) => {
        socket.on('hello', (arg: unknown, ack?: () => void) => {
          received.push(arg);
          ack?.();
        });
      });
      const client = new TestClient(server, '/slow');
      client.emit('hello', 1);
      expect(await client.ready).to.equal(true);
      await client.emitWithAck('hello', 2);
      expect(received).to.deep.equal([1, 2]);
    });
  });

  describe('#emit and #getReceived', () => {
    it('delivers an answer synchronously when the handler answers synchronously', async () => {
      server.of('/').on('connection', (socket: Socket) => {
        socket.on('echo', (...args: unknown[]) => socket.emit('echoed', ...args));
      });
      const client = new TestClient(server);
      await client.ready;
      client.emit('echo', 'hi', { n: 1 });
      expect(client.getReceived()).to.deep.equal([{ name: 'echoed', args: ['hi', { n: 1 }], namespace: '/' }]);
      expect(client.getReceived()).to.deep.equal([]);
    });

    it('keeps each namespace apart', async () => {
      server.of('/other').on('connection', (socket: Socket) => socket.emit('welcome', 'other'));
      server.of('/').on('connection', (socket: Socket) => socket.emit('welcome', 'main'));
      const client = new TestClient(server);
      await client.ready;
      await client.connect('/other');
      expect(client.getReceived('/other')).to.deep.equal([{ name: 'welcome', args: ['other'], namespace: '/other' }]);
      expect(client.of('/').getReceived()).to.deep.equal([{ name: 'welcome', args: ['main'], namespace: '/' }]);
    });

    it('round-trips binary payloads through the real encoder and decoder', async () => {
      server.of('/').on('connection', (socket: Socket) => {
        socket.on('bin', (buf: Buffer) => socket.emit('bin', Buffer.concat([buf, Buffer.from([9])])));
      });
      const client = new TestClient(server);
      await client.ready;
      client.emit('bin', Buffer.from([1, 2]));
      const [packet] = client.getReceived();
      expect(Buffer.from(packet.args[0] as Uint8Array)).to.deep.equal(Buffer.from([1, 2, 9]));
    });

    it('names a send() "message"', async () => {
      server.of('/').on('connection', (socket: Socket) => socket.send('hello'));
      const client = new TestClient(server);
      await client.ready;
      expect(client.getReceived()).to.deep.equal([{ name: 'message', args: ['hello'], namespace: '/' }]);
    });

    it('throws when emitting on a namespace that is not connected', () => {
      const client = new TestClient(server);
      client.disconnect();
      expect(() => client.emit('x')).to.throw(DisconnectedError, 'namespace / is not connected');
    });
  });

  describe('#emitWithAck', () => {
    it('resolves with every argument of the ack', async () => {
      server.of('/').on('connection', (socket: Socket) => {
        socket.on('sum', (a: number, b: number, ack: (...args: unknown[]) => void) => ack(a + b, 'ok'));
      });
      const client = new TestClient(server);
      expect(await client.emitWithAck('sum', 2, 3)).to.deep.equal([5, 'ok']);
    });

    it('rejects when the namespace disconnects first', async () => {
      server.of('/').on('connection', (socket: Socket) => socket.on('bye', () => socket.disconnect()));
      const client = new TestClient(server);
      await client.ready;
      const err = await client.emitWithAck('bye').then(
        () => null,
        (e: Error) => e,
      );
      expect(err).to.be.instanceOf(DisconnectedError);
    });
  });

  describe('server ack requests', () => {
    it('lets the test answer through the received packet', async () => {
      const answered = new Promise<unknown[]>((resolve) => {
        server
          .of('/')
          .on('connection', (socket: Socket) => socket.emit('question', 'why?', (...a: unknown[]) => resolve(a)));
      });
      const client = new TestClient(server);
      await client.ready;
      const [packet] = client.getReceived();
      expect(packet).to.deep.equal({ name: 'question', args: ['why?'], namespace: '/' });
      packet.ack?.('because', 42);
      expect(await answered).to.deep.equal(['because', 42]);
    });

    it('answers automatically with onAck', async () => {
      const answered = new Promise<unknown[]>((resolve) => {
        server
          .of('/')
          .on('connection', (socket: Socket) => socket.emit('question', 'why?', (...a: unknown[]) => resolve(a)));
      });
      new TestClient(server, '/', { onAck: (packet) => [`re: ${String(packet.args[0])}`] });
      expect(await answered).to.deep.equal(['re: why?']);
    });
  });

  describe('#waitFor', () => {
    it('resolves with an event that arrives later and takes it from the received list', async () => {
      server.of('/').on('connection', (socket: Socket) => {
        socket.on('later', () => setImmediate(() => socket.emit('done', 1)));
      });
      const client = new TestClient(server);
      await client.ready;
      client.emit('later');
      expect(await client.waitFor('done')).to.deep.equal({ name: 'done', args: [1], namespace: '/' });
      expect(client.getReceived()).to.deep.equal([]);
    });

    it('rejects after its timeout with a message naming the event', async () => {
      const client = new TestClient(server);
      await client.ready;
      const err = await client.waitFor('never', { timeout: 1 }).then(
        () => null,
        (e: Error) => e,
      );
      expect((err as Error).message).to.equal('test client: no "never" on namespace / within 1 ms');
    });
  });

  describe('#disconnect and #close', () => {
    it('leaves one namespace and keeps the others', async () => {
      server.of('/b');
      const left = new Promise<string>((resolve) => {
        server
          .of('/')
          .on('connection', (socket: Socket) => socket.on('disconnect', (reason: string) => resolve(reason)));
      });
      const client = new TestClient(server);
      await client.ready;
      await client.connect('/b');
      client.disconnect('/');
      expect(await left).to.equal('client namespace disconnect');
      expect(client.isConnected('/')).to.equal(false);
      expect(client.isConnected('/b')).to.equal(true);
    });

    it('sees a server-side disconnect', async () => {
      server.of('/').on('connection', (socket: Socket) => socket.on('kick', () => socket.disconnect()));
      const client = new TestClient(server);
      await client.ready;
      client.emit('kick');
      expect(client.isConnected()).to.equal(false);
      expect(client.disconnectReason()).to.equal('io server disconnect');
    });

    it('closes the connection as a closed tab does', async () => {
      const left = new Promise<string>((resolve) => {
        server
          .of('/')
          .on('connection', (socket: Socket) => socket.on('disconnect', (reason: string) => resolve(reason)));
      });
      const client = new TestClient(server);
      await client.ready;
      client.close();
      expect(await left).to.equal('transport close');
      expect(client.isConnected()).to.equal(false);
    });

    it('is disconnected by server.close() as real clients are: "io server disconnect", "server shutting down"', async () => {
      const left = new Promise<string>((resolve) => {
        server
          .of('/')
          .on('connection', (socket: Socket) => socket.on('disconnect', (reason: string) => resolve(reason)));
      });
      const client = new TestClient(server);
      const other = client.of('/other');
      server.of('/other');
      await client.ready;
      expect(await other.connect()).to.equal(true);
      await server.close();
      expect(await left).to.equal('server shutting down');
      expect(client.isConnected()).to.equal(false);
      expect(client.disconnectReason()).to.equal('io server disconnect');
      expect(client.disconnectReason('/other')).to.equal('io server disconnect');
    });
  });
});
