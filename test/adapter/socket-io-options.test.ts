import 'reflect-metadata';
import { expect } from 'chai';
import { createRedisAdapter } from '../../src/adapter/redis';
import { Emitter } from '../../src/emitter';
import { ConfigurationError } from '../../src/errors';
import { Server } from '../../src/server';

function configurationError(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigurationError);
    expect((err as ConfigurationError).code).to.equal('CLASSIO_ERR_CONFIG');
    return err as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError');
}

describe("Redis adapter, format 'socket.io': options", () => {
  it('refuses an unknown format', () => {
    expect(
      configurationError(() => createRedisAdapter({ url: 'redis://127.0.0.1:6379', format: 'json' as never })).message,
    ).to.equal(`format must be 'classio' or 'socket.io', got "json"`);
  });

  it('refuses connection state recovery at startup, before opening any connection', () => {
    const adapter = createRedisAdapter({ url: 'redis://127.0.0.1:6379', format: 'socket.io' });
    const err = configurationError(() => new Server({ adapter, connectionStateRecovery: {}, logger: false }));
    expect(err.message).to.match(/^namespace '\/': connectionStateRecovery needs an adapter that stores packets/);
  });

  it('refuses an unknown Emitter format', () => {
    expect(
      configurationError(() => new Emitter({ messageQueue: 'redis://127.0.0.1:6379', format: 'x' as never })).message,
    ).to.equal(`format must be 'classio' or 'socket.io', got "x"`);
  });
});
