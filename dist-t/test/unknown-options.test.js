"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const errors_1 = require("../src/errors");
const server_1 = require("../src/engine/server");
const server_2 = require("../src/server");
const errors_2 = require("./support/errors");
/**
 * An options object is spread over complete defaults, so a name nobody reads would be ignored without a word: a
 * misspelling, or a Socket.IO option under which ported code would run with another meaning. Each is refused, once,
 * in the constructor.
 */
/** The ConfigurationError that `construct` throws (fails the test when it throws nothing). */
function configurationError(construct) {
    return (0, errors_2.thrownBy)(construct, errors_1.ConfigurationError, 'CLASSIO_ERR_CONFIG');
}
function newServer(options) {
    return new server_2.Server({ logger: false, ...options });
}
describe('Server', () => {
    describe('#constructor options', () => {
        const socketIoOptions = [
            ['wsEngine', class {
                }],
            ['addTrailingSlash', false],
        ];
        for (const [name, value] of socketIoOptions) {
            it(`refuses the Socket.IO option ${name}, saying classio does not support it yet`, () => {
                const error = configurationError(() => newServer({ [name]: value }));
                (0, chai_1.expect)(error.message).to.match(new RegExp(`^new Server\\(\\): option "${name}" is a Socket.IO option that classio does not support yet`));
            });
        }
        it('accepts the Socket.IO options classio implements, with their Socket.IO values', async () => {
            const server = newServer({
                serveClient: false,
                allowEIO3: false,
                cookie: false,
                perMessageDeflate: false,
                httpCompression: false,
                cleanupEmptyChildNamespaces: false,
            });
            (0, chai_1.expect)(server.engine.settings.path).to.equal('/socket.io/');
            await server.close();
        });
        it('refuses a misspelt option, suggesting the closest name', () => {
            (0, chai_1.expect)(configurationError(() => newServer({ pingIntreval: 1000 })).message).to.equal('new Server(): unknown option "pingIntreval"; did you mean "pingInterval"?');
            (0, chai_1.expect)(configurationError(() => newServer({ maxhttpbuffersize: 1000 })).message).to.equal('new Server(): unknown option "maxhttpbuffersize"; did you mean "maxHttpBufferSize"?');
        });
        it('refuses a name that resembles no option, listing the options', () => {
            const error = configurationError(() => newServer({ compression: true }));
            (0, chai_1.expect)(error.message).to.match(/^new Server\(\): unknown option "compression"; the options are path, /);
            (0, chai_1.expect)(error.message).to.contain('connectTimeout').and.contain('pingInterval').and.contain('logger');
        });
        it('ignores a name set to undefined, which asks for nothing', async () => {
            const server = newServer({ pingIntreval: undefined, connectTimeout: undefined });
            (0, chai_1.expect)(server.connectTimeout).to.equal(45_000);
            await server.close();
        });
        it('refuses an unknown cors option', () => {
            (0, chai_1.expect)(configurationError(() => newServer({ cors: { origins: ['https://a.example'] } })).message).to.equal('engine option "cors": unknown option "origins"; did you mean "origin"?');
            (0, chai_1.expect)(configurationError(() => newServer({ cors: { exposedHeaders: ['x-id'] } })).message).to.match(/^engine option "cors": option "exposedHeaders" is a Socket.IO option that classio does not support yet/);
        });
        it("refuses Engine.IO's callback form of allowRequest, which would refuse every handshake", () => {
            const callbackForm = (_req, callback) => callback(null, true);
            (0, chai_1.expect)(configurationError(() => newServer({ allowRequest: callbackForm })).message).to.equal('engine option "allowRequest" takes (req) and returns a boolean or a promise of one; ' +
                "Engine.IO's callback form (req, callback) is not supported");
        });
        it('accepts every option it documents', async () => {
            const server = newServer({
                path: '/io/',
                pingInterval: 1000,
                pingTimeout: 1000,
                upgradeTimeout: 1000,
                maxHttpBufferSize: 1000,
                maxBufferedBytes: 1000,
                transports: ['websocket'],
                allowUpgrades: false,
                cors: { origin: '*', credentials: false, methods: ['GET'], allowedHeaders: ['x'], maxAge: 1 },
                allowRequest: () => true,
                allowedOrigins: ['https://a.example'],
                connectTimeout: 1000,
                maxAttachments: 1,
                maxPendingAcks: 1,
                adapter: undefined,
                messageQueue: undefined,
                channel: 'c',
                container: undefined,
            });
            (0, chai_1.expect)(server.engine.settings.path).to.equal('/io/');
            (0, chai_1.expect)(server.engine.settings.transports).to.deep.equal(['websocket']);
            await server.close();
        });
    });
});
describe('EngineServer', () => {
    describe('#constructor options', () => {
        it('refuses, when constructed alone, an option it does not read', () => {
            (0, chai_1.expect)(configurationError(() => new server_1.EngineServer({ connectTimeout: 5 })).message).to.match(/^new EngineServer\(\): unknown option "connectTimeout"; the options are path, pingInterval, /);
            (0, chai_1.expect)(configurationError(() => new server_1.EngineServer({ pingtimeout: 5 })).message).to.equal('new EngineServer(): unknown option "pingtimeout"; did you mean "pingTimeout"?');
            (0, chai_1.expect)(configurationError(() => new server_1.EngineServer({ wsEngine: {} })).message).to.match(/^new EngineServer\(\): option "wsEngine" is a Socket.IO option that classio does not support yet/);
        });
    });
});
//# sourceMappingURL=unknown-options.test.js.map