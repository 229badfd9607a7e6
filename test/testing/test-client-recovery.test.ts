import { expect } from 'chai';
import { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import { TestClient } from '../../src/testing';

describe('TestClient', () => {
  describe('#dropTransport and #reconnect', () => {
    let server: Server;

    afterEach(async () => {
      await server.close();
    });

    function start(maxDisconnectionDuration?: number): Map<string, Socket> {
      server = new Server({ logger: false, connectionStateRecovery: { maxDisconnectionDuration } });
      const live = new Map<string, Socket>();
      server.of('/chat').on('connection', (socket) => {
        live.set(socket.id, socket);
        socket.on('disconnect', () => live.delete(socket.id));
      });
      return live;
    }

    it('recovers the session after a simulated drop: same id, rooms, session and the missed packets in order', async () => {
      const live = start();
      const client = new TestClient(server, '/chat');
      expect(await client.ready).to.equal(true);
      const sid = client.id()!;
      live.get(sid)!.join('red');
      live.get(sid)!.data.user = 'alice';
      const nsp = server.of('/chat');
      nsp.to('red').emit('news', 0);

      client.dropTransport();
      expect(client.isConnected()).to.equal(false);
      expect(client.disconnectReason()).to.equal('transport close');
      expect(live.size).to.equal(0);
      nsp.to('red').emit('news', 1);
      nsp.to(sid).emit('news', 2);
      nsp.to('blue').emit('news', 'not for red');

      expect(await client.reconnect()).to.equal(true);
      expect(client.recovered()).to.equal(true);
      expect(client.id()).to.equal(sid);
      const socket = live.get(sid)!;
      expect([...socket.rooms].sort()).to.deep.equal([sid, 'red'].sort());
      expect(socket.data).to.deep.equal({ user: 'alice' });
      nsp.to('red').emit('news', 3);
      expect(client.getReceived().map((packet) => packet.args[0])).to.deep.equal([0, 1, 2, 3]);
    });

    it('starts a new session once the window has passed', async () => {
      start(20);
      const client = new TestClient(server, '/chat');
      await client.ready;
      const sid = client.id();
      client.dropTransport();
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(await client.reconnect()).to.equal(true);
      expect(client.recovered()).to.equal(false);
      expect(client.id()).to.not.equal(sid);
    });

    it('does not recover after a deliberate disconnect', async () => {
      start();
      const client = new TestClient(server, '/chat');
      await client.ready;
      const sid = client.id();
      client.disconnect();
      expect(await client.connect()).to.equal(true);
      expect(client.recovered()).to.equal(false);
      expect(client.id()).to.not.equal(sid);
    });
  });
});
