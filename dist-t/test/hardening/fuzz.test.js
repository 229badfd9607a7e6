"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const fast_check_1 = __importDefault(require("fast-check"));
const engine_io_parser_1 = require("engine.io-parser");
const memory_connection_1 = require("../../src/testing/memory-connection");
const harness_1 = require("./support/harness");
const raw_hostile_client_1 = require("../support/raw-hostile-client");
/**
 * Property-based tests: random and mutated frames go to the Engine.IO decoder, to the Socket.IO path of the
 * server (decoder, client, sockets, dispatch, through an in-memory connection), and to a live server over both
 * transports. No exception escapes, and a healthy client still gets its answers afterwards. Runs are bounded
 * (a few hundred, a few seconds in all); a failure prints fast-check's seed and shrunk counterexample.
 */
/** Valid frames (Socket.IO packets inside Engine.IO message packets, without the leading `4`) to mutate. */
const VALID_SOCKET_IO = [
    '0',
    '0{"token":"abc"}',
    '0/admin,',
    '1',
    '2["echo","hello"]',
    '21["echo",{"a":[1,2,{"b":null}]}]',
    '2/admin,3["x"]',
    '31["answer"]',
    '51-["echo",{"_placeholder":true,"num":0}]',
    '62-7[{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]',
];
/** Pieces that tend to reach interesting branches of the parsers. */
const TOKENS = [
    '0',
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '9',
    '[',
    ']',
    '{',
    '}',
    '"',
    ',',
    '-',
    '/',
    ':',
    'x',
    'b',
    '\x1e',
    '"_placeholder":true',
    '"num":',
    'null',
    '__proto__',
    '"connect"',
    '1e999',
    '99999999999999999999',
    '"echo"',
];
const tokenString = fast_check_1.default.array(fast_check_1.default.constantFrom(...TOKENS), { maxLength: 24 }).map((parts) => parts.join(''));
const mutation = fast_check_1.default.record({
    at: fast_check_1.default.nat({ max: 80 }),
    remove: fast_check_1.default.nat({ max: 4 }),
    insert: fast_check_1.default.oneof(fast_check_1.default.constantFrom(...TOKENS), fast_check_1.default.string({ maxLength: 3 })),
});
function mutate(frame, mutations) {
    let out = frame;
    for (const { at, remove, insert } of mutations) {
        const i = at % (out.length + 1);
        out = out.slice(0, i) + insert + out.slice(i + remove);
    }
    return out;
}
/** A Socket.IO-level frame: a mutated valid one, a token soup, any string, or random bytes. */
const socketIoFrame = fast_check_1.default.oneof({
    weight: 4,
    arbitrary: fast_check_1.default
        .tuple(fast_check_1.default.constantFrom(...VALID_SOCKET_IO), fast_check_1.default.array(mutation, { maxLength: 3 }))
        .map(([f, m]) => mutate(f, m)),
}, { weight: 2, arbitrary: tokenString }, { weight: 1, arbitrary: fast_check_1.default.string({ maxLength: 40 }) }, { weight: 1, arbitrary: fast_check_1.default.uint8Array({ maxLength: 16 }).map((bytes) => Buffer.from(bytes)) });
/** An Engine.IO-level packet: a Socket.IO frame behind a type digit, or a mutated control packet. */
const enginePacket = fast_check_1.default.oneof(socketIoFrame.map((frame) => (typeof frame === 'string' ? `4${frame}` : `b${frame.toString('base64')}`)), fast_check_1.default
    .tuple(fast_check_1.default.constantFrom('2', '3', '2probe', '5', '6', '1', '0', 'b', 'bAQID'), fast_check_1.default.array(mutation, { maxLength: 2 }))
    .map(([f, m]) => mutate(f, m)), fast_check_1.default.string({ maxLength: 20 }));
