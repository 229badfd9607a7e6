import { expect } from 'chai';
import { ConfigurationError } from '../src/errors';
import { Server } from '../src/server';
import { RECOVERY_DEFAULTS } from '../src/recovery-options';
import { thrownBy } from './support/errors';

describe('Server', () => {
  describe('#constructor connectionStateRecovery', () => {
    const servers: Server[] = [];
    const newServer = (value: unknown) => {
      const server = new Server({ logger: false, connectionStateRecovery: value as false });
      servers.push(server);
      return server;
    };

    afterEach(async () => {
      await Promise.all(servers.splice(0).map((server) => server.close()));
    });

    it('is off by default and with false', () => {
      expect(new Server({ logger: false }).recovery).to.equal(null);
      expect(newServer(false).recovery).to.equal(null);
    });

    it("takes Socket.IO's defaults for {} and the documented bounds", () => {
      expect(newServer({}).recovery).to.deep.equal({
        maxDisconnectionDuration: 120_000,
        skipMiddlewares: true,
        maxPackets: 10_000,
        maxBytes: 16 * 1024 * 1024,
      });
      expect(RECOVERY_DEFAULTS.maxDisconnectionDuration).to.equal(120_000);
    });

    it('keeps the given settings over the defaults', () => {
      expect(
        newServer({ maxDisconnectionDuration: 500, skipMiddlewares: false, maxPackets: 3 }).recovery,
      ).to.deep.equal({
        maxDisconnectionDuration: 500,
        skipMiddlewares: false,
        maxPackets: 3,
        maxBytes: 16 * 1024 * 1024,
      });
    });

    it('is refused with the Redis pub/sub adapter of messageQueue, which stores no packets', () => {
      const error = thrownBy(
        () => new Server({ logger: false, connectionStateRecovery: {}, messageQueue: 'redis://127.0.0.1:6379' }),
        ConfigurationError,
        'CLASSIO_ERR_CONFIG',
      );
      expect(error.message).to.match(/^connectionStateRecovery needs an adapter that stores packets/);
    });

    const wrong: [string, unknown, RegExp][] = [
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
        const error = thrownBy(() => newServer(value), ConfigurationError, 'CLASSIO_ERR_CONFIG');
        expect(error.message).to.match(message);
      });
    }
  });
});
