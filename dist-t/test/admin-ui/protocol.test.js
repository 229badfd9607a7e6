"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const bcryptjs_1 = require("bcryptjs");
const errors_1 = require("../../src/errors");
const admin_ui_1 = require("../../src/admin-ui");
const io_1 = require("../support/io");
const errors_2 = require("../support/errors");
const PASSWORD = 'correct horse';
// Cost 4, the least bcrypt allows: the tests check the protocol, not the hash's strength.
const AUTH = { type: 'basic', username: 'admin', password: (0, bcryptjs_1.hashSync)(PASSWORD, 4) };
/** An admin client that records every event the UI relies on, from its first packet. */
class AdminClient {
    constructor(socket) {
        this.socket = socket;
        this.events = [];
        socket.onAny((event, ...args) => void this.events.push([event, ...args]));
    }
    all(event) {
        return this.events.filter(([name]) => name === event).map(([, ...args]) => args);
    }
    async next(event, match = () => true) {
        await (0, io_1.until)(() => this.all(event).some(match), `the admin event ${event}`);
        return this.all(event).find(match);
    }
}
for (const mode of io_1.TRANSPORT_MODES) {
    describe(`Admin UI protocol (${mode.name})`, () => {
        let server;
        let ui;
        const clients = new io_1.ClientPool();
        const chatSockets = new Map();
        beforeEach(async () => {
            server = await (0, io_1.startServer)();
            ui = null;
            chatSockets.clear();
            server.of('/chat').on('connection', (socket) => {
                chatSockets.set(socket.id, socket);
                socket.on('join', (room) => {
                    if (typeof room === 'string')
                        socket.join(room);
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
        function start(options = {}) {
            ui = (0, admin_ui_1.instrument)(server, { auth: AUTH, ...options });
        }
        async function login(auth = { username: 'admin', password: PASSWORD }) {
            const socket = clients.open(server, '/admin', mode, { auth });
            const admin = new AdminClient(socket);
            await new Promise((resolve, reject) => {
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
                    const [err] = await (0, io_1.nextEvent)(refused, 'connect_error');
                    (0, chai_1.expect)(err.message).to.equal('invalid credentials');
                }
            });
            it('hands out a session id that logs in again without the password', async () => {
                start();
                const admin = await login();
                const [sessionId] = await admin.next('session');
                (0, chai_1.expect)(sessionId).to.be.a('string').with.length(32);
                // The session id comes before the config.
                await admin.next('config');
                const names = admin.events.map(([name]) => name);
                (0, chai_1.expect)(names.indexOf('session')).to.be.lessThan(names.indexOf('config'));
                const again = await login({ sessionId });
                await again.next('config');
                (0, chai_1.expect)(again.all('session')).to.deep.equal([]);
                const forged = clients.open(server, '/admin', mode, { auth: { sessionId: 'f'.repeat(32) } });
                const [err] = await (0, io_1.nextEvent)(forged, 'connect_error');
                (0, chai_1.expect)(err.message).to.equal('invalid credentials');
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
                await (0, io_1.until)(() => chatSockets.get(chat.id)?.rooms.has('lobby') === true, 'the join');
                start({ serverId: 'node-a' });
                const admin = await login();
                const [config] = (await admin.next('config'));
                (0, chai_1.expect)(config.supportedFeatures).to.have.members([
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
                const [stats] = (await admin.next('server_stats'));
                // The chat client's connection and the UI's own.
                (0, chai_1.expect)(stats).to.include({ serverId: 'node-a', pid: process.pid, clientsCount: 2 });
                (0, chai_1.expect)(stats.namespaces).to.deep.include({ name: '/chat', socketsCount: 1 });
                (0, chai_1.expect)(stats.pollingClientsCount).to.equal(mode.name === 'polling' ? 2 : 0);
                const [sockets] = (await admin.next('all_sockets'));
                const listed = sockets.find((socket) => socket.id === chat.id);
                (0, chai_1.expect)(listed).to.include({ nsp: '/chat', transport: mode.name === 'polling' ? 'polling' : 'websocket' });
                (0, chai_1.expect)(listed.clientId).to.be.a('string').with.length(12);
                (0, chai_1.expect)(listed.rooms).to.have.members([chat.id, 'lobby']);
                (0, chai_1.expect)(listed.data).to.deep.equal({ nick: 'ada' });
                (0, chai_1.expect)(listed.handshake).to.include({ address: '127.0.0.1', secure: false, xdomain: false });
                (0, chai_1.expect)(listed.handshake.query).to.include({ room: 'lobby' });
                (0, chai_1.expect)(listed.handshake).to.not.have.property('auth');
                // The admin socket itself is listed, without the password it logged in with.
                (0, chai_1.expect)(sockets.some((socket) => socket.nsp === '/admin')).to.equal(true);
                (0, chai_1.expect)(JSON.stringify(sockets)).to.not.include(PASSWORD);
            });
            it('reports connections, rooms, data changes, events in and out, and disconnections as they happen', async () => {
                start();
                const admin = await login();
                await admin.next('config');
                const chat = await clients.connect(server, '/chat', mode);
                const id = chat.id;
                const [connected] = (await admin.next('socket_connected', ([s]) => s.id === id));
                (0, chai_1.expect)(connected).to.include({ nsp: '/chat' });
                chat.emit('join', 'lobby');
                (0, chai_1.expect)(await admin.next('room_joined', (args) => args[1] === 'lobby')).to.have.members([
                    '/chat',
                    'lobby',
                    id,
                    (await admin.next('room_joined', (args) => args[1] === 'lobby'))[3],
                ]);
                (0, chai_1.expect)((await admin.next('event_received', (args) => args[1] === id)).slice(0, 3)).to.deep.equal([
                    '/chat',
                    id,
                    ['join', 'lobby'],
                ]);
                chat.emit('nick', 'ada');
                const [update] = (await admin.next('socket_updated', ([u]) => u.data?.nick === 'ada'));
                (0, chai_1.expect)(update).to.deep.equal({ id, nsp: '/chat', data: { nick: 'ada' } });
                server.of('/chat').to('lobby').emit('news', { n: 1 });
                (0, chai_1.expect)((await admin.next('event_sent', (args) => args[1] === id)).slice(0, 3)).to.deep.equal([
                    '/chat',
                    id,
                    ['news', { n: 1 }],
                ]);
                chatSockets.get(id).leave('lobby');
                (0, chai_1.expect)((await admin.next('room_left', (args) => args[1] === 'lobby')).slice(0, 3)).to.deep.equal([
                    '/chat',
                    'lobby',
                    id,
                ]);
                chat.disconnect();
                (0, chai_1.expect)((await admin.next('socket_disconnected', (args) => args[1] === id)).slice(0, 3)).to.deep.equal([
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
                const id = chat.id;
                admin.socket.emit('join', '/chat', 'vip', id);
                await admin.next('room_joined', (args) => args[1] === 'vip');
                (0, chai_1.expect)(chatSockets.get(id).rooms.has('vip')).to.equal(true);
                admin.socket.emit('leave', '/chat', 'vip', id);
                await admin.next('room_left', (args) => args[1] === 'vip');
                (0, chai_1.expect)(chatSockets.get(id).rooms.has('vip')).to.equal(false);
                const news = (0, io_1.nextEvent)(chat, 'news');
                admin.socket.emit('emit', '/chat', id, 'news', 'from the UI');
                (0, chai_1.expect)(await news).to.deep.equal(['from the UI']);
                // A namespace the server does not have is not created, and the UI's ack says why.
                const answer = await admin.socket.timeout(2000).emitWithAck('join', '/nowhere', 'vip');
                (0, chai_1.expect)(answer).to.have.nested.property('error.code', 'CLASSIO_ERR_VALIDATION');
                (0, chai_1.expect)(server.namespaces.has('/nowhere')).to.equal(false);
                const disconnected = (0, io_1.nextEvent)(chat, 'disconnect');
                admin.socket.emit('_disconnect', '/chat', false, id);
                (0, chai_1.expect)((await disconnected)[0]).to.equal('io server disconnect');
            });
        });
        describe('readonly', () => {
            it('offers no action and refuses every one with CLASSIO_ERR_FORBIDDEN', async () => {
                start({ readonly: true });
                const chat = await clients.connect(server, '/chat', mode);
                const admin = await login();
                const [config] = (await admin.next('config'));
                (0, chai_1.expect)(config.supportedFeatures).to.have.members(['AGGREGATED_EVENTS', 'ALL_EVENTS']);
                for (const args of [
                    ['_disconnect', '/chat', false, chat.id],
                    ['join', '/chat', 'vip', chat.id],
                    ['leave', '/chat', chat.id, chat.id],
                    ['emit', '/chat', chat.id, 'news', 1],
                ]) {
                    const answer = await admin.socket.timeout(2000).emitWithAck(...args);
                    (0, chai_1.expect)(answer).to.have.nested.property('error.code', 'CLASSIO_ERR_FORBIDDEN');
                }
                (0, chai_1.expect)(chat.connected).to.equal(true);
                (0, chai_1.expect)(chatSockets.get(chat.id).rooms.has('vip')).to.equal(false);
            });
        });
        describe('production mode', () => {
            it('sends stats with aggregated counts, and neither the socket list nor live events', async () => {
                start({ mode: 'production' });
                const admin = await login();
                const [config] = (await admin.next('config'));
                (0, chai_1.expect)(config.supportedFeatures).to.include('AGGREGATED_EVENTS').and.not.include('ALL_EVENTS');
                const chat = await clients.connect(server, '/chat', mode);
                chat.emit('join', 'lobby');
                const [stats] = (await admin.next('server_stats', ([s]) => s.aggregatedEvents.some((e) => e.type === 'packetsIn')));
                const types = stats.aggregatedEvents.map((event) => event.type);
                (0, chai_1.expect)(types).to.include.members(['rawConnection', 'packetsIn', 'bytesIn']);
                (0, chai_1.expect)(admin.all('all_sockets')).to.deep.equal([]);
                (0, chai_1.expect)(admin.all('socket_connected')).to.deep.equal([]);
                (0, chai_1.expect)(admin.all('event_received')).to.deep.equal([]);
            });
        });
    });
}
describe('instrument()', () => {
    let server;
    beforeEach(async () => {
        server = await (0, io_1.startServer)();
    });
    afterEach(() => server.close());
    it('refuses a missing auth, a plain password, a wrong mode and an unknown option with CLASSIO_ERR_CONFIG', () => {
        const cases = [
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
            const err = (0, errors_2.thrownBy)(() => (0, admin_ui_1.instrument)(server, options), errors_1.ConfigurationError, 'CLASSIO_ERR_CONFIG');
            (0, chai_1.expect)(err.message).to.match(message);
        }
        (0, chai_1.expect)(server.namespaces.has('/admin')).to.equal(false);
    });
});
//# sourceMappingURL=protocol.test.js.map