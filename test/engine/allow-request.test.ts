import { expect } from 'chai';
import type { IncomingMessage } from 'node:http';
import type { EngineConnectionError } from '../../src/engine/server';
import type { AllowRequest } from '../../src/engine/options';
import { httpRequest, once, parseOpenPacket, RawWebSocketClient } from '../support/raw-engine-client';
import { startEngine, type EngineFixture } from './engine-fixture';

const HANDSHAKE = '/engine.io/?EIO=4&transport=polling';

describe('EngineServer', () => {
  let fixture: EngineFixture;
  const start = async (allowRequest: AllowRequest) => {
    fixture = await startEngine({ allowRequest });
  };
  afterEach(() => fixture.close());

  describe('allowRequest', () => {
    it('refuses a handshake with code 4 Forbidden (HTTP 403) and opens no session', async () => {
      await start(() => false);
      let isConnected = false;
      fixture.engine.on('connection', () => (isConnected = true));
      const refusal = once<[EngineConnectionError]>(fixture.engine, 'connection_error');
      const res = await httpRequest(`${fixture.baseUrl}${HANDSHAKE}`);
      expect(res.status).to.equal(403);
      expect(JSON.parse(res.body)).to.deep.equal({ code: 4, message: 'Forbidden' });
      expect((await refusal)[0]).to.include({ code: 4, message: 'Forbidden' });
      expect(isConnected).to.equal(false);
      expect(fixture.engine.clientsCount).to.equal(0);
    });

    it('sees the handshake request and accepts it asynchronously', async () => {
      const seen: IncomingMessage[] = [];
      await start(async (req) => {
        seen.push(req);
        await new Promise((resolve) => setImmediate(resolve));
        return req.headers['x-token'] === 'secret';
      });
      const res = await httpRequest(`${fixture.baseUrl}${HANDSHAKE}`, { headers: { 'x-token': 'secret' } });
      expect(res.status).to.equal(200);
      expect(parseOpenPacket(res.body).sid).to.be.a('string');
      expect(seen).to.have.length(1);
      expect(seen[0].url).to.equal(HANDSHAKE);
    });

    it('uses the message of a thrown or rejected error as the body message', async () => {
      await start(() => Promise.reject(new Error('token expired')));
      const res = await httpRequest(`${fixture.baseUrl}${HANDSHAKE}`);
      expect(res.status).to.equal(403);
      expect(JSON.parse(res.body)).to.deep.equal({ code: 4, message: 'token expired' });
    });

    it('is not asked again for the requests of an open session', async () => {
      let calls = 0;
      await start(() => ++calls === 1);
      const res = await httpRequest(`${fixture.baseUrl}${HANDSHAKE}`);
      const { sid } = parseOpenPacket(res.body);
      const post = await httpRequest(`${fixture.baseUrl}${HANDSHAKE}&sid=${sid}`, { method: 'POST', body: '4x' });
      expect(post.body).to.equal('ok');
      expect(calls).to.equal(1);
    });

    it('refuses a websocket handshake', async () => {
      await start(() => false);
      let error: unknown;
      try {
        await RawWebSocketClient.connect(fixture.baseUrl);
      } catch (err) {
        error = err;
      }
      expect((error as Error).message).to.equal('upgrade refused: 403');
    });
  });
});
