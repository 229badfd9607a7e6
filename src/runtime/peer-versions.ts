import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigurationError } from '../errors';

/**
 * The DTO libraries are peer dependencies: the user's decorators and classio must share one copy of each. The
 * compiled payload path goes further than their public API (it reads class-transformer's metadata maps and
 * reproduces its copy rules, and replays class-validator's metadata lookups), so a version outside the range it was
 * written against could accept what the library itself would refuse. npm refuses such an install; other clients
 * (or `--legacy-peer-deps`) only warn, so the runtime checks once, when the first DTO is compiled.
 */

/** One peer dependency checked at runtime, with the versions it is supported in. */
export interface PeerRequirement {
  readonly name: string;
  /** The range as package.json's `peerDependencies` spells it. */
  readonly range: string;
  /** The lowest supported version, as [major, minor, patch]. */
  readonly from: readonly [number, number, number];
  /** The first version past the range. */
  readonly below: readonly [number, number, number];
}

export const DTO_PEERS: readonly PeerRequirement[] = [
  // `plainToInstance` is 0.5's; `payload-validator-instance.ts` reads 0.5's `cjs/storage` maps and copy rules.
  { name: 'class-transformer', range: '~0.5.1', from: [0, 5, 1], below: [0, 6, 0] },
  // `payload-validator-checks.ts` replays `getTargetValidationMetadatas` and the executor of 0.14 and 0.15. Before
  // 0.14.2, a payload that is not an object makes validateSync throw instead of failing as an unknown value.
  { name: 'class-validator', range: '^0.14.2 || ^0.15.0', from: [0, 14, 2], below: [0, 16, 0] },
];

/** Resolves a package's entry point as classio's own `require` does. */
export type ResolvePackage = (name: string) => string;

/** Set once the installed versions passed, so that later DTOs skip the check. */
let isChecked = false;

/**
 * Throws a `ConfigurationError` naming the package, the version found and the range supported when the copy of a
 * DTO library that classio loads is outside its range. The copies checked are the ones classio's own `require`
 * finds, which, for peer dependencies, are the ones the user's code imports. Runs at registration, never per
 * message, and only until it first passes.
 */
export function checkDtoPeers(): void {
  if (isChecked) return;
  checkInstalledPeers(require.resolve);
  isChecked = true;
}

/** {@link checkDtoPeers} against the packages `resolve` finds (a test points it at another tree). */
export function checkInstalledPeers(resolve: ResolvePackage): void {
  for (const peer of DTO_PEERS) checkPeer(peer, findInstalled(peer.name, resolve));
}

interface InstalledPackage {
  readonly version: string;
  readonly directory: string;
}

function checkPeer(peer: PeerRequirement, installed: InstalledPackage): void {
  const version = /^(\d+)\.(\d+)\.(\d+)/.exec(installed.version);
  const parts = version === null ? null : [Number(version[1]), Number(version[2]), Number(version[3])];
  if (parts !== null && compare(parts, peer.from) >= 0 && compare(parts, peer.below) < 0) return;
  throw new ConfigurationError(
    `classio supports ${peer.name} ${peer.range}, but ${peer.name} ${installed.version} is installed ` +
      `(${installed.directory}): install a supported version, for example npm install ${peer.name}@"${peer.range}"`,
  );
}

/** The version of the package `name` resolves to: the nearest package.json of that name above its entry point. */
function findInstalled(name: string, resolve: ResolvePackage): InstalledPackage {
  let entry: string;
  try {
    entry = resolve(name);
  } catch (err) {
    throw new ConfigurationError(`classio needs the peer dependency ${name}: npm install ${name}`, { cause: err });
  }
  for (let directory = dirname(entry); ; directory = dirname(directory)) {
    const manifest = readManifest(join(directory, 'package.json'));
    if (manifest?.name === name && typeof manifest.version === 'string')
      return { version: manifest.version, directory };
    if (dirname(directory) === directory) break;
  }
  throw new ConfigurationError(`classio cannot tell which version of ${name} is installed (from ${entry})`);
}

function readManifest(file: string): { name?: unknown; version?: unknown } | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    return undefined;
  }
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
