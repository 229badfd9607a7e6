"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const redis_1 = require("../../src/adapter/redis");
const errors_1 = require("../../src/errors");
const server_1 = require("../../src/server");
const errors_2 = require("../support/errors");
const URL = 'redis://127.0.0.1:6379';
describe('createRedisStreamsAdapter', () => {
    function refusal(options) {
        return (0, errors_2.thrownBy)(() => (0, redis_1.createRedisStreamsAdapter)(options), errors_1.ConfigurationError, 'CLASSIO_ERR_CONFIG');
    }
    it('refuses a URL that is not redis:// or rediss://', () => {
        (0, chai_1.expect)(refusal({ url: 'http://127.0.0.1:6379' }).message).to.match(/must be a redis:\/\/ or rediss:\/\/ URL/);
    });
    it('refuses an unknown option and names it', () => {
        (0, chai_1.expect)(refusal({ url: URL, maxLength: 10 }).message).to.include('maxLength');
    });
    for (const name of [
        'maxLen',
        'readCount',
        'blockTimeInMs',
        'heartbeatInterval',
        'requestsTimeout',
        'sessionSyncInterval',
    ]) {
        it(`refuses a ${name} that is not a positive integer`, () => {
            (0, chai_1.expect)(refusal({ url: URL, [name]: 0 }).message).to.equal(`${name} must be a positive integer (at most 2^31 - 1), got 0`);
            (0, chai_1.expect)(refusal({ url: URL, [name]: 1.5 }).message).to.include(`${name} must be a positive integer`);
        });
    }
    it('refuses an empty streamName or sessionKeyPrefix', () => {
        (0, chai_1.expect)(refusal({ url: URL, streamName: '' }).message).to.equal('streamName must be a non-empty string, got ""');
        (0, chai_1.expect)(refusal({ url: URL, sessionKeyPrefix: '' }).message).to.equal('sessionKeyPrefix must be a non-empty string, got ""');
    });
    it('refuses a heartbeatTimeout that is not longer than heartbeatInterval', () => {
        (0, chai_1.expect)(refusal({ url: URL, heartbeatInterval: 5000, heartbeatTimeout: 5000 }).message).to.equal('heartbeatTimeout (5000) must be longer than heartbeatInterval (5000)');
    });
    it('is the adapter that makes connectionStateRecovery work in a cluster, where messageQueue is refused', () => {
        const error = (0, errors_2.thrownBy)(() => new server_1.Server({ messageQueue: URL, connectionStateRecovery: {}, logger: false }), errors_1.ConfigurationError, 'CLASSIO_ERR_CONFIG');
        (0, chai_1.expect)(error.message).to.include('createRedisStreamsAdapter');
    });
});
//# sourceMappingURL=redis-streams-options.test.js.map