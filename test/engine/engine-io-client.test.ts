import { expect } from 'chai';
import { Socket as ClientSocket, type SocketOptions } from 'engine.io-client';
import type { EngineSocket } from '../../src/engine/socket';
import { once } from '../support/raw-engine-client';
import { until } from '../support/io';
import { echo, startEngine, type EngineFixture } from './engine-fixture';

/** Opens the official Engine.IO client against the fixture and waits for `open`. */
async function connect(fixture: EngineFixture, options: Partial<SocketOptions>): Promise<ClientSocket> {
  const client = new ClientSocket(fixture.baseUrl, { path: '/engine.io/', ...options });
  await new Promise<void>((resolve, reject) => {
    client.once('open', () => resolve());
    client.once('error', reject);
  });
  return client;
}

/** Sends `data` and resolves with the next message the client receives. */
function roundTrip(client: ClientSocket, data: string | Buffer): Promise<unknown> {
  const reply = new Promise((resolve) => client.once('message', resolve));
  client.send(data);
  return reply;
}

describe('EngineServer with the official engine.io-client', () => {
  let fixture: EngineFixture;
  let client: ClientSocket | null = null;
  beforeEach(async () => {
    fixture = await startEngine();
    echo(fixture.engine);
  });
  afterEach(async () => {
    client?.close();
    client = null;
    await fixture.close();
  });

  for (const transport of ['websocket', 'polling'] as const) {
    it(`echoes text and binary over ${transport}`, async () => {
      const connection = fixture.nextConnection();
      client = await connect(fixture, { transports: [transport] });
      const socket = await connection;
      expect(socket.transportName).to.equal(transport);
      expect(await roundTrip(client, 'héllo')).to.equal('héllo');
      const binary = await roundTrip(client, Buffer.from([1, 2, 3]));
      expect(Buffer.from(binary as Uint8Array)).to.deep.equal(Buffer.from([1, 2, 3]));
    });
  }

  it('frames websocket messages of every length class, text and binary, as the client reads them', async () => {
    // The websocket transport builds frames itself: a 7-bit, 16-bit or 64-bit length, around each boundary.
    const connection = fixture.nextConnection();
    client = await connect(fixture, { transports: ['websocket'] });
    await connection;
    // Text frames carry '4' before the text (124 + 1 is the last 7-bit length); an empty text is covered below.
    for (const length of [0, 124, 125, 126, 65534, 65535, 65536, 70000]) {
      const text = 'x'.repeat(length);
      if (length > 0) expect(await roundTrip(client, text), `text of ${length}`).to.equal(text);
      const bytes = Buffer.alloc(length, length % 251);
      const binary = await roundTrip(client, bytes);
      expect(Buffer.from(binary as Uint8Array).equals(bytes), `binary of ${length}`).to.equal(true);
    }
    // Multi-byte UTF-8: the frame length counts bytes, not characters (40,000 characters, 80,000 bytes).
    const accents = 'é'.repeat(40000);
    expect(await roundTrip(client, accents)).to.equal(accents);
    // Multi-byte text short enough for the shared slab (16-bit length), and a 4-byte character.
    const mixed = 'é'.repeat(10000) + '😀';
    expect(await roundTrip(client, mixed)).to.equal(mixed);
    // Many distinct frames in a row fill several slabs: none may overwrite another.
    const received: unknown[] = [];
    client.on('message', (data) => received.push(data));
    const burst = Array.from({ length: 300 }, (_, i) => `${i}:`.padEnd(1000, String.fromCharCode(97 + (i % 26))));
    for (const data of burst) client.send(data);
    await until(() => received.length === burst.length, 'the burst echoes');
    expect(received).to.deep.equal(burst);
    client.off('message');
    // An empty message is `4` alone on the wire, which engine.io-client reads as a message without data.
    expect(await roundTrip(client, '')).to.equal(undefined);
  });

  it('keeps websocket frames apart when messages alternate or repeat', async () => {
    // The transport reuses the frame of a repeated message: alternating contents of one length must not mix.
    const connection = fixture.nextConnection();
    client = await connect(fixture, { transports: ['websocket'] });
    await connection;
    const received: unknown[] = [];
    client.on('message', (data) => received.push(data));
    const sent = ['aaaa', 'aaaa', 'bbbb', 'aaaa', 'bbbb', 'bbbb', 'é', 'e'];
    for (const data of sent) client.send(data);
    await until(() => received.length === sent.length, 'the echoes');
    expect(received).to.deep.equal(sent);
  });

  it('upgrades from polling to websocket and keeps messaging', async () => {
    const connection = fixture.nextConnection();
    client = await connect(fixture, { transports: ['polling', 'websocket'] });
    const socket: EngineSocket = await connection;
    if (socket.transportName !== 'websocket') await once(socket, 'upgrade');
    expect(socket.transportName).to.equal('websocket');
    expect(await roundTrip(client, 'after upgrade')).to.equal('after upgrade');
  });

  it('sees the session end when the server closes it', async () => {
    const connection = fixture.nextConnection();
    client = await connect(fixture, { transports: ['polling'] });
    const socket = await connection;
    const closed = new Promise((resolve) => client!.once('close', resolve));
    socket.close();
    expect(await closed).to.equal('transport close');
  });

  it("closes the server session with 'transport close' when the client closes", async () => {
    const connection = fixture.nextConnection();
    client = await connect(fixture, { transports: ['websocket'] });
    const closed = once(await connection, 'close');
    client.close();
    expect((await closed)[0]).to.equal('transport close');
  });
});
