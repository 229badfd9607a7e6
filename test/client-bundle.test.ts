import { expect } from 'chai';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Server } from '../src/server';
import { ConfigurationError } from '../src/errors';
import { httpRequest } from './support/raw-engine-client';
import { startServer } from './support/io';
import { thrownBy } from './support/errors';
import type * as BundleModule from '../src/client-bundle';
import type * as ErrorsModule from '../src/errors';

const dist = join(dirname(require.resolve('socket.io-client/package.json')), 'dist');
const FILES = ['socket.io.js', 'socket.io.min.js', 'socket.io.esm.min.js', 'socket.io.msgpack.min.js'];

describe('Server', () => {
  describe('serveClient', () => {
    let server: Server;
    let base: string;

    beforeEach(async () => {
      server = await startServer({ serveClient: true });
      base = `http://127.0.0.1:${server.port}/socket.io/`;
    });

    afterEach(async () => {
      await server.close();
    });

    for (const name of [...FILES, ...FILES.map((file) => `${file}.map`)]) {
      it(`serves ${name} from the installed socket.io-client, and 304 for its ETag`, async () => {
        const answer = await httpRequest(`${base}${name}`);
        expect(answer.status).to.equal(200);
        expect(answer.body).to.equal(readFileSync(join(dist, name), 'utf8'));
        expect(answer.headers['content-type']).to.match(
          name.endsWith('.map') ? /^application\/json/ : /^application\/javascript/,
        );
        const etag = answer.headers.etag!;
        expect(etag).to.match(/^"[\w-]+"$/);
        const again = await httpRequest(`${base}${name}`, { headers: { 'If-None-Match': etag } });
        expect(again.status).to.equal(304);
        expect(again.body).to.equal('');
        expect(again.headers.etag).to.equal(etag);
      });
    }

    it('answers 200 for an ETag that is not current, and serves the file with a query string', async () => {
      const answer = await httpRequest(`${base}socket.io.min.js?v=1`, { headers: { 'If-None-Match': '"stale"' } });
      expect(answer.status).to.equal(200);
      expect(answer.body.length).to.equal(readFileSync(join(dist, 'socket.io.min.js'), 'utf8').length);
    });

    it('leaves other paths to the engine', async () => {
      const answer = await httpRequest(`${base}socket.io.other.js`);
      expect(answer.status).to.equal(400);
      expect(JSON.parse(answer.body)).to.deep.equal({ code: 0, message: 'Transport unknown' });
      const handshake = await httpRequest(`${base}?EIO=4&transport=polling`);
      expect(handshake.status).to.equal(200);
      expect(handshake.body.startsWith('0{')).to.equal(true);
    });

    it('refuses a POST to a bundle file', async () => {
      const answer = await httpRequest(`${base}socket.io.js`, { method: 'POST', body: 'x' });
      expect(answer.status).to.equal(405);
    });
  });

  describe('serveClient off', () => {
    it('serves no bundle by default (the engine answers the path)', async () => {
      const server = await startServer();
      try {
        const answer = await httpRequest(`http://127.0.0.1:${server.port}/socket.io/socket.io.js`);
        expect(answer.status).to.equal(400);
      } finally {
        await server.close();
      }
    });

    it('refuses a serveClient that is not a boolean', () => {
      const error = thrownBy(
        () => new Server({ logger: false, serveClient: 'yes' as never }),
        ConfigurationError,
        'CLASSIO_ERR_CONFIG',
      );
      expect(error.message).to.equal('serveClient must be a boolean, got yes');
    });

    it('throws a ConfigurationError at startup when socket.io-client is not installed', () => {
      // The bundle module, alone in a directory from which no node_modules is reachable.
      const alone = mkdtempSync(join(tmpdir(), 'classio-bundle-'));
      try {
        for (const file of ['client-bundle.js', 'errors.js'])
          copyFileSync(join(__dirname, '..', 'src', file), join(alone, file));
        /* eslint-disable @typescript-eslint/no-require-imports -- the copies must be loaded from where they are */
        const { ClientBundle } = require(join(alone, 'client-bundle.js')) as typeof BundleModule;
        const errors = require(join(alone, 'errors.js')) as typeof ErrorsModule;
        /* eslint-enable @typescript-eslint/no-require-imports */
        let error: unknown;
        try {
          new ClientBundle('/socket.io/');
        } catch (err) {
          error = err;
        }
        // The copy's own classes: the catalogue's thrownBy() knows the original ones.
        expect(error).to.be.instanceOf(errors.ConfigurationError);
        expect(error).to.have.property('code', 'CLASSIO_ERR_CONFIG');
        expect((error as Error).message).to.equal(
          'option "serveClient" is on, but the package socket.io-client is not installed: ' +
            'run npm install socket.io-client, or set serveClient: false',
        );
      } finally {
        rmSync(alone, { recursive: true, force: true });
      }
    });
  });
});
