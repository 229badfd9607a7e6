import { expect } from 'chai';
import { buildClientTypes } from '../../src/contract/client-types';
import { createShopServer } from './fixtures/shop-app';
import { runCli } from './support-cli';

const ENTRY = 'dist/test/contract/fixtures/shop-entry.js';

describe('classio (the bin)', function () {
  // Each run is a Node process that loads the app, class-validator and the schema library.
  this.timeout(60_000);

  describe('asyncapi', () => {
    it("writes the entry's server.asyncapi() document as JSON", async () => {
      const result = await runCli(['asyncapi', ENTRY]);
      expect(result.stderr).to.equal('');
      expect(result.code).to.equal(0);
      expect(JSON.parse(result.stdout)).to.deep.equal(createShopServer().asyncapi());
    });

    it('passes --title and --api-version to the document', async () => {
      const result = await runCli(['asyncapi', ENTRY, '--title', 'Shop API', '--api-version', '3.1.4']);
      expect(result.code).to.equal(0);
      expect((JSON.parse(result.stdout) as { info: unknown }).info).to.deep.include({
        title: 'Shop API',
        version: '3.1.4',
      });
    });

    it('takes a named export with --export (a function building the server)', async () => {
      const result = await runCli([
        'asyncapi',
        'dist/test/contract/fixtures/shop-app.js',
        '--export',
        'createShopServer',
      ]);
      expect(result.code).to.equal(0);
      expect(JSON.parse(result.stdout)).to.deep.equal(createShopServer().asyncapi());
    });
  });

  describe('client-types', () => {
    it('writes the declarations of the same document', async () => {
      const result = await runCli(['client-types', ENTRY]);
      expect(result.code).to.equal(0);
      expect(result.stdout).to.equal(buildClientTypes(createShopServer().asyncapi()));
    });
  });

  describe('mistakes', () => {
    it('exits with 2 and the usage for an unknown command', async () => {
      const result = await runCli(['openapi', ENTRY]);
      expect(result.code).to.equal(2);
      expect(result.stdout).to.equal('');
      expect(result.stderr).to.match(/^classio: cannot run "openapi dist\/test\/contract\/fixtures\/shop-entry\.js"\n/);
      expect(result.stderr).to.include('Usage:');
    });

    it('exits with 2 without an entry, and for an unknown flag', async () => {
      expect((await runCli(['asyncapi'])).code).to.equal(2);
      const flag = await runCli(['asyncapi', ENTRY, '--tilte', 'x']);
      expect(flag.code).to.equal(2);
      expect(flag.stderr).to.include("Unknown option '--tilte'");
    });

    it('exits with 1 when the entry exports no server', async () => {
      const result = await runCli(['asyncapi', 'dist/test/contract/fixtures/no-server-entry.js']);
      expect(result.code).to.equal(1);
      expect(result.stdout).to.equal('');
      expect(result.stderr).to.include('exports no classio server');
    });

    it('exits with 1 for a missing export and a missing entry', async () => {
      const missingExport = await runCli(['asyncapi', ENTRY, '--export', 'nope']);
      expect(missingExport.code).to.equal(1);
      expect(missingExport.stderr).to.equal(`classio: ${ENTRY} has no export named nope\n`);
      const missingEntry = await runCli(['client-types', 'dist/no-such-entry.js']);
      expect(missingEntry.code).to.equal(1);
      expect(missingEntry.stderr).to.include('Cannot find module');
    });
  });
});
