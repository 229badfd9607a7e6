import { expect } from 'chai';
import type { EngineSocket } from '../../src/engine/socket';
import type { EngineData } from '../../src/engine/types';
import { once, RawPollingClient } from '../support/raw-engine-client';
import { startEngine, type EngineFixture } from './engine-fixture';

describe('PollingTransport', () => {
  let fixture: EngineFixture;
  let socket: EngineSocket;
  let client: RawPollingClient;
  beforeEach(async () => {
    fixture = await startEngine();
    const connection = fixture.nextConnection();
    client = await RawPollingClient.connect(fixture.baseUrl);
    socket = await connection;
  });
  afterEach(() => fixture.close());

  describe('POST', () => {
    it("answers 'ok' and delivers the message", async () => {
      const message = once<[EngineData]>(socket, 'message');
      const res = await client.push('4hello');
      expect(res.status).to.equal(200);
      expect(res.body).to.equal('ok');
      expect(await message).to.deep.equal(['hello']);
    });

    it('delivers every packet of a payload split on the record separator, binary decoded from base64', async () => {
      const messages: EngineData[] = [];
      socket.on('message', (data: EngineData) => messages.push(data));
      await client.push('4first\x1e4second\x1ebAQIDBA==');
      expect(messages).to.deep.equal(['first', 'second', Buffer.from([1, 2, 3, 4])]);
    });

    it('decodes multi-byte UTF-8 text', async () => {
      const message = once<[EngineData]>(socket, 'message');
      await client.push('4héllo €');
      expect(await message).to.deep.equal(['héllo €']);
    });

    it('closes the session with parse error on a malformed payload', async () => {
      const closed = once(socket, 'close');
      const res = await client.push('abc');
      expect(res.status).to.equal(400);
      expect(await closed).to.deep.equal(['parse error', undefined]);
      expect(fixture.engine.clients.has(client.sid)).to.equal(false);
    });

    it('ends the session when the client posts a close packet, answering the pending GET with a noop', async () => {
      const pending = client.poll();
      await once(fixture.httpServer, 'request');
      const closed = once(socket, 'close');
      await client.push('1');
      expect((await pending).body).to.equal('6');
      expect((await closed)[0]).to.equal('transport close');
      expect((await client.poll()).status).to.equal(400);
    });
  });

  describe('GET', () => {
    it('answers with text/plain; charset=UTF-8 and no caching', async () => {
      socket.send('x');
      const res = await client.poll();
      expect(res.headers['content-type']).to.equal('text/plain; charset=UTF-8');
      expect(res.headers['cache-control']).to.equal('no-store');
      expect(res.body).to.equal('4x');
    });

    it('joins the packets sent in one tick with the record separator, binary as b + base64', async () => {
      socket.send('a');
      socket.sendAll(['b', Buffer.from([1, 2, 3])]);
      const res = await client.poll();
      expect(res.body).to.equal('4a\x1e4b\x1ebAQID');
    });

    it('answers a waiting GET as soon as a message is sent', async () => {
      const pending = client.poll();
      await once(fixture.httpServer, 'request');
      socket.send('late');
      expect((await pending).body).to.equal('4late');
    });

    it('closes the session when a second GET arrives while one is pending', async () => {
      const first = client.poll();
      await once(fixture.httpServer, 'request');
      const closed = once(socket, 'close');
      const second = await client.poll();
      expect(second.status).to.equal(400);
      expect((await first).body).to.equal('1');
      expect((await closed)[0]).to.equal('transport error');
      expect((await client.poll()).status).to.equal(400);
    });

    it('delivers the close packet on the next GET after close()', async () => {
      socket.send('bye');
      const closed = once(socket, 'close');
      socket.close();
      expect(socket.readyState).to.equal('closing');
      expect((await client.poll()).body).to.equal('4bye');
      expect((await client.poll()).body).to.equal('1');
      expect((await closed)[0]).to.equal('forced close');
    });

    it('closes the session when the client aborts a pending GET', async () => {
      const closed = once(socket, 'close');
      const controller = new AbortController();
      const pending = fetch(client.url(), { signal: controller.signal }).catch((err: Error) => err);
      await once(fixture.httpServer, 'request');
      controller.abort();
      await pending;
      expect((await closed)[0]).to.equal('transport error');
    });
  });
});
