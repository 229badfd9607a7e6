import { expect } from 'chai';
import type { EngineSocket } from '../../src/engine/socket';
import { once, RawPollingClient, RawWebSocketClient } from '../support/raw-engine-client';
import { echo, startEngine, type EngineFixture } from './engine-fixture';

describe('EngineServer', () => {
  let fixture: EngineFixture;
  beforeEach(async () => {
    fixture = await startEngine({ maxHttpBufferSize: 100 });
    echo(fixture.engine);
  });
  afterEach(() => fixture.close());

  describe('maxHttpBufferSize', () => {
    it('closes a websocket session whose message is too large, and only that one', async () => {
      const first = fixture.nextConnection();
      const { client: big } = await RawWebSocketClient.handshake(fixture.baseUrl);
      const bigSocket: EngineSocket = await first;
      const { client: small } = await RawWebSocketClient.handshake(fixture.baseUrl);
      const closed = once(bigSocket, 'close');
      big.send(`4${'x'.repeat(200)}`);
      expect((await closed)[0]).to.equal('message too large');
      expect(await big.closed).to.equal(1009);
      small.send('4still fine');
      expect(await small.next()).to.equal('4still fine');
      expect(fixture.engine.clientsCount).to.equal(1);
      small.close();
    });

    it('answers an oversized polling POST with 413 and closes that session only', async () => {
      const first = fixture.nextConnection();
      const big = await RawPollingClient.connect(fixture.baseUrl);
      const bigSocket: EngineSocket = await first;
      const small = await RawPollingClient.connect(fixture.baseUrl);
      const closed = once(bigSocket, 'close');
      const res = await big.push(`4${'x'.repeat(200)}`);
      expect(res.status).to.equal(413);
      expect((await closed)[0]).to.equal('message too large');
      expect((await big.poll()).status).to.equal(400);
      expect((await small.push('4still fine')).body).to.equal('ok');
      expect((await small.poll()).body).to.equal('4still fine');
    });

    it('counts the bytes of a POST sent without a content length', async () => {
      const first = fixture.nextConnection();
      const big = await RawPollingClient.connect(fixture.baseUrl);
      const closed = once(await first, 'close');
      const res = await big.push(`4${'é'.repeat(80)}`, { 'Transfer-Encoding': 'chunked' });
      expect(res.status).to.equal(413);
      expect((await closed)[0]).to.equal('message too large');
    });

    it('accepts a message of exactly maxHttpBufferSize bytes', async () => {
      const { client } = await RawWebSocketClient.handshake(fixture.baseUrl);
      const literal = `4${'y'.repeat(99)}`;
      client.send(literal);
      expect(await client.next()).to.equal(literal);
      client.close();
    });
  });
});
