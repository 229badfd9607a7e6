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
export declare function readCompareRef(argv?: readonly string[]): string | null;
/**
 * Exports and compiles `ref` under `<resultsDir>/compare/<commit>`, reusing an earlier build of the same commit.
 * Throws with the compiler's output when the ref does not build against the working tree's dependencies.
 */
export declare function buildRef(root: string, ref: string, resultsDir: string): ComparedRef;
