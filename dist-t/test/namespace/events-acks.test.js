"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const dispatch_1 = require("../../src/namespace/dispatch");
const errors_1 = require("../../src/errors");
const io_1 = require("../support/io");
function route(event, handle, onError = null) {
    return { event, handle, answersAck: false, onError };
}
for (const mode of io_1.TRANSPORT_MODES) {
    describe(`Events and acks (${mode.name})`, () => {
        let server;
        let serverSocket;
        const clients = new io_1.ClientPool();
        beforeEach(async () => {
            server = await (0, io_1.startServer)();
            server.of('/').on('connection', (socket) => (serverSocket = socket));
        });
        afterEach(async () => {
            await clients.closeAll();
            await server.close();
        });
        describe('EVENT', () => {
            it('routes an event to its compiled route with its arguments', async () => {
                const seen = [];
                server.of('/').addRoute(route('my event', (_socket, args) => void seen.push(args)));
                const client = await clients.connect(server, '/', mode);
                client.emit('my event', { data: 'hi' }, 2);
                await (0, io_1.until)(() => seen.length === 1, 'the event');
                (0, chai_1.expect)(seen[0]).to.deep.equal([{ data: 'hi' }, 2]);
            });
            it('falls back to Socket.IO-style listeners and ignores events nobody handles', async () => {
                const client = await clients.connect(server, '/', mode);
                const seen = [];
                serverSocket.on('legacy', (value) => seen.push(value));
                client.emit('nobody listens', 1);
                client.emit('legacy', 'x');
                await (0, io_1.until)(() => seen.length === 1, 'the listener');
                (0, chai_1.expect)(seen).to.deep.equal(['x']);
            });
            it('carries binary both ways, alone and nested in objects', async () => {
                server.of('/').addRoute(route('echo', (socket, args) => void socket.emit('echo back', ...args)));
                const client = await clients.connect(server, '/', mode);
                const reply = (0, io_1.nextEvent)(client, 'echo back');
                client.emit('echo', Buffer.from([1, 2, 3]), { nested: { bytes: Buffer.from('hé') } });
                const [bytes, object] = await reply;
                (0, chai_1.expect)(Buffer.from(bytes)).to.deep.equal(Buffer.from([1, 2, 3]));
                (0, chai_1.expect)(Buffer.from(object.nested.bytes).toString()).to.equal('hé');
            });
            it('sends typed arrays, DataViews and ArrayBuffers as binary attachments', async () => {
                // socket.io-parser hands these on as they are; on the wire they are their bytes, and the stream stays whole.
                const floats = new Float32Array([1.5, -2, 3]);
                const view = new DataView(new Uint8Array([9, 8, 7, 6]).buffer, 1, 2);
                const raw = new Uint8Array([4, 5]).buffer;
                server.of('/').addRoute(route('give', (socket) => void socket.emit('bytes', floats, { view }, raw, 'after')));
                const client = await clients.connect(server, '/', mode);
                const received = (0, io_1.nextEvent)(client, 'bytes');
                client.emit('give');
                const [a, b, c, tail] = await received;
                (0, chai_1.expect)(Buffer.from(a)).to.deep.equal(Buffer.from(floats.buffer));
                (0, chai_1.expect)(Buffer.from(b.view)).to.deep.equal(Buffer.from([8, 7]));
                (0, chai_1.expect)(Buffer.from(c)).to.deep.equal(Buffer.from([4, 5]));
                (0, chai_1.expect)(tail).to.equal('after');
                // The connection is still usable afterwards.
                const again = (0, io_1.nextEvent)(client, 'bytes');
                client.emit('give');
                (0, chai_1.expect)((await again)[3]).to.equal('after');
            });
            it('sends the unnamed "message" event with send()', async () => {
                const client = await clients.connect(server, '/', mode);
                const message = (0, io_1.nextEvent)(client, 'message');
                serverSocket.send('hello', 42);
                (0, chai_1.expect)(await message).to.deep.equal(['hello', 42]);
            });
            it('refuses to emit a reserved event name', async () => {
                await clients.connect(server, '/', mode);
                (0, chai_1.expect)(() => serverSocket.emit('disconnect'))
                    .to.throw(errors_1.UsageError, '"disconnect" is a reserved event name')
                    .with.property('code', 'CLASSIO_ERR_USAGE');
            });
        });
        describe('client-to-server acks', () => {
            it('answers with the handler return value, synchronous or resolved', async () => {
                server.of('/').addRoute(route('sum', (_s, args) => args[0] + args[1]));
                server.of('/').addRoute(route('later', (_s, args) => Promise.resolve(`done ${String(args[0])}`)));
                server.of('/').addRoute(route('pair', (_s, args) => (0, dispatch_1.ackArgs)(...args)));
                const client = await clients.connect(server, '/', mode);
                (0, chai_1.expect)(await client.emitWithAck('sum', 2, 3)).to.equal(5);
                (0, chai_1.expect)(await client.emitWithAck('later', 'x')).to.equal('done x');
                const pair = await new Promise((resolve) => client.emit('pair', 'a', 'b', (...args) => resolve(args)));
                (0, chai_1.expect)(pair).to.deep.equal(['a', 'b']);
            });
            it('answers a failing handler without an error handler with the standard error body', async () => {
                server.of('/').addRoute(route('fail', () => {
                    throw new Error('boom');
                }));
                server
                    .of('/')
                    .addRoute(route('reject', () => Promise.reject(new errors_1.ValidationError('payload of "reject" is invalid', [
                    { property: 'name', constraints: { isString: 'name must be a string' } },
                ]))));
                const client = await clients.connect(server, '/', mode);
                (0, chai_1.expect)(await client.emitWithAck('fail')).to.deep.equal({
                    error: { code: 'CLASSIO_ERR_HANDLER', message: 'server error' },
                });
                (0, chai_1.expect)(await client.emitWithAck('reject')).to.deep.equal({
                    error: {
                        code: 'CLASSIO_ERR_VALIDATION',
                        message: 'payload of "reject" is invalid',
                        data: [{ property: 'name', constraints: { isString: 'name must be a string' } }],
                    },
                });
            });
            it("answers with the error handler's return value, and the server default handler when the namespace has none", async () => {
                server.of('/').addRoute(route('fail', () => {
                    throw new Error('boom');
                }, (err, _socket, event, args) => ({ handled: err.message, event, args })));
                server.of('/').addRoute(route('fail default', () => Promise.reject(new Error('late boom'))));
                server.setDefaultErrorHandler((err, _socket, event) => `default saw ${err.message} in ${event}`);
                const client = await clients.connect(server, '/', mode);
                (0, chai_1.expect)(await client.emitWithAck('fail', 1)).to.deep.equal({ handled: 'boom', event: 'fail', args: [1] });
                (0, chai_1.expect)(await client.emitWithAck('fail default')).to.equal('default saw late boom in fail default');
            });
            it('hands an error its namespace handler declines (rethrows) to the server default handler', async () => {
                server.of('/').addRoute(route('fail', () => {
                    throw new Error('not a validation error');
                }, (err) => {
                    throw err;
                }));
                server.setDefaultErrorHandler((err) => `default took ${err.message}`);
                const client = await clients.connect(server, '/', mode);
                (0, chai_1.expect)(await client.emitWithAck('fail')).to.equal('default took not a validation error');
            });
            it('answers an ack for an event nobody handles with CLASSIO_ERR_UNKNOWN_EVENT, and runs no error handler', async () => {
                const errors = [];
                server.setDefaultErrorHandler((err) => void errors.push(err));
                server.of('/').addRoute(route('known', () => 'fine'));
                const client = await clients.connect(server, '/', mode);
                const caught = [];
                serverSocket.onAny((event) => caught.push(event));
                (0, chai_1.expect)(await client.timeout(2000).emitWithAck('nobody listens', 1)).to.deep.equal({
                    error: { code: 'CLASSIO_ERR_UNKNOWN_EVENT', message: 'no handler for event "nobody listens" in namespace /' },
                });
                // A catch-all listener sees the event but cannot answer it: the ack is still answered.
                (0, chai_1.expect)(caught).to.deep.equal(['nobody listens']);
                (0, chai_1.expect)(errors).to.deep.equal([]);
                (0, chai_1.expect)(await client.timeout(2000).emitWithAck('known')).to.equal('fine');
            });
            it('ignores an event nobody handles when the client asked for no ack', async () => {
                const client = await clients.connect(server, '/', mode);
                const caught = [];
                serverSocket.onAny((event) => caught.push(event));
                client.emit('nobody listens');
                serverSocket.on('marker', () => caught.push('marker'));
                client.emit('marker');
                await (0, io_1.until)(() => caught.length === 3, 'the marker');
                (0, chai_1.expect)(caught).to.deep.equal(['nobody listens', 'marker', 'marker']);
                (0, chai_1.expect)(client.connected).to.equal(true);
            });
            it('keeps other clients served while one handler fails', async () => {
                server.of('/').addRoute(route('fail', () => {
                    throw new Error('boom');
                }));
                server.of('/').addRoute(route('ok', () => 'fine'));
                const failing = await clients.connect(server, '/', mode);
                const bystander = await clients.connect(server, '/', mode);
                failing.emit('fail');
                (0, chai_1.expect)(await bystander.emitWithAck('ok')).to.equal('fine');
                (0, chai_1.expect)(await failing.emitWithAck('ok')).to.equal('fine');
            });
        });
        describe('server-to-client acks', () => {
            it("resolves emitWithAck with the client's answer", async () => {
                const client = await clients.connect(server, '/', mode);
                client.on('question', (q, answer) => answer(`answer to ${q}`));
                (0, chai_1.expect)(await serverSocket.timeout(2000).emitWithAck('question', 'life')).to.equal('answer to life');
            });
            it('rejects with AckTimeoutError when the client does not answer in time', async () => {
                const client = await clients.connect(server, '/', mode);
                client.on('question', () => { });
                const err = await serverSocket
                    .timeout(50)
                    .emitWithAck('question')
                    .then(() => null, (e) => e);
                (0, chai_1.expect)(err).to.be.instanceOf(errors_1.AckTimeoutError);
                (0, chai_1.expect)(err.code).to.equal('CLASSIO_ERR_ACK_TIMEOUT');
            });
            it('calls a sid through the namespace and gets every ack argument', async () => {
                const client = await clients.connect(server, '/', mode);
                client.on('ask', (a, answer) => answer(a * 2, 'two'));
                (0, chai_1.expect)(await server.of('/').call(client.id, 'ask', [21], 2000)).to.deep.equal([42, 'two']);
            });
        });
    });
}
//# sourceMappingURL=events-acks.test.js.map