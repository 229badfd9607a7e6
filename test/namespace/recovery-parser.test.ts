import { expect } from 'chai';
import * as msgpackParser from 'socket.io-msgpack-parser';
import type { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import { ClientPool, TRANSPORT_MODES, collect, startServer, until } from '../support/io';
import { ConnectionCutter, reconnect } from '../support/recovery';

/** Stored packets are encoded with the namespace's parser, so a client with a custom parser reads them. */
for (const mode of TRANSPORT_MODES.filter((m) => m.name !== 'upgrade')) {
  describe(`Connection state recovery with socket.io-msgpack-parser (${mode.name})`, () => {
    let server: Server;
    const clients = new ClientPool();
    const live = new Map<string, Socket>();

    afterEach(async () => {
      await clients.closeAll();
      await server.close();
    });

    it('delivers broadcasts, private emits and the replayed packets in msgpack, with their offsets', async () => {
      server = await startServer({
        parser: msgpackParser,
        connectionStateRecovery: {},
        pingInterval: 200,
        pingTimeout: 200,
      });
      const cutter = new ConnectionCutter(server);
      const nsp = server.of('/');
      nsp.on('connection', (socket: Socket) => {
        live.set(socket.id, socket);
        socket.on('disconnect', () => live.delete(socket.id));
      });
      const client = await clients.connect(server, '/', mode, { parser: msgpackParser });
      const sid = client.id!;
      live.get(sid)!.join('red');
      const news = collect(client, 'news');
      nsp.to('red').emit('news', 0, Buffer.from([1, 2]));
      live.get(sid)!.emit('news', 1, { n: 1 });
      await until(() => news.length === 2, 'the live packets');

      await cutter.cut(client);
      await until(() => !live.has(sid), 'the server to see the transport loss');
      nsp.to('red').emit('news', 2, Buffer.from([3]));
      nsp.emit('news', 3, { n: 3 });
      await reconnect(client, cutter);
      expect(client.recovered).to.equal(true);
      expect(client.id).to.equal(sid);
      await until(() => news.length === 4, 'the missed packets');

      expect(news.map((args) => args[0])).to.deep.equal([0, 1, 2, 3]);
      expect(Buffer.from(news[0][1] as Uint8Array)).to.deep.equal(Buffer.from([1, 2]));
      expect(news[1][1]).to.deep.equal({ n: 1 });
      expect(Buffer.from(news[2][1] as Uint8Array)).to.deep.equal(Buffer.from([3]));
      const offsets = news.map((args) => args[2]);
      expect(offsets.every((offset) => typeof offset === 'string')).to.equal(true);
      expect(new Set(offsets).size).to.equal(4);
    });
  });
}
