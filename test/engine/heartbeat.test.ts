import { expect } from 'chai';
import type { EngineSocket } from '../../src/engine/socket';
import { once, RawPollingClient, RawWebSocketClient } from '../support/raw-engine-client';
import { startEngine, type EngineFixture } from './engine-fixture';

describe('EngineSocket', () => {
  let fixture: EngineFixture;
  afterEach(() => fixture.close());

  describe('heartbeat', () => {
    it('pings every pingInterval and stays open while the client answers pongs', async () => {
      fixture = await startEngine({ pingInterval: 20, pingTimeout: 1000 });
      const connection = fixture.nextConnection();
      const { client } = await RawWebSocketClient.handshake(fixture.baseUrl);
      const socket = await connection;
      for (let i = 0; i < 3; i++) {
        expect(await client.next()).to.equal('2');
        client.send('3');
      }
      expect(socket.readyState).to.equal('open');
      client.close();
    });

    it('pings a polling client through its pending GET', async () => {
      fixture = await startEngine({ pingInterval: 20, pingTimeout: 1000 });
      const client = await RawPollingClient.connect(fixture.baseUrl);
      expect((await client.poll()).body).to.equal('2');
      expect((await client.push('3')).body).to.equal('ok');
      expect((await client.poll()).body).to.equal('2');
    });

    it('closes a silent websocket client with ping timeout', async () => {
      fixture = await startEngine({ pingInterval: 10, pingTimeout: 10 });
      const connection = fixture.nextConnection();
      const { client } = await RawWebSocketClient.handshake(fixture.baseUrl);
      const socket: EngineSocket = await connection;
      const [reason] = await once(socket, 'close');
      expect(reason).to.equal('ping timeout');
      await client.closed;
      expect(fixture.engine.clientsCount).to.equal(0);
    });

    it('closes a silent polling client with ping timeout and forgets its sid', async () => {
      fixture = await startEngine({ pingInterval: 10, pingTimeout: 10 });
      const connection = fixture.nextConnection();
      const client = await RawPollingClient.connect(fixture.baseUrl);
      const [reason] = await once(await connection, 'close');
      expect(reason).to.equal('ping timeout');
      const res = await client.poll();
      expect(res.status).to.equal(400);
      expect(JSON.parse(res.body)).to.deep.equal({ code: 1, message: 'Session ID unknown' });
    });

    it('closes the session when the client pings (v4 heartbeats go server to client)', async () => {
      fixture = await startEngine();
      const connection = fixture.nextConnection();
      const { client } = await RawWebSocketClient.handshake(fixture.baseUrl);
      const closed = once(await connection, 'close');
      client.send('2');
      expect((await closed)[0]).to.equal('transport error');
    });

    it('times out the silent sessions only, while the others sharing its queues answer', async () => {
      fixture = await startEngine({ pingInterval: 20, pingTimeout: 60 });
      const answering: RawWebSocketClient[] = [];
      const sessions: EngineSocket[] = [];
      for (let i = 0; i < 6; i++) {
        const connection = fixture.nextConnection();
        const { client } = await RawWebSocketClient.handshake(fixture.baseUrl);
        sessions.push(await connection);
        if (i % 2 === 0) answering.push(client);
      }
      const reasons = new Map<EngineSocket, unknown>();
      for (const session of sessions) session.on('close', (reason) => reasons.set(session, reason));
      // Three clients answer every ping for 200 ms; the other three never do.
      const answeringLoops = answering.map(async (client) => {
        for (let pings = 0; pings < 6; pings++) {
          expect(await client.next()).to.equal('2');
          client.send('3');
        }
      });
      await Promise.all(answeringLoops);
      expect(sessions.filter((_, i) => i % 2 === 1).map((session) => reasons.get(session))).to.deep.equal([
        'ping timeout',
        'ping timeout',
        'ping timeout',
      ]);
      expect(sessions.filter((_, i) => i % 2 === 0).map((session) => session.readyState)).to.deep.equal([
        'open',
        'open',
        'open',
      ]);
      for (const client of answering) client.close();
    });
  });
});
