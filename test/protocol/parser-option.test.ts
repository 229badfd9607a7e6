import { expect } from 'chai';
import * as msgpackParser from 'socket.io-msgpack-parser';
import type { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import { ConfigurationError } from '../../src/errors';
import { Emitter } from '../../src/emitter';
import { TestClient } from '../../src/testing';
import { ClientPool, TRANSPORT_MODES, nextEvent, startServer } from '../support/io';
import { thrownBy } from '../support/errors';
import { REDIS_URL, requireRedis, uniqueChannel } from '../adapter/redis-support';

/**
 * A server with `parser: socket.io-msgpack-parser` reached from the two clients that are not socket.io-client:
 * the test client (classio/testing) and the external emitter (classio/emitter). Both take a `parser` option.
 */
describe('The parser option of the test client', () => {
  let server: Server;

  beforeEach(async () => {
    server = await startServer({ parser: msgpackParser });
    server.on('echo', (...args: unknown[]) => args);
    server.of('/').on('connection', (socket: Socket) => {
      socket.on('ask me', (question: unknown) => {
        socket.emit('question', question, (answer: unknown) => void socket.emit('answered', answer));
      });
    });
  });

  afterEach(() => server.close());

  it("speaks the server's parser by default: acks both ways and binary", async () => {
    const client = new TestClient(server, '/', {
      onAck: (packet) => (packet.name === 'question' ? [`${String(packet.args[0])}!`] : undefined),
    });
    expect(await client.ready).to.equal(true);
    const answer = await client.emitWithAck('echo', 'a', Buffer.from([1, 2, 3]), { n: 1.5 });
    expect(answer).to.have.length(1);
    const [echoed] = answer as [[string, Uint8Array, { n: number }]];
    expect(echoed[0]).to.equal('a');
    expect([...echoed[1]]).to.deep.equal([1, 2, 3]);
    expect(echoed[2]).to.deep.equal({ n: 1.5 });
    client.emit('ask me', 'why');
    expect((await client.waitFor('answered')).args).to.deep.equal(['why!']);
    client.close();
  });

  it('takes an explicit parser, and refuses one that is not a parser with CLASSIO_ERR_CONFIG', async () => {
    const client = new TestClient(server, '/', { parser: msgpackParser });
    expect(await client.ready).to.equal(true);
    expect(await client.emitWithAck('echo', 'b')).to.deep.equal([['b']]);
    client.close();
    const error = thrownBy(
      () => new TestClient(server, '/', { parser: { Encoder: 1 } as never }),
      ConfigurationError,
      'CLASSIO_ERR_CONFIG',
    );
    expect(error.message).to.match(/^option "parser" must be a Socket.IO parser/);
  });
});

describe('A custom parser with connection state recovery', () => {
  const clients = new ClientPool();
  let server: Server | undefined;

  afterEach(async () => {
    await clients.closeAll();
    await server?.close();
  });

  for (const mode of TRANSPORT_MODES) {
    it(`encodes stored broadcasts with the server's parser (${mode.name})`, async () => {
      server = await startServer({ parser: msgpackParser, connectionStateRecovery: {} });
      const client = await clients.connect(server, '/', mode, { parser: msgpackParser });
      const news = nextEvent<[string, string]>(client, 'news');
      server.emit('news', 'stored');
      const [text, offset] = await news;
      expect(text).to.equal('stored');
      expect(offset).to.be.a('string');
    });
  }
});

describe('The parser option of the emitter', function () {
  this.timeout(15000);

  before(async function () {
    await requireRedis(this);
  });

  it('refuses a parser that is not a parser with CLASSIO_ERR_CONFIG', () => {
    const error = thrownBy(
      () => new Emitter({ messageQueue: REDIS_URL, parser: { Decoder: class {} } as never }),
      ConfigurationError,
      'CLASSIO_ERR_CONFIG',
    );
    expect(error.message).to.match(/^option "parser" must be a Socket.IO parser/);
  });

  for (const mode of TRANSPORT_MODES) {
    describe(`reaches msgpack clients of a server with the same parser (${mode.name})`, () => {
      const clients = new ClientPool();
      let server: Server | undefined;
      let emitter: Emitter | undefined;

      afterEach(async () => {
        await clients.closeAll();
        await emitter?.close();
        await server?.close();
        emitter = undefined;
        server = undefined;
      });

      it('delivers text and binary to a room', async () => {
        const channel = uniqueChannel();
        server = await startServer({ parser: msgpackParser, messageQueue: REDIS_URL, channel });
        server.of('/jobs').on('connection', (socket: Socket) => void socket.join('watchers'));
        const watcher = await clients.connect(server, '/jobs', mode, { parser: msgpackParser });
        const other = await clients.connect(server, '/', mode, { parser: msgpackParser });
        let elsewhere = 0;
        other.on('done', () => elsewhere++);
        emitter = new Emitter({ messageQueue: REDIS_URL, channel, parser: msgpackParser });
        const received = nextEvent<[{ id: number }, Uint8Array]>(watcher, 'done');
        expect(
          await emitter
            .of('/jobs')
            .to('watchers')
            .emit('done', { id: 7 }, Buffer.from([9, 8])),
        ).to.equal(1);
        const [job, bytes] = await received;
        expect(job).to.deep.equal({ id: 7 });
        expect([...new Uint8Array(bytes)]).to.deep.equal([9, 8]);
        expect(elsewhere).to.equal(0);
      });
    });
  }
});
