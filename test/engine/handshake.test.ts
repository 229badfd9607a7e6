import { expect } from 'chai';
import { createServer } from 'node:http';
import { ConfigurationError } from '../../src/errors';
import { EngineServer } from '../../src/engine/server';
import { ENGINE_DEFAULTS } from '../../src/engine/options';
import type { EngineSocket } from '../../src/engine/socket';
import { baseUrlOf, httpRequest, parseOpenPacket, RawWebSocketClient } from '../support/raw-engine-client';
import { startEngine, type EngineFixture } from './engine-fixture';

describe('EngineServer', () => {
  let fixture: EngineFixture | null = null;
  afterEach(async () => {
    await fixture?.close();
    fixture = null;
  });

  describe('handshake', () => {
    it('answers a polling handshake with sid, upgrades, pingInterval, pingTimeout and maxPayload', async () => {
      fixture = await startEngine({ pingInterval: 1234, pingTimeout: 567, maxHttpBufferSize: 4321 });
      const res = await httpRequest(`${fixture.baseUrl}/engine.io/?EIO=4&transport=polling`);
      expect(res.status).to.equal(200);
      expect(res.headers['content-type']).to.equal('text/plain; charset=UTF-8');
      const open = parseOpenPacket(res.body);
      expect(open).to.have.all.keys('sid', 'upgrades', 'pingInterval', 'pingTimeout', 'maxPayload');
      expect(open.sid).to.be.a('string').with.length.greaterThan(0);
      expect(open).to.deep.include({ upgrades: ['websocket'], pingInterval: 1234, pingTimeout: 567, maxPayload: 4321 });
      expect(fixture.engine.clients.has(open.sid)).to.equal(true);
      expect(fixture.engine.clientsCount).to.equal(1);
    });

    it('answers a websocket handshake with no upgrades', async () => {
      fixture = await startEngine();
      const { client, open } = await RawWebSocketClient.handshake(fixture.baseUrl);
      expect(open).to.deep.include({ upgrades: [], pingInterval: 25000, pingTimeout: 20000, maxPayload: 1e6 });
      expect(fixture.engine.clients.get(open.sid)?.transportName).to.equal('websocket');
      client.close();
    });

    it('announces no upgrade when allowUpgrades is false', async () => {
      fixture = await startEngine({ allowUpgrades: false });
      const res = await httpRequest(`${fixture.baseUrl}/engine.io/?EIO=4&transport=polling`);
      expect(parseOpenPacket(res.body).upgrades).to.deep.equal([]);
    });

    it('announces no upgrade when websocket is disabled', async () => {
      fixture = await startEngine({ transports: ['polling'] });
      const res = await httpRequest(`${fixture.baseUrl}/engine.io/?EIO=4&transport=polling`);
      expect(parseOpenPacket(res.body).upgrades).to.deep.equal([]);
    });

    it('emits connection with the id, request, remote address and transport of the session', async () => {
      fixture = await startEngine();
      const connection = fixture.nextConnection();
      const res = await httpRequest(`${fixture.baseUrl}/engine.io/?EIO=4&transport=polling&foo=bar`);
      const socket = await connection;
      expect(socket.id).to.equal(parseOpenPacket(res.body).sid);
      expect(socket.request.url).to.equal('/engine.io/?EIO=4&transport=polling&foo=bar');
      expect(socket.remoteAddress).to.equal('127.0.0.1');
      expect(socket.transportName).to.equal('polling');
      expect(socket.readyState).to.equal('open');
    });

    it('sends what connection listeners send in the same answer as the open packet', async () => {
      fixture = await startEngine();
      fixture.engine.on('connection', (socket: EngineSocket) => socket.send('welcome'));
      const res = await httpRequest(`${fixture.baseUrl}/engine.io/?EIO=4&transport=polling`);
      const [open, welcome] = res.body.split('\x1e');
      expect(parseOpenPacket(open).sid).to.be.a('string');
      expect(welcome).to.equal('4welcome');
    });

    it('answers under a custom path and leaves other requests to the listeners the server had', async () => {
      const httpServer = createServer((_req, res) => res.end('app'));
      const engine = new EngineServer({ path: '/rt' }).attach(httpServer);
      await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
      try {
        const handled = await httpRequest(`${baseUrlOf(httpServer)}/rt/?EIO=4&transport=polling`);
        expect(handled.status).to.equal(200);
        expect(parseOpenPacket(handled.body).sid).to.be.a('string');
        const other = await httpRequest(`${baseUrlOf(httpServer)}/elsewhere`);
        expect(other.body).to.equal('app');
      } finally {
        await engine.close();
        await new Promise<void>((resolve) => {
          httpServer.close(() => resolve());
          httpServer.closeAllConnections();
        });
      }
    });
  });

  describe('#listen', () => {
    it('serves a standalone engine and closes its HTTP server on close()', async () => {
      const engine = new EngineServer();
      const httpServer = await engine.listen(0, '127.0.0.1');
      const res = await httpRequest(`${baseUrlOf(httpServer)}/engine.io/?EIO=4&transport=polling`);
      expect(parseOpenPacket(res.body).sid).to.be.a('string');
      await engine.close();
      expect(httpServer.listening).to.equal(false);
      expect(engine.clientsCount).to.equal(0);
    });
  });

  describe('options', () => {
    it('spreads the options over the defaults and adds a trailing slash to path', () => {
      const engine = new EngineServer({ path: '/socket.io', pingTimeout: 5 });
      expect(engine.settings).to.deep.include({ ...ENGINE_DEFAULTS, path: '/socket.io/', pingTimeout: 5 });
    });

    const invalid: [string, object, RegExp][] = [
      ['a path without a leading slash', { path: 'engine.io' }, /"path" must be a string starting with "\/"/],
      ['a non-positive pingInterval', { pingInterval: 0 }, /"pingInterval" must be a positive finite number/],
      ['a NaN maxHttpBufferSize', { maxHttpBufferSize: NaN }, /"maxHttpBufferSize" must be a positive finite number/],
      ['an unknown transport', { transports: ['polling', 'webtransport'] }, /unknown transport "webtransport"/],
      ['an empty transport list', { transports: [] }, /"transports" must be a non-empty array/],
      ['a duplicate transport', { transports: ['polling', 'polling'] }, /lists a transport twice/],
      ['a non-function allowRequest', { allowRequest: 'yes' }, /"allowRequest" must be a function/],
      ['an invalid cors origin', { cors: { origin: 42 } }, /"cors.origin" must be/],
      ['a negative cors maxAge', { cors: { maxAge: -1 } }, /"cors.maxAge" must be a non-negative number/],
    ];
    for (const [what, options, message] of invalid) {
      it(`rejects ${what} with a ConfigurationError`, () => {
        let caught: unknown;
        try {
          new EngineServer(options);
        } catch (err) {
          caught = err;
        }
        expect(caught).to.be.instanceOf(ConfigurationError);
        expect(caught).to.have.property('code', 'CLASSIO_ERR_CONFIG');
        expect((caught as Error).message).to.match(message);
      });
    }
  });
});
