import { expect } from 'chai';
import { gunzipSync, inflateSync } from 'node:zlib';
import { ConfigurationError } from '../../src/errors';
import { EngineServer } from '../../src/engine/server';
import type { EngineServerOptions } from '../../src/engine/options';
import { chooseEncoding } from '../../src/engine/transports/polling-answer';
import { thrownBy } from '../support/errors';
import { RawPollingClient } from '../support/raw-engine-client';
import { startEngine, type EngineFixture } from './engine-fixture';

const BIG = 'x'.repeat(5000);

describe('httpCompression (polling answers)', () => {
  let fixture: EngineFixture;

  async function start(options: EngineServerOptions = {}): Promise<void> {
    fixture = await startEngine(options);
  }

  /** A session that receives `message` on its next poll. */
  async function sessionWith(message: string): Promise<RawPollingClient> {
    const connection = fixture.nextConnection();
    const client = await RawPollingClient.connect(fixture.baseUrl);
    (await connection).send(message);
    return client;
  }

  afterEach(() => fixture?.close());

  it('gzips an answer past the threshold (on by default) and leaves a small one as it is', async () => {
    await start();
    const connection = fixture.nextConnection();
    const client = await RawPollingClient.connect(fixture.baseUrl, { headers: { 'Accept-Encoding': 'gzip' } });
    const socket = await connection;
    socket.send('small');
    const small = await client.poll({ 'Accept-Encoding': 'gzip, deflate' });
    expect(small.headers['content-encoding']).to.equal(undefined);
    expect(small.body).to.equal('4small');
    socket.send(BIG);
    const big = await client.poll({ 'Accept-Encoding': 'gzip, deflate' });
    expect(big.headers['content-encoding']).to.equal('gzip');
    expect(Number(big.headers['content-length'])).to.equal(big.rawBody!.length).and.to.be.below(200);
    expect(gunzipSync(big.rawBody!).toString()).to.equal(`4${BIG}`);
  });

  it('deflates when the client accepts only deflate, and sends plain text to a client that accepts neither', async () => {
    await start();
    const deflating = await sessionWith(BIG);
    const deflated = await deflating.poll({ 'Accept-Encoding': 'deflate' });
    expect(deflated.headers['content-encoding']).to.equal('deflate');
    expect(inflateSync(deflated.rawBody!).toString()).to.equal(`4${BIG}`);
    const plain = await sessionWith(BIG);
    const answer = await plain.poll({ 'Accept-Encoding': 'br, gzip;q=0' });
    expect(answer.headers['content-encoding']).to.equal(undefined);
    expect(answer.body).to.equal(`4${BIG}`);
  });

  it('compresses nothing with httpCompression: false, and keeps its own threshold', async () => {
    await start({ httpCompression: false });
    const plain = await (await sessionWith(BIG)).poll({ 'Accept-Encoding': 'gzip' });
    expect(plain.headers['content-encoding']).to.equal(undefined);
    await fixture.close();
    await start({ httpCompression: { threshold: 10_000 } });
    const below = await (await sessionWith(BIG)).poll({ 'Accept-Encoding': 'gzip' });
    expect(below.headers['content-encoding']).to.equal(undefined);
    expect(below.body).to.equal(`4${BIG}`);
  });

  it('leaves an answer uncompressed when its messages were sent with compress: false', async () => {
    await start();
    const connection = fixture.nextConnection();
    const client = await RawPollingClient.connect(fixture.baseUrl);
    (await connection).send(BIG, { compress: false });
    const answer = await client.poll({ 'Accept-Encoding': 'gzip' });
    expect(answer.headers['content-encoding']).to.equal(undefined);
    expect(answer.body).to.equal(`4${BIG}`);
  });

  it('chooses by quality, gzip on a tie, * for both', () => {
    expect(chooseEncoding('deflate, gzip')).to.equal('gzip');
    expect(chooseEncoding('gzip;q=0.5, deflate')).to.equal('deflate');
    expect(chooseEncoding('*')).to.equal('gzip');
    expect(chooseEncoding('identity')).to.equal(null);
    expect(chooseEncoding(undefined)).to.equal(null);
  });

  it('refuses a wrong option at construction', () => {
    for (const [value, message] of [
      ['yes', /"httpCompression" must be a boolean or an object, got "yes"/],
      [{ threshold: 'big' }, /"threshold" must be a non-negative number of bytes/],
      [{ level: 12 }, /"level" must be an integer from -1 to 9, got 12/],
      [{ windowbits: 9 }, /unknown option "windowbits"; did you mean "windowBits"\?/],
    ] as const) {
      const error = thrownBy(
        () => new EngineServer({ httpCompression: value as never }),
        ConfigurationError,
        'CLASSIO_ERR_CONFIG',
      );
      expect(error.message).to.match(message);
    }
  });
});
