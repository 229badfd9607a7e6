import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '../../src/errors';
import { checkInstalledPeers, DTO_PEERS } from '../../src/runtime/peer-versions';

/** A scratch project whose node_modules holds the given versions of the DTO libraries. */
function projectWith(versions: Record<string, string>): { resolve: (name: string) => string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'classio-peers-'));
  for (const [name, version] of Object.entries(versions)) {
    const directory = join(root, 'node_modules', name);
    mkdirSync(join(directory, 'cjs'), { recursive: true });
    writeFileSync(join(directory, 'package.json'), JSON.stringify({ name, version, main: './cjs/index.js' }));
    writeFileSync(join(directory, 'cjs', 'index.js'), '');
  }
  return { resolve: (name) => createRequire(join(root, 'index.js')).resolve(name), root };
}

describe('DTO peer versions', () => {
  const roots: string[] = [];

  function scratch(versions: Record<string, string>): (name: string) => string {
    const project = projectWith(versions);
    roots.push(project.root);
    return project.resolve;
  }

  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  describe('#checkInstalledPeers', () => {
    it('accepts the versions installed for the tests', () => {
      expect(() => checkInstalledPeers(require.resolve)).not.to.throw();
    });

    it('accepts the lowest and the highest version of each range', () => {
      expect(() =>
        checkInstalledPeers(scratch({ 'class-transformer': '0.5.1', 'class-validator': '0.14.2' })),
      ).not.to.throw();
      expect(() =>
        checkInstalledPeers(scratch({ 'class-transformer': '0.5.9', 'class-validator': '0.15.9' })),
      ).not.to.throw();
    });

    it('refuses class-transformer 0.4, naming the package, the version found and the range supported', () => {
      const resolvePackage = scratch({ 'class-transformer': '0.4.0', 'class-validator': '0.15.1' });
      expect(() => checkInstalledPeers(resolvePackage))
        .to.throw(ConfigurationError)
        .that.satisfies((err: ConfigurationError) => {
          expect(err.code).to.equal('CLASSIO_ERR_CONFIG');
          expect(err.message).to.match(
            /^classio supports class-transformer ~0\.5\.1, but class-transformer 0\.4\.0 is installed \(.*node_modules[/\\]class-transformer\): install a supported version, for example npm install class-transformer@"~0\.5\.1"$/,
          );
          return true;
        });
    });

    it('refuses a class-validator past the range', () => {
      const resolvePackage = scratch({ 'class-transformer': '0.5.1', 'class-validator': '0.16.0' });
      expect(() => checkInstalledPeers(resolvePackage)).to.throw(
        ConfigurationError,
        'classio supports class-validator ^0.14.2 || ^0.15.0, but class-validator 0.16.0 is installed',
      );
    });

    it('refuses a class-validator before the range', () => {
      const resolvePackage = scratch({ 'class-transformer': '0.5.1', 'class-validator': '0.14.1' });
      expect(() => checkInstalledPeers(resolvePackage)).to.throw(
        ConfigurationError,
        'class-validator 0.14.1 is installed',
      );
    });

    it('names a peer dependency that is not installed', () => {
      const resolvePackage = scratch({ 'class-transformer': '0.5.1' });
      expect(() => checkInstalledPeers(resolvePackage)).to.throw(
        ConfigurationError,
        'classio needs the peer dependency class-validator: npm install class-validator',
      );
    });
  });

  describe('package.json', () => {
    it('declares the ranges the runtime checks as peer dependencies', () => {
      const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as {
        peerDependencies: Record<string, string>;
      };
      for (const peer of DTO_PEERS) expect(manifest.peerDependencies[peer.name]).to.equal(peer.range);
    });
  });
});
