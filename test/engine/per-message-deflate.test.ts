import { expect } from 'chai';
import { constants, inflateRawSync } from 'node:zlib';
import type { Socket as ClientSocket } from 'socket.io-client';
import type { Socket } from '../../src/namespace/socket';
import type { Server, ServerOptions } from '../../src/server';
import { ConfigurationError } from '../../src/errors';
import { EngineServer } from '../../src/engine/server';
import { clientWebSocket, FrameTap } from '../support/frame-tap';
import { thrownBy } from '../support/errors';
import { ClientPool, TRANSPORT_MODES, nextEvent, startServer, until } from '../support/io';

const WEBSOCKET = TRANSPORT_MODES.find((mode) => mode.name === 'websocket')!;
/** A 10 KB JSON-like text that compresses well, as a chat history or a game state does. */
const BIG = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, name: `player ${i}`, score: i * 7 })));
/** What permessage-deflate removes from the end of each compressed message (RFC 7692 section 7.2.1). */
const TAIL = Buffer.from([0x00, 0x00, 0xff, 0xff]);

/** Inflates a message compressed on its own (no context takeover, or the first message of a context). */
function inflateMessage(payload: Buffer): string {
  return inflateRawSync(Buffer.concat([payload, TAIL]), { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
}

const MODES: { name: string; options: ServerOptions['perMessageDeflate'] }[] = [
  { name: 'context takeover: ws compresses per connection', options: true },
  { name: 'no context takeover: frames built once and shared', options: { serverNoContextTakeover: true } },
];

describe('permessage-deflate (socket.io-client 4.8 over websocket)', () => {
  let server: Server;
  const clients = new ClientPool();
  let serverSockets: Socket[];

  async function start(options: ServerOptions): Promise<void> {
    server = await startServer(options);
    serverSockets = [];
    server.of('/').on('connection', (socket: Socket) => serverSockets.push(socket));
  }

  async function connect(): Promise<{ client: ClientSocket; socket: Socket; tap: FrameTap }> {
    const client = await clients.connect(server, '/', WEBSOCKET);
    await until(() => serverSockets.some((s) => s.id === client.id), 'the server-side socket');
    return { client, socket: serverSockets.find((s) => s.id === client.id)!, tap: new FrameTap(client) };
  }

  afterEach(async () => {
    await clients.closeAll();
    await server?.close();
  });

  it('is off by default: the client offers it and the server declines, frames go uncompressed', async () => {
    await start({});
    const { client, socket, tap } = await connect();
    expect(clientWebSocket(client).extensions).to.equal('');
    const received = nextEvent<[string]>(client, 'big');
    socket.emit('big', BIG);
    expect((await received)[0]).to.equal(BIG);
    expect(tap.frames.map((frame) => frame.isCompressed)).to.deep.equal([false]);
  });

  for (const mode of MODES) {
    describe(mode.name, () => {
      beforeEach(() => start({ perMessageDeflate: mode.options }));

      it('negotiates the extension and compresses a message past the threshold, not one below', async () => {
        const { client, socket, tap } = await connect();
        expect(clientWebSocket(client).extensions).to.equal('permessage-deflate');
        const small = nextEvent<[string]>(client, 'small');
        const big = nextEvent<[string]>(client, 'big');
        socket.emit('small', 'hello');
        socket.emit('big', BIG);
        expect((await small)[0]).to.equal('hello');
        expect((await big)[0]).to.equal(BIG);
        expect(tap.frames.map((frame) => [frame.opcode, frame.isCompressed])).to.deep.equal([
          [1, false],
          [1, true],
        ]);
        const compressed = tap.frames[1].payload;
        expect(compressed.length).to.be.below(BIG.length / 4);
        expect(inflateMessage(compressed)).to.equal(`42${JSON.stringify(['big', BIG])}`);
      });

      it('honours compress(false) on the socket and on operators, for that emit only', async () => {
        const { client, socket, tap } = await connect();
        let count = 0;
        client.on('big', (data: string) => {
          expect(data).to.equal(BIG);
          count++;
        });
        socket.compress(false).emit('big', BIG);
        socket.emit('big', BIG);
        server.compress(false).emit('big', BIG);
        server.of('/').compress(false).to(socket.id).emit('big', BIG);
        server.emit('big', BIG);
        await until(() => count === 5, 'five messages');
        expect(tap.frames.map((frame) => frame.isCompressed)).to.deep.equal([false, true, false, false, true]);
      });

      it('compresses binary attachments past the threshold', async () => {
        const { client, socket, tap } = await connect();
        const received = nextEvent<[Buffer]>(client, 'bin');
        const bytes = Buffer.alloc(8192, 7);
        socket.emit('bin', bytes);
        expect(Buffer.from((await received)[0])).to.deep.equal(bytes);
        expect(tap.frames.map((frame) => [frame.opcode, frame.isCompressed])).to.deep.equal([
          [1, false],
          [2, true],
        ]);
      });

      it('inflates what the client compresses', async () => {
        const { client, socket } = await connect();
        socket.on('up', (data: string, ack: (answer: number) => void) => ack(data === BIG ? data.length : -1));
        expect(await client.emitWithAck('up', BIG)).to.equal(BIG.length);
      });
    });
  }

  it('without context takeover, compresses a broadcast once: every recipient gets the same frame', async () => {
    await start({ perMessageDeflate: { serverNoContextTakeover: true } });
    const connected = [await connect(), await connect(), await connect()];
    const received = connected.map(({ client }) => nextEvent<[string]>(client, 'news'));
    server.emit('news', BIG);
    for (const answer of await Promise.all(received)) expect(answer[0]).to.equal(BIG);
    const payloads = connected.map(({ tap }) => tap.frames[0]);
    for (const frame of payloads) {
      expect(frame.isCompressed).to.equal(true);
      expect(frame.payload).to.deep.equal(payloads[0].payload);
    }
    expect(inflateMessage(payloads[0].payload)).to.equal(`42${JSON.stringify(['news', BIG])}`);
  });

  it('keeps its own threshold', async () => {
    await start({ perMessageDeflate: { threshold: 20_000, serverNoContextTakeover: true } });
    const { client, socket, tap } = await connect();
    const received = nextEvent<[string]>(client, 'big');
    socket.emit('big', BIG);
    expect((await received)[0]).to.equal(BIG);
    expect(tap.frames.map((frame) => frame.isCompressed)).to.deep.equal([false]);
  });

  describe('options', () => {
    const wrong: [string, unknown, RegExp][] = [
      ['a number', 1, /"perMessageDeflate" must be a boolean or an object, got 1/],
      ['a negative threshold', { threshold: -1 }, /"threshold" must be a non-negative number of bytes, got -1/],
      ['an unknown key', { treshold: 10 }, /unknown option "treshold"; did you mean "threshold"\?/],
      ['a string flag', { serverNoContextTakeover: 'yes' }, /"serverNoContextTakeover" must be a boolean/],
      ['a window of 16 bits', { serverMaxWindowBits: 16 }, /"serverMaxWindowBits" must be an integer from 8 to 15/],
      ['a zlib level of 10', { zlibDeflateOptions: { level: 10 } }, /"level" must be an integer from -1 to 9/],
      ['an unknown zlib key', { zlibInflateOptions: { flush: 2 } }, /unknown option "flush"/],
    ];
    for (const [what, value, message] of wrong) {
      it(`refuses ${what} at construction`, () => {
        const error = thrownBy(
          () => new EngineServer({ perMessageDeflate: value as never }),
          ConfigurationError,
          'CLASSIO_ERR_CONFIG',
        );
        expect(error.message).to.match(message);
      });
    }

    it("takes true as { threshold: 1024 } and hands ws's options over unchanged", () => {
      expect(new EngineServer({ perMessageDeflate: true }).settings.perMessageDeflate).to.deep.equal({
        threshold: 1024,
      });
      const options = { serverNoContextTakeover: true, zlibDeflateOptions: { level: 3 }, concurrencyLimit: 4 };
      expect(new EngineServer({ perMessageDeflate: options }).settings.perMessageDeflate).to.deep.equal({
        threshold: 1024,
        ...options,
      });
    });
  });
});
