import { expect } from 'chai';
import { acceptSticky, createClusterAdapter, listenSticky, setupPrimary } from '../../src/cluster';
import { ConfigurationError } from '../../src/errors';
import { Server } from '../../src/server';
import { thrownBy } from '../support/errors';

/** classio/cluster's entry points check their options and the process they run in, once, when called. */
describe('classio/cluster options', () => {
  function configurationError(run: () => unknown): ConfigurationError {
    return thrownBy(run, ConfigurationError, 'CLASSIO_ERR_CONFIG');
  }

  describe('createClusterAdapter', () => {
    it('refuses a misspelt option, suggesting the closest name', () => {
      expect(configurationError(() => createClusterAdapter({ requestTimeout: 10 } as never)).message).to.equal(
        'createClusterAdapter(): unknown option "requestTimeout"; did you mean "requestsTimeout"?',
      );
    });

    it('refuses a requestsTimeout that is not a positive number and an empty channel', () => {
      expect(configurationError(() => createClusterAdapter({ requestsTimeout: 0 })).message).to.equal(
        'createClusterAdapter(): requestsTimeout must be a positive number of milliseconds, got 0',
      );
      expect(configurationError(() => createClusterAdapter({ channel: '' })).message).to.equal(
        'createClusterAdapter(): channel must be a non-empty string, got ""',
      );
    });

    it('refuses to run outside a cluster worker, naming the adapters that fit', () => {
      expect(configurationError(() => createClusterAdapter()).message).to.match(
        /^createClusterAdapter\(\) must run in a worker of a Node cluster \(cluster\.fork\(\)\); in one process/,
      );
    });
  });

  describe('listenSticky', () => {
    it('refuses an unknown option, a bad port and a bad cookie name', () => {
      expect(
        configurationError(() => listenSticky({ port: 0, loadBalancingMethod: 'random' } as never)).message,
      ).to.match(/^listenSticky\(\): unknown option "loadBalancingMethod"; the options are port, host, cookie$/);
      expect(configurationError(() => listenSticky({ port: 70_000 })).message).to.equal(
        'listenSticky(): port must be an integer from 0 to 65535, got 70000',
      );
      expect(configurationError(() => listenSticky({ port: 0, cookie: 'a b' })).message).to.equal(
        'listenSticky(): cookie must be a cookie name, got "a b"',
      );
    });
  });

  describe('setupPrimary', () => {
    it('returns one relay per process until it is closed', () => {
      const relay = setupPrimary();
      try {
        expect(setupPrimary()).to.equal(relay);
        expect(relay.countSubscribers('nobody#/#')).to.equal(0);
      } finally {
        relay.close();
      }
      const next = setupPrimary();
      next.close();
      expect(next).not.to.equal(relay);
    });
  });

  describe('acceptSticky', () => {
    it('refuses to run outside a cluster worker', async () => {
      const server = new Server({ logger: false });
      try {
        const err = await acceptSticky(server).catch((e: unknown) => e);
        expect(err).to.be.instanceOf(ConfigurationError);
        expect((err as Error).message).to.equal(
          'acceptSticky() must run in a worker of a Node cluster (cluster.fork())',
        );
      } finally {
        await server.close();
      }
    });
  });
});
