"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const engine_io_client_1 = require("engine.io-client");
const raw_engine_client_1 = require("../support/raw-engine-client");
const io_1 = require("../support/io");
const engine_fixture_1 = require("./engine-fixture");
/** Opens the official Engine.IO client against the fixture and waits for `open`. */
async function connect(fixture, options) {
    const client = new engine_io_client_1.Socket(fixture.baseUrl, { path: '/engine.io/', ...options });
    await new Promise((resolve, reject) => {
        client.once('open', () => resolve());
        client.once('error', reject);
    });
    return client;
}
/** Sends `data` and resolves with the next message the client receives. */
function roundTrip(client, data) {
    const reply = new Promise((resolve) => client.once('message', resolve));
    client.send(data);
    return reply;
}
describe('EngineServer with the official engine.io-client', () => {
    let fixture;
    let client = null;
    beforeEach(async () => {
        fixture = await (0, engine_fixture_1.startEngine)();
        (0, engine_fixture_1.echo)(fixture.engine);
    });
    afterEach(async () => {
        client?.close();
        client = null;
        await fixture.close();
    });
    for (const transport of ['websocket', 'polling']) {
        it(`echoes text and binary over ${transport}`, async () => {
            const connection = fixture.nextConnection();
            client = await connect(fixture, { transports: [transport] });
            const socket = await connection;
            (0, chai_1.expect)(socket.transportName).to.equal(transport);
            (0, chai_1.expect)(await roundTrip(client, 'héllo')).to.equal('héllo');
            const binary = await roundTrip(client, Buffer.from([1, 2, 3]));
            (0, chai_1.expect)(Buffer.from(binary)).to.deep.equal(Buffer.from([1, 2, 3]));
        });
    }
    it('frames websocket messages of every length class, text and binary, as the client reads them', async () => {
        // The websocket transport builds frames itself: a 7-bit, 16-bit or 64-bit length, around each boundary.
        const connection = fixture.nextConnection();
        client = await connect(fixture, { transports: ['websocket'] });
        await connection;
        // Text frames carry '4' before the text (124 + 1 is the last 7-bit length); an empty text is covered below.
        for (const length of [0, 124, 125, 126, 65534, 65535, 65536, 70000]) {
            const text = 'x'.repeat(length);
            if (length > 0)
                (0, chai_1.expect)(await roundTrip(client, text), `text of ${length}`).to.equal(text);
            const bytes = Buffer.alloc(length, length % 251);
            const binary = await roundTrip(client, bytes);
            (0, chai_1.expect)(Buffer.from(binary).equals(bytes), `binary of ${length}`).to.equal(true);
        }
        // Multi-byte UTF-8: the frame length counts bytes, not characters (40,000 characters, 80,000 bytes).
        const accents = 'é'.repeat(40000);
        (0, chai_1.expect)(await roundTrip(client, accents)).to.equal(accents);
        // Multi-byte text short enough for the shared slab (16-bit length), and a 4-byte character.
        const mixed = 'é'.repeat(10000) + '😀';
        (0, chai_1.expect)(await roundTrip(client, mixed)).to.equal(mixed);
        // Many distinct frames in a row fill several slabs: none may overwrite another.
        const received = [];
        client.on('message', (data) => received.push(data));
        const burst = Array.from({ length: 300 }, (_, i) => `${i}:`.padEnd(1000, String.fromCharCode(97 + (i % 26))));
        for (const data of burst)
            client.send(data);
        await (0, io_1.until)(() => received.length === burst.length, 'the burst echoes');
        (0, chai_1.expect)(received).to.deep.equal(burst);
        client.off('message');
        // An empty message is `4` alone on the wire, which engine.io-client reads as a message without data.
        (0, chai_1.expect)(await roundTrip(client, '')).to.equal(undefined);
    });
    it('keeps websocket frames apart when messages alternate or repeat', async () => {
        // The transport reuses the frame of a repeated message: alternating contents of one length must not mix.
        const connection = fixture.nextConnection();
        client = await connect(fixture, { transports: ['websocket'] });
        await connection;
        const received = [];
        client.on('message', (data) => received.push(data));
        const sent = ['aaaa', 'aaaa', 'bbbb', 'aaaa', 'bbbb', 'bbbb', 'é', 'e'];
        for (const data of sent)
            client.send(data);
        await (0, io_1.until)(() => received.length === sent.length, 'the echoes');
        (0, chai_1.expect)(received).to.deep.equal(sent);
    });
    it('upgrades from polling to websocket and keeps messaging', async () => {
        const connection = fixture.nextConnection();
        client = await connect(fixture, { transports: ['polling', 'websocket'] });
        const socket = await connection;
        if (socket.transportName !== 'websocket')
            await (0, raw_engine_client_1.once)(socket, 'upgrade');
        (0, chai_1.expect)(socket.transportName).to.equal('websocket');
        (0, chai_1.expect)(await roundTrip(client, 'after upgrade')).to.equal('after upgrade');
    });
    it('sees the session end when the server closes it', async () => {
        const connection = fixture.nextConnection();
        client = await connect(fixture, { transports: ['polling'] });
        const socket = await connection;
        const closed = new Promise((resolve) => client.once('close', resolve));
        socket.close();
        (0, chai_1.expect)(await closed).to.equal('transport close');
    });
    it("closes the server session with 'transport close' when the client closes", async () => {
        const connection = fixture.nextConnection();
        client = await connect(fixture, { transports: ['websocket'] });
        const closed = (0, raw_engine_client_1.once)(await connection, 'close');
        client.close();
        (0, chai_1.expect)((await closed)[0]).to.equal('transport close');
    });
});
//# sourceMappingURL=engine-io-client.test.js.map