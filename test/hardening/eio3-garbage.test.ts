import { expect } from 'chai';
import { WebSocket } from 'ws';
import { Harness, useSuiteHarness, RAW_TRANSPORTS } from './support/harness';
import { httpRequest, type RawResponse } from '../support/raw-engine-client';
import { until } from '../support/io';

/**
 * Garbage from Engine.IO v3 clients (`allowEIO3`): malformed length-prefixed and binary payloads, and websocket
 * frames v3 does not allow. Each ends the offending session only, with `parse error`; the bystander (a v4 client)
 * notices nothing. And a v3 client that stops pinging is closed with `ping timeout`.
 */

/** A raw Engine.IO v3 session over polling. */
class RawV3Polling {
  readonly sid: string;
  readonly #url: string;

  private constructor(url: string, sid: string) {
    this.#url = url;
    this.sid = sid;
  }

  static async open(port: number): Promise<RawV3Polling> {
    const base = `http://127.0.0.1:${port}/socket.io/?EIO=3&transport=polling`;
    const answer = await httpRequest(base);
    const sid = (JSON.parse(/^\d+:0(\{.*?\})/.exec(answer.body)![1]) as { sid: string }).sid;
    return new RawV3Polling(base, sid);
  }

  post(body: string | Buffer): Promise<RawResponse> {
    const isBinary = Buffer.isBuffer(body);
    return httpRequest(`${this.#url}&sid=${this.sid}`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': isBinary ? 'application/octet-stream' : 'text/plain;charset=UTF-8' },
      shouldResolveOnReset: true,
    });
  }
}

/** A raw Engine.IO v3 session over websocket; resolves once the open packet arrived. */
function openV3WebSocket(port: number): Promise<{ ws: WebSocket; sid: string }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=3&transport=websocket`);
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('message', (data) => {
      const text = (data as Buffer).toString();
      resolve({ ws, sid: (JSON.parse(text.slice(1)) as { sid: string }).sid });
    });
  });
}

/** Binary payload entry: marker, length digits as bytes, 0xff, then the bytes. */
function binaryEntry(marker: number, bytes: Buffer): Buffer {
  const digits = [...String(bytes.length)].map(Number);
  return Buffer.concat([Buffer.from([marker, ...digits, 0xff]), bytes]);
}

const POLLING_CASES: readonly { name: string; body: string | Buffer }[] = [
  { name: 'a payload without a length prefix', body: '42["echo","x"]' },
  { name: 'a length prefix that is not a number', body: 'x:42["echo"]' },
  { name: 'a length past the end of the payload', body: '99:42["echo"]' },
  { name: 'a zero length', body: '0:' },
  { name: 'a length prefix of 30 digits', body: `${'9'.repeat(30)}:4` },
  { name: 'an unknown packet type', body: '1:9' },
  { name: 'a base64 packet with an unknown type', body: '3:b9A' },
  { name: 'an empty binary payload', body: Buffer.alloc(0) },
  { name: 'a binary payload with an unknown marker', body: Buffer.from([7, 1, 0xff, 0x34]) },
  { name: 'a binary payload whose length digit is over 9', body: Buffer.from([0, 12, 0xff, 0x34]) },
  { name: 'a binary payload without a length', body: Buffer.from([0, 0xff, 0x34]) },
  { name: 'a binary payload shorter than its length', body: Buffer.from([1, 9, 9, 0xff, 4, 1]) },
  { name: 'a binary entry with an unknown type byte', body: binaryEntry(1, Buffer.from([9, 1, 2])) },
  {
    name: 'a sound entry followed by garbage',
    body: Buffer.concat([binaryEntry(0, Buffer.from('42["echo","x"]')), Buffer.from([5])]),
  },
];

for (const transport of RAW_TRANSPORTS) {
  describe(`EIO3 garbage (bystander over ${transport})`, () => {
    let harness: Harness;
    useSuiteHarness(
      () => Harness.start(transport, { allowEIO3: true }),
      (started) => (harness = started),
    );

    for (const { name, body } of POLLING_CASES) {
      it(`closes a v3 polling session on ${name}`, async () => {
        const offender = await RawV3Polling.open(harness.server.port);
        const answer = await offender.post(body);
        expect(answer.status).to.equal(400);
        expect(await harness.closeReasonOf(offender.sid)).to.equal('parse error');
        await harness.assertOnlyOffenderHurt();
      });
    }

    it('closes a v3 websocket session on a binary frame that is not a message', async () => {
      const { ws, sid } = await openV3WebSocket(harness.server.port);
      ws.send(Buffer.from([9, 1, 2]));
      expect(await harness.closeReasonOf(sid)).to.equal('parse error');
      ws.terminate();
      await harness.assertOnlyOffenderHurt();
    });

    it('closes a v3 websocket session on an empty binary frame', async () => {
      const { ws, sid } = await openV3WebSocket(harness.server.port);
      ws.send(Buffer.alloc(0));
      expect(await harness.closeReasonOf(sid)).to.equal('parse error');
      ws.terminate();
      await harness.assertOnlyOffenderHurt();
    });

    it('ignores a pong from a v3 client (no ping was sent), and still answers its pings', async () => {
      const { ws, sid } = await openV3WebSocket(harness.server.port);
      const frames: string[] = [];
      ws.on('message', (data) => frames.push((data as Buffer).toString()));
      ws.send('3');
      ws.send('2');
      await until(() => frames.includes('3'), 'the pong');
      expect(harness.server.engine.clients.has(sid)).to.equal(true);
      ws.terminate();
      await harness.assertOnlyOffenderHurt();
    });
  });
}

describe('EIO3 heartbeat', () => {
  let harness: Harness;

  beforeEach(async () => {
    harness = await Harness.start('websocket', { allowEIO3: true, pingInterval: 100, pingTimeout: 100 });
  });

  afterEach(async () => {
    await harness.stop();
  });

  for (const transport of RAW_TRANSPORTS) {
    it(`closes a v3 ${transport} session that stops pinging with "ping timeout"`, async () => {
      let sid: string;
      let ws: WebSocket | null = null;
      if (transport === 'websocket') ({ ws, sid } = await openV3WebSocket(harness.server.port));
      else sid = (await RawV3Polling.open(harness.server.port)).sid;
      expect(await harness.closeReasonOf(sid)).to.equal('ping timeout');
      ws?.terminate();
      await harness.assertBystanderHealthy();
    });
  }

  it('keeps a v3 session that pings, answering each ping with a pong', async () => {
    const { ws, sid } = await openV3WebSocket(harness.server.port);
    let pongs = 0;
    ws.on('message', (data) => {
      if ((data as Buffer).toString() === '3') pongs++;
    });
    const timer = setInterval(() => ws.send('2'), 50);
    try {
      // Eight pongs take about 400 ms: twice pingInterval + pingTimeout.
      await until(() => pongs >= 8, 'eight pongs');
      expect(harness.closeReasons.has(sid)).to.equal(false);
    } finally {
      clearInterval(timer);
      ws.terminate();
    }
  });
});
