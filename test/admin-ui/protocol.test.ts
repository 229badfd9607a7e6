import { expect } from 'chai';
import { hashSync } from 'bcryptjs';
import type { Socket as ClientSocket } from 'socket.io-client';
import type { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import { ConfigurationError } from '../../src/errors';
import { instrument, type AdminUi, type InstrumentOptions, type SerializedSocket } from '../../src/admin-ui';
import { ClientPool, TRANSPORT_MODES, nextEvent, startServer, until } from '../support/io';
import { thrownBy } from '../support/errors';

const PASSWORD = 'correct horse';
// Cost 4, the least bcrypt allows: the tests check the protocol, not the hash's strength.
const AUTH = { type: 'basic', username: 'admin', password: hashSync(PASSWORD, 4) } as const;

/** An admin client that records every event the UI relies on, from its first packet. */
class AdminClient {
  readonly events: [string, ...unknown[]][] = [];

  constructor(readonly socket: ClientSocket) {
    socket.onAny((event: string, ...args: unknown[]) => void this.events.push([event, ...args]));
  }

  all(event: string): unknown[][] {
    return this.events.filter(([name]) => name === event).map(([, ...args]) => args);
  }

  async next(event: string, match: (args: unknown[]) => boolean = () => true): Promise<unknown[]> {
    await until(() => this.all(event).some(match), `the admin event ${event}`);
    return this.all(event).find(match)!;
  }
}

for (const mode of TRANSPORT_MODES) {
  describe(`Admin UI protocol (${mode.name})`, () => {
    let server: Server;
    let ui: AdminUi | null;
    const clients = new ClientPool();
    const chatSockets = new Map<string, Socket>();

    beforeEach(async () => {
      server = await startServer();
      ui = null;
      chatSockets.clear();
      server.of('/chat').on('connection', (socket: Socket) => {
        chatSockets.set(socket.id, socket);
        socket.on('join', (room) => {
          if (typeof room === 'string') socket.join(room);
        });
        socket.on('nick', (nick) => {
          socket.data.nick = nick;
        });
      });
    });

    afterEach(async () => {
      ui?.close();
      await clients.closeAll();
      await server.close();
    });

    function start(options: Partial<InstrumentOptions> = {}): void {
      ui = instrument(server, { auth: AUTH, ...options });
    }

    async function login(auth: Record<string, unknown> = { username: 'admin', password: PASSWORD }) {
      const socket = clients.open(server, '/admin', mode, { auth });
      const admin = new AdminClient(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return admin;
    }

    describe('authentication', () => {
      it('refuses a wrong password and an unknown user with "invalid credentials"', async () => {
        start();
        for (const auth of [{ username: 'admin', password: 'wrong' }, { username: 'root', password: PASSWORD }, {}]) {
          const refused = clients.open(server, '/admin', mode, { auth });
          const [err] = await nextEvent<[Error]>(refused, 'connect_error');
          expect(err.message).to.equal('invalid credentials');
        }
      });

      it('hands out a session id that logs in again without the password', async () => {
        start();
        const admin = await login();
        const [sessionId] = await admin.next('session');
        expect(sessionId).to.be.a('string').with.length(32);
        // The session id comes before the config.
        await admin.next('config');
        const names = admin.events.map(([name]) => name);
        expect(names.indexOf('session')).to.be.lessThan(names.indexOf('config'));
        const again = await login({ sessionId });
        await again.next('config');
        expect(again.all('session')).to.deep.equal([]);
        const forged = clients.open(server, '/admin', mode, { auth: { sessionId: 'f'.repeat(32) } });
        const [err] = await nextEvent<[Error]>(forged, 'connect_error');
        expect(err.message).to.equal('invalid credentials');
      });

      it('lets anyone in with auth: false', async () => {
        start({ auth: false });
        const admin = await login({});
        await admin.next('config');
      });
    });

    describe('development mode', () => {
      it('sends the config, the server stats and every socket with its handshake, rooms and data', async () => {
        const chat = await clients.connect(server, '/chat', mode, { query: { room: 'lobby' }, auth: { token: 'x' } });
        chat.emit('join', 'lobby');
        chat.emit('nick', 'ada');
        await until(() => chatSockets.get(chat.id!)?.rooms.has('lobby') === true, 'the join');
        start({ serverId: 'node-a' });
        const admin = await login();
        const [config] = (await admin.next('config')) as [{ supportedFeatures: string[] }];
        expect(config.supportedFeatures).to.have.members([
          'EMIT',
          'JOIN',
          'LEAVE',
          'DISCONNECT',
          'MJOIN',
          'MLEAVE',
          'MDISCONNECT',
          'AGGREGATED_EVENTS',
          'ALL_EVENTS',
        ]);
        const [stats] = (await admin.next('server_stats')) as [Record<string, unknown>];
        // The chat client's connection and the UI's own.
        expect(stats).to.include({ serverId: 'node-a', pid: process.pid, clientsCount: 2 });
        expect(stats.namespaces).to.deep.include({ name: '/chat', socketsCount: 1 });
        expect(stats.pollingClientsCount).to.equal(mode.name === 'polling' ? 2 : 0);
        const [sockets] = (await admin.next('all_sockets')) as [SerializedSocket[]];
        const listed = sockets.find((socket) => socket.id === chat.id)!;
        expect(listed).to.include({ nsp: '/chat', transport: mode.name === 'polling' ? 'polling' : 'websocket' });
        expect(listed.clientId).to.be.a('string').with.length(12);
        expect(listed.rooms).to.have.members([chat.id, 'lobby']);
        expect(listed.data).to.deep.equal({ nick: 'ada' });
        expect(listed.handshake).to.include({ address: '127.0.0.1', secure: false, xdomain: false });
        expect(listed.handshake.query).to.include({ room: 'lobby' });
        expect(listed.handshake).to.not.have.property('auth');
        // The admin socket itself is listed, without the password it logged in with.
        expect(sockets.some((socket) => socket.nsp === '/admin')).to.equal(true);
        expect(JSON.stringify(sockets)).to.not.include(PASSWORD);
      });

      it('reports connections, rooms, data changes, events in and out, and disconnections as they happen', async () => {
        start();
        const admin = await login();
        await admin.next('config');
        const chat = await clients.connect(server, '/chat', mode);
        const id = chat.id!;
        const [connected] = (await admin.next('socket_connected', ([s]) => (s as SerializedSocket).id === id)) as [
          SerializedSocket,
          string,
        ];
        expect(connected).to.include({ nsp: '/chat' });
        chat.emit('join', 'lobby');
        expect(await admin.next('room_joined', (args) => args[1] === 'lobby')).to.have.members([
          '/chat',
          'lobby',
          id,
          (await admin.next('room_joined', (args) => args[1] === 'lobby'))[3],
        ]);
        expect((await admin.next('event_received', (args) => args[1] === id)).slice(0, 3)).to.deep.equal([
          '/chat',
          id,
          ['join', 'lobby'],
        ]);
        chat.emit('nick', 'ada');
        const [update] = (await admin.next(
          'socket_updated',
          ([u]) => (u as { data?: { nick?: string } }).data?.nick === 'ada',
        )) as [Record<string, unknown>];
        expect(update).to.deep.equal({ id, nsp: '/chat', data: { nick: 'ada' } });
        server.of('/chat').to('lobby').emit('news', { n: 1 });
        expect((await admin.next('event_sent', (args) => args[1] === id)).slice(0, 3)).to.deep.equal([
          '/chat',
          id,
          ['news', { n: 1 }],
        ]);
        chatSockets.get(id)!.leave('lobby');
        expect((await admin.next('room_left', (args) => args[1] === 'lobby')).slice(0, 3)).to.deep.equal([
          '/chat',
          'lobby',
          id,
        ]);
        chat.disconnect();
        expect((await admin.next('socket_disconnected', (args) => args[1] === id)).slice(0, 3)).to.deep.equal([
          '/chat',
          id,
          'client namespace disconnect',
        ]);
      });

      it('joins, leaves, emits to and disconnects sockets on request', async () => {
        start();
        const chat = await clients.connect(server, '/chat', mode);
        const admin = await login();
        await admin.next('config');
        const id = chat.id!;
        admin.socket.emit('join', '/chat', 'vip', id);
        await admin.next('room_joined', (args) => args[1] === 'vip');
        expect(chatSockets.get(id)!.rooms.has('vip')).to.equal(true);
        admin.socket.emit('leave', '/chat', 'vip', id);
        await admin.next('room_left', (args) => args[1] === 'vip');
        expect(chatSockets.get(id)!.rooms.has('vip')).to.equal(false);
        const news = nextEvent(chat, 'news');
        admin.socket.emit('emit', '/chat', id, 'news', 'from the UI');
        expect(await news).to.deep.equal(['from the UI']);
        // A namespace the server does not have is not created, and the UI's ack says why.
        const answer: unknown = await admin.socket.timeout(2000).emitWithAck('join', '/nowhere', 'vip');
        expect(answer).to.have.nested.property('error.code', 'CLASSIO_ERR_VALIDATION');
        expect(server.namespaces.has('/nowhere')).to.equal(false);
        const disconnected = nextEvent(chat, 'disconnect');
        admin.socket.emit('_disconnect', '/chat', false, id);
        expect((await disconnected)[0]).to.equal('io server disconnect');
      });
    });

    describe('readonly', () => {
      it('offers no action and refuses every one with CLASSIO_ERR_FORBIDDEN', async () => {
        start({ readonly: true });
        const chat = await clients.connect(server, '/chat', mode);
        const admin = await login();
        const [config] = (await admin.next('config')) as [{ supportedFeatures: string[] }];
        expect(config.supportedFeatures).to.have.members(['AGGREGATED_EVENTS', 'ALL_EVENTS']);
        for (const args of [
          ['_disconnect', '/chat', false, chat.id],
          ['join', '/chat', 'vip', chat.id],
          ['leave', '/chat', chat.id, chat.id],
          ['emit', '/chat', chat.id, 'news', 1],
        ]) {
          const answer: unknown = await admin.socket.timeout(2000).emitWithAck(...(args as [string, ...unknown[]]));
          expect(answer).to.have.nested.property('error.code', 'CLASSIO_ERR_FORBIDDEN');
        }
        expect(chat.connected).to.equal(true);
        expect(chatSockets.get(chat.id!)!.rooms.has('vip')).to.equal(false);
      });
    });

    describe('production mode', () => {
      it('sends stats with aggregated counts, and neither the socket list nor live events', async () => {
        start({ mode: 'production' });
        const admin = await login();
        const [config] = (await admin.next('config')) as [{ supportedFeatures: string[] }];
        expect(config.supportedFeatures).to.include('AGGREGATED_EVENTS').and.not.include('ALL_EVENTS');
        const chat = await clients.connect(server, '/chat', mode);
        chat.emit('join', 'lobby');
        const news = nextEvent(chat, 'news');
        server.of('/chat').emit('news', 'x'.repeat(5000));
        await news;
        type Stats = { aggregatedEvents: { type: string; count: number }[] };
        const total = (stats: Stats, type: string) =>
          stats.aggregatedEvents.filter((e) => e.type === type).reduce((sum, e) => sum + e.count, 0);
        // The counts of a second go out with the next stats: wait for the one that holds the news.
        const [stats] = (await admin.next('server_stats', ([s]) => total(s as Stats, 'bytesOut') > 5000)) as [Stats];
        const types = stats.aggregatedEvents.map((event) => event.type);
        expect(types).to.include.members(['rawConnection', 'packetsIn', 'bytesIn', 'packetsOut', 'bytesOut']);
        // The dashboard's "bytes sent" chart: every packet written counts, the news with its 5000 characters too.
        expect(total(stats, 'packetsOut')).to.be.at.least(2);
        expect(total(stats, 'bytesIn')).to.be.greaterThan(0);
        expect(admin.all('all_sockets')).to.deep.equal([]);
        expect(admin.all('socket_connected')).to.deep.equal([]);
        expect(admin.all('event_received')).to.deep.equal([]);
      });
    });
  });
}

describe('instrument()', () => {
  let server: Server;

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(() => server.close());

  it('refuses a missing auth, a plain password, a wrong mode and an unknown option with CLASSIO_ERR_CONFIG', () => {
    const cases: [unknown, RegExp][] = [
      [{}, /auth option is required/],
      [{ auth: { type: 'basic', username: 'admin', password: 'plain' } }, /must be a bcrypt hash/],
      [{ auth: { type: 'digest' } }, /auth must be false or/],
      [{ auth: false, mode: 'test' }, /mode must be "development" or "production"/],
      [{ auth: false, readonly: 'yes' }, /readonly must be a boolean/],
      [{ auth: false, namespaceName: 'admin' }, /namespaceName must be a namespace path/],
      [{ auth: false, store: {} }, /store must have doesSessionExist/],
      [{ auth: false, readOnly: true }, /did you mean "readonly"/],
    ];
    for (const [options, message] of cases) {
      const err = thrownBy(
        () => instrument(server, options as InstrumentOptions),
        ConfigurationError,
        'CLASSIO_ERR_CONFIG',
      );
      expect(err.message).to.match(message);
    }
    expect(server.namespaces.has('/admin')).to.equal(false);
  });
});
