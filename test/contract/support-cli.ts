import { execFile } from 'node:child_process';
import * as path from 'node:path';

/** The repository root, from dist/test/contract. */
export const ROOT = path.resolve(__dirname, '../../..');

/** The compiled `classio` bin. */
export const CLI = path.join(ROOT, 'dist', 'src', 'contract', 'cli.js');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the `classio` command as a real process, from the repository root. */
export function runCli(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      // A non-zero exit is a result; anything else (not started, killed by the timeout) fails the test.
      if (error === null) resolve({ code: 0, stdout, stderr });
      else if (typeof error.code === 'number') resolve({ code: error.code, stdout, stderr });
      else reject(new Error(`classio ${args.join(' ')} did not run: ${error.message}`, { cause: error }));
    });
  });
}
