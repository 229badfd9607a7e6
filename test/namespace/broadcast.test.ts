import { expect } from 'chai';
import type { Socket as ClientSocket } from 'socket.io-client';
import type { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import type { AdapterHost, BroadcastOptions } from '../../src/adapter/adapter';
import { InMemoryAdapter } from '../../src/adapter/in-memory-adapter';
import type { Packet } from '../../src/protocol/packet';
import { ClientPool, TRANSPORT_MODES, collect, delay, startServer, until } from '../support/io';

/** An in-memory adapter that remembers the target of every broadcast it is asked for. */
class RecordingAdapter extends InMemoryAdapter {
  readonly targets: BroadcastOptions[] = [];

  constructor(host: AdapterHost) {
    super(host);
  }

  override broadcast(packet: Packet, opts: BroadcastOptions): void {
    this.targets.push(opts);
    super.broadcast(packet, opts);
  }
}

for (const mode of TRANSPORT_MODES) {
  describe(`Broadcast targets (${mode.name})`, () => {
    let server: Server;
    let adapter: RecordingAdapter;
    const clients = new ClientPool();
    const serverSockets = new Map<string, Socket>();
    let a: ClientSocket;
    let b: ClientSocket;
    let c: ClientSocket;

    beforeEach(async () => {
      server = await startServer({
        adapter: (host) => {
          const created = new RecordingAdapter(host);
          if (host.name === '/chat') adapter = created;
          return created;
        },
      });
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

    describe('ServerNamespace#emit', () => {
      it('builds no operator: every plain emit targets the whole namespace through the same target', async () => {
        const got = [a, b, c].map((client) => collect(client, 'news'));
        const nsp = server.of('/chat');
        nsp.emit('news', 1);
        nsp.emit('news', 2);
        nsp.send('hello');
        await until(() => got.every((list) => list.length === 2), 'both broadcasts');
        expect(got).to.deep.equal([
          [[1], [2]],
          [[1], [2]],
          [[1], [2]],
        ]);
        expect(adapter.targets).to.have.length(3);
        // An operator builds its adapter target once: the same target means the same operator, none per emit.
        expect(adapter.targets[1]).to.equal(adapter.targets[0]);
        expect(adapter.targets[2]).to.equal(adapter.targets[0]);
        expect(adapter.targets[0].rooms.size).to.equal(0);
        expect(adapter.targets[0].except.size).to.equal(0);
      });

      it('emits through a kept operator without building another, and builds one per to() chain', () => {
        const nsp = server.of('/chat');
        const room = nsp.to('room');
        room.emit('news', 1);
        room.emit('news', 2);
        nsp.to('room').emit('news', 3);
        expect(adapter.targets[1]).to.equal(adapter.targets[0]);
        expect(adapter.targets[2]).to.not.equal(adapter.targets[0]);
        expect([...adapter.targets[2].rooms]).to.deep.equal(['room']);
      });
    });

    describe('Socket#broadcast, #to and #except', () => {
      it('leave out the sender, and with except() the sockets of the given rooms as well', async () => {
        socketOf(b).join('muted');
        const got = [a, b, c].map((client) => collect(client, 'news'));
        socketOf(a).broadcast.emit('news', 'broadcast');
        socketOf(a).except('muted').emit('news', 'except muted');
        socketOf(a).except(['muted', c.id!]).emit('news', 'except muted and c');
        socketOf(c).to('muted').emit('news', 'to muted');
        await until(() => got[1].length === 2 && got[2].length === 2, 'the broadcasts');
        await delay(20);
        expect(got[0]).to.deep.equal([]);
        expect(got[1]).to.deep.equal([['broadcast'], ['to muted']]);
        expect(got[2]).to.deep.equal([['broadcast'], ['except muted']]);
      });
    });
  });
}
