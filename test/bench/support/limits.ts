import { execFileSync } from 'node:child_process';

/**
 * Raises this process's descriptor limit (soft and hard) to `needed` with `prlimit`, so that the server and load
 * processes it spawns afterwards inherit it. Raising the hard limit takes root or CAP_SYS_RESOURCE; without them
 * the run goes on and says that the largest sizes may fail with EMFILE.
 */
export function raiseDescriptorLimit(needed: number, label: string): void {
  try {
    execFileSync('prlimit', ['--pid', String(process.pid), `--nofile=${needed}:${needed}`], { stdio: 'ignore' });
  } catch {
    console.error(
      `[${label}] could not raise the descriptor limit to ${needed} (prlimit, root or CAP_SYS_RESOURCE): ` +
        'the largest runs may fail with EMFILE',
    );
  }
}

/** This process's soft descriptor limit (`ulimit -n`), or Infinity when the shell cannot say. */
export function descriptorLimit(): number {
  try {
    const limit = Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
    return Number.isFinite(limit) ? limit : Infinity;
  } catch {
    return Infinity;
  }
}
