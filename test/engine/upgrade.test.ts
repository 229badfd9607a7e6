import { expect } from 'chai';
import type { EngineSocket } from '../../src/engine/socket';
import { once, RawPollingClient, RawWebSocketClient } from '../support/raw-engine-client';
import { startEngine, type EngineFixture } from './engine-fixture';

describe('EngineSocket', () => {
  let fixture: EngineFixture;
  let socket: EngineSocket;
  let polling: RawPollingClient;
  const start = async (options = {}) => {
    fixture = await startEngine(options);
    const connection = fixture.nextConnection();
    polling = await RawPollingClient.connect(fixture.baseUrl);
    socket = await connection;
  };
  afterEach(() => fixture.close());

  describe('upgrade', () => {
    it('answers the probe, ends the pending poll with a noop and switches on the upgrade packet', async () => {
      await start();
      const pending = polling.poll();
      await once(fixture.httpServer, 'request');
      const ws = await RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
      ws.send('2probe');
      expect(await ws.next()).to.equal('3probe');
      expect((await pending).body).to.equal('6');
      expect(socket.isUpgrading).to.equal(true);
      const upgraded = once(socket, 'upgrade');
      ws.send('5');
      expect(await upgraded).to.deep.equal(['websocket']);
      expect(socket.transportName).to.equal('websocket');
      expect(socket.isUpgraded).to.equal(true);
      const message = once(socket, 'message');
      ws.send('4hello');
      expect(await message).to.deep.equal(['hello']);
      socket.send('back');
      expect(await ws.next()).to.equal('4back');
      ws.close();
    });

    it('answers a poll that arrives after the probe with a noop', async () => {
      await start();
      const ws = await RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
      ws.send('2probe');
      expect(await ws.next()).to.equal('3probe');
      expect((await polling.poll()).body).to.equal('6');
      ws.close();
    });

    it('moves the packets buffered during the upgrade over to the websocket', async () => {
      await start();
      const ws = await RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
      ws.send('2probe');
      expect(await ws.next()).to.equal('3probe');
      socket.send('a');
      socket.sendAll(['b', Buffer.from([7])]);
      const upgraded = once(socket, 'upgrade');
      ws.send('5');
      await upgraded;
      expect(await ws.next()).to.equal('4a');
      expect(await ws.next()).to.equal('4b');
      expect(await ws.next()).to.deep.equal(Buffer.from([7]));
      ws.close();
    });

    it('refuses polling requests after the upgrade with code 3', async () => {
      await start();
      const ws = await RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
      const upgraded = once(socket, 'upgrade');
      ws.send('2probe');
      ws.send('5');
      await upgraded;
      const res = await polling.poll();
      expect(res.status).to.equal(400);
      expect(JSON.parse(res.body)).to.deep.equal({ code: 3, message: 'Bad request' });
      ws.close();
    });

    it('closes a second websocket for an upgraded session and keeps the first', async () => {
      await start();
      const ws = await RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
      const upgraded = once(socket, 'upgrade');
      ws.send('2probe');
      ws.send('5');
      await upgraded;
      expect(await ws.next()).to.equal('3probe');
      const second = await RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
      await second.closed;
      expect(socket.readyState).to.equal('open');
      socket.send('still here');
      expect(await ws.nextNonPing()).to.equal('4still here');
      ws.close();
    });

    it('closes the probe and stays on polling when the upgrade does not complete within upgradeTimeout', async () => {
      await start({ upgradeTimeout: 20 });
      const ws = await RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
      await ws.closed;
      expect(socket.readyState).to.equal('open');
      expect(socket.transportName).to.equal('polling');
      expect(socket.isUpgrading).to.equal(false);
      socket.send('polling');
      expect((await polling.poll()).body).to.equal('4polling');
    });

    it('cancels the upgrade on an unexpected packet on the probe', async () => {
      await start();
      const ws = await RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
      ws.send('4not a probe');
      await ws.closed;
      expect(socket.transportName).to.equal('polling');
      expect(socket.readyState).to.equal('open');
    });

    it('closes the probe websocket when the session closes', async () => {
      await start();
      const ws = await RawWebSocketClient.connect(fixture.baseUrl, `&sid=${polling.sid}`);
      ws.send('2probe');
      expect(await ws.next()).to.equal('3probe');
      const closed = once(socket, 'close');
      await polling.push('1');
      await closed;
      await ws.closed;
    });
  });
});