describe('Fuzz', () => {
    let harness;
    before(async () => {
        harness = await harness_1.Harness.start('websocket', { maxHttpBufferSize: 10_000 });
        harness.server.of('/admin');
    });
    after(async () => {
        await harness.stop();
    });
    afterEach(async () => {
        await harness.assertBystanderHealthy();
        harness.assertNothingEscaped();
    });
    describe('Engine.IO decoder', () => {
        it('decodes any packet into a packet or an error packet, never throwing', () => {
            fast_check_1.default.assert(fast_check_1.default.property(enginePacket, (packet) => {
                const decoded = (0, engine_io_parser_1.decodePacket)(packet);
                (0, chai_1.expect)(['open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop', 'error']).to.include(decoded.type);
            }), { numRuns: 300 });
        });
        it('decodes any polling payload into packets that end at the first error', () => {
            fast_check_1.default.assert(fast_check_1.default.property(fast_check_1.default.array(enginePacket, { maxLength: 6 }), (packets) => {
                const decoded = (0, engine_io_parser_1.decodePayload)(packets.join('\x1e'));
                const firstError = decoded.findIndex((packet) => packet.type === 'error');
                (0, chai_1.expect)(firstError === -1 || firstError === decoded.length - 1).to.equal(true);
            }), { numRuns: 300 });
        });
    });
    describe('Socket.IO path (decoder, client, sockets, dispatch)', () => {
        function connect(onReceive = () => undefined) {
            const conn = new memory_connection_1.MemoryEngineConnection({ receive: onReceive, closed: () => undefined });
            harness.server.acceptConnection(conn);
            return conn;
        }
        it('takes any sequence of frames without an exception escaping, and answers a healthy client after', () => {
            fast_check_1.default.assert(fast_check_1.default.property(fast_check_1.default.boolean(), fast_check_1.default.array(socketIoFrame, { maxLength: 8 }), (joinFirst, frames) => {
                const conn = connect();
                if (joinFirst)
                    conn.deliver('0');
                for (const frame of frames)
                    conn.deliver(frame);
                conn.hangUp();
                const answers = [];
                const healthy = connect((data) => answers.push(data));
                healthy.deliver('0');
                healthy.deliver('21["echo","still here"]');
                healthy.hangUp();
                (0, chai_1.expect)(answers[answers.length - 1]).to.equal('31["still here"]');
            }), { numRuns: 300 });
            // Every fuzzed connection went away: nothing is left behind.
            (0, chai_1.expect)(harness.server.of('/').sockets.size).to.equal(1);
            (0, chai_1.expect)(harness.server.of('/admin').sockets.size).to.equal(0);
        });
    });
    describe('live server', () => {
        it('survives random frames over websocket', async () => {
            await fast_check_1.default.assert(fast_check_1.default.asyncProperty(fast_check_1.default.array(enginePacket, { minLength: 1, maxLength: 6 }), async (packets) => {
                const raw = await raw_hostile_client_1.RawWebSocket.connect(harness.server.port);
                for (const packet of packets)
                    raw.send(packet);
                raw.send('42["echo","probe"]');
                raw.close();
                await raw.closed;
            }), { numRuns: 100 });
            const healthy = await raw_hostile_client_1.RawWebSocket.connect(harness.server.port);
            healthy.send('421["echo","after the storm"]');
            (0, chai_1.expect)(await healthy.next((frame) => frame === '431["after the storm"]')).to.equal('431["after the storm"]');
            healthy.close();
        });
        it('survives random POST bodies over polling', async () => {
            await fast_check_1.default.assert(fast_check_1.default.asyncProperty(fast_check_1.default.array(enginePacket, { minLength: 1, maxLength: 6 }), async (packets) => {
                const raw = await raw_hostile_client_1.RawPolling.connect(harness.server.port);
                const answer = await raw.post(packets.join('\x1e'));
                (0, chai_1.expect)([200, 400, 413]).to.include(answer.status);
                await raw.post('1');
            }), { numRuns: 60 });
            const healthy = await raw_hostile_client_1.RawPolling.connect(harness.server.port);
            await healthy.post('421["echo","after the storm"]');
            (0, chai_1.expect)(await healthy.poll()).to.include('431["after the storm"]');
        });
    });
});
//# sourceMappingURL=fuzz.test.js.map