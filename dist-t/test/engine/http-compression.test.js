"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const node_zlib_1 = require("node:zlib");
const errors_1 = require("../../src/errors");
const server_1 = require("../../src/engine/server");
const polling_answer_1 = require("../../src/engine/transports/polling-answer");
const errors_2 = require("../support/errors");
const raw_engine_client_1 = require("../support/raw-engine-client");
const engine_fixture_1 = require("./engine-fixture");
const BIG = 'x'.repeat(5000);
describe('httpCompression (polling answers)', () => {
    let fixture;
    async function start(options = {}) {
        fixture = await (0, engine_fixture_1.startEngine)(options);
    }
    /** A session that receives `message` on its next poll. */
    async function sessionWith(message) {
        const connection = fixture.nextConnection();
        const client = await raw_engine_client_1.RawPollingClient.connect(fixture.baseUrl);
        (await connection).send(message);
        return client;
    }
    afterEach(() => fixture?.close());
    it('gzips an answer past the threshold (on by default) and leaves a small one as it is', async () => {
        await start();
        const connection = fixture.nextConnection();
        const client = await raw_engine_client_1.RawPollingClient.connect(fixture.baseUrl, { headers: { 'Accept-Encoding': 'gzip' } });
        const socket = await connection;
        socket.send('small');
        const small = await client.poll({ 'Accept-Encoding': 'gzip, deflate' });
        (0, chai_1.expect)(small.headers['content-encoding']).to.equal(undefined);
        (0, chai_1.expect)(small.body).to.equal('4small');
        socket.send(BIG);
        const big = await client.poll({ 'Accept-Encoding': 'gzip, deflate' });
        (0, chai_1.expect)(big.headers['content-encoding']).to.equal('gzip');
        (0, chai_1.expect)(Number(big.headers['content-length'])).to.equal(big.rawBody.length).and.to.be.below(200);
        (0, chai_1.expect)((0, node_zlib_1.gunzipSync)(big.rawBody).toString()).to.equal(`4${BIG}`);
    });
    it('deflates when the client accepts only deflate, and sends plain text to a client that accepts neither', async () => {
        await start();
        const deflating = await sessionWith(BIG);
        const deflated = await deflating.poll({ 'Accept-Encoding': 'deflate' });
        (0, chai_1.expect)(deflated.headers['content-encoding']).to.equal('deflate');
        (0, chai_1.expect)((0, node_zlib_1.inflateSync)(deflated.rawBody).toString()).to.equal(`4${BIG}`);
        const plain = await sessionWith(BIG);
        const answer = await plain.poll({ 'Accept-Encoding': 'br, gzip;q=0' });
        (0, chai_1.expect)(answer.headers['content-encoding']).to.equal(undefined);
        (0, chai_1.expect)(answer.body).to.equal(`4${BIG}`);
    });
    it('compresses nothing with httpCompression: false, and keeps its own threshold', async () => {
        await start({ httpCompression: false });
        const plain = await (await sessionWith(BIG)).poll({ 'Accept-Encoding': 'gzip' });
        (0, chai_1.expect)(plain.headers['content-encoding']).to.equal(undefined);
        await fixture.close();
        await start({ httpCompression: { threshold: 10_000 } });
        const below = await (await sessionWith(BIG)).poll({ 'Accept-Encoding': 'gzip' });
        (0, chai_1.expect)(below.headers['content-encoding']).to.equal(undefined);
        (0, chai_1.expect)(below.body).to.equal(`4${BIG}`);
    });
    it('leaves an answer uncompressed when its messages were sent with compress: false', async () => {
        await start();
        const connection = fixture.nextConnection();
        const client = await raw_engine_client_1.RawPollingClient.connect(fixture.baseUrl);
        (await connection).send(BIG, { compress: false });
        const answer = await client.poll({ 'Accept-Encoding': 'gzip' });
        (0, chai_1.expect)(answer.headers['content-encoding']).to.equal(undefined);
        (0, chai_1.expect)(answer.body).to.equal(`4${BIG}`);
    });
    it('chooses by quality, gzip on a tie, * for both', () => {
        (0, chai_1.expect)((0, polling_answer_1.chooseEncoding)('deflate, gzip')).to.equal('gzip');
        (0, chai_1.expect)((0, polling_answer_1.chooseEncoding)('gzip;q=0.5, deflate')).to.equal('deflate');
        (0, chai_1.expect)((0, polling_answer_1.chooseEncoding)('*')).to.equal('gzip');
        (0, chai_1.expect)((0, polling_answer_1.chooseEncoding)('identity')).to.equal(null);
        (0, chai_1.expect)((0, polling_answer_1.chooseEncoding)(undefined)).to.equal(null);
    });
    it('refuses a wrong option at construction', () => {
        for (const [value, message] of [
            ['yes', /"httpCompression" must be a boolean or an object, got "yes"/],
            [{ threshold: 'big' }, /"threshold" must be a non-negative number of bytes/],
            [{ level: 12 }, /"level" must be an integer from -1 to 9, got 12/],
            [{ windowbits: 9 }, /unknown option "windowbits"; did you mean "windowBits"\?/],
        ]) {
            const error = (0, errors_2.thrownBy)(() => new server_1.EngineServer({ httpCompression: value }), errors_1.ConfigurationError, 'CLASSIO_ERR_CONFIG');
            (0, chai_1.expect)(error.message).to.match(message);
        }
    });
});
//# sourceMappingURL=http-compression.test.js.map