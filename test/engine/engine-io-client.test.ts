import { expect } from 'chai';
import { Socket as ClientSocket, type SocketOptions } from 'engine.io-client';
import type { EngineSocket } from '../../src/engine/socket';
import { once } from '../support/raw-engine-client';
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
