"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const errors_1 = require("../src/errors");
const server_1 = require("../src/server");
const recovery_options_1 = require("../src/recovery-options");
const errors_2 = require("./support/errors");
describe('Server', () => {
    describe('#constructor connectionStateRecovery', () => {
        const servers = [];
        const newServer = (value) => {
            const server = new server_1.Server({ logger: false, connectionStateRecovery: value });
            servers.push(server);
            return server;
        };
        afterEach(async () => {
            await Promise.all(servers.splice(0).map((server) => server.close()));
        });
        it('is off by default and with false', () => {
            (0, chai_1.expect)(new server_1.Server({ logger: false }).recovery).to.equal(null);
            (0, chai_1.expect)(newServer(false).recovery).to.equal(null);
        });
        it("takes Socket.IO's defaults for {} and the documented bounds", () => {
            (0, chai_1.expect)(newServer({}).recovery).to.deep.equal({
                maxDisconnectionDuration: 120_000,
                skipMiddlewares: true,
                maxPackets: 10_000,
                maxBytes: 16 * 1024 * 1024,
            });
            (0, chai_1.expect)(recovery_options_1.RECOVERY_DEFAULTS.maxDisconnectionDuration).to.equal(120_000);
        });
        it('keeps the given settings over the defaults', () => {
            (0, chai_1.expect)(newServer({ maxDisconnectionDuration: 500, skipMiddlewares: false, maxPackets: 3 }).recovery).to.deep.equal({
                maxDisconnectionDuration: 500,
                skipMiddlewares: false,
                maxPackets: 3,
                maxBytes: 16 * 1024 * 1024,
            });
        });
        it('is refused with the Redis pub/sub adapter of messageQueue, which stores no packets', () => {
            const error = (0, errors_2.thrownBy)(() => new server_1.Server({ logger: false, connectionStateRecovery: {}, messageQueue: 'redis://127.0.0.1:6379' }), errors_1.ConfigurationError, 'CLASSIO_ERR_CONFIG');
            (0, chai_1.expect)(error.message).to.match(/^connectionStateRecovery needs an adapter that stores packets/);
        });
        const wrong = [
            ['true', true, /^connectionStateRecovery must be an object/],
            ['a number', 5, /^connectionStateRecovery must be an object/],
            ['a negative window', { maxDisconnectionDuration: -1 }, /maxDisconnectionDuration must be a positive number/],
            ['a window past setTimeout', { maxDisconnectionDuration: 2 ** 31 }, /maxDisconnectionDuration/],
            ['a string flag', { skipMiddlewares: 'yes' }, /skipMiddlewares must be a boolean, got "yes"/],
            ['a fractional count', { maxPackets: 1.5 }, /maxPackets must be a positive integer, got 1.5/],
            ['a zero byte bound', { maxBytes: 0 }, /maxBytes must be a positive integer, got 0/],
            ['a misspelt setting', { maxDisconectionDuration: 1 }, /unknown option "maxDisconectionDuration"; did you mean/],
        ];
        for (const [what, value, message] of wrong) {
            it(`refuses ${what} with CLASSIO_ERR_CONFIG`, () => {
                const error = (0, errors_2.thrownBy)(() => newServer(value), errors_1.ConfigurationError, 'CLASSIO_ERR_CONFIG');
                (0, chai_1.expect)(error.message).to.match(message);
            });
        }
    });
});
//# sourceMappingURL=recovery-options.test.js.map