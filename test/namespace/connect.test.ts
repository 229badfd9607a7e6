import { expect } from 'chai';
import type { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import { ConnectError } from '../../src/errors';
import { ClientPool, TRANSPORT_MODES, nextEvent, startServer, until } from '../support/io';

for (const mode of TRANSPORT_MODES) {
  describe(`Namespace connect (${mode.name})`, () => {
    let server: Server;
    const clients = new ClientPool();

    beforeEach(async () => {
      server = await startServer();
    });

    afterEach(async () => {
      await clients.closeAll();
      await server.close();
    });

    describe('CONNECT', () => {
      it('answers with a sid and hands the auth payload to the handshake', async () => {
        let seen: Socket | undefined;
        server.of('/chat').on('connection', (socket: Socket) => (seen = socket));
        const client = await clients.connect(server, '/chat', mode, { auth: { token: 'abc' } });
        expect(client.id).to.be.a('string');
        await until(() => seen !== undefined, 'the connection listener');
        expect(seen!.id).to.equal(client.id);
        expect(seen!.handshake.auth).to.deep.equal({ token: 'abc' });
        expect(seen!.rooms.has(seen!.id)).to.equal(true);
      });

      it('gives a client that sent no auth an empty auth object of its own, which middlewares may write to', async () => {
        const tested: Record<string, unknown>[] = [];
        const seen: Socket[] = [];
        const parent = server.of((name: string, auth: Record<string, unknown>) => {
          tested.push(auth);
          auth.checked = true;
          return name === '/dyn';
        });
        parent.use((socket, next) => {
          (socket.handshake.auth as Record<string, unknown>).user = 'guest';
          next();
        });
        parent.on('connection', (socket: Socket) => seen.push(socket));
        await clients.connect(server, '/dyn', mode);
        await clients.connect(server, '/dyn', mode);
        await until(() => seen.length === 2, 'the connection listeners');
        // The dynamic namespace's test (run once: the second client finds /dyn made) got an object it could write to.
        expect(tested).to.deep.equal([{ checked: true }]);
        const [first, second] = seen.map((socket) => socket.handshake.auth);
        expect(first).to.deep.equal({ user: 'guest' });
        expect(Object.getPrototypeOf(first)).to.equal(Object.prototype);
        // One object per socket, the same on every read.
        expect(seen[0].handshake.auth).to.equal(first);
        expect(second).to.not.equal(first);
      });

      it('describes the handshake request: headers, query, url, address, time, and as JSON', async () => {
        let seen: Socket | undefined;
        server.of('/chat').on('connection', (socket: Socket) => (seen = socket));
        const before = Date.now();
        await clients.connect(server, '/chat', mode, { query: { room: 'a', tag: ['x', 'y'] }, auth: { token: 't' } });
        await until(() => seen !== undefined, 'the connection listener');
        const handshake = seen!.handshake;
        expect(handshake.headers.host).to.match(/^127\.0\.0\.1:\d+$/);
        expect({ ...handshake.query }).to.include({ room: 'a', EIO: '4' });
        expect(handshake.url).to.match(/^\/socket\.io\/\?.*room=a/);
        expect(handshake.address).to.be.oneOf(['127.0.0.1', '::ffff:127.0.0.1']);
        expect(handshake.secure).to.equal(false);
        expect(handshake.issued).to.be.within(before, Date.now());
        expect(handshake.time).to.equal(new Date(handshake.issued).toString());
        // Fields are read from the request on demand; JSON and fetchSockets still see all of them.
        const json = JSON.parse(JSON.stringify(handshake)) as Record<string, unknown>;
        expect(json).to.include({ url: handshake.url, address: handshake.address, issued: handshake.issued });
        expect(json.auth).to.deep.equal({ token: 't' });
        const [remote] = await server.of('/chat').fetchSockets();
        expect(remote.handshake).to.include({ url: handshake.url, time: handshake.time, xdomain: handshake.xdomain });
      });

      it('reports the headers the client sent, and xdomain from its Origin', async () => {
        let seen: Socket | undefined;
        server.of('/chat').on('connection', (socket: Socket) => (seen = socket));
        await clients.connect(server, '/chat', mode, {
          extraHeaders: { 'X-Tenant': 'acme', Origin: 'http://app.example' },
        });
        await until(() => seen !== undefined, 'the connection listener');
        const handshake = seen!.handshake;
        expect(handshake.headers['x-tenant']).to.equal('acme');
        expect(handshake.headers.origin).to.equal('http://app.example');
        expect(handshake.xdomain).to.equal(true);
        expect(handshake.url).to.match(/^\/socket\.io\/\?EIO=4&transport=(polling|websocket)/);
        expect(handshake.query.EIO).to.equal('4');
      });

      it('says xdomain is false without an Origin (the official Node client sends none)', async () => {
        let seen: Socket | undefined;
        server.of('/chat').on('connection', (socket: Socket) => (seen = socket));
        await clients.connect(server, '/chat', mode);
        await until(() => seen !== undefined, 'the connection listener');
        expect(seen!.handshake.xdomain).to.equal(false);
        expect(seen!.handshake.headers.origin).to.equal(undefined);
      });

      it('keeps socket.data, created on first use or assigned whole, for the life of the socket', async () => {
        const sockets: Socket[] = [];
        server.of('/chat').on('connection', (socket: Socket) => sockets.push(socket));
        await clients.connect(server, '/chat', mode);
        await clients.connect(server, '/chat', mode);
        await until(() => sockets.length === 2, 'both connection listeners');
        const [first, second] = sockets;
        first.data.visits = 1;
        second.data = { role: 'admin' };
        expect(first.data).to.deep.equal({ visits: 1 });
        expect(second.data).to.deep.equal({ role: 'admin' });
        const described = await server.of('/chat').fetchSockets();
        expect(described.map((socket) => socket.data)).to.have.deep.members([{ visits: 1 }, { role: 'admin' }]);
      });

      it('refuses an unknown namespace with CONNECT_ERROR "Invalid namespace"', async () => {
        const client = clients.open(server, '/nowhere', mode);
        const [err] = await nextEvent<[Error]>(client, 'connect_error');
        expect(err.message).to.equal('Invalid namespace');
      });

      it('multiplexes several namespaces on one connection, each with its own sid', async () => {
        server.of('/a');
        server.of('/b');
        const a = await clients.connect(server, '/a', mode);
        // A second socket of the same manager shares the Engine.IO connection.
        const sameManager = a.io.socket('/b');
        await new Promise<void>((resolve) =>
          sameManager.connected ? resolve() : sameManager.once('connect', () => resolve()),
        );
        expect(sameManager.id).to.be.a('string').and.not.equal(a.id);
        expect(server.engine.clientsCount).to.equal(1);
        expect([...server.of('/a').sockets.keys()]).to.deep.equal([a.id]);
        expect(server.of('/b').sockets.has(sameManager.id!)).to.equal(true);
        sameManager.disconnect();
      });

      it('refuses through a middleware with the error message and data', async () => {
        server.of('/guarded').use((_socket, next) => {
          const err = Object.assign(new Error('not allowed'), { data: { retry: false } });
          next(err);
        });
        const client = clients.open(server, '/guarded', mode);
        const [err] = await nextEvent<[Error & { data?: unknown }]>(client, 'connect_error');
        expect(err.message).to.equal('not allowed');
        expect(err.data).to.deep.equal({ retry: false });
        expect(server.of('/guarded').sockets.size).to.equal(0);
      });

      it('refuses through a connect hook returning false with "unauthorized"', async () => {
        server.of('/hook').install({ routes: new Map(), connect: () => false, disconnect: null, onError: null });
        const client = clients.open(server, '/hook', mode);
        const [err] = await nextEvent<[Error]>(client, 'connect_error');
        expect(err.message).to.equal('unauthorized');
      });

      it('refuses through an async hook throwing a ConnectError with its reason and data', async () => {
        server.of('/hook').install({
          routes: new Map(),
          connect: () => Promise.reject(new ConnectError('token expired', { code: 42 })),
          disconnect: null,
          onError: null,
        });
        const client = clients.open(server, '/hook', mode);
        const [err] = await nextEvent<[Error & { data?: unknown }]>(client, 'connect_error');
        expect(err.message).to.equal('token expired');
        expect(err.data).to.deep.equal({ code: 42 });
      });

      it('delivers what the connect hook emits after the CONNECT packet', async () => {
        server.of('/hook').install({
          routes: new Map(),
          connect: (socket) => {
            socket.emit('welcome', 'hello');
          },
          disconnect: null,
          onError: null,
        });
        const client = clients.open(server, '/hook', mode);
        const order: string[] = [];
        client.on('connect', () => order.push('connect'));
        const [greeting] = await nextEvent<[string]>(client, 'welcome');
        order.push('welcome');
        expect(greeting).to.equal('hello');
        expect(order).to.deep.equal(['connect', 'welcome']);
      });
    });

    describe('DISCONNECT', () => {
      it('reports a client disconnect to the server with "client namespace disconnect"', async () => {
        const reasons: string[] = [];
        server
          .of('/chat')
          .on('connection', (socket: Socket) => socket.on('disconnect', (reason: string) => reasons.push(reason)));
        const client = await clients.connect(server, '/chat', mode);
        client.disconnect();
        await until(() => reasons.length === 1, 'the disconnect');
        expect(reasons).to.deep.equal(['client namespace disconnect']);
        expect(server.of('/chat').sockets.size).to.equal(0);
        expect(server.of('/chat').adapter.rooms.size).to.equal(0);
      });

      it('disconnects a socket from the server: the client sees "io server disconnect"', async () => {
        // On the client's word, not on a timer: in upgrade mode `connect` waits for the upgrade, which a busy machine
        // may not finish before a timer disconnects the socket.
        server.of('/chat').on('connection', (socket: Socket) => socket.on('ready', () => socket.disconnect()));
        const client = await clients.connect(server, '/chat', mode);
        const disconnected = nextEvent<[string]>(client, 'disconnect');
        client.emit('ready');
        const [reason] = await disconnected;
        expect(reason).to.equal('io server disconnect');
      });

      it('delivers every event emitted in the same tick before closing the whole connection', async () => {
        // Frames written in one tick after the first are gathered; closing the connection must not drop them.
        // The client asks for them once it listens (and, in upgrade mode, runs on websocket): a server-side timer
        // could fire first on a busy machine, before the listener exists.
        server.of('/chat').on('connection', (socket: Socket) => {
          socket.on('ready', () => {
            for (let i = 0; i < 5; i++) socket.emit('last words', i);
            socket.disconnect(true);
          });
        });
        const client = await clients.connect(server, '/chat', mode);
        const heard: number[] = [];
        client.on('last words', (i: number) => heard.push(i));
        const disconnected = nextEvent<[string]>(client, 'disconnect');
        client.emit('ready');
        const [reason] = await disconnected;
        expect(heard).to.deep.equal([0, 1, 2, 3, 4]);
        expect(reason).to.equal('transport close');
      });

      it('reports a closed connection as "transport close" and leaves every room', async () => {
        const reasons: string[] = [];
        server.of('/chat').on('connection', (socket: Socket) => {
          socket.join('room');
          socket.on('disconnect', (reason: string) => reasons.push(reason));
        });
        const client = await clients.connect(server, '/chat', mode);
        client.io.engine.close();
        await until(() => reasons.length === 1, 'the disconnect');
        expect(reasons).to.deep.equal(['transport close']);
        expect(server.of('/chat').adapter.rooms.has('room')).to.equal(false);
      });
    });
  });
}
