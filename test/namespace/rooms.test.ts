import { expect } from 'chai';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket as ClientSocket } from 'socket.io-client';
import type { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import { ClientPool, TRANSPORT_MODES, collect, delay, startServer, until } from '../support/io';

for (const mode of TRANSPORT_MODES) {
  describe(`Rooms and broadcast (${mode.name})`, () => {
    let server: Server;
    const clients = new ClientPool();
    const serverSockets = new Map<string, Socket>();
    let a: ClientSocket;
    let b: ClientSocket;
    let c: ClientSocket;

    beforeEach(async () => {
      server = await startServer();
      serverSockets.clear();
      server.of('/chat').on('connection', (socket: Socket) => serverSockets.set(socket.id, socket));
      a = await clients.connect(server, '/chat', mode);
      b = await clients.connect(server, '/chat', mode);
      c = await clients.connect(server, '/chat', mode);
    });

    afterEach(async () => {
      await clients.closeAll();
      await server.close();
    });

    const socketOf = (client: ClientSocket) => serverSockets.get(client.id!)!;

    it('emits to a room, to several rooms once each, and to the whole namespace', async () => {
      socketOf(a).join('red');
      socketOf(b).join(['red', 'blue']);
      socketOf(c).join('blue');
      const got = [a, b, c].map((client) => collect(client, 'news'));
      const nsp = server.of('/chat');
      nsp.to('red').emit('news', 'red');
      nsp.to(['red', 'blue']).emit('news', 'red+blue');
      nsp.emit('news', 'all');
      await until(() => got.every((list) => list.some((args) => args[0] === 'all')), 'the namespace broadcast');
      expect(got[0]).to.deep.equal([['red'], ['red+blue'], ['all']]);
      expect(got[1]).to.deep.equal([['red'], ['red+blue'], ['all']]);
      expect(got[2]).to.deep.equal([['red+blue'], ['all']]);
    });

    it('excludes rooms and sids, and the sender unless asked', async () => {
      socketOf(a).join('room');
      socketOf(b).join('room');
      socketOf(c).join('room');
      const got = [a, b, c].map((client) => collect(client, 'news'));
      socketOf(a).to('room').emit('news', 'from a, without a');
      server.of('/chat').to('room').except(b.id!).emit('news', 'without b');
      server.of('/chat').to('room').emit('news', 'with everyone');
      await until(() => got[0].length === 2 && got[2].length === 3, 'the broadcasts');
      await delay(20);
      expect(got[0]).to.deep.equal([['without b'], ['with everyone']]);
      expect(got[1]).to.deep.equal([['from a, without a'], ['with everyone']]);
      expect(got[2]).to.deep.equal([['from a, without a'], ['without b'], ['with everyone']]);
    });

    it('emits to one sid through its sid room', async () => {
      const got = [a, b].map((client) => collect(client, 'private'));
      server.of('/chat').to(b.id!).emit('private', 'for b');
      await until(() => got[1].length === 1, 'the private message');
      await delay(20);
      expect(got[0]).to.deep.equal([]);
      expect(got[1]).to.deep.equal([['for b']]);
    });

    it('leaves a room and closes a room', async () => {
      const nsp = server.of('/chat');
      socketOf(a).join('room');
      socketOf(b).join('room');
      socketOf(a).leave('room');
      expect([...nsp.adapter.rooms.get('room')!]).to.deep.equal([b.id]);
      nsp.joinRoom(c.id!, 'room');
      expect(nsp.roomsOf(c.id!).sort()).to.deep.equal([c.id!, 'room'].sort());
      nsp.closeRoom('room');
      expect(nsp.adapter.rooms.has('room')).to.equal(false);
      expect(nsp.roomsOf(b.id!)).to.deep.equal([b.id]);
      expect(await nsp.allSockets()).to.have.all.keys(a.id!, b.id!, c.id!);
    });

    it('emits from outside any handler: a timer and an HTTP route', async () => {
      socketOf(c).join('alerts');
      const got = collect(c, 'tick');
      const gotA = collect(a, 'tick');
      setTimeout(() => server.of('/chat').to('alerts').emit('tick', 'timer'), 5);
      // An HTTP route of the application (here on its own HTTP server) emits to a sid.
      const app = createServer((_req, res) => {
        server.of('/chat').to(c.id!).emit('tick', 'http');
        res.end('sent');
      });
      await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
      await new Promise<void>((resolve, reject) => {
        request({ host: '127.0.0.1', port: (app.address() as AddressInfo).port, path: '/notify' }, (res) => {
          res.resume();
          res.on('end', resolve);
        })
          .on('error', reject)
          .end();
      });
      app.close();
      await until(() => got.length === 2, 'both emits');
      expect(got.map((args) => args[0]).sort()).to.deep.equal(['http', 'timer']);
      expect(gotA).to.deep.equal([]);
    });

    it('disconnects a sid and every socket of a room', async () => {
      socketOf(b).join('doomed');
      socketOf(c).join('doomed');
      const reasons: string[] = [];
      for (const client of [b, c]) client.on('disconnect', (reason: string) => reasons.push(reason));
      server.of('/chat').in('doomed').disconnectSockets();
      await until(() => reasons.length === 2, 'both disconnects');
      expect(reasons).to.deep.equal(['io server disconnect', 'io server disconnect']);
      expect([...server.of('/chat').sockets.keys()]).to.deep.equal([a.id]);
    });

    it('awaits the acks of a broadcast', async () => {
      for (const client of [a, b, c]) client.on('poll', (answer: (v: string) => void) => answer(client.id!));
      const answers = await server.of('/chat').timeout(2000).emitWithAck('poll');
      expect((answers as string[]).sort()).to.deep.equal([a.id, b.id, c.id].sort());
    });

    describe('own rooms', () => {
      const adapter = () => server.of('/chat').adapter;
      const members = (room: string) => [...(adapter().rooms.get(room) ?? [])];

      it('shares one set as socket.rooms and the sid room of a connected socket', () => {
        const rooms = socketOf(a).rooms;
        expect(adapter().rooms.get(a.id!)).to.equal(rooms);
        expect(adapter().socketRooms(a.id!)).to.equal(rooms);
        expect([...rooms]).to.deep.equal([a.id]);
        expect(rooms.size).to.equal(1);
        expect(rooms.has(a.id!)).to.equal(true);
        expect([...adapter().rooms.keys()]).to.deep.equal([a.id, b.id, c.id]);
      });

      it('reaches a socket through its sid room while it joins and leaves other rooms', async () => {
        const got = collect(a, 'news');
        const gotB = collect(b, 'news');
        const rooms = socketOf(a).rooms;
        socketOf(a).join(['red', 'blue']);
        // socket.rooms is a live Set, as in Socket.IO: the one read before the join sees it.
        expect(rooms).to.be.instanceOf(Set);
        expect(socketOf(a).rooms).to.equal(rooms);
        expect([...rooms]).to.deep.equal([a.id, 'red', 'blue']);
        expect(members(a.id!)).to.deep.equal([a.id]);
        server.of('/chat').to(a.id!).emit('news', 'to a, in red and blue');
        socketOf(a).leave('red');
        socketOf(a).leave('blue');
        expect([...socketOf(a).rooms]).to.deep.equal([a.id]);
        expect(adapter().rooms.has('red')).to.equal(false);
        server.of('/chat').to(a.id!).emit('news', 'to a, in its own room');
        await until(() => got.length === 2, 'both emits to a');
        await delay(20);
        expect(got).to.deep.equal([['to a, in red and blue'], ['to a, in its own room']]);
        expect(gotB).to.deep.equal([]);
      });

      it('lets another socket join a room named after a sid, and leave it', async () => {
        const got = [a, b].map((client) => collect(client, 'news'));
        socketOf(b).join(a.id!);
        expect(members(a.id!)).to.deep.equal([a.id, b.id]);
        expect([...socketOf(a).rooms]).to.deep.equal([a.id]);
        expect([...socketOf(b).rooms]).to.deep.equal([b.id, a.id]);
        server.of('/chat').to(a.id!).emit('news', 'both');
        await until(() => got[1].length === 1, 'the emit to b');
        socketOf(b).leave(a.id!);
        expect(members(a.id!)).to.deep.equal([a.id]);
        server.of('/chat').to(a.id!).emit('news', 'a only');
        await until(() => got[0].length === 2, 'both emits to a');
        await delay(20);
        expect(got).to.deep.equal([[['both'], ['a only']], [['both']]]);
      });

      it('leaves its own room and joins it again', async () => {
        const got = collect(a, 'news');
        socketOf(a).leave(a.id!);
        expect(socketOf(a).rooms.size).to.equal(0);
        expect(adapter().rooms.has(a.id!)).to.equal(false);
        expect(server.of('/chat').roomsOf(a.id!)).to.deep.equal([]);
        server.of('/chat').to(a.id!).emit('news', 'lost');
        socketOf(a).join(a.id!);
        expect([...socketOf(a).rooms]).to.deep.equal([a.id]);
        expect(members(a.id!)).to.deep.equal([a.id]);
        server.of('/chat').to(a.id!).emit('news', 'back');
        await until(() => got.length === 1, 'the emit after the join');
        await delay(20);
        expect(got).to.deep.equal([['back']]);
      });

      it('joins, fetches and disconnects sockets through their sid rooms', async () => {
        const nsp = server.of('/chat');
        // The client forgets its id on disconnect.
        const [aId, bId] = [a.id!, b.id!];
        nsp.in(aId).socketsJoin('game');
        expect([...socketOf(a).rooms]).to.deep.equal([aId, 'game']);
        const found = await nsp.in([aId, bId]).fetchSockets();
        expect(found.map((socket) => socket.rooms)).to.deep.equal([[aId, 'game'], [bId]]);
        socketOf(a).join(bId);
        const disconnected = new Promise<void>((resolve) => b.on('disconnect', () => resolve()));
        nsp.in(bId).except(aId).disconnectSockets();
        await disconnected;
        await until(() => adapter().socketRooms(bId) === undefined, 'the cleanup of b');
        expect(members(bId)).to.deep.equal([aId]);
        a.disconnect();
        await until(() => adapter().socketRooms(aId) === undefined, 'the cleanup of a');
        expect([...adapter().rooms.keys()]).to.deep.equal([c.id]);
      });
    });
  });
}
