import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * `npm run bench -- --compare <ref>`: the same workloads on a git ref and on the working tree, in one run.
 *
 * The ref's tree is exported with `git archive` (no worktree to clean up, nothing of the working tree leaks in),
 * shares the working tree's node_modules through a symlink, and is compiled with the working tree's `tsc`. Only
 * the classio servers come from the ref: the load generator and the runner stay the working tree's, so both sides
 * are driven and measured by the same code. A ref whose dependencies differ from the working tree's is measured
 * with the working tree's versions of them: say so when that matters.
 */

/** The ref being compared, once built. */
export interface ComparedRef {
  /** What the user named (`main`, `HEAD~3`, a sha). */
  readonly ref: string;
  /** The full commit it resolved to. */
  readonly commit: string;
  /** The compiled tree: `<directory>/dist/test/bench/servers/` holds its peer servers. */
  readonly directory: string;
}

/** Reads `--compare <ref>` (or `--compare=<ref>`) from the command line; null without it. */
export function readCompareRef(argv: readonly string[] = process.argv.slice(2)): string | null {
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument.startsWith('--compare=')) return argument.slice('--compare='.length) || null;
    if (argument === '--compare') {
      const ref = argv[index + 1];
      if (ref === undefined || ref.startsWith('--')) throw new Error('--compare needs a git ref: --compare main');
      return ref;
    }
  }
  return null;
}

function git(root: string, args: readonly string[]): string {
  return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * Exports and compiles `ref` under `<resultsDir>/compare/<commit>`, reusing an earlier build of the same commit.
 * Throws with the compiler's output when the ref does not build against the working tree's dependencies.
 */
export function buildRef(root: string, ref: string, resultsDir: string): ComparedRef {
  let commit: string;
  try {
    commit = git(root, ['rev-parse', '--verify', `${ref}^{commit}`]);
  } catch (error) {
    throw new Error(`--compare ${ref}: not a commit of the repository at ${root}`, { cause: error });
  }
  const directory = path.join(resultsDir, 'compare', commit);
  const marker = path.join(directory, '.built');
  if (fs.existsSync(marker)) return { ref, commit, directory };

  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  const archive = execFileSync('git', ['-C', root, 'archive', '--format=tar', commit], {
    maxBuffer: 512 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', directory], { input: archive });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
  const servers = path.join(directory, 'test', 'bench', 'servers');
  if (!fs.existsSync(servers)) throw new Error(`--compare ${ref}: the ref has no test/bench/servers to run`);
  console.error(`[bench] compiling ${ref} (${commit.slice(0, 10)}) in ${path.relative(root, directory)}`);
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', directory], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    throw new Error(`--compare ${ref}: the ref does not compile with the working tree's dependencies:\n${output}`, {
      cause: error,
    });
  }
  fs.writeFileSync(marker, `${commit}\n`);
  return { ref, commit, directory };
}
