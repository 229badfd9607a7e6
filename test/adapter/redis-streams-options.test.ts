import { expect } from 'chai';
import { createRedisStreamsAdapter, type CreateRedisStreamsAdapterOptions } from '../../src/adapter/redis';
import { ConfigurationError } from '../../src/errors';
import { Server } from '../../src/server';
import { thrownBy } from '../support/errors';

const URL = 'redis://127.0.0.1:6379';

describe('createRedisStreamsAdapter', () => {
  function refusal(options: Record<string, unknown>): ConfigurationError {
    return thrownBy(
      () => createRedisStreamsAdapter(options as unknown as CreateRedisStreamsAdapterOptions),
      ConfigurationError,
      'CLASSIO_ERR_CONFIG',
    );
  }

  it('refuses a URL that is not redis:// or rediss://', () => {
    expect(refusal({ url: 'http://127.0.0.1:6379' }).message).to.match(/must be a redis:\/\/ or rediss:\/\/ URL/);
  });

  it('refuses an unknown option and names it', () => {
    expect(refusal({ url: URL, maxLength: 10 }).message).to.include('maxLength');
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
      expect(refusal({ url: URL, [name]: 0 }).message).to.equal(
        `${name} must be a positive integer (at most 2^31 - 1), got 0`,
      );
      expect(refusal({ url: URL, [name]: 1.5 }).message).to.include(`${name} must be a positive integer`);
    });
  }

  it('refuses an empty streamName or sessionKeyPrefix', () => {
    expect(refusal({ url: URL, streamName: '' }).message).to.equal('streamName must be a non-empty string, got ""');
    expect(refusal({ url: URL, sessionKeyPrefix: '' }).message).to.equal(
      'sessionKeyPrefix must be a non-empty string, got ""',
    );
  });

  it('refuses a heartbeatTimeout that is not longer than heartbeatInterval', () => {
    expect(refusal({ url: URL, heartbeatInterval: 5000, heartbeatTimeout: 5000 }).message).to.equal(
      'heartbeatTimeout (5000) must be longer than heartbeatInterval (5000)',
    );
  });

  it('is the adapter that makes connectionStateRecovery work in a cluster, where messageQueue is refused', () => {
    const error = thrownBy(
      () => new Server({ messageQueue: URL, connectionStateRecovery: {}, logger: false }),
      ConfigurationError,
      'CLASSIO_ERR_CONFIG',
    );
    expect(error.message).to.include('createRedisStreamsAdapter');
  });
});
