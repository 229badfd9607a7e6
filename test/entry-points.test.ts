import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The modules a fresh Node process has loaded after requiring `entry` (paths relative to the repository). */
function modulesLoadedBy(entry: string): string[] {
  const root = resolve(__dirname, '..', '..');
  const script = `require(${JSON.stringify(resolve(root, entry))});
    process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  const loaded = JSON.parse(
    execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }),
  ) as string[];
  return loaded.map((file) => file.slice(root.length + 1).replaceAll('\\', '/'));
}

describe('Package entries', () => {
  describe('classio', () => {
    it('loads neither the test client nor the Redis adapter, ioredis, notepack.io or the Emitter', function () {
      this.timeout(20_000);
      const loaded = modulesLoadedBy('dist/src/index.js');
      expect(loaded).to.include('dist/src/server.js');
      expect(loaded.filter((file) => file.startsWith('dist/src/testing/'))).to.deep.equal([]);
      expect(loaded.filter((file) => file.startsWith('dist/src/adapter/redis/'))).to.deep.equal([]);
      expect(
        loaded.filter((file) => file.startsWith('dist/src/cluster/') || file.startsWith('dist/src/adapter/cluster/')),
      ).to.deep.equal([]);
      expect(loaded).not.to.include('dist/src/emitter.js');
      expect(loaded.filter((file) => /node_modules\/(ioredis|notepack\.io)\//.test(file))).to.deep.equal([]);
      expect(
        loaded.filter((file) => file.startsWith('dist/src/admin-ui/') || /node_modules\/bcryptjs\//.test(file)),
      ).to.deep.equal([]);
    });
  });

  describe('classio/admin-ui', () => {
    it('loads bcryptjs, and neither the Redis adapter nor ioredis', function () {
      this.timeout(20_000);
      const loaded = modulesLoadedBy('dist/src/admin-ui/index.js');
      expect(loaded.some((file) => /node_modules\/bcryptjs\//.test(file))).to.equal(true);
      expect(loaded.filter((file) => file.startsWith('dist/src/adapter/redis/'))).to.deep.equal([]);
      expect(loaded.filter((file) => /node_modules\/ioredis\//.test(file))).to.deep.equal([]);
    });
  });

  describe('classio/cluster', () => {
    it('loads the cluster adapter, and neither the Redis adapter nor ioredis', function () {
      this.timeout(20_000);
      const loaded = modulesLoadedBy('dist/src/cluster/index.js');
      expect(loaded).to.include('dist/src/adapter/cluster/cluster-link.js');
      expect(loaded.filter((file) => file.startsWith('dist/src/adapter/redis/'))).to.deep.equal([]);
      expect(loaded.filter((file) => /node_modules\/ioredis\//.test(file))).to.deep.equal([]);
    });
  });

  describe('classio errors', () => {
    it('exports every class of the error catalogue, so that users can test errors with instanceof', async () => {
      const catalogue = await import('../src/errors');
      const entry = (await import('../src')) as Record<string, unknown>;
      const classes = Object.entries(catalogue).filter(
        ([, value]) => typeof value === 'function' && (value as { prototype: unknown }).prototype instanceof Error,
      );
      expect(classes.length).to.be.greaterThan(10);
      for (const [name, value] of classes) expect(entry[name], `classio exports ${name}`).to.equal(value);
    });
  });

  describe('classio/emitter', () => {
    it('loads neither the server nor the DTO libraries', function () {
      this.timeout(20_000);
      const loaded = modulesLoadedBy('dist/src/emitter.js');
      expect(loaded).not.to.include('dist/src/server.js');
      expect(
        loaded.filter((file) => /node_modules\/(tsyringe|class-validator|class-transformer)\//.test(file)),
      ).to.deep.equal([]);
    });
  });
});
