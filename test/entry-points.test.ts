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
      expect(loaded).not.to.include('dist/src/emitter.js');
      expect(loaded.filter((file) => /node_modules\/(ioredis|notepack\.io)\//.test(file))).to.deep.equal([]);
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
