import { expect } from 'chai';
import * as msgpackParser from 'socket.io-msgpack-parser';
import type { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import { ConfigurationError } from '../../src/errors';
import { Server as ClassioServer } from '../../src/server';
import { ClientPool, TRANSPORT_MODES, nextEvent, startServer, until } from '../support/io';
import { thrownBy } from '../support/errors';

const parserOption = { parser: msgpackParser };

for (const mode of TRANSPORT_MODES) {
  describe(`Custom parser: socket.io-msgpack-parser (${mode.name})`, () => {
    let server: Server;
    const clients = new ClientPool();
    const connect = (nsp = '/') => clients.connect(server, nsp, mode, parserOption);

    beforeEach(async () => {
      server = await startServer(parserOption);
      server.on('echo', (...args: unknown[]) => args);
      server.of('/').on('connection', (socket: Socket) => {
        socket.on('say back', (...args: unknown[]) => void socket.emit('said', ...args));
        socket.on('ask me', (question: unknown) => {
          socket.emit('question', question, (answer: unknown) => void socket.emit('answered', answer));
        });
        socket.on('join', (room: string) => void socket.join(room));
        socket.on('shout', (room: string, text: string) => void server.to(room).emit('shouted', text));
      });
    });

    afterEach(async () => {
      await clients.closeAll();
      await server.close();
    });

    it('echoes an event', async () => {
      const client = await connect();
      const reply = nextEvent(client, 'said');
      client.emit('say back', { text: 'hi', n: 1.5 }, [1, 'two']);
      expect(await reply).to.deep.equal([{ text: 'hi', n: 1.5 }, [1, 'two']]);
      if (mode.shouldUpgrade) expect(client.io.engine.transport.name).to.equal('websocket');
    });

    it('answers a client ack with the handler return value', async () => {
      const client = await connect();
      expect(await client.emitWithAck('echo', 'a', 2)).to.deep.equal(['a', 2]);
    });

    it('receives the answer to a server-to-client ack', async () => {
      const client = await connect();
      client.on('question', (question: string, ack: (answer: string) => void) => ack(`${question}!`));
      const answered = nextEvent(client, 'answered');
      client.emit('ask me', 'why');
      expect(await answered).to.deep.equal(['why!']);
    });

    it('carries binary both ways, alone and nested', async () => {
      const client = await connect();
      const reply = nextEvent<[Uint8Array, { nested: { bytes: Uint8Array } }]>(client, 'said');
      client.emit('say back', Buffer.from([1, 2, 3]), { nested: { bytes: Buffer.from('hé') } });
      const [bytes, object] = await reply;
      expect(Buffer.from(bytes)).to.deep.equal(Buffer.from([1, 2, 3]));
      expect(Buffer.from(object.nested.bytes).toString()).to.equal('hé');
    });

    it('broadcasts to a room, encoded with the custom parser', async () => {
      const [a, b, c] = await Promise.all([connect(), connect(), connect()]);
      await Promise.all([a.emitWithAck('echo'), b.emitWithAck('echo')]);
      a.emit('join', 'lobby');
      b.emit('join', 'lobby');
      await until(() => server.of('/').adapter.rooms.get('lobby')?.size === 2, 'both clients in lobby');
      const outsider: unknown[] = [];
      c.on('shouted', (text: unknown) => outsider.push(text));
      const [toA, toB] = [nextEvent(a, 'shouted'), nextEvent(b, 'shouted')];
      c.emit('shout', 'lobby', 'hello');
      expect(await toA).to.deep.equal(['hello']);
      expect(await toB).to.deep.equal(['hello']);
      // c's own echo proves the shout was handled before checking that c got nothing.
      expect(await c.emitWithAck('echo', 'done')).to.deep.equal(['done']);
      expect(outsider).to.deep.equal([]);
    });

    it('connects to another namespace with auth', async () => {
      let auth: unknown;
      server.of('/admin').use((socket, next) => {
        auth = socket.handshake.auth;
        next();
      });
      const client = await clients.connect(server, '/admin', mode, { ...parserOption, auth: { token: 't' } });
      expect(client.connected).to.equal(true);
      expect(auth).to.deep.equal({ token: 't' });
    });
  });
}

describe('Server', () => {
  describe('#constructor parser option', () => {
    it('refuses a value that is not an { Encoder, Decoder } parser', () => {
      for (const parser of [{}, 'msgpack', { Encoder: class {}, Decoder: class {} }]) {
        const error = thrownBy(
          () => new ClassioServer({ logger: false, parser: parser as never }),
          ConfigurationError,
          'CLASSIO_ERR_CONFIG',
        );
        expect(error.message).to.match(/^option "parser" must be a Socket.IO parser/);
      }
    });
  });
});
