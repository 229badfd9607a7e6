import { expect } from 'chai';
import { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import { Harness } from './support/harness';
import { RawPolling, RawWebSocket, openStalledWebSocket } from '../support/raw-hostile-client';
import { until } from '../support/io';

/**
 * Clients that stop reading or stop answering. A reader that stalls while the server broadcasts is dropped with
 * `slow consumer` once what waits for it passes `maxBufferedBytes`; a client that stops answering pings is dropped
 * with `ping timeout` after pingInterval + pingTimeout. Healthy clients in the same room keep everything.
 */

const CHUNK = 'x'.repeat(64 * 1024);

describe('Slow consumers', () => {
  it('documents maxBufferedBytes: 10 MiB by default, a positive number', () => {
    expect(new Server({ logger: false }).engine.settings.maxBufferedBytes).to.equal(10 * 1024 * 1024);
    expect(() => new Server({ logger: false, maxBufferedBytes: 0 })).to.throw(/maxBufferedBytes/);
  });

  describe('websocket', () => {
    let harness: Harness;

    before(async () => {
      harness = await Harness.start('websocket', { maxBufferedBytes: 1024 * 1024 });
      harness.server.of('/').on('connection', (socket: Socket) => {
        if (socket.handshake.query.firehose === '1') socket.join('firehose');
      });
    });

    after(async () => {
      await harness.stop();
    });

    it('drops a reader that stalls during a broadcast with "slow consumer"; a healthy reader in the room gets everything', async () => {
      const stalled = await openStalledWebSocket(harness.server.port, '&firehose=1');
      const healthy = await RawWebSocket.open(harness.server.port, '&firehose=1');
      healthy.send('40');
      await until(() => harness.server.of('/').adapter.rooms.get('firehose')?.size === 2, 'both readers in the room');
      let sent = 0;
      // Loopback kernel buffers take several MiB before the server's own buffers grow: keep sending until the
      // bound trips (64 MiB at most), yielding so that the healthy reader drains.
      while (!harness.closeReasons.has(stalled.sid) && sent < 1024) {
        harness.server.to('firehose').emit('data', CHUNK);
        sent++;
        if (sent % 4 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      expect(await harness.closeReasonOf(stalled.sid)).to.equal('slow consumer');
      expect(await harness.socketReasonOf(stalled.sid)).to.equal('slow consumer');
      expect(harness.server.engine.clients.has(stalled.sid)).to.equal(false);
      expect(harness.server.of('/').adapter.rooms.get('firehose')?.size).to.equal(1);
      const count = () =>
        healthy.frames.filter((frame) => typeof frame === 'string' && frame.startsWith('42["data"')).length;
      await until(() => count() === sent, `the healthy reader to get all ${sent} chunks (${count()})`, 10_000);
      await harness.assertBystanderHealthy();
      stalled.socket.destroy();
      healthy.close();
    });
  });

  describe('polling', () => {
    let harness: Harness;

    before(async () => {
      harness = await Harness.start('polling', { maxBufferedBytes: 1024 * 1024 });
    });

    after(async () => {
      await harness.stop();
    });

    it('drops a session that stops polling once its queue passes maxBufferedBytes', async () => {
      const raw = await RawPolling.connect(harness.server.port);
      const socket = [...harness.server.of('/').sockets.values()].find((s) => s.conn.id === raw.sid)!;
      let sent = 0;
      while (!harness.closeReasons.has(raw.sid) && sent < 100) {
        socket.emit('data', CHUNK);
        sent++;
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(await harness.closeReasonOf(raw.sid)).to.equal('slow consumer');
      // Each packet is '2["data","…"]': the first one to take the queue past 1 MiB is the last sent.
      const packetSize = '2["data",""]'.length + CHUNK.length;
      expect(sent).to.equal(Math.floor((1024 * 1024) / packetSize) + 1);
      const answer = await raw.poll().then(
        () => 'answered',
        (err: Error) => err.message,
      );
      expect(answer).to.match(/^poll answered 400/);
      await harness.assertBystanderHealthy();
    });
  });

  describe('heartbeat', () => {
    let harness: Harness;

    before(async () => {
      harness = await Harness.start('websocket', { pingInterval: 100, pingTimeout: 100 });
    });

    after(async () => {
      await harness.stop();
    });

    it('drops a websocket client that stops answering pings after pingInterval + pingTimeout', async () => {
      // Taken before connecting: the server starts its heartbeat when it opens the session, which a busy machine
      // can take many milliseconds to report, so a start taken after `connect` would not bound the wait.
      const start = Date.now();
      const raw = await RawWebSocket.connect(harness.server.port);
      raw.shouldAnswerPings = false;
      expect(await harness.closeReasonOf(raw.sid)).to.equal('ping timeout');
      // Lower bound only (timers never fire much early): the client had its full pingInterval + pingTimeout.
      expect(Date.now() - start).to.be.at.least(190);
      await harness.assertBystanderHealthy();
    });

    it('drops a polling client that stops polling with "ping timeout"', async () => {
      const raw = await RawPolling.connect(harness.server.port);
      expect(await harness.closeReasonOf(raw.sid)).to.equal('ping timeout');
      await harness.assertBystanderHealthy();
    });

    it('keeps a client that answers pings', async () => {
      const raw = await RawWebSocket.connect(harness.server.port);
      await raw.next((frame) => frame === '2');
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect(raw.isOpen).to.equal(true);
      expect(harness.closeReasons.has(raw.sid)).to.equal(false);
      raw.close();
    });
  });
});
