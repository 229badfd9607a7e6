import { expect } from 'chai';
import type { EngineSocket } from '../../src/engine/socket';
import type { EngineData, TransportName } from '../../src/engine/types';
import { once, RawPollingClient, RawWebSocketClient } from '../support/raw-engine-client';
import { startEngine, type EngineFixture } from './engine-fixture';

/**
 * One raw session, whatever the transport: `send` takes one packet literal, `receive` yields the next packet
 * literal the server sent (websocket binary frames are shown as `b` + base64, as polling spells them).
 */
interface RawSession {
  sid: string;
  send(literal: string | Buffer): Promise<void>;
  receive(): Promise<string>;
  /** Resolves once the client sees the session end (websocket close, or a close packet on polling). */
  ended(): Promise<void>;
}

async function openWebSocket(baseUrl: string): Promise<RawSession> {
  const { client, open } = await RawWebSocketClient.handshake(baseUrl);
  return {
    sid: open.sid,
    send(literal) {
      client.send(literal);
      return Promise.resolve();
    },
    async receive() {
      const frame = await client.next();
      return typeof frame === 'string' ? frame : `b${frame.toString('base64')}`;
    },
    async ended() {
      await client.closed;
    },
  };
}

async function openPolling(baseUrl: string): Promise<RawSession> {
  const client = await RawPollingClient.connect(baseUrl);
  const queue: string[] = [];
  const receive = async (): Promise<string> => {
    while (queue.length === 0) queue.push(...(await client.poll()).body.split('\x1e'));
    return queue.shift()!;
  };
  return {
    sid: client.sid,
    async send(literal) {
      const payload = typeof literal === 'string' ? literal : `b${literal.toString('base64')}`;
      expect((await client.push(payload)).body).to.equal('ok');
    },
    receive,
    async ended() {
      for (;;) if ((await receive()) === '1') return;
    },
  };
}

const transports: [TransportName, (baseUrl: string) => Promise<RawSession>][] = [
  ['websocket', openWebSocket],
  ['polling', openPolling],
];

for (const [name, open] of transports) {
  describe(`EngineSocket over ${name}`, () => {
    let fixture: EngineFixture;
    let socket: EngineSocket;
    let session: RawSession;
    beforeEach(async () => {
      fixture = await startEngine();
      const connection = fixture.nextConnection();
      session = await open(fixture.baseUrl);
      socket = await connection;
    });
    afterEach(() => fixture.close());

    it('reports its transport', () => {
      expect(socket.transportName).to.equal(name);
      expect(socket.id).to.equal(session.sid);
    });

    it('receives a text message', async () => {
      const message = once<[EngineData]>(socket, 'message');
      await session.send('4hello');
      expect(await message).to.deep.equal(['hello']);
    });

    it('receives a binary message as a Buffer', async () => {
      const message = once<[EngineData]>(socket, 'message');
      await session.send(Buffer.from([1, 2, 3]));
      const [data] = await message;
      expect(Buffer.isBuffer(data)).to.equal(true);
      expect(data).to.deep.equal(Buffer.from([1, 2, 3]));
    });

    it('sends text and binary messages', async () => {
      socket.send('text');
      socket.send(Buffer.from([9, 8]));
      expect(await session.receive()).to.equal('4text');
      expect(await session.receive()).to.equal('bCQg=');
    });

    it('keeps a sendAll batch together and in order', async () => {
      socket.sendAll(['51-["a",{"_placeholder":true,"num":0}]', Buffer.from([1]), 'after']);
      expect(await session.receive()).to.equal('451-["a",{"_placeholder":true,"num":0}]');
      expect(await session.receive()).to.equal('bAQ==');
      expect(await session.receive()).to.equal('4after');
    });

    it("emits close once with 'transport close' when the client sends a close packet", async () => {
      const reasons: unknown[] = [];
      socket.on('close', (reason) => reasons.push(reason));
      const closed = once(socket, 'close');
      await session.send('1');
      await closed;
      expect(reasons).to.deep.equal(['transport close']);
      expect(socket.readyState).to.equal('closed');
      expect(fixture.engine.clients.has(socket.id)).to.equal(false);
    });

    it("emits 'forced close' when the server closes the session, and the client sees the end", async () => {
      const closed = once(socket, 'close');
      socket.close();
      socket.close();
      await session.ended();
      expect((await closed)[0]).to.equal('forced close');
    });

    it("emits 'forced server close' when the engine closes", async () => {
      const closed = once(socket, 'close');
      await fixture.engine.close();
      expect((await closed)[0]).to.equal('forced server close');
      expect(fixture.engine.clientsCount).to.equal(0);
    });

    it('drops what is sent after close and never throws', async () => {
      const closed = once(socket, 'close');
      await session.send('1');
      await closed;
      expect(() => socket.send('late')).to.not.throw();
      expect(() => socket.sendAll(['late'])).to.not.throw();
      expect(() => socket.close()).to.not.throw();
    });
  });
}
